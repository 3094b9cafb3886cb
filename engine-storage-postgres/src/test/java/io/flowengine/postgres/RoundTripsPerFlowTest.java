package io.flowengine.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowengine.Flow;
import io.flowengine.FlowEngine;
import io.flowengine.FlowState;
import io.flowengine.NewFlow;
import io.flowengine.Template;
import io.flowengine.postgres.harness.PostgresExtension;
import io.flowengine.postgres.harness.TestDatabase;
import io.flowengine.spi.CommitListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Counts what one flow's lifecycle (create, start, claim, run a no-op step, complete) sends to
 * PostgreSQL on one engine: round trips, statements and commits of the group commit's writer and of
 * the pool's connections, per flow, from one sender and from eight (with the writer's changes per
 * commit). Prints the numbers (the README's "Performance" note) and checks the ones that do not
 * depend on timing: the reads per flow, and that every flow completed.
 */
@ExtendWith(PostgresExtension.class)
class RoundTripsPerFlowTest {
  private static final int FLOWS_PER_SENDER = 200;
  private static final Template NOOP =
      Template.builder("noop").inputTypes("text/plain").step(ctx -> {}).build();

  private final TestDatabase database;

  RoundTripsPerFlowTest(TestDatabase database) {
    this.database = database;
  }

  @Test
  void oneSender() throws Exception {
    Measured measured = measure(1);
    // No read by the pool: start, claim and completion find the rows this storage wrote itself.
    assertThat(measured.source.pool.statements.sum()).isZero();
  }

  @Test
  void eightSenders() throws Exception {
    Measured measured = measure(8);
    assertThat(measured.source.pool.statements.sum()).isZero();
  }

  private record Measured(CountingDataSource source, int flows, long changes, long commits) {
    double perFlow(LongAdder count) {
      return (double) count.sum() / flows;
    }
  }

  private Measured measure(int senders) throws Exception {
    PGSimpleDataSource driver = new PGSimpleDataSource();
    driver.setURL(database.newSchema());
    if (database.user() != null) {
      driver.setUser(database.user());
      driver.setPassword(database.password() == null ? "" : database.password());
    }
    CountingDataSource source = new CountingDataSource(driver);
    LongAdder changes = new LongAdder();
    LongAdder commits = new LongAdder();
    CommitListener listener =
        (changed, statements, nanos) -> {
          changes.add(changed);
          commits.increment();
        };
    try (FlowEngine engine =
        FlowEngine.builder()
            .storage(PostgresStorage.builder().dataSource(source).commitListener(listener).open())
            .template(NOOP)
            .build()) {
      runBatches(engine, senders); // warm-up: statements prepared, classes loaded
      source.reset();
      changes.reset();
      commits.reset();
      runBatches(engine, senders);
    }
    int flows = senders * FLOWS_PER_SENDER;
    Measured measured = new Measured(source, flows, changes.sum(), commits.sum());
    System.out.printf(
        "%d sender(s), %d flows: per flow writer %.2f round trips, %.2f statements, %.2f commits;"
            + " pool %.2f round trips, %.2f statements; %.1f changes per group commit%n",
        senders,
        flows,
        measured.perFlow(source.writer.roundTrips),
        measured.perFlow(source.writer.statements),
        measured.perFlow(source.writer.commits),
        measured.perFlow(source.pool.roundTrips),
        measured.perFlow(source.pool.statements),
        (double) changes.sum() / Math.max(1, commits.sum()));
    return measured;
  }

  private static void runBatches(FlowEngine engine, int senders) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(senders);
    try {
      List<Future<List<CompletableFuture<Flow>>>> sent = new ArrayList<>();
      for (int s = 0; s < senders; s++) {
        sent.add(
            pool.submit(
                () -> {
                  List<CompletableFuture<Flow>> done = new ArrayList<>();
                  for (int i = 0; i < FLOWS_PER_SENDER; i++) {
                    String id = engine.createFlow(NewFlow.of("noop")).id();
                    engine.startFlow(id);
                    done.add(engine.awaitFlow(id));
                  }
                  return done;
                }));
      }
      for (Future<List<CompletableFuture<Flow>>> sender : sent) {
        for (CompletableFuture<Flow> flow : sender.get(2, TimeUnit.MINUTES)) {
          assertThat(flow.get(2, TimeUnit.MINUTES).state()).isEqualTo(FlowState.COMPLETED);
        }
      }
    } finally {
      pool.shutdown();
    }
  }
}
