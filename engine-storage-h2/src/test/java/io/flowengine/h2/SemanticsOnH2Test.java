package io.flowengine.h2;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowengine.CreateFlowResult;
import io.flowengine.Flow;
import io.flowengine.FlowEngine;
import io.flowengine.FlowHistory;
import io.flowengine.FlowListener;
import io.flowengine.FlowState;
import io.flowengine.FlowTransition;
import io.flowengine.IdempotencyConflictException;
import io.flowengine.ListenerRegistration;
import io.flowengine.NewAsset;
import io.flowengine.NewFlow;
import io.flowengine.RetryPolicy;
import io.flowengine.Template;
import io.flowengine.jdbc.ParameterCodec;
import io.flowengine.testing.ManualClock;
import io.flowengine.testing.TestFlowEngine;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retries, delayed starts, idempotency keys and history on an H2 file: each survives closing the
 * engine and opening a new one on the same file, and a version 1 file migrates to a database where
 * all of it works.
 */
class SemanticsOnH2Test {
  private static final Duration BACKOFF = Duration.ofSeconds(30);
  private static final AtomicInteger RUNS = new AtomicInteger();

  /** Fails the first run of each flow with "flaky", then succeeds, writing one output. */
  private static final Template FLAKY =
      Template.builder("flaky")
          .inputTypes("text/plain")
          .outputTypes("text/plain")
          .step(
              context -> {
                context.writeOutput("text/plain", "out".getBytes(UTF_8));
                if (RUNS.incrementAndGet() % 2 == 1) {
                  throw new IllegalStateException("flaky");
                }
              })
          .retry(RetryPolicy.builder().maxAttempts(3).fixedBackoff(BACKOFF).jitter(0.5).build())
          .build();

  private static final Template ECHO =
      Template.builder("echo")
          .inputTypes("text/plain")
          .outputTypes("text/plain")
          .step(c -> {})
          .build();

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock();

  private TestFlowEngine engine(Template template) {
    return TestFlowEngine.builder()
        .clock(clock)
        .template(template)
        .customize(b -> b.storage(H2Storage.open(dir)))
        .build();
  }

  /** Waits for the flow's end: its writes are committed by the group commit, after its run. */
  private static Flow await(TestFlowEngine fake, String id) {
    try {
      return fake.engine().awaitFlow(id).get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("flow " + id + " did not end", e);
    }
  }

  @Test
  void retrySchedule_survivesARestart_andTheNextAttemptRunsAtItsTime() throws Exception {
    RUNS.set(0);
    String id;
    try (TestFlowEngine first = engine(FLAKY)) {
      // the retry's write is committed by the group commit after the failed run: wait to hear it
      CompletableFuture<Flow> retrying = new CompletableFuture<>();
      ListenerRegistration unused =
          first
              .engine()
              .addListener(
                  new FlowListener() {
                    @Override
                    public void onStateChange(@Nullable Flow previous, Flow current) {
                      if (current.attempt() == 2) {
                        retrying.complete(current);
                      }
                    }
                  });
      id =
          first
              .engine()
              .createFlow(NewFlow.builder("flaky").input(NewAsset.text("x")).build())
              .id();
      retrying.get(30, TimeUnit.SECONDS);
      Flow waiting = first.engine().getFlow(id);
      assertThat(waiting.attempt()).isEqualTo(2);
      // jittered down by up to half, at the microsecond precision the row keeps
      assertThat(waiting.nextAttemptAt())
          .isBetween(clock.instant().plus(BACKOFF.dividedBy(2)), clock.instant().plus(BACKOFF));
    }
    try (TestFlowEngine second = engine(FLAKY)) {
      Flow reopened = second.engine().getFlow(id);
      assertThat(reopened.state()).isEqualTo(FlowState.RUNNING);
      assertThat(reopened.lastError()).isEqualTo("flaky");
      assertThat(RUNS).hasValue(1);
      clock.advance(BACKOFF);
      Flow done = await(second, id);
      assertThat(done.state()).isEqualTo(FlowState.COMPLETED);
      assertThat(done.attempt()).isEqualTo(2);
      assertThat(second.engine().listOutputs(id)).hasSize(1);
      assertThat(second.engine().history(id).transitions())
          .extracting(FlowTransition::to)
          .containsExactly(
              FlowState.STARTING, FlowState.RUNNING, FlowState.RUNNING, FlowState.COMPLETED);
    }
  }

  @Test
  void delayedStart_survivesARestart_andAbortWhileWaitingEndsAborted() {
    Instant at = clock.instant().plus(Duration.ofHours(2));
    String later;
    String aborted;
    try (TestFlowEngine first = engine(ECHO)) {
      later = first.engine().createFlow(NewFlow.builder("echo").startAt(at).build()).id();
      aborted = first.engine().createFlow(NewFlow.builder("echo").startAt(at).build()).id();
    }
    try (TestFlowEngine second = engine(ECHO)) {
      assertThat(second.engine().getFlow(later).startAt()).isEqualTo(at);
      assertThat(second.engine().abortFlow(aborted).state()).isEqualTo(FlowState.ABORTED);
      clock.advance(Duration.ofHours(2).minusSeconds(1));
      assertThat(second.engine().getFlow(later).state()).isEqualTo(FlowState.STARTING);
      clock.advance(Duration.ofSeconds(1));
      assertThat(await(second, later).state()).isEqualTo(FlowState.COMPLETED);
      assertThat(second.engine().getFlow(aborted).state()).isEqualTo(FlowState.ABORTED);
    }
  }

  @Test
  void idempotencyKey_holdsAcrossARestart_andAConflictStoresNothing() {
    NewFlow request =
        NewFlow.builder("echo").input(NewAsset.text("a")).idempotencyKey("order-1").build();
    String id;
    try (TestFlowEngine first = engine(ECHO)) {
      id = first.engine().createFlow(request).id();
    }
    try (TestFlowEngine second = engine(ECHO)) {
      CreateFlowResult.Created again =
          second
              .engine()
              .createFlowIdempotently(
                  NewFlow.builder("echo")
                      .input(NewAsset.text("a"))
                      .idempotencyKey("order-1")
                      .build());
      assertThat(again.existing()).isTrue();
      assertThat(again.flow().id()).isEqualTo(id);
      assertThatThrownBy(
              () ->
                  second
                      .engine()
                      .createFlow(
                          NewFlow.builder("echo")
                              .input(NewAsset.text("b"))
                              .idempotencyKey("order-1")
                              .build()))
          .isInstanceOf(IdempotencyConflictException.class);
      assertThat(second.engine().listFlows(io.flowengine.FlowQuery.all()).items()).hasSize(1);
      second.engine().deleteFlow(id);
      assertThat(second.engine().createFlowIdempotently(request).existing()).isFalse();
    }
  }

  @Test
  void racingCreates_withOneKey_storeOneFlow() throws Exception {
    try (FlowEngine engine =
        FlowEngine.builder().storage(H2Storage.open(dir)).template(ECHO).build()) {
      for (int round = 0; round < 10; round++) {
        String key = "race-" + round;
        List<Callable<CreateFlowResult.Created>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          calls.add(
              () ->
                  engine.createFlowIdempotently(
                      NewFlow.builder("echo")
                          .input(NewAsset.text("same"))
                          .idempotencyKey(key)
                          .build()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
          int created = 0;
          java.util.Set<String> ids = new java.util.HashSet<>();
          for (Future<CreateFlowResult.Created> answer :
              pool.invokeAll(calls, 60, TimeUnit.SECONDS)) {
            CreateFlowResult.Created result = answer.get();
            created += result.existing() ? 0 : 1;
            ids.add(result.flow().id());
          }
          assertThat(created).isEqualTo(1);
          assertThat(ids).hasSize(1);
        } finally {
          pool.shutdownNow();
        }
      }
    }
  }

  @Test
  void versionOneFile_migrates_andItsFlowsRunWithTheNewFeatures() throws Exception {
    String created = "0123456789abcdef01234567";
    String starting = "0123456789abcdef01234568";
    try (Connection c = DriverManager.getConnection(H2Storage.jdbcUrl(dir));
        Statement s = c.createStatement()) {
      for (String sql : SchemaV1.STATEMENTS) {
        s.execute(sql);
      }
      s.execute("CREATE TABLE FLOWENGINE_SCHEMA (VERSION INT NOT NULL)");
      s.execute("INSERT INTO FLOWENGINE_SCHEMA (VERSION) VALUES (1)");
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO FLOWS (ID, TEMPLATE_ID, TEMPLATE_NAME, STATE, PROGRESS, PARAMETERS,"
                  + " INPUT_IDS, CREATED_US, STARTED_US, VERSION) VALUES (?, ?, 'echo', ?, 0, ?,"
                  + " ARRAY[], 1767225600000000, ?, 0)")) {
        for (String id : List.of(created, starting)) {
          insert.setString(1, id);
          insert.setString(2, ECHO.id());
          insert.setInt(3, id.equals(created) ? 0 : 1);
          insert.setBytes(4, ParameterCodec.encode(io.flowengine.Parameters.empty()));
          if (id.equals(created)) {
            insert.setNull(5, java.sql.Types.BIGINT);
          } else {
            insert.setLong(5, 1767225600000000L);
          }
          insert.executeUpdate();
        }
      }
    }
    try (TestFlowEngine fake = engine(ECHO)) {
      FlowEngine engine = fake.engine();
      assertThat(await(fake, starting).state()).isEqualTo(FlowState.COMPLETED); // recovered
      Flow old = engine.getFlow(created);
      assertThat(old.attempt()).isEqualTo(1);
      assertThat(old.lastError()).isNull();
      assertThat(engine.history(created)).isEqualTo(FlowHistory.EMPTY);
      engine.startFlow(created, clock.instant().plusSeconds(60));
      clock.advance(Duration.ofSeconds(60));
      assertThat(await(fake, created).state()).isEqualTo(FlowState.COMPLETED);
      assertThat(engine.history(created).transitions()).hasSize(3);
      NewFlow keyed = NewFlow.builder("echo").idempotencyKey("k").build();
      assertThat(engine.createFlowIdempotently(keyed).existing()).isFalse();
      assertThat(engine.createFlowIdempotently(keyed).existing()).isTrue();
    }
    try (Connection c = DriverManager.getConnection(H2Storage.jdbcUrl(dir));
        var rows = c.createStatement().executeQuery("SELECT VERSION FROM FLOWENGINE_SCHEMA")) {
      rows.next();
      assertThat(rows.getInt(1)).isEqualTo(2);
    }
  }
}
