package io.flowengine.postgres;

import io.flowengine.jdbc.SqlWork;
import io.flowengine.spi.BufferedAsset;
import io.flowengine.spi.FlowRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * A new flow and its inputs held in memory, written in one group-commit transaction: the asset rows
 * and their content, then the flow row. A failure of any statement aborts PostgreSQL's transaction;
 * the group commit then rolls the batch back and writes it again without this change, so none of
 * its rows is stored and the rest of the batch is. Immutable.
 */
final class FlowWithInputs implements SqlWork<FlowRecord> {
  private final FlowRecord flow;
  private final List<BufferedAsset> inputs;
  private final String node;

  FlowWithInputs(FlowRecord flow, List<BufferedAsset> inputs, String node) {
    FlowRows.checkTimes(flow);
    this.flow = flow;
    this.inputs = List.copyOf(inputs);
    this.node = node;
  }

  @Override
  public FlowRecord execute(Connection connection) throws SQLException {
    for (BufferedAsset input : inputs) {
      AssetContentWriter.writeStored(connection, input.record(), input.content(), node, false);
    }
    try (PreparedStatement insert = connection.prepareStatement(PostgresFlowSql.INSERT)) {
      insert.setString(1, flow.id());
      FlowRows.bindValues(insert, 2, flow);
      insert.executeUpdate();
    }
    return flow;
  }

  @Override
  public String toString() {
    return "flow " + flow.id() + " with " + inputs.size() + " inputs";
  }
}
