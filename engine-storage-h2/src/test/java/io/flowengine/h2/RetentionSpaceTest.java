package io.flowengine.h2;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowengine.AssetRole;
import io.flowengine.FlowEngine;
import io.flowengine.FlowState;
import io.flowengine.Parameters;
import io.flowengine.Template;
import io.flowengine.spi.AssetDraft;
import io.flowengine.spi.ContentStream;
import io.flowengine.spi.FlowRecord;
import io.flowengine.tck.TestFlows;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link FlowEngine#purgeFinishedFlows} on H2 deletes old flows with their assets, keeps recent
 * ones, and the space of what it deleted is used again, in each durability mode. Each cycle opens
 * an engine, writes two batches of 10 MB of assets, purges, and closes the engine: the file does
 * not grow from cycle to cycle. The sizes are printed; the module README explains them.
 */
class RetentionSpaceTest {
  private static final Template ECHO =
      Template.builder("echo")
          .inputTypes("text/plain")
          .outputTypes("text/plain")
          .step(ctx -> {})
          .build();
  private static final int CYCLES = 5;
  private static final int FLOWS = 200;
  private static final int ASSET_BYTES = 50_000;

  /** What one batch of flows holds in assets, 10 MB. */
  private static final long BATCH_BYTES = (long) FLOWS * ASSET_BYTES;

  private static final long SLACK = 4_000_000;

  @TempDir Path dir;
  private final TestFlows ids = new TestFlows();
  private final Random random = new Random(1);

  /**
   * Writes {@link #FLOWS} completed flows that finished at {@code finished}, each with an output.
   */
  private List<String> fill(H2Storage storage, Instant finished) throws Exception {
    List<String> flowIds = new ArrayList<>();
    for (int i = 0; i < FLOWS; i++) {
      FlowRecord flow =
          new FlowRecord(
              ids.nextId(),
              "acct",
              ECHO.id(),
              ECHO.name(),
              FlowState.COMPLETED,
              1.0,
              Parameters.empty(),
              null,
              List.of(),
              finished,
              finished,
              finished,
              null,
              null,
              0);
      storage.flows().insert(flow);
      byte[] content = new byte[ASSET_BYTES];
      random.nextBytes(content);
      storage
          .assets()
          .put(
              new AssetDraft(
                  ids.nextId(),
                  flow.id(),
                  "acct",
                  AssetRole.OUTPUT,
                  "text/plain",
                  finished,
                  null,
                  null),
              new ContentStream(new ByteArrayInputStream(content), ASSET_BYTES, "out"));
      flowIds.add(flow.id());
    }
    return flowIds;
  }

  /**
   * Each cycle purges its first batch and the previous cycle's second one, keeping 10 MB of live
   * assets: the file ends within 4 times that plus 4 MB, and no cycle leaves it above 8 times
   * (measured: about 1.03 times with the default durability, up to 3 times with {@code
   * WRITE_DELAYED}, whose last changes before a close are freed by the close itself).
   */
  @ParameterizedTest
  @EnumSource(Durability.class)
  void purgingOldFlows_deletesThemWithTheirAssets_keepsRecentOnes_andTheFileStaysBounded(
      Durability durability) throws Exception {
    Instant start = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MICROS);
    List<String> kept = List.of();
    List<Long> sizes = new ArrayList<>();
    for (int cycle = 0; cycle < CYCLES; cycle++) {
      H2Storage storage = H2Storage.builder().directory(dir).durability(durability).open();
      try (FlowEngine engine = FlowEngine.builder().storage(storage).template(ECHO).build()) {
        Instant older = start.plus(Duration.ofHours(2L * cycle));
        List<String> purged = new ArrayList<>(kept);
        purged.addAll(fill(storage, older));
        kept = fill(storage, older.plus(Duration.ofHours(1)));

        Duration age = Duration.between(older.plus(Duration.ofMinutes(30)), Instant.now());
        assertThat(engine.purgeFinishedFlows(age)).isEqualTo(purged.size());

        for (String flowId : purged) {
          assertThat(storage.flows().find(flowId)).isEmpty();
          assertThat(storage.assets().list(flowId, AssetRole.OUTPUT)).isEmpty();
        }
        assertThat(storage.flows().find(kept.getLast())).isPresent();
        assertThat(storage.assets().storedBytes("acct")).isEqualTo(BATCH_BYTES);
      }
      sizes.add(Files.size(dir.resolve(H2Storage.FILE_NAME)));
    }
    System.out.printf(
        "%s, %d live asset bytes kept: file size after each cycle %s%n",
        durability, BATCH_BYTES, sizes);
    // H2 compacts on close for a bounded time only, so on a loaded machine one cycle can leave
    // more free space in the file (measured under CI load: 6.4 times, once); the next cycles
    // reuse it, and the file does not keep growing.
    assertThat(sizes)
        .allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(8 * BATCH_BYTES + SLACK));
    assertThat(sizes.getLast()).isLessThanOrEqualTo(4 * BATCH_BYTES + SLACK);
  }

  /**
   * Each cycle purges everything it wrote just before closing: the file stays within one batch plus
   * 4 MB. (Before {@link H2Storage#close()} wrote pending changes first, a {@code WRITE_DELAYED}
   * file grew by 13.5 MB a cycle here.)
   */
  @ParameterizedTest
  @EnumSource(Durability.class)
  void purgingEverythingJustBeforeClosing_leavesNoGrowingFile(Durability durability)
      throws Exception {
    Instant finished = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MICROS);
    List<Long> sizes = new ArrayList<>();
    for (int cycle = 0; cycle < CYCLES; cycle++) {
      H2Storage storage = H2Storage.builder().directory(dir).durability(durability).open();
      try (FlowEngine engine = FlowEngine.builder().storage(storage).template(ECHO).build()) {
        fill(storage, finished);
        fill(storage, finished);

        assertThat(engine.purgeFinishedFlows(Duration.ZERO)).isEqualTo(2 * FLOWS);
        assertThat(storage.assets().storedBytes("acct")).isZero();
      }
      sizes.add(Files.size(dir.resolve(H2Storage.FILE_NAME)));
    }
    System.out.printf("%s, everything purged: file size after each cycle %s%n", durability, sizes);
    assertThat(sizes).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(BATCH_BYTES + SLACK));
  }
}
