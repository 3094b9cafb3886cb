/**
 * Durable storage for the flow engine on an embedded H2 database file: {@code
 * io.flowengine.h2.H2Storage}, plugged in with {@code FlowEngine.builder().storage(...)}.
 */
// "module": the name ends in the digit of H2, which is the point of it. "requires-automatic": H2
// ships no module descriptor, only the Automatic-Module-Name com.h2database.
@SuppressWarnings({"module", "requires-automatic"})
module io.flowengine.h2 {
  requires transitive io.flowengine;
  requires java.sql;
  requires io.flowengine.jdbc;
  requires com.h2database;
  requires com.google.common;
  requires com.github.benmanes.caffeine;
  requires org.slf4j;

  exports io.flowengine.h2;
}
