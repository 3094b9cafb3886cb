/**
 * Flow, asset and API-key stores on PostgreSQL: {@code io.flowengine.postgres.PostgresStorage},
 * plugged in with {@code FlowEngine.builder().storage(...)}.
 */
// "requires-automatic": the PostgreSQL JDBC driver ships no module descriptor, only the
// Automatic-Module-Name org.postgresql.jdbc.
@SuppressWarnings("requires-automatic")
module io.flowengine.postgres {
  requires transitive io.flowengine;
  requires transitive java.sql;
  requires io.flowengine.jdbc;
  requires org.postgresql.jdbc;
  requires com.zaxxer.hikari;
  requires com.google.common;
  requires org.slf4j;

  exports io.flowengine.postgres;
}
