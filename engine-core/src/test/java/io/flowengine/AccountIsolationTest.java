package io.flowengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowengine.spi.EngineStorage;
import io.flowengine.testing.TestFlowEngine;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Another account's flows, inputs and outputs do not exist for you; limits are per account. */
class AccountIsolationTest {
  private final EngineStorage storage = EngineStorage.inMemory();
  private final TestFlowEngine fake =
      TestFlowEngine.builder()
          .mode(TestFlowEngine.Mode.MANUAL)
          .template(TestTemplates.echo())
          .limits(
              EngineLimits.builder()
                  .maxUnfinishedFlowsPerAccount(3)
                  .maxStoredBytesPerAccount(100)
                  .build())
          .customize(b -> b.storage(storage))
          .build();
  private final FlowEngine engine = fake.engine();
  private final FlowOperations alice = login("alice");
  private final FlowOperations bob = login("bob");

  private FlowOperations login(String account) {
    return engine.authenticate(
        engine
            .apiKeys()
            .create(account, "test", fake.clock().instant().plus(Duration.ofDays(1)))
            .secret());
  }

  @AfterEach
  void close() {
    fake.close();
  }

  @Test
  void everyOperationOnAnotherAccountsFlow_isNotFound_andChangesNothing() {
    Flow created = alice.createFlow(NewFlow.of("echo"));
    Asset input = alice.addInput(created.id(), NewAsset.text("alice's"));
    Flow done = alice.createFlow(NewFlow.builder("echo").input(NewAsset.text("done")).build());
    fake.runUntilIdle();
    Asset output = alice.listOutputs(done.id()).getFirst();
    Asset doneInput = alice.listInputs(done.id()).getFirst();
    Flow createdBefore = engine.getFlow(created.id());
    Flow doneBefore = engine.getFlow(done.id());
    long bytesBefore = storage.assets().storedBytes("alice");

    List<Consumer<FlowOperations>> attempts =
        List.of(
            ops -> ops.getFlow(created.id()),
            ops -> ops.startFlow(created.id()),
            ops -> ops.abortFlow(created.id()),
            ops -> ops.deleteFlow(created.id()),
            ops -> ops.deleteFlow(done.id()),
            ops -> ops.listInputs(created.id()),
            ops -> ops.addInput(created.id(), NewAsset.text("bob's")),
            ops -> ops.getInput(created.id(), input.id()),
            ops -> ops.getInput(done.id(), doneInput.id()),
            ops -> ops.listOutputs(done.id()),
            ops -> ops.getOutput(done.id(), output.id()));
    for (Consumer<FlowOperations> attempt : attempts) {
      assertThatThrownBy(() -> attempt.accept(bob))
          .isInstanceOfSatisfying(
              NotFoundException.class,
              e -> assertThat(e.kind()).isEqualTo(NotFoundException.Kind.FLOW));
    }
    assertThat(bob.listFlows(FlowQuery.all()).items()).isEmpty();
    Flow bobs = bob.createFlow(NewFlow.of("echo"));
    assertThat(bob.listFlows(FlowQuery.all()).items())
        .extracting(Flow::id)
        .containsExactly(bobs.id());
    assertThat(bob.listTemplates()).extracting(Template::name).containsExactly("echo");
    assertThat(bob.getTemplate("echo").name()).isEqualTo("echo");

    assertThat(engine.getFlow(created.id())).isEqualTo(createdBefore);
    assertThat(engine.getFlow(done.id())).isEqualTo(doneBefore);
    assertThat(alice.listInputs(created.id())).containsExactly(input);
    assertThat(storage.assets().storedBytes("alice")).isEqualTo(bytesBefore);
    assertThat(alice.listFlows(FlowQuery.all()).items())
        .extracting(Flow::id)
        .containsExactly(created.id(), done.id());
    assertThat(engine.listFlows(FlowQuery.all()).items()).hasSize(3);
  }

  @Test
  void unfinishedFlowsPerAccount_areLimited() {
    for (int i = 0; i < 3; i++) {
      alice.createFlow(NewFlow.of("echo"));
    }
    assertThatThrownBy(() -> alice.createFlow(NewFlow.of("echo")))
        .isInstanceOfSatisfying(
            PayloadTooLargeException.class,
            e ->
                assertThat(e.getMessage())
                    .isEqualTo(
                        "unfinished flows of account alice exceeds the limit of 3 flows (got 4)"));
    bob.createFlow(NewFlow.of("echo")); // another account is not affected
    String first = alice.listFlows(FlowQuery.all()).items().getFirst().id();
    alice.addInput(first, NewAsset.text("x"));
    alice.startFlow(first);
    fake.runUntilIdle();
    alice.createFlow(NewFlow.of("echo")); // a finished flow frees its place
  }

  @Test
  void storedBytesPerAccount_areLimited_forInputsAndOutputs() {
    Flow flow = alice.createFlow(NewFlow.of("echo"));
    alice.addInput(flow.id(), NewAsset.bytes("text/plain", new byte[40]));
    assertThatThrownBy(() -> alice.addInput(flow.id(), NewAsset.bytes("text/plain", new byte[61])))
        .isInstanceOfSatisfying(
            PayloadTooLargeException.class,
            e -> assertThat(e.getMessage()).contains("stored-bytes quota of account alice"));
    assertThatThrownBy(
            () ->
                alice.addInput(
                    flow.id(),
                    NewAsset.stream("text/plain", new java.io.ByteArrayInputStream(new byte[61]))))
        .isInstanceOf(PayloadTooLargeException.class);
    assertThat(storage.assets().storedBytes("alice")).isEqualTo(40);
    alice.addInput(flow.id(), NewAsset.bytes("text/plain", new byte[20]));
    alice.startFlow(flow.id());
    fake.runUntilIdle(); // echoing 60 bytes of inputs needs 60 more bytes: over the quota
    Flow failed = alice.getFlow(flow.id());
    assertThat(failed.state()).isEqualTo(FlowState.FAILED);
    assertThat(failed.error()).contains("quota");
    assertThat(storage.assets().storedBytes("alice")).isLessThanOrEqualTo(100);
    alice.deleteFlow(flow.id());
    assertThat(storage.assets().storedBytes("alice")).isZero();
  }
}
