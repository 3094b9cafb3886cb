package io.flowengine.postgres.harness;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test class a PostgreSQL database of its own ({@link TestDatabase}, as a parameter of its
 * constructor, {@code @BeforeAll} or test methods). One server serves the whole test JVM: started
 * on first use ({@link PostgresServer}) and stopped when JUnit finishes. Where no server can be had
 * the class is skipped with the reason, unless the system property {@value #REQUIRED} is {@code
 * true} ({@code .ci/run} sets it): then it fails. Nested classes share their outer class's
 * database. Thread-safe.
 */
public final class PostgresExtension
    implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
  /** The system property that turns a missing PostgreSQL from a skip into a failure. */
  public static final String REQUIRED = "flowengine.postgres.required";

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(PostgresExtension.class);

  /** The JVM's server, or why there is none; held by the root context, which closes it. */
  private record ServerOrReason(Optional<PostgresServer> server, String reason)
      implements AutoCloseable {
    @Override
    public void close() throws IOException {
      if (server.isPresent()) {
        server.get().close();
      }
    }
  }

  /** Returns the JVM's server, starting it on first use; skips or fails where there is none. */
  public static PostgresServer server(ExtensionContext context) {
    ServerOrReason found =
        context
            .getRoot()
            .getStore(NAMESPACE)
            .computeIfAbsent(
                ServerOrReason.class,
                key -> {
                  StringBuilder why = new StringBuilder();
                  Optional<PostgresServer> server = PostgresServer.startOrConnect(why);
                  return new ServerOrReason(server, why.toString());
                },
                ServerOrReason.class);
    if (found.server().isEmpty()) {
      unavailable(found.reason(), Boolean.getBoolean(REQUIRED));
    }
    return found.server().get();
  }

  /**
   * Ends the test for want of a server: skipped with the reason, or failed if one is required.
   *
   * @throws org.opentest4j.TestAbortedException if not required (a skip)
   * @throws ExtensionConfigurationException if required
   */
  static void unavailable(String reason, boolean required) {
    String message = "no PostgreSQL for the tests: " + reason;
    if (required) {
      throw new ExtensionConfigurationException(
          message + " (" + REQUIRED + "=true, so this fails instead of skipping)");
    }
    Assumptions.abort(message);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws SQLException {
    PostgresServer server = server(context);
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    if (store.get(TestDatabase.class, TestDatabase.class) == null) { // nested classes share
      store.put(
          TestDatabase.class,
          server.createDatabase(context.getRequiredTestClass().getSimpleName()));
      store.put(Owner.class, new Owner(context.getUniqueId()));
    }
  }

  /** Which class context created the database, so only that one drops it. */
  private record Owner(String contextId) {}

  @Override
  public void afterAll(ExtensionContext context) throws SQLException {
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    Owner owner = store.get(Owner.class, Owner.class);
    TestDatabase database = store.get(TestDatabase.class, TestDatabase.class);
    if (owner != null && database != null && owner.contextId().equals(context.getUniqueId())) {
      if (database.server().cluster().isEmpty()) { // a throwaway server is deleted whole
        database.server().dropDatabase(database.name());
      }
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == TestDatabase.class || type == PostgresServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    if (parameter.getParameter().getType() == PostgresServer.class) {
      return server(context);
    }
    TestDatabase database = context.getStore(NAMESPACE).get(TestDatabase.class, TestDatabase.class);
    if (database == null) {
      throw new ExtensionConfigurationException("no database: is PostgresExtension registered?");
    }
    return database;
  }
}
