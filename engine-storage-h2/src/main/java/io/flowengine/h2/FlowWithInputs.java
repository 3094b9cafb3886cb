package io.flowengine.h2;

import io.flowengine.jdbc.SqlWork;
import io.flowengine.spi.BufferedAsset;
import io.flowengine.spi.FlowRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;

/**
 * A new flow and its inputs held in memory, written in one group-commit transaction: the asset
 * rows, then the flow row, under a savepoint, so that a failure of any of them (a duplicate id, a
 * value the row cannot hold) undoes all of them and leaves the rest of the batch alone. Immutable.
 */
final class FlowWithInputs implements SqlWork<FlowRecord> {
  private final FlowRecord flow;
  private final List<BufferedAsset> inputs;

  FlowWithInputs(FlowRecord flow, List<BufferedAsset> inputs) {
    this.flow = flow;
    this.inputs = List.copyOf(inputs);
  }

  @Override
  public FlowRecord execute(Connection connection) throws SQLException {
    Savepoint before = connection.setSavepoint();
    try {
      try (PreparedStatement insert = connection.prepareStatement(AssetRows.INSERT_STORED)) {
        for (BufferedAsset input : inputs) {
          AssetRows.bindStored(insert, input.record(), input.content());
          insert.executeUpdate();
        }
      }
      try (PreparedStatement insert = connection.prepareStatement(FlowRows.INSERT)) {
        FlowRows.bindInsert(insert, flow);
        insert.executeUpdate();
      }
    } catch (SQLException | RuntimeException e) {
      connection.rollback(before);
      throw e;
    }
    connection.releaseSavepoint(before);
    return flow;
  }

  @Override
  public String toString() {
    return "flow " + flow.id() + " with " + inputs.size() + " inputs";
  }
}
