package io.flowengine.postgres;

import java.sql.SQLException;
import java.util.List;

/**
 * How {@link FlowWrite}s reach the database: the seam between what the flow store changes and how
 * the changes are committed. {@link DirectWritePath} sends each write as its own auto-committed
 * statement; a grouped write path (group commit, as the H2 store gets it) can take the same writes
 * from many callers into one transaction, as long as each caller learns its own outcome.
 * Implementations must be thread-safe.
 */
interface WritePath {
  /**
   * Makes one change and returns once it is committed.
   *
   * @return whether it changed a row ({@link FlowWrite#applied})
   * @throws SQLException if it failed; a unique violation for a duplicate insert
   */
  boolean apply(FlowWrite write) throws SQLException;

  /**
   * Makes several changes in one transaction: all of them are committed, or none.
   *
   * @return for each write, in order, whether it changed a row
   * @throws SQLException if the transaction failed; then nothing was changed
   */
  boolean[] applyAll(List<? extends FlowWrite> writes) throws SQLException;
}
