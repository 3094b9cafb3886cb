package io.flowengine.postgres;

import java.util.List;

/**
 * Schema step 4: the change announcements of {@link SchemaV2} only where someone may listen. The
 * trigger gets a {@code WHEN} condition on the writer's setting {@value #SETTING}: a storage not in
 * cluster mode, whose engine is the database's only one and listens to nobody, sets it {@code off}
 * on its writer connection, and then its flow changes queue no trigger call and send no {@code
 * NOTIFY}. Every other writer (cluster nodes, a person with {@code psql}) announces as before, so a
 * cluster never misses a change. The owner-clearing trigger is unchanged. Stateless.
 */
final class SchemaV4 {
  /** The session setting that, {@code off}, silences the announcements of a connection's writes. */
  static final String SETTING = "flowengine.announce";

  static final List<String> STATEMENTS =
      List.of(
          "DROP TRIGGER IF EXISTS flowengine_flows_announced ON flowengine_flows",
          """
          CREATE TRIGGER flowengine_flows_announced
          AFTER INSERT OR UPDATE OR DELETE ON flowengine_flows
          FOR EACH ROW
          WHEN (current_setting('flowengine.announce', true) IS DISTINCT FROM 'off')
          EXECUTE FUNCTION flowengine_flow_announced()""");

  private SchemaV4() {}
}
