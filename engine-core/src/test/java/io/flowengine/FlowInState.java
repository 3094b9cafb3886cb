package io.flowengine;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowengine.testing.BlockingStep;
import io.flowengine.testing.Steps;
import io.flowengine.testing.TestFlowEngine;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Puts a flow into any of the seven states on a real engine (virtual threads, one slot). */
final class FlowInState implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(10);

  final BlockingStep gate = Steps.blocking();
  final CountDownLatch stubbornEntered = new CountDownLatch(1);
  final CountDownLatch stubbornRelease = new CountDownLatch(1);
  final TestFlowEngine fake;
  final FlowEngine engine;
  String flowId;

  private FlowInState() {
    fake =
        TestFlowEngine.builder()
            .mode(TestFlowEngine.Mode.VIRTUAL_THREADS)
            .template(TestTemplates.echo())
            .template(TestTemplates.of("gate", gate))
            .template(
                TestTemplates.of(
                    "stubborn", TestTemplates.stubborn(stubbornEntered, stubbornRelease)))
            .template(TestTemplates.of("fail", TestTemplates.writeThenFail("boom")))
            .customize(b -> b.maxRunningFlows(1))
            .build();
    engine = fake.engine();
  }

  static FlowInState create(FlowState state) throws Exception {
    FlowInState fixture = new FlowInState();
    fixture.flowId = fixture.flowIn(state);
    assertThat(fixture.engine.getFlow(fixture.flowId).state()).isEqualTo(state);
    return fixture;
  }

  private String flowIn(FlowState state) throws Exception {
    return switch (state) {
      case CREATED -> engine.createFlow(NewFlow.of("echo")).id();
      case STARTING -> {
        String blocker = withInput("gate");
        gate.awaitEntered(WAIT);
        assertThat(blocker).isNotNull();
        yield withInput("echo");
      }
      case RUNNING -> {
        String id = withInput("gate");
        gate.awaitEntered(WAIT);
        yield id;
      }
      case ABORTING -> {
        String id = withInput("stubborn");
        assertThat(stubbornEntered.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        engine.abortFlow(id);
        yield id;
      }
      case COMPLETED -> finished(withInput("echo"));
      case FAILED -> finished(withInput("fail"));
      case ABORTED -> {
        String id = withInput("gate");
        gate.awaitEntered(WAIT);
        engine.abortFlow(id);
        yield finished(id);
      }
    };
  }

  String withInput(String template) {
    return engine
        .createFlow(
            NewFlow.builder(template)
                .input(NewAsset.text("in").withAdditional("{\"k\":1}"))
                .build())
        .id();
  }

  String finished(String id) throws Exception {
    engine.awaitFlow(id).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    return id;
  }

  FlowState finishedState(String id) throws Exception {
    return engine.awaitFlow(id).get(WAIT.toSeconds(), TimeUnit.SECONDS).state();
  }

  @Override
  public void close() {
    gate.release();
    stubbornRelease.countDown();
    fake.close();
  }
}
