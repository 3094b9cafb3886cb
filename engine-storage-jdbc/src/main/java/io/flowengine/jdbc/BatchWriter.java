package io.flowengine.jdbc;

import io.flowengine.spi.FlowRecord;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one batch of changes in one transaction on the writer's connection and decides each
 * change: a run of coalesced changes is one statement ({@link Run}); a versioned update whose
 * version moved is decided "not written" alone; a change whose statement fails is failed alone with
 * its typed error, and the rest of the batch is written without it (after a rollback, where the
 * database aborts the transaction on an error). If the commit itself fails, each run is written in
 * a transaction of its own, so a commit that cannot succeed fails only its own callers. Where the
 * statements write several rows in one round trip ({@link FlowStatements#writesAllAtOnce}), the
 * batch is first sent that way ({@link RunPipeline}); if anything of it fails, it is rolled back
 * and written one statement at a time as above, which tells the failing change. Not thread-safe:
 * the writer thread's.
 */
final class BatchWriter {
  private static final Logger log = LoggerFactory.getLogger(BatchWriter.class);

  private final Connection connection;
  private final FlowStatements statements;
  private final FlowSql sql;

  BatchWriter(Connection connection, FlowStatements statements, FlowSql sql) {
    this.connection = connection;
    this.statements = statements;
    this.sql = sql;
  }

  /** Writes and commits the batch, deciding every change; returns the statements executed. */
  int write(List<PendingChange> batch) {
    List<Run> runs = Run.of(batch);
    Set<Run> failed = Collections.newSetFromMap(new IdentityHashMap<>());
    if (statements.writesAllAtOnce()) {
      int executed;
      try {
        executed = RunPipeline.execute(runs, statements, this::execute);
      } catch (SQLException | RuntimeException e) {
        log.debug("{} changes sent together failed; writing them one at a time", batch.size(), e);
        rollback();
        executed = -1;
      }
      if (executed >= 0) {
        try {
          connection.commit();
          return executed;
        } catch (SQLException e) {
          log.debug("commit of {} changes failed; writing them one run at a time", batch.size(), e);
          rollback();
          return oneByOne(runs, failed);
        }
      }
    }
    while (true) {
      int executed = 0;
      Run broken = null;
      for (Run run : runs) {
        if (failed.contains(run)) {
          continue;
        }
        try {
          executed += execute(run);
        } catch (SQLException e) {
          run.fail(sql.failure(run.first().action(), e));
          failed.add(run);
          if (!sql.statementFailureKeepsTransaction()) {
            broken = run;
            break;
          }
        } catch (RuntimeException e) { // refused before it reached the database (a bad value)
          run.fail(e);
          failed.add(run);
          if (run.first().kind == PendingChange.Kind.WORK
              && !sql.statementFailureKeepsTransaction()) {
            // Work may turn a failed statement into its own typed error: the transaction is gone.
            broken = run;
            break;
          }
        }
      }
      if (broken != null) {
        rollback();
        continue; // write the batch again without the run that broke the transaction
      }
      try {
        connection.commit();
        return executed;
      } catch (SQLException e) {
        log.debug("commit of {} changes failed; writing them one run at a time", batch.size(), e);
        rollback();
        return oneByOne(runs, failed);
      }
    }
  }

  private int oneByOne(List<Run> runs, Set<Run> failed) {
    int executed = 0;
    for (Run run : runs) {
      if (failed.contains(run)) {
        continue;
      }
      try {
        int n = execute(run);
        connection.commit();
        executed += n;
      } catch (SQLException e) {
        rollback();
        run.fail(sql.failure(run.first().action(), e));
      } catch (RuntimeException e) {
        rollback();
        run.fail(e);
      }
    }
    return executed;
  }

  /** Executes a run's statement and decides its changes (provisionally, until the commit). */
  private int execute(Run run) throws SQLException {
    PendingChange first = run.first();
    if (first.kind == PendingChange.Kind.WORK) {
      first.decide(
          true,
          Objects.requireNonNull(first.work, "a work change has its work").execute(connection));
      return 1;
    }
    PendingChange before = first.dependsOn;
    if (before != null && !Boolean.TRUE.equals(before.succeeded)) {
      run.decide(false); // it expects a record that was never written
      return 0;
    }
    @Nullable FlowRecord last = run.finalRecord();
    int executed = 1;
    boolean written =
        switch (first.kind) {
          case INSERT -> {
            statements.insert(written(last));
            yield true;
          }
          case UPDATE -> statements.compareAndSet(first.expected(), written(last));
          case DELETE -> statements.delete(first.expected());
          case WORK -> throw new AssertionError();
        };
    if (written && run.endsWithDelete() && first.kind != PendingChange.Kind.DELETE) {
      executed++;
      written = statements.delete(written(last));
    }
    run.decide(written);
    return executed;
  }

  /** The record an insert or update run writes: such a run always carries one. */
  private static FlowRecord written(@Nullable FlowRecord last) {
    return Objects.requireNonNull(last, "an insert or update run carries a record");
  }

  private void rollback() {
    try {
      connection.rollback();
    } catch (SQLException e) {
      log.debug("rollback failed", e);
    }
  }
}
