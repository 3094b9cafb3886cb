package io.flowengine.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowengine.Asset;
import io.flowengine.Flow;
import io.flowengine.FlowEngine;
import io.flowengine.FlowQuery;
import io.flowengine.NewAsset;
import io.flowengine.NewFlow;
import io.flowengine.StorageException;
import io.flowengine.Template;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Disks that fail, simulated through H2's pluggable file system ({@link DiskFullFileSystem}, {@link
 * ReadOnlyFileSystem}), since tests run as root and permissions do not stop them: a write that
 * meets a full disk fails with an error that names the cause and stores nothing, and what was
 * acknowledged before is intact; a read-only database is refused, unchanged.
 */
class DiskFaultTest {
  private static final Template COPY =
      Template.builder("copy")
          .inputTypes("application/octet-stream")
          .outputTypes("application/octet-stream")
          .step(ctx -> {})
          .build();

  /** Holds flows the engine would run, so only the calls under test write. */
  private static final Executor HOLD = task -> {};

  @TempDir Path root;
  private final Random random = new Random(7);

  @BeforeAll
  static void registerFileSystems() {
    DiskFullFileSystem.register();
    ReadOnlyFileSystem.register();
  }

  private static FlowEngine engine(H2Storage storage) {
    return FlowEngine.builder().storage(storage).template(COPY).executor(HOLD).build();
  }

  private Flow create(FlowEngine engine, byte[] input) {
    return engine.createFlow(
        NewFlow.builder("copy").input(NewAsset.bytes("application/octet-stream", input)).build());
  }

  private byte[] bytes(int size) {
    byte[] content = new byte[size];
    random.nextBytes(content);
    return content;
  }

  /**
   * A createFlow with a 256 KiB input on a disk that fills up after 0 bytes, after parts of what
   * the call writes, one byte short of it (so the flow's own insert fails after its input was
   * stored), and with room to spare, either succeeds, or fails with a {@link StorageException}
   * naming the cause and leaves no trace of itself; the flows acknowledged before are intact when
   * the database is opened again on a working disk.
   */
  @Test
  void aCallThatMeetsAFullDisk_failsNamingTheCause_storesNothing_andEarlierFlowsAreIntact()
      throws Exception {
    long needed = bytesWrittenByTheCall(root.resolve("measure"));
    List<String> outcomes = new ArrayList<>();
    for (long budget :
        new long[] {0, needed / 4, needed / 2, needed * 3 / 4, needed - 1, needed + 1_000_000}) {
      Path dir = root.resolve("budget-" + budget);
      Map<String, byte[]> acknowledged = new LinkedHashMap<>();
      String outcome;
      try (FlowEngine engine = engine(openOnDiskThatFills(dir))) {
        acknowledged.putAll(createEarlierFlows(engine));
        DiskFullFileSystem.limit(dir, budget);
        byte[] input = bytes(256 * 1024);
        try {
          acknowledged.put(create(engine, input).id(), input);
          outcome = "stored";
        } catch (StorageException e) {
          outcome = "refused";
          assertThat(e)
              .as("budget %d", budget)
              .hasMessageContaining("No space left on device")
              .hasMessageContaining(dir.resolve(H2Storage.FILE_NAME).toString())
              .hasMessageNotContaining("could not delete"); // the cause, not the failed cleanup
        }
      } catch (StorageException e) {
        outcome = "refused; closing failed too"; // the disk is still full
      } finally {
        DiskFullFileSystem.unlimit(dir);
      }
      outcomes.add(budget + " bytes: " + outcome);

      try (FlowEngine engine = engine(H2Storage.open(dir))) {
        assertThat(engine.listFlows(FlowQuery.all()).items())
            .extracting(Flow::id)
            .as("flows after %s", outcomes.getLast())
            .containsExactlyInAnyOrderElementsOf(acknowledged.keySet());
        for (Map.Entry<String, byte[]> flow : acknowledged.entrySet()) {
          List<Asset> inputs = engine.listInputs(flow.getKey());
          assertThat(inputs).hasSize(1);
          try (InputStream in =
              engine.getInput(flow.getKey(), inputs.getFirst().id()).openStream()) {
            assertThat(in.readAllBytes()).isEqualTo(flow.getValue());
          }
        }
      }
      assertThat(assetsWithoutAFlow(dir))
          .as("assets without a flow after %s", outcomes.getLast())
          .isZero();
    }
    System.out.println("a call needing " + needed + " bytes on a disk with room for " + outcomes);
    assertThat(outcomes.getFirst()).contains("refused");
    assertThat(outcomes.getLast()).endsWith("stored");
    assertThat(outcomes).filteredOn(o -> o.contains("refused")).hasSizeGreaterThanOrEqualTo(4);
  }

  private static H2Storage openOnDiskThatFills(Path dir) {
    return H2Storage.builder().directory(dir).fileSystem(DiskFullFileSystem.SCHEME).open();
  }

  private Map<String, byte[]> createEarlierFlows(FlowEngine engine) {
    Map<String, byte[]> created = new LinkedHashMap<>();
    for (int i = 0; i < 3; i++) {
      byte[] input = bytes(30_000);
      created.put(create(engine, input).id(), input);
    }
    return created;
  }

  /** Runs the call under test with a budget it does not exhaust and returns what it used. */
  private long bytesWrittenByTheCall(Path dir) {
    long plenty = 1L << 40;
    try (FlowEngine engine = engine(openOnDiskThatFills(dir))) {
      createEarlierFlows(engine);
      DiskFullFileSystem.limit(dir, plenty);
      create(engine, bytes(256 * 1024));
      return plenty - DiskFullFileSystem.remaining(dir);
    } finally {
      DiskFullFileSystem.unlimit(dir);
    }
  }

  private static int assetsWithoutAFlow(Path dir) throws Exception {
    try (Connection c = DriverManager.getConnection(H2Storage.jdbcUrl(dir));
        Statement s = c.createStatement();
        ResultSet row =
            s.executeQuery(
                "SELECT COUNT(*) FROM ASSETS A WHERE NOT EXISTS (SELECT 1 FROM FLOWS F WHERE F.ID = A.FLOW_ID)")) {
      row.next();
      return row.getInt(1);
    }
  }

  /** Decided: flowengine writes on every open (recovery) and call, so read-only is refused. */
  @Test
  void aReadOnlyDatabase_isRefusedWithAClearError_andLeftUnchanged() throws Exception {
    Path dir = root.resolve("db");
    try (FlowEngine engine = engine(H2Storage.open(dir))) {
      create(engine, bytes(1_000));
    }
    byte[] before = Files.readAllBytes(dir.resolve(H2Storage.FILE_NAME));

    assertThatThrownBy(
            () -> H2Storage.builder().directory(dir).fileSystem(ReadOnlyFileSystem.SCHEME).open())
        .isInstanceOf(StorageException.class)
        .hasMessageContaining(dir.resolve(H2Storage.FILE_NAME).toString())
        .hasMessageContaining("read-only");
    assertThat(Files.readAllBytes(dir.resolve(H2Storage.FILE_NAME))).isEqualTo(before);
  }

  @Test
  void aNewDatabaseOnAReadOnlyDisk_isRefusedWithAClearError() {
    Path dir = root.resolve("new");

    assertThatThrownBy(
            () -> H2Storage.builder().directory(dir).fileSystem(ReadOnlyFileSystem.SCHEME).open())
        .isInstanceOf(StorageException.class)
        .hasMessageContaining(dir.resolve(H2Storage.FILE_NAME).toString())
        .hasMessageContaining("read-only");
    assertThat(dir.resolve(H2Storage.FILE_NAME)).doesNotExist();
  }
}
