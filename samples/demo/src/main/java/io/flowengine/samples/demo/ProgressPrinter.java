package io.flowengine.samples.demo;

import io.flowengine.Flow;
import io.flowengine.FlowListener;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Prints the demo's flows as they go: each state change, and progress every 10 percent.
 * Thread-safe: flows report concurrently.
 */
final class ProgressPrinter implements FlowListener {
  private final PrintStream out;
  private final Map<String, String> labels = new ConcurrentHashMap<>();
  private final Map<String, Integer> printedTenth = new ConcurrentHashMap<>();

  ProgressPrinter(PrintStream out) {
    this.out = out;
  }

  /** Names flow {@code flowId} {@code label} in what is printed; other flows are not printed. */
  void label(String flowId, String label) {
    labels.put(flowId, label);
  }

  @Override
  public void onStateChange(@Nullable Flow previous, Flow current) {
    String label = labels.get(current.id());
    if (label != null) {
      out.printf(
          "  %-16s %-9s %3.0f%%%s%n",
          label,
          current.state().wireName(),
          current.progress() * 100,
          current.error() == null ? "" : "  " + current.error());
    }
  }

  @Override
  public void onProgress(Flow flow) {
    String label = labels.get(flow.id());
    if (label == null) {
      return;
    }
    int tenth = (int) Math.floor(flow.progress() * 10);
    boolean[] advanced = {false};
    printedTenth.compute(
        flow.id(),
        (id, before) -> {
          advanced[0] = before == null || tenth > before;
          return advanced[0] ? tenth : before;
        });
    if (advanced[0]) {
      out.printf("  %-16s %-9s %3d%%%n", label, flow.state().wireName(), tenth * 10);
    }
  }
}
