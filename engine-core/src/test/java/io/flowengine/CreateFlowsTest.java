package io.flowengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code createFlows}: each request checked and answered on its own, the valid ones stored. */
class CreateFlowsTest {
  /** Holds started flows, so what the calls stored can be seen as they left it. */
  private static final Executor HOLD = task -> {};

  private final FlowEngine engine =
      FlowEngine.builder()
          .template(TestTemplates.typed())
          .template(TestTemplates.echo())
          .executor(HOLD)
          .limits(EngineLimits.builder().maxUnfinishedFlowsPerAccount(3).build())
          .build();

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void eachRequest_isCheckedAlone_andTheValidOnesAreStored() {
    List<CreateFlowResult> results =
        engine.createFlows(
            List.of(
                NewFlow.builder("typed").parameter("count", 3).build(),
                NewFlow.of("no_such_template"),
                NewFlow.builder("typed").parameter("count", 99).parameter("nope", 1).build(),
                NewFlow.builder("echo").input(NewAsset.text("hello")).build()));

    assertThat(results).hasSize(4);
    assertThat(results.get(0).flowOrThrow().state()).isEqualTo(FlowState.CREATED);
    assertThat(results.get(1)).isInstanceOf(CreateFlowResult.Refused.class);
    assertThat(((CreateFlowResult.Refused) results.get(1)).error())
        .isInstanceOf(NotFoundException.class);
    CreateFlowResult.Refused invalid = (CreateFlowResult.Refused) results.get(2);
    assertThat(invalid.isCreated()).isFalse();
    assertThat(((InvalidRequestException) invalid.error()).violations()).hasSize(2);
    assertThatThrownBy(invalid::flowOrThrow).isSameAs(invalid.error());
    Flow started = results.get(3).flowOrThrow();
    assertThat(started.state()).isEqualTo(FlowState.STARTING);
    assertThat(engine.listInputs(started.id())).hasSize(1);

    assertThat(engine.listFlows(FlowQuery.all()).items())
        .extracting(Flow::id)
        .containsExactlyInAnyOrder(results.get(0).flowOrThrow().id(), started.id());
  }

  @Test
  void anAuthenticatedView_createsForItsAccount_andCountsTheBatchAgainstItsQuota() {
    NewApiKey key =
        engine.apiKeys().create("acme", "batch", Instant.now().plus(1, ChronoUnit.DAYS));
    FlowOperations acme = engine.authenticate(key.secret());
    acme.createFlow(NewFlow.builder("typed").parameter("count", 1).build());

    List<NewFlow> requests = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      requests.add(NewFlow.builder("typed").parameter("count", 1).build());
    }
    List<CreateFlowResult> results = acme.createFlows(requests);

    assertThat(results)
        .extracting(CreateFlowResult::isCreated)
        .containsExactly(true, true, false, false);
    assertThat(((CreateFlowResult.Refused) results.get(2)).error())
        .isInstanceOf(PayloadTooLargeException.class);
    assertThat(acme.listFlows(FlowQuery.all()).items()).hasSize(3);
    for (CreateFlowResult created : results.subList(0, 2)) {
      assertThat(acme.getFlow(created.flowOrThrow().id()).id())
          .isEqualTo(created.flowOrThrow().id());
    }
  }

  @Test
  void anEmptyBatch_createsNothing_andNullsAreRefusedAsAWhole() {
    assertThat(engine.createFlows(List.of())).isEmpty();
    assertThatThrownBy(() -> engine.createFlows(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> engine.createFlows(Arrays.asList(NewFlow.of("echo"), null)))
        .isInstanceOf(NullPointerException.class);
    assertThat(engine.listFlows(FlowQuery.all()).items()).isEmpty();
  }
}
