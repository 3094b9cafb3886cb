package io.flowengine.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * What the machine a run took place on is: CPU model, cores, memory, OS, and its load average.
 * {@link BenchmarkSuite} writes it beside the JMH result file when the run starts and adds the load
 * when it ends, so a report regenerated later still describes the machine that ran it.
 */
final class MachineInfo {
  private MachineInfo() {}

  /** Describes this machine now. */
  static Map<String, String> describe() {
    Map<String, String> info = new LinkedHashMap<>();
    info.put("cpu", cpuModel());
    info.put("cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
    info.put("memory", memory());
    info.put(
        "os",
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch"));
    info.put(
        "java",
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    info.put("loadAtStart", loadAverages());
    return info;
  }

  static String loadAverages() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+", -1);
      return parts[0] + " / " + parts[1] + " / " + parts[2] + " (1 / 5 / 15 min)";
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException | RuntimeException e) {
      // fall through
    }
    return System.getProperty("os.arch");
  }

  private static String memory() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
          return String.format("%.1f GiB", kib / 1024.0 / 1024.0);
        }
      }
    } catch (IOException | RuntimeException e) {
      // fall through
    }
    return "unknown";
  }

  /** Returns the file beside {@code resultFile} that holds its machine description. */
  static Path sidecar(Path resultFile) {
    return resultFile.resolveSibling(resultFile.getFileName() + ".machine.properties");
  }

  static void write(Path file, Map<String, String> info) throws IOException {
    Properties props = new Properties();
    props.putAll(info);
    try (var out = Files.newBufferedWriter(file)) {
      props.store(out, "machine of a benchmark run");
    }
  }

  static Map<String, String> read(Path file) throws IOException {
    Properties props = new Properties();
    try (var in = Files.newBufferedReader(file)) {
      props.load(in);
    }
    Map<String, String> info = new LinkedHashMap<>();
    for (String key :
        new String[] {
          "cpu",
          "cores",
          "memory",
          "os",
          "java",
          "loadAtStart",
          "loadAtEnd",
          "profile",
          "commit",
          "started",
          "finished"
        }) {
      if (props.getProperty(key) != null) {
        info.put(key, props.getProperty(key));
      }
    }
    return info;
  }
}
