package io.flowengine.h2;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowengine.FlowSortKey;
import io.flowengine.FlowState;
import io.flowengine.SortDirection;
import io.flowengine.spi.FlowOrdering;
import io.flowengine.spi.FlowPageRequest;
import io.flowengine.spi.FlowRecord;
import io.flowengine.spi.SortPosition;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Listings read indexes, not the table: {@code EXPLAIN ANALYZE} of every scan a page needs, for
 * every sort key, direction and state filter, reads no more rows than the page holds. The table has
 * {@code flowengine.h2.listingFlows} flows (default 20,000); page times are printed.
 */
class ListingPlanTest {
  private static final int FLOWS = Integer.getInteger("flowengine.h2.listingFlows", 20_000);
  private static final int PAGE = 101;
  private static final Pattern SCAN_COUNT = Pattern.compile("scanCount: (\\d+)");

  @TempDir static Path dir;
  private static H2Storage storage;
  private static Connection sql;

  @BeforeAll
  static void fill() throws Exception {
    storage = H2Storage.open(dir);
    sql = DriverManager.getConnection(H2Storage.jdbcUrl(dir));
    try (Statement s = sql.createStatement()) {
      long start = System.nanoTime();
      s.execute(
          "INSERT INTO FLOWS (ID, ACCOUNT_ID, TEMPLATE_ID, TEMPLATE_NAME, STATE, PROGRESS, PARAMETERS, "
              + "ADDITIONAL, INPUT_IDS, CREATED_US, STARTED_US, FINISHED_US, ERROR, TIMEOUT, VERSION) "
              + "SELECT LPAD(X, 24, '0'), 'acct-' || MOD(X, 50), 't', 'n', MOD(X, 7), "
              + "CASE MOD(X, 7) WHEN 4 THEN 1.0 ELSE MOD(X, 13) / 13.0 END, X'0100000000', NULL, ARRAY[], "
              + "1700000000000000 + X * 1000, CASE WHEN MOD(X, 7) = 0 THEN NULL ELSE 1700000000000000 + X * 1000 + MOD(X, 17) END, "
              + "CASE WHEN MOD(X, 7) >= 4 THEN 1700000000500000 + X * 1000 END, NULL, NULL, 0 "
              + "FROM SYSTEM_RANGE(1, "
              + FLOWS
              + ")");
      s.execute("ANALYZE");
      System.out.printf(
          "filled %,d flows in %d ms%n", FLOWS, (System.nanoTime() - start) / 1_000_000);
    }
  }

  @AfterAll
  static void close() throws Exception {
    sql.close();
    storage.close();
  }

  private static List<Integer> scanCounts(FlowPageRequest request) throws Exception {
    List<Integer> counts = new ArrayList<>();
    for (FlowListingQueries.Scan scan : FlowListingQueries.scans(request)) {
      try (PreparedStatement explain = sql.prepareStatement("EXPLAIN ANALYZE " + scan.sql())) {
        for (int i = 0; i < scan.parameters().size(); i++) {
          explain.setObject(i + 1, scan.parameters().get(i));
        }
        try (ResultSet plan = explain.executeQuery()) {
          plan.next();
          String text = plan.getString(1);
          Matcher m = SCAN_COUNT.matcher(text);
          int count = m.find() ? Integer.parseInt(m.group(1)) : 0;
          assertThat(count)
              .as("rows read by %s%n%s", request, text)
              .isLessThanOrEqualTo(request.limit() + 1);
          counts.add(count);
        }
      }
    }
    return counts;
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
  void everyListing_readsAtMostAPageOfIndexEntriesPerScan() throws Exception {
    List<Set<FlowState>> filters =
        List.of(
            Set.of(),
            EnumSet.of(FlowState.RUNNING),
            EnumSet.of(FlowState.CREATED, FlowState.FAILED));
    for (FlowSortKey key : FlowSortKey.values()) {
      for (SortDirection direction : SortDirection.values()) {
        for (Set<FlowState> states : filters) {
          List<FlowRecord> first =
              storage.flows().page(request(key, direction, states, null, null));
          assertThat(first).hasSize(PAGE);
          SortPosition middle = FlowOrdering.positionOf(first.getLast(), key);
          scanCounts(request(key, direction, states, null, null));
          scanCounts(request(key, direction, states, null, middle));
          long start = System.nanoTime();
          List<FlowRecord> next =
              storage.flows().page(request(key, direction, states, null, middle));
          long micros = (System.nanoTime() - start) / 1000;
          assertThat(next).hasSize(PAGE);
          System.out.printf(
              "%s %s %s: second page of %d in %d us%n", key, direction, states, PAGE, micros);
        }
      }
    }
  }

  @Test
  void anAccountsListing_byCreationTimeOrState_readsItsOwnIndex() throws Exception {
    for (SortDirection direction : SortDirection.values()) {
      for (FlowSortKey key : List.of(FlowSortKey.CREATED_AT, FlowSortKey.STATE)) {
        List<FlowRecord> first =
            storage.flows().page(request(key, direction, Set.of(), "acct-7", null));
        assertThat(first)
            .hasSize(PAGE)
            .allSatisfy(r -> assertThat(r.accountId()).isEqualTo("acct-7"));
        scanCounts(
            request(
                key, direction, Set.of(), "acct-7", FlowOrdering.positionOf(first.getLast(), key)));
      }
    }
  }
}
