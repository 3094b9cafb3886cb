package io.flowengine.h2;

import io.flowengine.Asset;
import io.flowengine.Flow;
import io.flowengine.FlowEngine;
import io.flowengine.FlowState;
import io.flowengine.NewAsset;
import io.flowengine.NewFlow;
import io.flowengine.Template;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A measurement, not a test: how many flows per second an engine on an H2 file creates and
 * completes in each {@link Durability} mode. Each flow has one input of 1 KiB that its one step
 * copies to an output. Runs {@code flows} flows with {@code inFlight} of them at a time, after a
 * warm-up of the same size, in a new temporary directory, and prints flows per second. The numbers
 * in the module README come from
 *
 * <pre>
 * java -cp &lt;test classpath&gt; io.flowengine.h2.DurabilityThroughput EVERY_COMMIT 2000 1
 * </pre>
 *
 * and the same with {@code WRITE_DELAYED} and with 16 flows in flight.
 */
public final class DurabilityThroughput {
  private static final Template COPY =
      Template.builder("copy")
          .inputTypes("application/octet-stream")
          .outputTypes("application/octet-stream")
          .step(
              ctx -> {
                for (Asset input : ctx.inputs()) {
                  try (var in = ctx.open(input)) {
                    ctx.writeOutput("application/octet-stream", in, input);
                  }
                }
              })
          .build();

  private DurabilityThroughput() {}

  /** Arguments: durability mode, number of flows, flows in flight. */
  public static void main(String[] args) throws Exception {
    Durability mode = Durability.valueOf(args[0]);
    int flows = Integer.parseInt(args[1]);
    int inFlight = Integer.parseInt(args[2]);
    Path dir = Files.createTempDirectory("flowengine-throughput");
    try (FlowEngine engine =
        FlowEngine.builder()
            .storage(H2Storage.builder().directory(dir).durability(mode).open())
            .template(COPY)
            .maxRunningFlows(inFlight)
            .build()) {
      run(engine, flows, inFlight); // warm-up
      long start = System.nanoTime();
      run(engine, flows, inFlight);
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "%s, %d in flight: %d flows in %.2f s = %.0f flows/s%n",
          mode, inFlight, flows, seconds, flows / seconds);
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
  }

  private static void run(FlowEngine engine, int flows, int inFlight) throws Exception {
    Random random = new Random(1);
    List<CompletableFuture<Flow>> pending = new ArrayList<>();
    for (int i = 0; i < flows; i++) {
      byte[] input = new byte[1024];
      random.nextBytes(input);
      Flow flow =
          engine.createFlow(
              NewFlow.builder("copy")
                  .input(NewAsset.bytes("application/octet-stream", input))
                  .build());
      pending.add(engine.awaitFlow(flow.id()));
      if (pending.size() == inFlight) {
        checkCompleted(pending.removeFirst());
      }
    }
    for (CompletableFuture<Flow> flow : pending) {
      checkCompleted(flow);
    }
  }

  private static void checkCompleted(CompletableFuture<Flow> pending) throws Exception {
    Flow done = pending.get(60, TimeUnit.SECONDS);
    if (done.state() != FlowState.COMPLETED) {
      throw new IllegalStateException("flow " + done.id() + " ended " + done.state());
    }
  }
}
