package io.flowengine.postgres;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.flowengine.FlowEngine;
import io.flowengine.NewAsset;
import io.flowengine.NewFlow;
import io.flowengine.Template;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One cluster node in a child JVM, for {@link ClusterProcessesTest}: an engine on PostgreSQL in
 * cluster mode whose one step records each execution in {@code step_runs} (flow, node), works for a
 * while and writes one output; interrupted, it says {@code INTERRUPTED <flow>} and still tries to
 * write an output, then says whether it was {@code STORED} or {@code REFUSED}; it creates its share
 * of the flows, says so on stdout, and closes when its stdin closes (or is killed).
 *
 * <p>Arguments: JDBC URL, user and password (or {@code -}), node id, lease in ms, slots, flows to
 * create, step time in ms.
 */
public final class ClusterNodeProcess {
  private ClusterNodeProcess() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    String user = args[1].equals("-") ? null : args[1];
    String password = args[2].equals("-") ? "" : args[2];
    String node = args[3];
    Duration lease = Duration.ofMillis(Long.parseLong(args[4]));
    int slots = Integer.parseInt(args[5]);
    int flows = Integer.parseInt(args[6]);
    long stepMillis = Long.parseLong(args[7]);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    if (user != null) {
      config.setUsername(user);
      config.setPassword(password);
    }
    config.setMaximumPoolSize(4);
    try (HikariDataSource records = new HikariDataSource(config)) {
      Template template =
          Template.builder("record")
              .inputTypes("text/plain")
              .outputTypes("text/plain")
              .step(
                  ctx -> {
                    try (Connection c = records.getConnection();
                        PreparedStatement insert =
                            c.prepareStatement("INSERT INTO step_runs VALUES (?, ?)")) {
                      insert.setString(1, ctx.flow().id());
                      insert.setString(2, node);
                      insert.executeUpdate();
                    }
                    String id = ctx.flow().id();
                    try {
                      if (stepMillis > 0) { // the step's work
                        new CountDownLatch(1).await(stepMillis, TimeUnit.MILLISECONDS);
                      }
                    } catch (InterruptedException e) {
                      System.out.println("INTERRUPTED " + id);
                      try { // a stubborn step: its output must be refused, not stored
                        ctx.writeOutput("text/plain", ("late " + node).getBytes(UTF_8));
                        System.out.println("STORED " + id);
                      } catch (RuntimeException | IOException refused) {
                        System.out.println("REFUSED " + id + " " + refused.getMessage());
                      }
                      throw e;
                    }
                    try { // on stderr, the node's log: which output was stored, which failed
                      var output =
                          ctx.writeOutput("text/plain", ("done by " + node).getBytes(UTF_8));
                      System.err.println("OUTPUT " + id + " " + output.id());
                    } catch (RuntimeException | IOException e) {
                      System.err.println("OUTPUT FAILED " + id + " " + e);
                      throw e;
                    }
                  })
              .build();
      PostgresStorage.Builder storage =
          PostgresStorage.builder().url(url).nodeId(node).lease(lease).poolSize(6).cluster();
      if (user != null) {
        storage.credentials(user, password);
      }
      try (FlowEngine engine =
          FlowEngine.builder()
              .storage(storage.open())
              .template(template)
              .maxRunningFlows(slots)
              .build()) {
        System.out.println("READY");
        List<NewFlow> batch = new ArrayList<>();
        for (int i = 0; i < flows; i++) {
          batch.add(NewFlow.builder("record").input(NewAsset.text(node + " " + i)).build());
          if (batch.size() == 50 || i == flows - 1) {
            engine.createFlows(batch).forEach(r -> r.flowOrThrow());
            batch.clear();
          }
        }
        System.out.println("CREATED");
        while (System.in.read() != -1) {
          // until the test closes stdin
        }
      }
    }
  }
}
