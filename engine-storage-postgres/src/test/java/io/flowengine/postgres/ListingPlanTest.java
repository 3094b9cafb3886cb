package io.flowengine.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowengine.FlowSortKey;
import io.flowengine.FlowState;
import io.flowengine.SortDirection;
import io.flowengine.postgres.harness.PostgresExtension;
import io.flowengine.postgres.harness.TestDatabase;
import io.flowengine.spi.FlowOrdering;
import io.flowengine.spi.FlowPageRequest;
import io.flowengine.spi.FlowRecord;
import io.flowengine.spi.SortPosition;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Listings read indexes, not the table: {@code EXPLAIN (ANALYZE, FORMAT JSON)} of the statement of
 * every sort key, direction and state filter, first page and a later one, shows no sequential scan:
 * each scan reads its state's part of a listing index, in order and stopping within two pages, or,
 * for a state the statistics show as rare, all its few matching rows, sorted. The table has {@code
 * flowengine.postgres.listingFlows} flows (default 20,000), in a mix of states as in a database in
 * use.
 */
@ExtendWith(PostgresExtension.class)
class ListingPlanTest {
  private static final int FLOWS = Integer.getInteger("flowengine.postgres.listingFlows", 20_000);
  private static final int PAGE = 101;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long BITMAP_SHARE_PERCENT = 5;

  /**
   * The state of flow x, mixed as in a database in use: most flows finished, a few percent queued
   * or running, so the planner's statistics show rare and common states.
   */
  private static final String STATE_MIX =
      "CASE WHEN x % 100 < 3 THEN 0 WHEN x % 100 < 5 THEN 1 WHEN x % 100 < 9 THEN 2"
          + " WHEN x % 100 < 11 THEN 3 WHEN x % 100 < 85 THEN 4 WHEN x % 100 < 92 THEN 5 ELSE 6 END";

  private static PostgresStorage storage;
  private static Connection sql;
  private static SoftAssertions soft;

  @BeforeEach
  void collectViolations() {
    soft = new SoftAssertions();
  }

  @AfterEach
  void reportViolations() {
    soft.assertAll();
  }

  @BeforeAll
  static void fill(TestDatabase database) throws Exception {
    String url = database.newSchema();
    storage = new OpenStorages(database).open(new OpenStorages(database).builder(url));
    Properties login = new Properties();
    if (database.user() != null) {
      login.setProperty("user", database.user());
    }
    sql = DriverManager.getConnection(url, login);
    try (Statement s = sql.createStatement()) {
      long start = System.nanoTime();
      s.execute(
          "INSERT INTO flowengine_flows (id, account_id, template_id, template_name, state,"
              + " progress, parameters, additional, input_ids, created_us, started_us, finished_us,"
              + " error, timeout, version) SELECT lpad(x::text, 24, '0'), 'acct-' || (x % 50), 't', 'n', s,"
              + " CASE s WHEN 4 THEN 1.0 ELSE (x % 13) / 13.0 END, '\\x0100000000'::bytea,"
              + " NULL, '{}', 1700000000000000 + x * 1000,"
              + " CASE WHEN s = 0 THEN NULL ELSE 1700000000000000 + x * 1000 + x % 17 END,"
              + " CASE WHEN s >= 4 THEN 1700000000500000 + x * 1000 END, NULL, NULL, 0"
              + " FROM generate_series(1, "
              + FLOWS
              + ") AS x, LATERAL (SELECT "
              + STATE_MIX
              + " AS s) AS mixed");
      s.execute("VACUUM ANALYZE flowengine_flows");
      System.out.printf(
          "filled %,d flows in %d ms%n", FLOWS, (System.nanoTime() - start) / 1_000_000);
    }
  }

  @AfterAll
  static void close() throws Exception {
    sql.close();
    storage.close();
  }

  /**
   * Checks the plan of {@code query}: no sequential scan; every index scan on a listing index with
   * the state (or the account) in its index condition; an ordered index scan examining at most two
   * pages of rows; a bitmap scan (the planner's choice for a range it estimates small: read it
   * unordered, sort it) at most {@value #BITMAP_SHARE_PERCENT}% of the table. Returns the rows the
   * scans returned.
   */
  private static long checkPlan(FlowListingQueries.Query query, String what) throws Exception {
    try (PreparedStatement explain =
        sql.prepareStatement("EXPLAIN (ANALYZE, FORMAT JSON) " + query.sql())) {
      for (int i = 0; i < query.parameters().size(); i++) {
        explain.setObject(i + 1, query.parameters().get(i));
      }
      try (ResultSet row = explain.executeQuery()) {
        row.next();
        JsonNode plan = JSON.readTree(row.getString(1)).get(0).get("Plan");
        return check(plan, plan, what);
      }
    }
  }

  private static long check(JsonNode node, JsonNode root, String what) {
    String type = node.path("Node Type").asText();
    String context = what + " at a " + type + "\n" + root.toPrettyString();
    long examined =
        node.path("Actual Rows").asLong() + node.path("Rows Removed by Filter").asLong();
    soft.assertThat(type).as("plan node of %s", context).isNotEqualTo("Seq Scan");
    if (type.equals("Index Scan") || type.equals("Bitmap Index Scan")) {
      soft.assertThat(node.path("Index Name").asText())
          .as("index of %s", context)
          .startsWith("flowengine_flows_");
      soft.assertThat(node.path("Index Cond").asText())
          .as("index condition of %s", context)
          .containsAnyOf("state = ", "account_id = ");
    }
    long bound = type.startsWith("Bitmap") ? FLOWS * BITMAP_SHARE_PERCENT / 100 : 2L * PAGE;
    if (type.contains("Scan")) {
      soft.assertThat(examined).as("rows examined by %s", context).isLessThanOrEqualTo(bound);
    }
    long returned = type.endsWith("Index Scan") ? node.path("Actual Rows").asLong() : 0;
    for (JsonNode child : node.path("Plans")) {
      returned += check(child, root, what);
    }
    return returned;
  }

  private static FlowPageRequest request(
      FlowSortKey key,
      SortDirection direction,
      Set<FlowState> states,
      @Nullable String account,
      @Nullable SortPosition after) {
    return new FlowPageRequest(key, direction, states, account, after, PAGE);
  }

  @Test
  void everyListing_readsAboutAPageOfIndexEntriesPerScan() throws Exception {
    List<Set<FlowState>> filters =
        List.of(
            Set.of(),
            EnumSet.of(FlowState.RUNNING),
            EnumSet.of(FlowState.CREATED, FlowState.FAILED));
    for (FlowSortKey key : FlowSortKey.values()) {
      for (SortDirection direction : SortDirection.values()) {
        for (Set<FlowState> states : filters) {
          FlowPageRequest first = request(key, direction, states, null, null);
          List<FlowRecord> page = storage.flows().page(first);
          assertThat(page).hasSize(PAGE);
          SortPosition middle = FlowOrdering.positionOf(page.getLast(), key);
          FlowPageRequest next = request(key, direction, states, null, middle);
          checkPlan(FlowListingQueries.page(first), first.toString());
          checkPlan(FlowListingQueries.page(next), next.toString());
          long start = System.nanoTime();
          assertThat(storage.flows().page(next)).hasSize(PAGE);
          System.out.printf(
              "%s %s %s: second page of %d in %d us%n",
              key, direction, states, PAGE, (System.nanoTime() - start) / 1000);
        }
      }
    }
  }

  @Test
  void anAccountsListing_byCreationTimeOrState_readsItsOwnIndex() throws Exception {
    for (SortDirection direction : SortDirection.values()) {
      for (FlowSortKey key : List.of(FlowSortKey.CREATED_AT, FlowSortKey.STATE)) {
        FlowPageRequest first = request(key, direction, Set.of(), "acct-7", null);
        List<FlowRecord> page = storage.flows().page(first);
        assertThat(page)
            .hasSize(PAGE)
            .allSatisfy(r -> assertThat(r.accountId()).isEqualTo("acct-7"));
        FlowPageRequest next =
            request(
                key, direction, Set.of(), "acct-7", FlowOrdering.positionOf(page.getLast(), key));
        checkPlan(FlowListingQueries.page(first), first.toString());
        checkPlan(FlowListingQueries.page(next), next.toString());
      }
    }
  }

  @Test
  void recoveryAndRetentionQueries_readOnlyWhatTheyReturn() throws Exception {
    assertThat(
            checkPlan(
                FlowListingQueries.byStates(
                    EnumSet.of(FlowState.STARTING, FlowState.RUNNING, FlowState.ABORTING),
                    "00000000000000000000500",
                    PAGE),
                "findByStates"))
        .isLessThanOrEqualTo(3L * PAGE);
    assertThat(
            checkPlan(
                FlowListingQueries.finishedBefore(Instant.ofEpochSecond(1_700_000_010), PAGE),
                "findFinishedBefore"))
        .isLessThanOrEqualTo(3L * PAGE);
  }
}
