package io.flowengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.hash.Hashing;
import io.flowengine.spi.EngineStorage;
import io.flowengine.testing.Steps;
import io.flowengine.testing.TestFlowEngine;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A template's content checks refuse bad inputs at upload, before anything is stored. */
class ContentCheckTest {
  private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private final List<ContentSample> seen = new CopyOnWriteArrayList<>();
  private final EngineStorage storage = EngineStorage.inMemory();
  private final TestFlowEngine fake =
      TestFlowEngine.builder()
          .mode(TestFlowEngine.Mode.MANUAL)
          .template(checked())
          .customize(b -> b.storage(storage))
          .build();
  private final FlowEngine engine = fake.engine();
  private final FlowOperations alice =
      engine.authenticate(
          engine
              .apiKeys()
              .create("alice", "test", fake.clock().instant().plus(Duration.ofDays(1)))
              .secret());

  /** PNG inputs must start with the PNG signature (seen in a 16-byte sample); text is free. */
  private Template checked() {
    return Template.builder("checked")
        .inputTypes("image/png", "text/plain")
        .outputTypes("image/png", "text/plain")
        .inputCheck(
            "image/png",
            ContentCheck.sampling(
                16,
                sample -> {
                  seen.add(sample);
                  byte[] head = sample.bytes();
                  if (head.length < 8) {
                    return Optional.of("a PNG has at least 8 bytes, this has " + head.length);
                  }
                  for (int i = 0; i < 8; i++) {
                    if (head[i] != PNG_MAGIC[i]) {
                      return Optional.of("not a PNG signature");
                    }
                  }
                  return Optional.empty();
                }))
        .step(Steps.echoInputs("text/plain"))
        .build();
  }

  @AfterEach
  void close() {
    fake.close();
  }

  private static byte[] png(int size) {
    byte[] content = new byte[size];
    System.arraycopy(PNG_MAGIC, 0, content, 0, PNG_MAGIC.length);
    for (int i = PNG_MAGIC.length; i < size; i++) {
      content[i] = (byte) (i * 31);
    }
    return content;
  }

  @Test
  void createFlow_withBadContent_isRefusedAtTheInput_andStoresNothing() {
    NewFlow request =
        NewFlow.builder("checked")
            .input(NewAsset.text("fine"))
            .input(NewAsset.bytes("image/png", new byte[3]))
            .build();
    assertThatThrownBy(() -> alice.createFlow(request))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> {
              assertThat(e.violations())
                  .extracting(Violation::field)
                  .containsExactly("inputs[1].content");
              assertThat(e.getMessage())
                  .contains("checked")
                  .contains("a PNG has at least 8 bytes, this has 3");
            });
    assertThat(alice.listFlows(FlowQuery.all()).items()).isEmpty();
    assertThat(storage.assets().storedBytes("alice")).isZero();
    assertThat(fake.pending()).isZero();
  }

  @Test
  void addInput_withBadContent_isRefused_andTheFlowKeepsNoInput() {
    Flow flow = alice.createFlow(NewFlow.of("checked"));
    assertThatThrownBy(
            () ->
                alice.addInput(
                    flow.id(),
                    NewAsset.bytes(
                        "image/png", "GIF89a-not-png".getBytes(StandardCharsets.US_ASCII))))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::message)
                    .singleElement()
                    .asString()
                    .contains("not a PNG signature"));
    assertThat(alice.listInputs(flow.id())).isEmpty();
    assertThat(storage.assets().storedBytes("alice")).isZero();
    assertThat(alice.getFlow(flow.id()).state()).isEqualTo(FlowState.CREATED);
  }

  @Test
  void acceptedContent_isStoredWhole_sampleAndRestInOrder() throws Exception {
    byte[] content = png(200_000);
    Flow flow =
        alice.createFlow(
            NewFlow.builder("checked")
                .input(NewAsset.stream("image/png", new ByteArrayInputStream(content)))
                .build());
    Asset input = alice.listInputs(flow.id()).getFirst();
    assertThat(input.size()).isEqualTo(content.length);
    assertThat(input.sha256()).isEqualTo(Hashing.sha256().hashBytes(content).toString());
    assertThat(alice.getInput(flow.id(), input.id()).bytes()).isEqualTo(content);
    assertThat(seen)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.length()).isEqualTo(16);
              assertThat(s.complete()).isFalse();
              assertThat(s.mediaType()).isEqualTo("image/png");
            });
  }

  @Test
  void theSample_saysWhetherItIsTheWholeContent() {
    Flow flow = alice.createFlow(NewFlow.of("checked"));
    alice.addInput(flow.id(), NewAsset.bytes("image/png", png(15)));
    alice.addInput(flow.id(), NewAsset.bytes("image/png", png(16)));
    alice.addInput(flow.id(), NewAsset.bytes("image/png", png(17)));
    assertThat(seen).extracting(ContentSample::length).containsExactly(15, 16, 16);
    assertThat(seen).extracting(ContentSample::complete).containsExactly(true, true, false);
  }

  @Test
  void typesWithoutACheck_areNotSampled() {
    alice.createFlow(NewFlow.builder("checked").input(NewAsset.text("")).build());
    assertThat(seen).isEmpty();
  }

  @Test
  void aCheckThatThrows_refusesWithItsMessage() {
    Template throwing =
        Template.builder("throwing")
            .inputTypes("text/plain")
            .inputCheck(
                "text/plain",
                sample -> {
                  throw new IllegalStateException("parser gave up at byte 2");
                })
            .step(Steps.succeed())
            .build();
    engine.templates().register(throwing);
    assertThatThrownBy(
            () ->
                engine.createFlow(NewFlow.builder("throwing").input(NewAsset.text("abc")).build()))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("parser gave up at byte 2");
    assertThat(engine.listFlows(FlowQuery.all()).items()).isEmpty();
  }

  @Test
  void templates_refuseChecksTheyCannotRun() {
    assertThatThrownBy(
            () ->
                Template.builder("t")
                    .inputTypes("text/plain")
                    .inputCheck("image/png", sample -> Optional.empty())
                    .step(Steps.succeed())
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("checks image/png inputs but does not accept them");
    assertThatThrownBy(
            () ->
                Template.builder("t")
                    .inputTypes("text/plain")
                    .inputCheck("text/plain", sample -> Optional.empty())
                    .inputCheck("text/plain", sample -> Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("already have a content check");
    assertThatThrownBy(() -> ContentCheck.sampling(0, sample -> Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                ContentCheck.sampling(
                    ContentCheck.MAX_SAMPLE_BYTES + 1, sample -> Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
