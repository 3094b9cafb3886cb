package io.flowengine.h2;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowengine.AssetRole;
import io.flowengine.FlowState;
import io.flowengine.spi.AssetDraft;
import io.flowengine.spi.ContentStream;
import io.flowengine.spi.FlowRecord;
import io.flowengine.tck.TestFlows;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The codes a database file holds for a flow's state and an asset's role. SchemaV1 stores each as
 * its enum's ordinal (the state's lifecycle rank, which listings by state sort by), so the
 * declaration order of {@link FlowState} and {@link AssetRole} is part of the file format: a
 * reordered enum would read every existing file wrongly. This test fails if the order changes.
 */
class StoredEnumOrderTest {
  private static final Map<FlowState, Integer> STATE_CODES =
      Map.of(
          FlowState.CREATED, 0,
          FlowState.STARTING, 1,
          FlowState.RUNNING, 2,
          FlowState.ABORTING, 3,
          FlowState.COMPLETED, 4,
          FlowState.ABORTED, 5,
          FlowState.FAILED, 6);

  @TempDir Path dir;

  @Test
  void eachStateAndRole_isStoredAsItsFixedCode() throws Exception {
    TestFlows flows = new TestFlows();
    Map<String, FlowState> stateOf = new LinkedHashMap<>();
    String assetFlow;
    try (H2Storage storage = H2Storage.open(dir)) {
      for (FlowState state : FlowState.values()) {
        FlowRecord flow =
            flows.inState(
                "acct",
                state,
                state == FlowState.COMPLETED ? 1.0 : 0.5,
                TestFlows.at(0),
                state == FlowState.CREATED ? null : TestFlows.at(1),
                state.isTerminal() ? TestFlows.at(2) : null);
        storage.flows().insert(flow);
        stateOf.put(flow.id(), state);
      }
      assetFlow = stateOf.keySet().iterator().next();
      for (AssetRole role : AssetRole.values()) {
        storage
            .assets()
            .put(
                new AssetDraft(
                    role.wireName(),
                    assetFlow,
                    "acct",
                    role,
                    "text/plain",
                    TestFlows.at(3),
                    null,
                    null),
                new ContentStream(new ByteArrayInputStream(new byte[] {1}), 1, "asset"));
      }
    }

    try (Connection sql = DriverManager.getConnection(H2Storage.jdbcUrl(dir));
        Statement s = sql.createStatement()) {
      Map<FlowState, Integer> stored = new LinkedHashMap<>();
      try (ResultSet rows = s.executeQuery("SELECT ID, STATE FROM FLOWS")) {
        while (rows.next()) {
          stored.put(stateOf.get(rows.getString(1)), rows.getInt(2));
        }
      }
      assertThat(stored).isEqualTo(STATE_CODES);

      Map<String, Integer> roles = new LinkedHashMap<>();
      try (ResultSet rows = s.executeQuery("SELECT ID, ROLE FROM ASSETS")) {
        while (rows.next()) {
          roles.put(rows.getString(1), rows.getInt(2));
        }
      }
      assertThat(roles).isEqualTo(Map.of("input", 0, "output", 1));
    }
  }
}
