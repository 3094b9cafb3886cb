package io.flowengine.postgres;

import java.util.List;

/**
 * Schema version 2, for cluster mode: a trigger on {@code flowengine_flows} that
 *
 * <ul>
 *   <li>clears a flow's owner when it becomes terminal, so the partial index of owned flows holds
 *       only the few flows that run now and the sweep for lost nodes' flows reads only those;
 *   <li>announces, on the channel {@code flowengine_flows}, each new flow, each change of state,
 *       each release of an owner, and each deletion: {@code <id> <state rank, -1 if deleted>
 *       <application_name of the writer>}. PostgreSQL delivers a notification when the writing
 *       transaction commits, and never for one rolled back.
 * </ul>
 *
 * Stateless.
 */
final class SchemaV2 {
  /** The channel changes are announced on. */
  static final String CHANNEL = "flowengine_flows";

  static final List<String> STATEMENTS =
      List.of(
          """
          CREATE OR REPLACE FUNCTION flowengine_flow_owner_cleared() RETURNS trigger
          LANGUAGE plpgsql AS $$
          BEGIN
            IF NEW.state >= 4 THEN
              NEW.owner_node := NULL;
              NEW.owner_epoch := NULL;
            END IF;
            RETURN NEW;
          END $$""",
          """
          CREATE OR REPLACE FUNCTION flowengine_flow_announced() RETURNS trigger
          LANGUAGE plpgsql AS $$
          BEGIN
            IF TG_OP = 'DELETE' THEN
              PERFORM pg_notify('flowengine_flows',
                OLD.id || ' -1 ' || current_setting('application_name'));
            ELSIF TG_OP = 'INSERT' OR NEW.state <> OLD.state
                OR (NEW.owner_node IS NULL AND OLD.owner_node IS NOT NULL) THEN
              PERFORM pg_notify('flowengine_flows',
                NEW.id || ' ' || NEW.state || ' ' || current_setting('application_name'));
            END IF;
            RETURN NULL;
          END $$""",
          "DROP TRIGGER IF EXISTS flowengine_flows_owner_cleared ON flowengine_flows",
          """
          CREATE TRIGGER flowengine_flows_owner_cleared BEFORE UPDATE ON flowengine_flows
          FOR EACH ROW EXECUTE FUNCTION flowengine_flow_owner_cleared()""",
          "DROP TRIGGER IF EXISTS flowengine_flows_announced ON flowengine_flows",
          """
          CREATE TRIGGER flowengine_flows_announced
          AFTER INSERT OR UPDATE OR DELETE ON flowengine_flows
          FOR EACH ROW EXECUTE FUNCTION flowengine_flow_announced()""");

  private SchemaV2() {}
}
