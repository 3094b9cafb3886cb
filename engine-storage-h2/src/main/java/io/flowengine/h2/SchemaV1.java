package io.flowengine.h2;

import java.util.ArrayList;
import java.util.List;

/**
 * Schema version 1. Times are microseconds since the epoch ({@code BIGINT}); a flow's state is its
 * lifecycle rank ({@link io.flowengine.FlowState#ordinal()}). Every listing order has an index that
 * starts with the state, so a listing reads each state's part of one index in order and merges
 * them: no sort, no scan. An account's flows have two indexes: by state (its unfinished count, its
 * listing by state) and by creation time (its default listing). Every index holding the state is
 * rewritten on each state change, which is what a state change costs (about 5 microseconds per
 * index), so there are no more of them than the listings need. Stateless.
 */
final class SchemaV1 {
  /** The listing indexes: name suffix and the columns between the state and the id. */
  private static final String[][] LISTING_KEYS = {
    {"STATE", ""},
    {"PROGRESS", "PROGRESS, "},
    {"CREATED", "CREATED_US, "},
    {"STARTED", "STARTED_US, "},
    {"FINISHED", "FINISHED_US, "}
  };

  static final List<String> STATEMENTS = statements();

  private SchemaV1() {}

  private static List<String> statements() {
    List<String> sql = new ArrayList<>();
    sql.add(
        """
        CREATE TABLE IF NOT EXISTS FLOWS (
          ID VARCHAR NOT NULL PRIMARY KEY,
          ACCOUNT_ID VARCHAR,
          TEMPLATE_ID VARCHAR NOT NULL,
          TEMPLATE_NAME VARCHAR NOT NULL,
          STATE TINYINT NOT NULL,
          PROGRESS DOUBLE PRECISION NOT NULL,
          PARAMETERS VARBINARY NOT NULL,
          ADDITIONAL CHARACTER LARGE OBJECT,
          INPUT_IDS VARCHAR ARRAY NOT NULL,
          CREATED_US BIGINT NOT NULL,
          STARTED_US BIGINT,
          FINISHED_US BIGINT,
          ERROR VARCHAR,
          TIMEOUT VARCHAR,
          VERSION BIGINT NOT NULL)""");
    for (String[] key : LISTING_KEYS) {
      sql.add(
          "CREATE INDEX IF NOT EXISTS FLOWS_BY_" + key[0] + " ON FLOWS (STATE, " + key[1] + "ID)");
    }
    sql.add(
        "CREATE INDEX IF NOT EXISTS FLOWS_OF_ACCOUNT_BY_STATE ON FLOWS (ACCOUNT_ID, STATE, ID)");
    sql.add(
        "CREATE INDEX IF NOT EXISTS FLOWS_OF_ACCOUNT_BY_CREATED ON FLOWS (ACCOUNT_ID, CREATED_US, ID)");
    sql.add(
        """
        CREATE TABLE IF NOT EXISTS ASSETS (
          FLOW_ID VARCHAR NOT NULL,
          ID VARCHAR NOT NULL,
          ACCOUNT_ID VARCHAR,
          ROLE TINYINT NOT NULL,
          MEDIA_TYPE VARCHAR NOT NULL,
          SIZE BIGINT NOT NULL,
          SHA256 VARCHAR NOT NULL,
          CREATED_US BIGINT NOT NULL,
          ADDITIONAL CHARACTER LARGE OBJECT,
          DERIVED_FROM VARCHAR,
          CONTENT BINARY LARGE OBJECT NOT NULL,
          PRIMARY KEY (FLOW_ID, ID))""");
    sql.add("CREATE INDEX IF NOT EXISTS ASSETS_OF_ACCOUNT ON ASSETS (ACCOUNT_ID)");
    sql.add(
        """
        CREATE TABLE IF NOT EXISTS API_KEYS (
          ID VARCHAR NOT NULL PRIMARY KEY,
          ACCOUNT_ID VARCHAR NOT NULL,
          NAME VARCHAR NOT NULL,
          SECRET_HASH VARCHAR NOT NULL,
          CREATED_US BIGINT NOT NULL,
          EXPIRES_US BIGINT NOT NULL,
          LAST_USED_US BIGINT,
          REVOKED_US BIGINT)""");
    sql.add(
        "CREATE INDEX IF NOT EXISTS API_KEYS_OF_ACCOUNT ON API_KEYS (ACCOUNT_ID, CREATED_US, ID)");
    return List.copyOf(sql);
  }
}
