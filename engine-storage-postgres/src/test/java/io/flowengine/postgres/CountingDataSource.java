package io.flowengine.postgres;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} that counts what its connections send to the server: round trips (each
 * {@code execute*} or {@code executeBatch}, each {@code commit}), statements (a batch counts each
 * of its statements) and commits, apart for the group commit's writer (the connection that sets
 * {@code synchronous_commit}) and for the pool's connections. Thread-safe.
 */
final class CountingDataSource implements DataSource {
  /** What one kind of connection sent. */
  static final class Counts {
    final LongAdder roundTrips = new LongAdder();
    final LongAdder statements = new LongAdder();
    final LongAdder commits = new LongAdder();

    void reset() {
      roundTrips.reset();
      statements.reset();
      commits.reset();
    }

    @Override
    public String toString() {
      return roundTrips.sum()
          + " round trips, "
          + statements.sum()
          + " statements, "
          + commits.sum()
          + " commits";
    }
  }

  final Counts writer = new Counts();
  final Counts pool = new Counts();
  private final DataSource target;

  CountingDataSource(DataSource target) {
    this.target = target;
  }

  void reset() {
    writer.reset();
    pool.reset();
  }

  @Override
  public Connection getConnection() throws SQLException {
    return counting(target.getConnection());
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    return counting(target.getConnection(user, password));
  }

  private Connection counting(Connection connection) {
    ConnectionCounter counter = new ConnectionCounter(connection);
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, counter);
  }

  /** Counts one connection's round trips; decides writer or pool by its first statement. */
  private final class ConnectionCounter implements InvocationHandler {
    private final Connection connection;
    private volatile Counts counts = pool;
    private volatile boolean autoCommit = true;

    ConnectionCounter(Connection connection) {
      this.connection = connection;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      String name = method.getName();
      if (name.equals("commit")) {
        counts.roundTrips.increment();
        counts.commits.increment();
      } else if (name.equals("setAutoCommit")) {
        autoCommit = (Boolean) args[0];
      }
      Object result = call(connection, method, args);
      if (result instanceof Statement statement) {
        Class<?> type =
            statement instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
        return Proxy.newProxyInstance(
            type.getClassLoader(), new Class<?>[] {type}, new StatementCounter(statement, this));
      }
      return result;
    }

    void executed(int statements, @org.jspecify.annotations.Nullable String sql) {
      if (sql != null && sql.startsWith("SET synchronous_commit")) {
        counts = writer;
      }
      counts.roundTrips.increment();
      counts.statements.add(statements);
      if (autoCommit) {
        counts.commits.add(statements);
      }
    }
  }

  /** Counts a statement's executions and batches. */
  private static final class StatementCounter implements InvocationHandler {
    private final Statement statement;
    private final ConnectionCounter connection;
    private int batched;

    StatementCounter(Statement statement, ConnectionCounter connection) {
      this.statement = statement;
      this.connection = connection;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      String name = method.getName();
      if (name.equals("addBatch")) {
        batched++;
      } else if (name.equals("executeBatch") || name.equals("executeLargeBatch")) {
        connection.executed(batched, null);
        batched = 0;
      } else if (name.equals("clearBatch")) {
        batched = 0;
      } else if (name.startsWith("execute")) {
        connection.executed(
            1, args != null && args.length > 0 && args[0] instanceof String sql ? sql : null);
      }
      return call(statement, method, args);
    }
  }

  private static Object call(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return target.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    target.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    target.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return target.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return target.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    return target.unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return target.isWrapperFor(type);
  }
}
