package io.flowengine.h2;

import static java.util.Objects.requireNonNull;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A proxy over an H2 {@link Connection} that journals what it commits: write statements come from
 * {@link RecordingStatement}s, and a commit goes through {@link Journal#commit}. H2 itself never
 * auto-commits; in auto-commit mode (as the proxy reports it) each write statement is committed
 * through the journal as it ran. A rollback drops the recorded statements, a rollback to a
 * savepoint those recorded after it. Statements that only read are H2's own. Not thread-safe, like
 * a connection.
 */
final class JournaledConnection implements InvocationHandler {
  private final Connection target;
  private final Journal journal;
  private final List<JournalTransaction.Statement> pending = new ArrayList<>();
  private final IdentityHashMap<Savepoint, Integer> savepoints = new IdentityHashMap<>();
  private boolean autoCommit = true;

  private JournaledConnection(Connection target, Journal journal) {
    this.target = target;
    this.journal = journal;
  }

  /**
   * Wraps {@code target}, which must be in auto-commit mode and is taken out of it.
   *
   * @throws SQLException if its mode cannot be set
   */
  static Connection wrap(Connection target, Journal journal) throws SQLException {
    target.setAutoCommit(false);
    return (Connection)
        Proxy.newProxyInstance(
            JournaledConnection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            new JournaledConnection(target, journal));
  }

  Journal journal() {
    return journal;
  }

  /** Called by a statement that ran: keeps it for the commit, or commits at once in auto-commit. */
  void recorded(String sql, List<List<JournalParameter>> executions) throws SQLException {
    if (executions.isEmpty()) {
      return;
    }
    pending.add(new JournalTransaction.Statement(sql, executions));
    if (autoCommit) {
      commit();
    }
  }

  @Override
  public @Nullable Object invoke(Object proxy, Method method, Object @Nullable [] args)
      throws Throwable {
    int count = args == null ? 0 : args.length;
    return switch (method.getName()) {
      case "prepareStatement" -> {
        Object statement = requireNonNull(call(method, args));
        String sql = (String) requireArgs(args)[0];
        yield RecordingStatement.writes(sql)
            ? RecordingStatement.wrap(this, (PreparedStatement) statement, sql)
            : statement;
      }
      // plain statements could write unjournaled; the storage uses none on these connections
      case "createStatement" ->
          throw new SQLFeatureNotSupportedException(
              "journaled connections take prepared statements");
      case "getAutoCommit" -> autoCommit;
      case "setAutoCommit" -> {
        boolean on = (Boolean) requireArgs(args)[0];
        if (on && !autoCommit) {
          commit();
        }
        autoCommit = on;
        yield null;
      }
      case "commit" -> {
        commit();
        yield null;
      }
      case "rollback" -> {
        if (count == 0) {
          rollback();
        } else {
          rollbackTo((Savepoint) requireArgs(args)[0]);
        }
        yield null;
      }
      case "setSavepoint" -> {
        Savepoint savepoint = (Savepoint) requireNonNull(call(method, args));
        savepoints.put(savepoint, pending.size());
        yield savepoint;
      }
      case "releaseSavepoint" -> {
        Object result = call(method, args);
        savepoints.remove(requireArgs(args)[0]);
        yield result;
      }
      case "close" -> {
        if (!target.isClosed()) {
          rollback();
        }
        yield call(method, args);
      }
      default -> call(method, args);
    };
  }

  private void commit() throws SQLException {
    if (pending.isEmpty()) {
      target.commit();
    } else {
      JournalTransaction transaction = new JournalTransaction(pending);
      pending.clear();
      savepoints.clear();
      try {
        journal.commit(transaction, target);
      } catch (SQLException e) {
        deleteContent(transaction.statements());
        throw e;
      }
    }
    savepoints.clear();
  }

  private void rollback() throws SQLException {
    deleteContent(pending);
    pending.clear();
    savepoints.clear();
    target.rollback();
  }

  private void rollbackTo(Savepoint savepoint) throws SQLException {
    target.rollback(savepoint);
    Integer mark = savepoints.get(savepoint);
    if (mark != null) {
      List<JournalTransaction.Statement> dropped = pending.subList(mark, pending.size());
      deleteContent(dropped);
      dropped.clear();
      savepoints.values().removeIf(m -> m > mark);
    }
  }

  private void deleteContent(List<JournalTransaction.Statement> statements) {
    for (String name : new JournalTransaction(statements).contentFiles()) {
      ConnectionPool.quietlyClose(() -> Files.deleteIfExists(journal.directory().resolve(name)));
    }
  }

  private static Object[] requireArgs(Object @Nullable [] args) {
    if (args == null) {
      throw new IllegalArgumentException("missing arguments");
    }
    return args;
  }

  private @Nullable Object call(Method method, Object @Nullable [] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
