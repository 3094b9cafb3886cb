package io.flowengine;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.hash.Hashing;
import io.flowengine.testing.TestFlowEngine;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each of the thirteen operations, on the happy path, with the manual executor. */
class FlowOperationsTest {
  private final TestFlowEngine fake =
      TestFlowEngine.builder()
          .mode(TestFlowEngine.Mode.MANUAL)
          .template(TestTemplates.echo())
          .template(TestTemplates.typed())
          .build();
  private final FlowEngine engine = fake.engine();

  @AfterEach
  void close() {
    fake.close();
  }

  @Test
  void listTemplates_returnsAllByName() {
    assertThat(engine.listTemplates()).extracting(Template::name).containsExactly("echo", "typed");
  }

  @Test
  void getTemplate_findsByIdOrName() {
    Template echo = engine.getTemplate("echo");
    assertThat(engine.getTemplate(echo.id())).isSameAs(echo);
    assertThat(echo.id()).matches("[0-9a-f]{24}").isEqualTo(Template.defaultId("echo"));
    assertThatThrownBy(() -> engine.getTemplate("nope"))
        .isInstanceOfSatisfying(
            NotFoundException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(NotFoundException.Kind.TEMPLATE);
              assertThat(e.getMessage()).isEqualTo("template 'nope' not found");
            });
  }

  @Test
  void createFlow_withoutInputs_isCreatedWithDefaults() {
    Flow flow =
        engine.createFlow(
            NewFlow.builder("typed").parameter("count", 3).additional("{\"u\":1}").build());
    assertThat(flow.id()).matches("[0-9a-f]{24}");
    assertThat(flow.state()).isEqualTo(FlowState.CREATED);
    assertThat(flow.templateName()).isEqualTo("typed");
    assertThat(flow.templateId()).isEqualTo(Template.defaultId("typed"));
    assertThat(flow.progress()).isZero();
    assertThat(flow.parameters().values())
        .containsExactly(
            java.util.Map.entry("mode", "fast"),
            java.util.Map.entry("count", 3L),
            java.util.Map.entry("scale", 1.0),
            java.util.Map.entry("flag", false));
    assertThat(flow.additional()).isEqualTo("{\"u\":1}");
    assertThat(flow.createdAt()).isEqualTo(fake.clock().instant());
    assertThat(flow.startedAt()).isNull();
    assertThat(flow.finishedAt()).isNull();
    assertThat(engine.getFlow(flow.id())).isEqualTo(flow);
    assertThat(fake.pending()).isZero();
  }

  @Test
  void createFlow_withInputs_startsAtOnceAndCannotBeStartedAgain() {
    Flow flow = engine.createFlow(NewFlow.builder("echo").input(NewAsset.text("hi")).build());
    assertThat(flow.state()).isEqualTo(FlowState.STARTING);
    assertThat(flow.startedAt()).isEqualTo(flow.createdAt());
    assertThatThrownBy(() -> engine.startFlow(flow.id())).isInstanceOf(FlowStateException.class);
    assertThat(fake.runUntilIdle()).isEqualTo(1);
    Flow done = engine.getFlow(flow.id());
    assertThat(done.state()).isEqualTo(FlowState.COMPLETED);
    assertThat(done.progress()).isEqualTo(1.0);
    assertThat(done.finishedAt()).isNotNull();
  }

  @Test
  void startFlow_queuesACreatedFlowThatThenRuns() {
    Flow flow = engine.createFlow(NewFlow.of("echo"));
    engine.addInput(flow.id(), NewAsset.text("a"));
    Flow started = engine.startFlow(flow.id());
    assertThat(started.state()).isEqualTo(FlowState.STARTING);
    assertThat(fake.pending()).isEqualTo(1);
    fake.runUntilIdle();
    assertThat(engine.getFlow(flow.id()).state()).isEqualTo(FlowState.COMPLETED);
  }

  @Test
  void inputs_areStoredWithSizeDigestAndAdditional() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, 3};
    Flow flow = engine.createFlow(NewFlow.of("echo"));
    Asset text = engine.addInput(flow.id(), NewAsset.text("héllo").withAdditional("{\"n\":\"ü\"}"));
    Asset image =
        engine.addInput(
            flow.id(),
            NewAsset.dataUri("data:image/png;base64," + Base64.getEncoder().encodeToString(png)));

    assertThat(text.role()).isEqualTo(AssetRole.INPUT);
    assertThat(text.mediaType()).isEqualTo("text/plain");
    assertThat(text.size()).isEqualTo("héllo".getBytes(UTF_8).length);
    assertThat(text.sha256())
        .isEqualTo(Hashing.sha256().hashBytes("héllo".getBytes(UTF_8)).toString());
    assertThat(text.status()).isEqualTo(AssetStatus.AVAILABLE);
    assertThat(text.additional()).isEqualTo("{\"n\":\"ü\"}");
    assertThat(image.mediaType()).isEqualTo("image/png");
    assertThat(image.size()).isEqualTo(png.length);

    assertThat(engine.listInputs(flow.id())).containsExactly(text, image);
    AssetContent content = engine.getInput(flow.id(), image.id());
    assertThat(content.asset()).isEqualTo(image);
    assertThat(content.bytes()).isEqualTo(png);
    assertThat(content.toDataUri())
        .isEqualTo("data:image/png;base64," + Base64.getEncoder().encodeToString(png));
    assertThat(engine.getInput(flow.id(), text.id()).text()).isEqualTo("héllo");
  }

  @Test
  void inputStatus_followsTheFlow() {
    Flow flow = engine.createFlow(NewFlow.builder("echo").input(NewAsset.text("a")).build());
    assertThat(engine.listInputs(flow.id()).getFirst().status()).isEqualTo(AssetStatus.PROCESSING);
    fake.runUntilIdle();
    Asset processed = engine.listInputs(flow.id()).getFirst();
    assertThat(processed.status()).isEqualTo(AssetStatus.AVAILABLE);
    assertThat(processed.processedAt()).isEqualTo(engine.getFlow(flow.id()).finishedAt());
  }

  @Test
  void inputs_fromStreamBytesAndFile_areStreamedIntoTheStore(@TempDir Path dir) throws Exception {
    byte[] data = new byte[300_000];
    new java.util.Random(1).nextBytes(data);
    Path file = Files.write(dir.resolve("in.png"), data);
    Flow flow = engine.createFlow(NewFlow.of("echo"));
    Asset fromStream =
        engine.addInput(flow.id(), NewAsset.stream("image/png", new ByteArrayInputStream(data)));
    Asset fromBytes = engine.addInput(flow.id(), NewAsset.bytes("IMAGE/PNG; q=1", data));
    Asset fromFile = engine.addInput(flow.id(), NewAsset.file(file));
    for (Asset asset : List.of(fromStream, fromBytes, fromFile)) {
      assertThat(asset.mediaType()).isEqualTo("image/png");
      assertThat(asset.size()).isEqualTo(data.length);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      assertThat(engine.getInput(flow.id(), asset.id()).transferTo(out)).isEqualTo(data.length);
      assertThat(out.toByteArray()).isEqualTo(data);
    }
  }

  @Test
  void outputs_derivedFromAnInput_carryItsAdditionalAndId() throws Exception {
    Flow flow =
        engine.createFlow(
            NewFlow.builder("echo")
                .input(NewAsset.text("one").withAdditional("{\"i\":1}"))
                .input(NewAsset.text("two"))
                .build());
    fake.runUntilIdle();
    List<Asset> inputs = engine.listInputs(flow.id());
    List<Asset> outputs = engine.listOutputs(flow.id());
    assertThat(outputs).hasSize(2);
    assertThat(outputs).extracting(Asset::role).containsOnly(AssetRole.OUTPUT);
    assertThat(outputs).extracting(Asset::status).containsOnly(AssetStatus.READY);
    assertThat(outputs)
        .extracting(Asset::derivedFrom)
        .containsExactly(inputs.get(0).id(), inputs.get(1).id());
    assertThat(outputs).extracting(Asset::additional).containsExactly("{\"i\":1}", null);
    AssetContent first = engine.getOutput(flow.id(), outputs.get(0).id());
    assertThat(first.text()).isEqualTo("one");
    ByteArrayOutputStream uri = new ByteArrayOutputStream();
    first.writeDataUri(uri);
    assertThat(uri.toString(UTF_8))
        .isEqualTo(first.toDataUri())
        .isEqualTo("data:text/plain;base64,b25l");
    assertThatThrownBy(() -> engine.getOutput(flow.id(), inputs.get(0).id()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> engine.getInput(flow.id(), outputs.get(0).id()))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void deleteFlow_removesTheFlowAndItsAssets() {
    Flow flow = engine.createFlow(NewFlow.builder("echo").input(NewAsset.text("x")).build());
    fake.runUntilIdle();
    String output = engine.listOutputs(flow.id()).getFirst().id();
    String input = engine.listInputs(flow.id()).getFirst().id();
    engine.deleteFlow(flow.id());
    assertThatThrownBy(() -> engine.getFlow(flow.id())).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> engine.getOutput(flow.id(), output))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> engine.getInput(flow.id(), input))
        .isInstanceOf(NotFoundException.class);
    assertThat(engine.listFlows(FlowQuery.all()).items()).isEmpty();
  }

  @Test
  void unknownAndBlankIds_areReportedPrecisely() {
    String unknown = "0123456789abcdef01234567";
    assertThatThrownBy(() -> engine.getFlow(unknown))
        .isInstanceOfSatisfying(
            NotFoundException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(NotFoundException.Kind.FLOW);
              assertThat(e.id()).isEqualTo(unknown);
            });
    assertThatThrownBy(() -> engine.getFlow("../../etc/passwd' OR 1=1;--"))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> engine.getFlow(" "))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e ->
                assertThat(e.violations())
                    .containsExactly(new Violation("flowId", "must not be blank")));
    Flow flow = engine.createFlow(NewFlow.of("echo"));
    assertThatThrownBy(() -> engine.getInput(flow.id(), unknown))
        .isInstanceOfSatisfying(
            NotFoundException.class,
            e -> assertThat(e.kind()).isEqualTo(NotFoundException.Kind.ASSET));
    assertThatThrownBy(() -> engine.getInput(flow.id(), ""))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> engine.createFlow(NewFlow.of("missing")))
        .isInstanceOfSatisfying(
            NotFoundException.class,
            e -> assertThat(e.kind()).isEqualTo(NotFoundException.Kind.TEMPLATE));
  }

  @Test
  void awaitFlow_completesWhenTerminal_andAtOnceIfAlreadyTerminal() throws Exception {
    Flow flow = engine.createFlow(NewFlow.builder("echo").input(NewAsset.text("x")).build());
    var waiting = engine.awaitFlow(flow.id());
    var second = engine.awaitFlow(flow.id());
    assertThat(waiting).isNotDone();
    second.cancel(true); // cancelling one waiter must not affect another
    fake.runUntilIdle();
    assertThat(waiting.get().state()).isEqualTo(FlowState.COMPLETED);
    assertThat(engine.awaitFlow(flow.id()).getNow(null)).isEqualTo(engine.getFlow(flow.id()));
  }

  @Test
  void awaitFlow_failsWhenTheFlowIsDeleted() {
    Flow flow = engine.createFlow(NewFlow.of("echo"));
    var waiting = engine.awaitFlow(flow.id());
    engine.deleteFlow(flow.id());
    assertThat(waiting).isCompletedExceptionally();
    assertThatThrownBy(waiting::join).hasCauseInstanceOf(NotFoundException.class);
  }
}
