package io.flowengine.h2;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.BatchUpdateException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A proxy over a {@link PreparedStatement} that writes: it remembers the values bound to it and,
 * once an execution succeeded, hands the statement and its values to its {@link
 * JournaledConnection} (one list of values per batch entry). Values it cannot record fail the call
 * with an {@link SQLFeatureNotSupportedException} rather than go unjournaled. Not thread-safe, like
 * the statement.
 */
final class RecordingStatement implements InvocationHandler {
  private final JournaledConnection connection;
  private final PreparedStatement target;
  private final String sql;
  private final TreeMap<Integer, JournalParameter> bound = new TreeMap<>();
  private final List<ContentTee> tees = new ArrayList<>();
  private final List<List<JournalParameter>> batch = new ArrayList<>();

  private RecordingStatement(JournaledConnection connection, PreparedStatement target, String sql) {
    this.connection = connection;
    this.target = target;
    this.sql = sql;
  }

  static PreparedStatement wrap(
      JournaledConnection connection, PreparedStatement target, String sql) {
    return (PreparedStatement)
        Proxy.newProxyInstance(
            RecordingStatement.class.getClassLoader(),
            new Class<?>[] {PreparedStatement.class},
            new RecordingStatement(connection, target, sql));
  }

  /** Whether {@code sql} changes the database (and so must be journaled). */
  static boolean writes(String sql) {
    String head = sql.stripLeading();
    int end = 0;
    while (end < head.length() && Character.isLetter(head.charAt(end))) {
      end++;
    }
    return switch (head.substring(0, end).toUpperCase(Locale.ROOT)) {
      case "INSERT", "UPDATE", "DELETE", "MERGE", "CREATE", "ALTER", "DROP", "TRUNCATE" -> true;
      default -> false;
    };
  }

  @Override
  public @Nullable Object invoke(Object proxy, Method method, Object @Nullable [] args)
      throws Throwable {
    String name = method.getName();
    int count = args == null ? 0 : args.length;
    if (args != null && name.startsWith("set") && count >= 2 && args[0] instanceof Integer index) {
      return bind(method, index, args);
    }
    switch (name) {
      case "clearParameters" -> bound.clear();
      case "addBatch" -> {
        if (count > 0) {
          throw new SQLFeatureNotSupportedException("journaled statements take no SQL batches");
        }
        batch.add(recordBound());
      }
      case "clearBatch" -> batch.clear();
      case "executeUpdate", "executeLargeUpdate", "execute" -> {
        if (count > 0) {
          throw new SQLFeatureNotSupportedException("a prepared statement runs its own SQL");
        }
        List<JournalParameter> values = recordBound();
        Object result = callOrDiscard(method, args);
        connection.recorded(sql, resolvedAll(List.of(values)));
        return result;
      }
      case "executeBatch", "executeLargeBatch" -> {
        return executeBatch(method, args);
      }
      case "executeQuery" ->
          throw new SQLFeatureNotSupportedException("a journaled write statement returns no rows");
      default -> {}
    }
    return call(method, args);
  }

  private @Nullable Object callOrDiscard(Method method, Object @Nullable [] args) throws Throwable {
    try {
      return call(method, args);
    } catch (Throwable t) {
      for (ContentTee tee : tees) {
        tee.discard();
      }
      throw t;
    } finally {
      tees.clear();
    }
  }

  private @Nullable Object bind(Method method, int index, Object[] args) throws Throwable {
    String name = method.getName();
    Object value = args[1];
    JournalParameter recorded;
    if (value == null || name.equals("setNull")) {
      int type = name.equals("setNull") ? (Integer) args[1] : sqlType(args);
      recorded = JournalParameter.nullOf(index, type);
    } else if (value instanceof InputStream in
        && (name.equals("setBinaryStream") || name.equals("setBlob"))) {
      ContentTee tee = new ContentTee(in, connection.journal().newContentFile());
      tees.add(tee);
      Object[] teed = args.clone();
      teed[1] = tee;
      Object result = call(method, teed);
      bound.put(index, JournalParameter.of(index, JournalParameter.Kind.NULL, tee));
      return result;
    } else if (value instanceof String s) {
      recorded = JournalParameter.of(index, JournalParameter.Kind.STRING, s);
    } else if (value instanceof Long l) {
      recorded = JournalParameter.of(index, JournalParameter.Kind.LONG, l);
    } else if (value instanceof Integer i) {
      recorded = JournalParameter.of(index, JournalParameter.Kind.INT, i);
    } else if (value instanceof Double d) {
      recorded = JournalParameter.of(index, JournalParameter.Kind.DOUBLE, d);
    } else if (value instanceof byte[] bytes) {
      recorded = JournalParameter.of(index, JournalParameter.Kind.BYTES, bytes.clone());
    } else if (value instanceof String[] strings) {
      recorded = JournalParameter.of(index, JournalParameter.Kind.STRING_ARRAY, strings.clone());
    } else {
      throw new SQLFeatureNotSupportedException(
          "the journal cannot record a " + value.getClass().getName() + " bound with " + name);
    }
    bound.put(index, recorded);
    return call(method, args);
  }

  private static int sqlType(Object[] args) {
    return args.length >= 3 && args[2] instanceof Integer type ? type : Types.NULL;
  }

  /** Returns the bound values, a bound stream's content as recorded once H2 has read it. */
  private List<JournalParameter> recordBound() {
    return new ArrayList<>(bound.values());
  }

  private List<JournalParameter> resolved(List<JournalParameter> values) throws SQLException {
    List<JournalParameter> out = new ArrayList<>(values.size());
    for (JournalParameter p : values) {
      if (p.value() instanceof ContentTee tee) {
        try {
          out.add(tee.recorded(p.index()));
        } catch (IOException e) {
          throw new SQLException("could not journal the content of parameter " + p.index(), e);
        }
      } else {
        out.add(p);
      }
    }
    return out;
  }

  private @Nullable Object executeBatch(Method method, Object @Nullable [] args) throws Throwable {
    List<List<JournalParameter>> entries = new ArrayList<>(batch);
    batch.clear();
    try {
      Object result = callOrDiscard(method, args);
      connection.recorded(sql, resolvedAll(entries));
      return result;
    } catch (BatchUpdateException e) {
      // H2 ran the entries it could: journal exactly those, the transaction may still commit them
      int[] counts = e.getUpdateCounts();
      List<List<JournalParameter>> ran = new ArrayList<>();
      for (int i = 0; i < counts.length && i < entries.size(); i++) {
        if (counts[i] != Statement.EXECUTE_FAILED) {
          ran.add(entries.get(i));
        }
      }
      connection.recorded(sql, resolvedAll(ran));
      throw e;
    }
  }

  private List<List<JournalParameter>> resolvedAll(List<List<JournalParameter>> entries)
      throws SQLException {
    List<List<JournalParameter>> out = new ArrayList<>(entries.size());
    for (List<JournalParameter> entry : entries) {
      out.add(resolved(entry));
    }
    return out;
  }

  private @Nullable Object call(Method method, Object @Nullable [] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
