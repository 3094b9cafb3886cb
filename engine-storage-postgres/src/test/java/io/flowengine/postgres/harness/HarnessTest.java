package io.flowengine.postgres.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.opentest4j.TestAbortedException;

/**
 * The harness itself: a missing server skips, or fails when one is required; a throwaway server
 * runs with durable settings and leaves nothing behind once stopped.
 */
class HarnessTest {
  @Test
  void noServer_skipsWithTheReason_orFailsWhenRequired() {
    assertThatThrownBy(() -> PostgresExtension.unavailable("no initdb anywhere", false))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("no initdb anywhere");
    assertThatThrownBy(() -> PostgresExtension.unavailable("no initdb anywhere", true))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("no initdb anywhere")
        .hasMessageContaining(PostgresExtension.REQUIRED + "=true");
  }

  @Test
  void aThrowawayServer_isDurable_andStoppingItRemovesEverything() throws Exception {
    StringBuilder why = new StringBuilder();
    Optional<PostgresBinaries> binaries = PostgresBinaries.find(why);
    if (binaries.isEmpty()) {
      PostgresExtension.unavailable(why.toString(), Boolean.getBoolean(PostgresExtension.REQUIRED));
    }
    ThrowawayCluster cluster = ThrowawayCluster.start(binaries.get());
    String url = cluster.url("postgres");
    try (var c = DriverManager.getConnection(url, ThrowawayCluster.USER, "");
        Statement s = c.createStatement();
        ResultSet row =
            s.executeQuery(
                "SELECT current_setting('fsync'), current_setting('synchronous_commit'),"
                    + " current_setting('listen_addresses')")) {
      row.next();
      assertThat(row.getString(1)).isEqualTo("on");
      assertThat(row.getString(2)).isEqualTo("on");
      assertThat(row.getString(3)).isEqualTo("127.0.0.1");
    }
    cluster.stop();
    assertThat(cluster.root()).doesNotExist();
    assertThatThrownBy(() -> DriverManager.getConnection(url, ThrowawayCluster.USER, ""))
        .isInstanceOf(SQLException.class);
    cluster.stop(); // idempotent
  }
}
