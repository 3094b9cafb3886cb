package io.flowengine.postgres;

import java.util.List;

/**
 * Schema step 5: a flow may list only inputs that are stored. Triggers on a new flow that lists
 * inputs, and on a flow whose list of inputs changes (an added input), lock each newly listed input
 * row ({@code FOR KEY SHARE}, as a foreign key check does) and refuse the write, with SQLSTATE
 * {@code 23503}, if one is missing. That makes {@link StrayAssets} safe on a shared database: its
 * sweep locks the rows it deletes, so a create or an added input still under way on another node
 * either keeps its input (the sweep skips the locked row, or finds it listed) or fails as a whole
 * (its input was swept first) instead of listing an input that is gone. Other writes pay only the
 * triggers' {@code WHEN} tests. A writer that is the database's only engine ({@value
 * SchemaV4#SETTING} {@code off}, as for {@link SchemaV4}) skips the check: the sweep runs only
 * while it opens, before any call of its own, and no other engine sweeps. Stateless.
 */
final class SchemaV5 {
  static final List<String> STATEMENTS =
      List.of(
          """
          CREATE OR REPLACE FUNCTION flowengine_flow_inputs_stored() RETURNS trigger
          LANGUAGE plpgsql AS $$
          DECLARE
            listed text[];
          BEGIN
            IF TG_OP = 'UPDATE' THEN
              listed := ARRAY(SELECT unnest(NEW.input_ids) EXCEPT SELECT unnest(OLD.input_ids));
            ELSE
              listed := NEW.input_ids;
            END IF;
            IF cardinality(listed) > 0 AND (SELECT count(*) FROM (SELECT 1 FROM flowengine_assets a
                WHERE a.flow_id = NEW.id AND a.role = 0 AND a.size >= 0
                  AND a.id = ANY (listed) FOR KEY SHARE) stored) <> cardinality(listed) THEN
              RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation',
                MESSAGE = 'an input of flow ' || NEW.id || ' is not stored'
                  || ' (removed as left behind by a call that did not finish)';
            END IF;
            RETURN NEW;
          END $$""",
          "DROP TRIGGER IF EXISTS flowengine_flows_inputs_stored ON flowengine_flows",
          """
          CREATE TRIGGER flowengine_flows_inputs_stored
          BEFORE INSERT ON flowengine_flows
          FOR EACH ROW
          WHEN (cardinality(NEW.input_ids) > 0
            AND current_setting('flowengine.announce', true) IS DISTINCT FROM 'off')
          EXECUTE FUNCTION flowengine_flow_inputs_stored()""",
          "DROP TRIGGER IF EXISTS flowengine_flows_inputs_added ON flowengine_flows",
          """
          CREATE TRIGGER flowengine_flows_inputs_added
          BEFORE UPDATE ON flowengine_flows
          FOR EACH ROW
          WHEN (NEW.input_ids IS DISTINCT FROM OLD.input_ids
            AND current_setting('flowengine.announce', true) IS DISTINCT FROM 'off')
          EXECUTE FUNCTION flowengine_flow_inputs_stored()""");

  private SchemaV5() {}
}
