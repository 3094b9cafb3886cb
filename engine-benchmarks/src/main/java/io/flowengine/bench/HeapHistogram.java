package io.flowengine.bench;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * The live objects on the heap by class, as {@code jcmd <pid> GC.class_histogram} prints them,
 * taken in-process through the HotSpot diagnostic-command MBean. Taking one runs a full collection
 * first, so it counts exactly the objects still reachable. Immutable.
 *
 * @param bytesByClass shallow bytes of the live instances of each class
 * @param totalBytes the sum over all classes
 */
public record HeapHistogram(Map<String, Long> bytesByClass, long totalBytes) {

  /** Collects garbage and returns the live objects now on the heap. */
  public static HeapHistogram take() {
    String text;
    try {
      text =
          (String)
              ManagementFactory.getPlatformMBeanServer()
                  .invoke(
                      new ObjectName("com.sun.management:type=DiagnosticCommand"),
                      "gcClassHistogram",
                      new Object[] {new String[0]},
                      new String[] {String[].class.getName()});
    } catch (JMException e) {
      throw new IllegalStateException("this JVM has no GC.class_histogram diagnostic command", e);
    }
    return parse(text);
  }

  /** Parses the text of {@code GC.class_histogram}. */
  static HeapHistogram parse(String text) {
    Map<String, Long> bytes = new HashMap<>();
    long total = 0;
    for (String line : text.split("\n", -1)) {
      String[] cols = line.trim().split("\\s+", -1);
      // " 1:  12345  67890  java.lang.String (java.base@25)"
      if (cols.length >= 4 && cols[0].endsWith(":")) {
        long b = Long.parseLong(cols[2]);
        bytes.merge(cols[3], b, Long::sum);
        total += b;
      }
    }
    return new HeapHistogram(Map.copyOf(bytes), total);
  }

  /** Returns the bytes per class that {@code later} holds beyond this histogram. */
  public Map<String, Long> growthTo(HeapHistogram later) {
    Map<String, Long> growth = new HashMap<>();
    later.bytesByClass.forEach(
        (name, b) -> {
          long delta = b - bytesByClass.getOrDefault(name, 0L);
          if (delta != 0) {
            growth.put(name, delta);
          }
        });
    return growth;
  }
}
