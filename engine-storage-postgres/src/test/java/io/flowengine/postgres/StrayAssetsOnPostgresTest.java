package io.flowengine.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowengine.AssetRole;
import io.flowengine.StorageException;
import io.flowengine.postgres.harness.PostgresExtension;
import io.flowengine.postgres.harness.TestDatabase;
import io.flowengine.spi.AssetDraft;
import io.flowengine.spi.ContentStream;
import io.flowengine.spi.FlowRecord;
import io.flowengine.tck.TestFlows;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The assets a call that did not finish left behind (an input stored before its flow, by a process
 * that then died) are deleted when a storage opens, but never those a live node's call may still
 * list, and a flow never lists an input that is gone.
 */
@ExtendWith(PostgresExtension.class)
class StrayAssetsOnPostgresTest {
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);
  private final TestDatabase database;
  private final OpenStorages storages;
  private final TestFlows flows = new TestFlows();

  StrayAssetsOnPostgresTest(TestDatabase database) {
    this.database = database;
    this.storages = new OpenStorages(database);
  }

  @AfterEach
  void close() {
    storages.close();
  }

  @Test
  void opening_deletesWhatDeadCallsLeft_andKeepsListedInputsAndLiveNodesOnes() throws Exception {
    String url = database.newSchema();
    PostgresStorage dead = storages.open(storages.builder(url).nodeId("dead").poolSize(2));
    PostgresStorage live =
        storages.open(storages.builder(url).nodeId("live").cluster().lease(Duration.ofMinutes(10)));
    live.cluster().orElseThrow().register(1);

    FlowRecord kept = flows.created().withInput("in-kept");
    put(dead, input(kept.id(), "in-kept"));
    dead.flows().insert(kept);
    put(dead, input("never-created", "in-stray"));
    put(dead, output("never-created", "out-stray"));
    put(live, input("being-created", "in-live"));
    dead.close();

    storages.open(storages.builder(url).nodeId("next").poolSize(2));

    assertThat(assetIds(url)).containsExactlyInAnyOrder("in-kept", "in-live");
    assertThat(chunkOwners(url)).containsOnly("in-kept", "in-live");
  }

  @Test
  void aNodeReopeningUnderItsOwnId_deletesWhatItLeft_evenWhileItsOldLeaseLasts() throws Exception {
    String url = database.newSchema();
    PostgresStorage before =
        storages.open(storages.builder(url).nodeId("same").cluster().lease(Duration.ofMinutes(10)));
    before.cluster().orElseThrow().register(1);
    put(before, input("never-created", "in-own"));
    before.close(); // as if killed: its lease still runs

    storages.open(storages.builder(url).nodeId("same").poolSize(2));

    assertThat(assetIds(url)).isEmpty();
  }

  @Test
  void anInputLockedByAFlowBeingWritten_isKept() throws Exception {
    String url = database.newSchema();
    PostgresStorage first = storages.open(storages.builder(url).nodeId("first").poolSize(2));
    put(first, input("f-locked", "in-locked"));
    first.close();
    try (Connection writing = connect(url)) {
      writing.setAutoCommit(false);
      try (PreparedStatement insert =
          writing.prepareStatement(
              "INSERT INTO flowengine_flows (id, template_id, template_name, state, progress,"
                  + " parameters, input_ids, created_us, version)"
                  + " VALUES ('f-locked', 't', 'echo', 0, 0, ''::bytea, ARRAY['in-locked'], 0, 0)")) {
        insert.executeUpdate();
      }
      // The sweep runs while the insert above holds its key-share lock on the input.
      storages.open(storages.builder(url).nodeId("second").poolSize(2));
      writing.commit();
    }
    assertThat(assetIds(url)).containsExactly("in-locked");
  }

  @Test
  void aFlowListingAnInputThatIsNotStored_isRefused_andNothingIsStored() throws Exception {
    String url = database.newSchema();
    PostgresStorage storage =
        storages.open(
            storages.builder(url).nodeId("n").cluster().lease(Duration.ofMinutes(10)).poolSize(2));
    FlowRecord missing = flows.created().withInput("in-gone");
    assertThatThrownBy(() -> storage.flows().insert(missing))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("an input of flow " + missing.id() + " is not stored");
    assertThat(storage.flows().find(missing.id())).isEmpty();

    FlowRecord stored = flows.created();
    storage.flows().insert(stored);
    assertThatThrownBy(() -> storage.flows().compareAndSet(stored, stored.withInput("in-gone")))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("is not stored");
    assertThat(storage.flows().find(stored.id()).orElseThrow().inputIds()).isEmpty();

    put(storage, input(stored.id(), "in-here"));
    assertThat(storage.flows().compareAndSet(stored, stored.withInput("in-here"))).isTrue();
    assertThat(storage.flows().find(stored.id()).orElseThrow().inputIds())
        .containsExactly("in-here");
  }

  private static AssetDraft input(String flowId, String id) {
    return AssetDraft.input(id, flowId, null, "application/octet-stream", NOW, null);
  }

  private static AssetDraft output(String flowId, String id) {
    return new AssetDraft(
        id, flowId, null, AssetRole.OUTPUT, "application/octet-stream", NOW, null, null);
  }

  private static void put(PostgresStorage storage, AssetDraft draft) throws Exception {
    byte[] content = new byte[100_000]; // above the size kept in memory: streamed on its own
    storage
        .assets()
        .put(draft, new ContentStream(new ByteArrayInputStream(content), content.length, "test"));
  }

  private Connection connect(String url) throws Exception {
    return DriverManager.getConnection(url, database.user(), database.password());
  }

  private List<String> assetIds(String url) throws Exception {
    return column(url, "SELECT id FROM flowengine_assets");
  }

  private List<String> chunkOwners(String url) throws Exception {
    return column(url, "SELECT DISTINCT asset_id FROM flowengine_asset_chunks");
  }

  private List<String> column(String url, String sql) throws Exception {
    List<String> values = new ArrayList<>();
    try (Connection c = connect(url);
        PreparedStatement select = c.prepareStatement(sql);
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }
}
