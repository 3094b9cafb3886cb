package io.flowengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowengine.testing.Steps;
import io.flowengine.testing.TestFlowEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Idempotency keys on create, and the recorded history of each flow, on the in-memory store. */
class IdempotencyAndHistoryTest {
  private static final Template ECHO = TestTemplates.echo();

  private static TestFlowEngine fake() {
    return TestFlowEngine.builder().template(ECHO).build();
  }

  private static NewFlow keyed(String key, String text) {
    return NewFlow.builder(ECHO.name()).input(NewAsset.text(text)).idempotencyKey(key).build();
  }

  @Test
  void repeatedCreate_returnsTheFirstFlow_andSaysSo() {
    try (TestFlowEngine fake = fake()) {
      CreateFlowResult.Created first = fake.engine().createFlowIdempotently(keyed("k1", "hi"));
      CreateFlowResult.Created again = fake.engine().createFlowIdempotently(keyed("k1", "hi"));
      assertThat(first.existing()).isFalse();
      assertThat(again.existing()).isTrue();
      assertThat(again.flow().id()).isEqualTo(first.flow().id());
      assertThat(again.flow().state()).isEqualTo(FlowState.COMPLETED); // as it is now
      assertThat(fake.engine().createFlow(keyed("k1", "hi")).id()).isEqualTo(first.flow().id());
      assertThat(fake.engine().listFlows(FlowQuery.all()).items()).hasSize(1);
    }
  }

  @Test
  void sameKey_withADifferentRequest_isAConflict_andStoresNothing() {
    try (TestFlowEngine fake = fake()) {
      Flow first = fake.engine().createFlow(keyed("k1", "hi"));
      assertThatThrownBy(() -> fake.engine().createFlow(keyed("k1", "other input")))
          .isInstanceOfSatisfying(
              IdempotencyConflictException.class,
              e -> {
                assertThat(e.flowId()).isEqualTo(first.id());
                assertThat(e.idempotencyKey()).isEqualTo("k1");
              });
      NewFlow otherParameters =
          NewFlow.builder(ECHO.name())
              .input(NewAsset.text("hi"))
              .additional("{}")
              .idempotencyKey("k1")
              .build();
      assertThatThrownBy(() -> fake.engine().createFlow(otherParameters))
          .isInstanceOf(IdempotencyConflictException.class);
      assertThat(fake.engine().listFlows(FlowQuery.all()).items()).hasSize(1);
    }
  }

  @Test
  void keysAreScopedToTheAccount() {
    try (TestFlowEngine fake = fake()) {
      Instant expires = fake.clock().instant().plus(Duration.ofDays(1));
      FlowOperations a =
          fake.engine().authenticate(fake.engine().apiKeys().create("a", "k", expires).secret());
      FlowOperations b =
          fake.engine().authenticate(fake.engine().apiKeys().create("b", "k", expires).secret());
      String inA = a.createFlow(keyed("shared", "x")).id();
      String inB = b.createFlow(keyed("shared", "x")).id();
      assertThat(inA).isNotEqualTo(inB);
      assertThat(a.createFlowIdempotently(keyed("shared", "x")).flow().id()).isEqualTo(inA);
    }
  }

  @Test
  void deletingTheFlow_freesItsKey() {
    try (TestFlowEngine fake = fake()) {
      Flow first = fake.engine().createFlow(keyed("k1", "hi"));
      fake.engine().deleteFlow(first.id());
      CreateFlowResult.Created second = fake.engine().createFlowIdempotently(keyed("k1", "other"));
      assertThat(second.existing()).isFalse();
      assertThat(second.flow().id()).isNotEqualTo(first.id());
    }
  }

  @Test
  void purgingTheFlow_freesItsKey() {
    try (TestFlowEngine fake = fake()) {
      Flow first = fake.engine().createFlow(keyed("k1", "hi"));
      fake.clock().advance(Duration.ofDays(2));
      assertThat(fake.engine().purgeFinishedFlows(Duration.ofDays(1))).isEqualTo(1);
      assertThat(fake.engine().createFlowIdempotently(keyed("k1", "hi")).existing()).isFalse();
      assertThat(fake.engine().listFlows(FlowQuery.all()).items().getFirst().id())
          .isNotEqualTo(first.id());
    }
  }

  @Test
  void malformedKey_isAnInvalidRequest() {
    try (TestFlowEngine fake = fake()) {
      assertThatThrownBy(() -> fake.engine().createFlow(keyed("has space", "x")))
          .isInstanceOf(InvalidRequestException.class);
      assertThatThrownBy(() -> fake.engine().createFlow(keyed("x".repeat(256), "x")))
          .isInstanceOf(InvalidRequestException.class);
      assertThat(fake.engine().listFlows(FlowQuery.all()).items()).isEmpty();
    }
  }

  @Test
  void createFlows_answersARepeatWithTheExistingFlow() {
    try (TestFlowEngine fake = fake()) {
      Flow first = fake.engine().createFlow(keyed("k1", "hi"));
      List<CreateFlowResult> results =
          fake.engine()
              .createFlows(
                  List.of(
                      keyed("k1", "hi"), keyed("k2", "a"), keyed("k2", "a"), keyed("k1", "no")));
      assertThat(((CreateFlowResult.Created) results.get(0)).existing()).isTrue();
      assertThat(results.get(0).flowOrThrow().id()).isEqualTo(first.id());
      assertThat(((CreateFlowResult.Created) results.get(1)).existing()).isFalse();
      assertThat(((CreateFlowResult.Created) results.get(2)).existing()).isTrue();
      assertThat(results.get(2).flowOrThrow().id()).isEqualTo(results.get(1).flowOrThrow().id());
      assertThat(results.get(3)).isInstanceOf(CreateFlowResult.Refused.class);
      assertThat(((CreateFlowResult.Refused) results.get(3)).error())
          .isInstanceOf(IdempotencyConflictException.class);
    }
  }

  @Test
  void racingCreates_withOneKey_makeOneFlow() throws Exception {
    try (TestFlowEngine fake =
        TestFlowEngine.builder().mode(TestFlowEngine.Mode.VIRTUAL_THREADS).template(ECHO).build()) {
      for (int round = 0; round < 20; round++) {
        String key = "race-" + round;
        int threads = 8;
        List<Callable<CreateFlowResult.Created>> calls = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
          calls.add(() -> fake.engine().createFlowIdempotently(keyed(key, "same")));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
          List<Future<CreateFlowResult.Created>> answers =
              pool.invokeAll(calls, 30, TimeUnit.SECONDS);
          AtomicInteger created = new AtomicInteger();
          String id = null;
          for (Future<CreateFlowResult.Created> answer : answers) {
            CreateFlowResult.Created result = answer.get();
            if (!result.existing()) {
              created.incrementAndGet();
            }
            assertThat(id == null || id.equals(result.flow().id())).isTrue();
            id = result.flow().id();
          }
          assertThat(created).hasValue(1);
        } finally {
          pool.shutdownNow();
        }
      }
      assertThat(fake.engine().listFlows(FlowQuery.builder().limit(100).build()).items())
          .hasSize(20);
    }
  }

  @Test
  void history_recordsEveryChange_inOrder() {
    AtomicInteger runs = new AtomicInteger();
    Template retried =
        Template.builder("r")
            .inputTypes("text/plain")
            .outputTypes("text/plain")
            .step(
                context -> {
                  if (runs.incrementAndGet() == 1) {
                    throw new IllegalStateException("first");
                  }
                })
            .retry(RetryPolicy.builder().maxAttempts(2).fixedBackoff(Duration.ofSeconds(5)).build())
            .build();
    try (TestFlowEngine fake = TestFlowEngine.builder().template(retried).build()) {
      Instant t0 = fake.clock().instant();
      Flow flow = fake.engine().createFlow(NewFlow.of("r"));
      fake.engine().startFlow(flow.id());
      fake.clock().advance(Duration.ofSeconds(5));
      FlowHistory history = fake.engine().history(flow.id());
      assertThat(history.dropped()).isZero();
      assertThat(history.transitions())
          .extracting(FlowTransition::from, FlowTransition::to, FlowTransition::attempt)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(null, FlowState.CREATED, 1),
              org.assertj.core.groups.Tuple.tuple(FlowState.CREATED, FlowState.STARTING, 1),
              org.assertj.core.groups.Tuple.tuple(FlowState.STARTING, FlowState.RUNNING, 1),
              org.assertj.core.groups.Tuple.tuple(FlowState.RUNNING, FlowState.RUNNING, 2),
              org.assertj.core.groups.Tuple.tuple(FlowState.RUNNING, FlowState.COMPLETED, 2));
      assertThat(history.transitions().get(3).error()).isEqualTo("first");
      assertThat(history.transitions().get(3).at()).isEqualTo(t0);
      assertThat(history.transitions().get(4).at()).isEqualTo(t0.plusSeconds(5));
    }
  }

  @Test
  void history_ofALongRetryLoop_isBounded_andCountsWhatItDropped() {
    int attempts = 100;
    Template failing =
        Template.builder("f")
            .inputTypes("text/plain")
            .outputTypes("text/plain")
            .step(Steps.fail("again"))
            .retry(
                RetryPolicy.builder()
                    .maxAttempts(attempts)
                    .fixedBackoff(Duration.ofSeconds(1))
                    .build())
            .build();
    try (TestFlowEngine fake = TestFlowEngine.builder().template(failing).build()) {
      Flow flow = fake.engine().createFlow(NewFlow.builder("f").input(NewAsset.text("x")).build());
      for (int i = 1; i < attempts; i++) {
        fake.clock().advance(Duration.ofSeconds(1));
      }
      assertThat(fake.engine().getFlow(flow.id()).state()).isEqualTo(FlowState.FAILED);
      FlowHistory history = fake.engine().history(flow.id());
      // created-as-starting, dispatch, 99 retries, the final failure
      assertThat(history.total()).isEqualTo(1 + 1 + (attempts - 1) + 1);
      assertThat(history.transitions()).hasSize(FlowHistory.FIRST_KEPT + FlowHistory.LAST_KEPT);
      assertThat(history.transitions().getFirst().from()).isNull();
      assertThat(history.transitions().getLast().to()).isEqualTo(FlowState.FAILED);
      assertThat(history.transitions().getLast().attempt()).isEqualTo(attempts);
    }
  }

  @Test
  void history_ofAnUnknownFlow_isNotFound() {
    try (TestFlowEngine fake = fake()) {
      assertThatThrownBy(() -> fake.engine().history("0123456789abcdef01234567"))
          .isInstanceOf(NotFoundException.class);
    }
  }
}
