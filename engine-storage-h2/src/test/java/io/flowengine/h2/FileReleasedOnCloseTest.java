package io.flowengine.h2;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowengine.Asset;
import io.flowengine.Flow;
import io.flowengine.FlowEngine;
import io.flowengine.FlowState;
import io.flowengine.FlowStateException;
import io.flowengine.NewAsset;
import io.flowengine.NewFlow;
import io.flowengine.Template;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens an engine on an H2 file again and again with the copying template of {@link CrashWorkload},
 * closes it while some flows are still copying their input (the next engine recovers them), and
 * checks after each close that the file is released: this JVM can lock it, which it cannot while
 * its own H2 still holds the file open. Bounded to about 30 s.
 */
class FileReleasedOnCloseTest {
  private static final Duration BUDGET = Duration.ofSeconds(30);
  private static final int MAX_ROUNDS = 40;

  @TempDir Path dir;

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void closeReturning_releasesTheFile_evenWithStepsStreamingAtClose() throws Exception {
    Random random = new Random(20261202L);
    Instant end = Instant.now().plus(BUDGET);
    int rounds = 0;
    while (rounds < MAX_ROUNDS && Instant.now().isBefore(end)) {
      runAndClose(random);
      assertThat(lockable(dir.resolve(H2Storage.FILE_NAME)))
          .as("the file is released once close returned, round %d", rounds)
          .isTrue();
      rounds++;
    }
    assertThat(rounds).isPositive();
  }

  @Test
  void aReaderInterruptedWhileStreamingAnAsset_leavesTheDatabaseWorking() throws Exception {
    byte[] input = new byte[3_000_000];
    new Random(7).nextBytes(input);
    String flowId;
    try (FlowEngine engine = engine()) {
      flowId =
          engine
              .createFlow(
                  NewFlow.builder("copy")
                      .input(NewAsset.bytes("application/octet-stream", input))
                      .build())
              .id();
      engine.awaitFlow(flowId).get(60, TimeUnit.SECONDS);
    }
    try (FlowEngine engine = engine()) {
      Asset stored = engine.listInputs(flowId).getFirst();
      try (InputStream in = engine.getInput(flowId, stored.id()).openStream()) {
        // what the engine's close does to a step reading its input: H2 reads its file on this
        // thread, and an interrupted thread's FileChannel closes itself
        Thread.currentThread().interrupt();
        try {
          in.readNBytes(input.length);
        } catch (IOException | RuntimeException e) {
          // the stream may fail; the database must not
        } finally {
          Thread.interrupted();
        }
      }
      Flow another =
          engine.createFlow(
              NewFlow.builder("copy")
                  .input(NewAsset.bytes("application/octet-stream", input))
                  .build());
      assertThat(engine.awaitFlow(another.id()).get(60, TimeUnit.SECONDS).state())
          .isEqualTo(FlowState.COMPLETED);
    }
    assertThat(lockable(dir.resolve(H2Storage.FILE_NAME))).as("the file is released").isTrue();
  }

  /**
   * Aborting a flow interrupts its step, here while it copies its input into an output: H2 reads
   * and writes its file on that thread. Round after round of aborts at random moments (bounded to
   * about 10 s), the database must stay open: a flow created afterwards completes.
   */
  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void stepsInterruptedByAbortWhileCopying_leaveTheDatabaseWorking() throws Exception {
    Random random = new Random(20261203L);
    byte[] input = new byte[2_000_000];
    random.nextBytes(input);
    Instant end = Instant.now().plus(Duration.ofSeconds(10));
    Semaphore started = new Semaphore(0);
    Template copying =
        Template.builder("copy")
            .inputTypes("application/octet-stream")
            .outputTypes("application/octet-stream")
            .step(
                ctx -> {
                  started.release();
                  for (Asset in : ctx.inputs()) {
                    try (InputStream content = ctx.open(in)) {
                      ctx.writeOutput("application/octet-stream", content, in);
                    }
                  }
                })
            .build();
    try (FlowEngine engine =
        FlowEngine.builder()
            .storage(H2Storage.open(dir))
            .template(copying)
            .maxRunningFlows(4)
            .build()) {
      int aborted = 0;
      while (aborted < 400 && Instant.now().isBefore(end)) {
        List<Flow> created = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
          created.add(
              engine.createFlow(
                  NewFlow.builder("copy")
                      .input(NewAsset.bytes("application/octet-stream", input))
                      .build()));
        }
        assertThat(started.tryAcquire(60, TimeUnit.SECONDS)).as("a step started").isTrue();
        for (Flow flow : created) {
          try {
            engine.abortFlow(flow.id());
            aborted++;
          } catch (FlowStateException finishedFirst) {
            // it completed before the abort
          }
        }
        for (Flow flow : created) {
          assertThat(engine.awaitFlow(flow.id()))
              .as("flow %s ends after %d aborts (not if the database closed)", flow.id(), aborted)
              .succeedsWithin(Duration.ofSeconds(30));
        }
      }
      Flow another =
          engine.createFlow(
              NewFlow.builder("copy")
                  .input(NewAsset.bytes("application/octet-stream", input))
                  .build());
      assertThat(engine.awaitFlow(another.id()).get(60, TimeUnit.SECONDS).state())
          .as("a flow after %d aborts", aborted)
          .isEqualTo(FlowState.COMPLETED);
    }
    assertThat(lockable(dir.resolve(H2Storage.FILE_NAME))).as("the file is released").isTrue();
  }

  private FlowEngine engine() {
    return FlowEngine.builder()
        .storage(H2Storage.open(dir))
        .template(CrashWorkload.COPY)
        .maxRunningFlows(8)
        .build();
  }

  private void runAndClose(Random random) throws Exception {
    try (FlowEngine engine =
        FlowEngine.builder()
            .storage(H2Storage.open(dir))
            .template(CrashWorkload.COPY)
            .maxRunningFlows(8)
            .build()) {
      List<Flow> created = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        byte[] input =
            new byte[random.nextBoolean() ? 1_000_000 + random.nextInt(2_000_000) : 20_000];
        random.nextBytes(input);
        created.add(
            engine.createFlow(
                NewFlow.builder("copy")
                    .input(NewAsset.bytes("application/octet-stream", input))
                    .build()));
      }
      // some flows finish before the close, the others are closed on mid-run
      for (Flow flow : created.subList(0, random.nextInt(created.size()))) {
        engine.awaitFlow(flow.id()).get(60, TimeUnit.SECONDS);
      }
    }
  }

  /** Whether this JVM can lock {@code file}: not while its own H2 (or another process) holds it. */
  private static boolean lockable(Path file) throws IOException {
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        return false;
      }
      lock.release();
      return true;
    } catch (OverlappingFileLockException e) {
      return false;
    }
  }
}
