package io.flowengine.postgres;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * The write path without grouping: each write is one auto-committed statement on a pooled
 * connection, so it is durable (with {@code synchronous_commit} on, flushed to the server's WAL)
 * when {@link #apply} returns; {@link #applyAll} sends its writes as JDBC batches in one
 * transaction. Thread-safe.
 */
final class DirectWritePath implements WritePath {
  private final Connections connections;

  DirectWritePath(Connections connections) {
    this.connections = connections;
  }

  @Override
  public boolean apply(FlowWrite write) throws SQLException {
    return connections.call(
        c -> {
          try (PreparedStatement statement = c.prepareStatement(write.sql())) {
            write.bind(statement);
            return write.applied(statement.executeUpdate());
          }
        });
  }

  @Override
  public boolean[] applyAll(List<? extends FlowWrite> writes) throws SQLException {
    boolean[] applied = new boolean[writes.size()];
    if (writes.isEmpty()) {
      return applied;
    }
    return connections.inTransaction(
        c -> {
          int from = 0;
          while (from < writes.size()) { // one batch per run of writes with the same statement
            String sql = writes.get(from).sql();
            int to = from;
            while (to < writes.size() && writes.get(to).sql().equals(sql)) {
              to++;
            }
            try (PreparedStatement statement = c.prepareStatement(sql)) {
              for (int i = from; i < to; i++) {
                writes.get(i).bind(statement);
                statement.addBatch();
              }
              int[] counts = statement.executeBatch();
              for (int i = from; i < to; i++) {
                applied[i] = writes.get(i).applied(counts[i - from]);
              }
            }
            from = to;
          }
          return applied;
        });
  }
}
