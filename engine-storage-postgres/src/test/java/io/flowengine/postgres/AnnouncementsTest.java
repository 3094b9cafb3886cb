package io.flowengine.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowengine.Flow;
import io.flowengine.FlowEngine;
import io.flowengine.NewFlow;
import io.flowengine.Template;
import io.flowengine.postgres.harness.PostgresExtension;
import io.flowengine.postgres.harness.TestDatabase;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The change announcements ({@code NOTIFY flowengine_flows}) come only from writers that may have
 * listeners: a cluster node's flow changes are announced, a single engine's (not in cluster mode,
 * the database's only one) are not, since nobody listens to it (schema step {@link SchemaV4}).
 */
@ExtendWith(PostgresExtension.class)
class AnnouncementsTest {
  private final TestDatabase database;
  private final OpenStorages storages;
  private final List<FlowEngine> engines = new ArrayList<>();

  AnnouncementsTest(TestDatabase database) {
    this.database = database;
    this.storages = new OpenStorages(database);
  }

  @AfterEach
  void close() {
    engines.forEach(FlowEngine::close);
    storages.close();
  }

  private FlowEngine engine(PostgresStorage.Builder storage) {
    FlowEngine engine =
        FlowEngine.builder()
            .storage(storages.open(storage))
            .template(Template.builder("noop").inputTypes("text/plain").step(ctx -> {}).build())
            .build();
    engines.add(engine);
    return engine;
  }

  @Test
  @Timeout(value = 1, unit = TimeUnit.MINUTES)
  void aSingleEnginesChanges_areNotAnnounced_aClusterNodesAre() throws Exception {
    FlowEngine single = engine(storages.builder(database.newSchema()).poolSize(2));
    FlowEngine node = engine(storages.builder(database.newSchema()).poolSize(2).cluster());
    try (Connection listener = database.connect()) {
      listener.createStatement().execute("LISTEN " + SchemaV2.CHANNEL); // the database's channel
      PGConnection pg = listener.unwrap(PGConnection.class);

      Flow quiet = single.createFlow(NewFlow.builder("noop").build());
      single.deleteFlow(quiet.id());
      Flow heard = node.createFlow(NewFlow.builder("noop").build());

      List<String> payloads = new ArrayList<>();
      while (payloads.stream().noneMatch(p -> p.startsWith(heard.id() + " "))) {
        PGNotification[] got = pg.getNotifications(10_000); // delivered in commit order
        assertThat(got).as("the cluster node's insert is announced").isNotNull().isNotEmpty();
        for (PGNotification n : got) {
          payloads.add(n.getParameter());
        }
      }
      assertThat(payloads).noneMatch(p -> p.startsWith(quiet.id() + " "));
    }
  }
}
