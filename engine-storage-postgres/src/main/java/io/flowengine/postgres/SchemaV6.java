package io.flowengine.postgres;

import java.util.List;

/**
 * Schema step 6: the announcements of {@link SchemaV2} also tell of a change of progress, in the
 * same form ({@code <id> <state rank> <application_name>}, the state unchanged), so that listeners
 * on every node hear the progress a step reports on another. The group commit writes at most one
 * progress value per flow and commit (the latest), so a step reporting often sends at most one
 * notification per commit. Writers that announce nothing ({@link SchemaV4}) still announce nothing.
 * Stateless.
 */
final class SchemaV6 {
  static final List<String> STATEMENTS =
      List.of(
          """
          CREATE OR REPLACE FUNCTION flowengine_flow_announced() RETURNS trigger
          LANGUAGE plpgsql AS $$
          BEGIN
            IF TG_OP = 'DELETE' THEN
              PERFORM pg_notify('flowengine_flows',
                OLD.id || ' -1 ' || current_setting('application_name'));
            ELSIF TG_OP = 'INSERT' OR NEW.state <> OLD.state OR NEW.progress <> OLD.progress
                OR (NEW.owner_node IS NULL AND OLD.owner_node IS NOT NULL) THEN
              PERFORM pg_notify('flowengine_flows',
                NEW.id || ' ' || NEW.state || ' ' || current_setting('application_name'));
            END IF;
            RETURN NULL;
          END $$""");

  private SchemaV6() {}
}
