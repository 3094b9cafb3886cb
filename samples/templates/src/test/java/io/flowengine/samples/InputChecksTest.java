package io.flowengine.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowengine.Flow;
import io.flowengine.FlowEngine;
import io.flowengine.FlowQuery;
import io.flowengine.FlowState;
import io.flowengine.InvalidRequestException;
import io.flowengine.NewAsset;
import io.flowengine.NewFlow;
import io.flowengine.samples.gltf.GlbWriter;
import io.flowengine.samples.mesh.Material;
import io.flowengine.samples.mesh.Model;
import io.flowengine.samples.mesh.SyntheticMeshes;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The reference templates refuse inputs their steps would fail on, at upload. */
class InputChecksTest {
  private final FlowEngine engine = SampleTemplatesTest.engineWithSamples();

  @AfterEach
  void close() {
    engine.close();
  }

  private void assertRefused(String template, NewAsset input, String reason) {
    assertThatThrownBy(() -> engine.createFlow(NewFlow.builder(template).input(input).build()))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> {
              assertThat(e.violations())
                  .singleElement()
                  .satisfies(
                      v -> {
                        assertThat(v.field()).isEqualTo("inputs[0].content");
                        assertThat(v.message()).contains(reason);
                      });
            });
    assertThat(engine.listFlows(FlowQuery.all()).items()).isEmpty();
  }

  private Flow accepted(String template, NewAsset input) {
    return engine.createFlow(NewFlow.builder(template).input(input).build());
  }

  @Test
  void prompts_needAVisibleCharacter() {
    assertRefused(SampleTemplates.FROM_PROMPT, NewAsset.text(""), "the prompt is empty");
    assertRefused(
        SampleTemplates.FROM_PROMPT,
        NewAsset.text(" \t\n\u00a0\u200b\r\n"),
        "no visible character");
    assertRefused(
        SampleTemplates.FROM_PROMPT,
        NewAsset.bytes("text/plain", "\u0007\u0000 ".getBytes(StandardCharsets.UTF_8)),
        "no visible character");
    assertThat(accepted(SampleTemplates.FROM_PROMPT, NewAsset.text("  é  ")).state())
        .isEqualTo(FlowState.STARTING);
  }

  @Test
  void images_mustOpenAsTheirTypeWithADecodableHeader() {
    assertRefused(
        SampleTemplates.FROM_IMAGE, NewAsset.bytes("image/png", new byte[3]), "not a image/png");
    assertRefused(
        SampleTemplates.FROM_IMAGE,
        NewAsset.bytes("image/png", TestImages.encoded("jpeg")),
        "not a image/png");
    assertRefused(
        SampleTemplates.FROM_IMAGE,
        NewAsset.bytes("image/jpeg", Arrays.copyOf(TestImages.encoded("jpeg"), 4)),
        "image/jpeg");
    for (String format : new String[] {"png", "jpeg", "tiff"}) {
      assertThat(
              accepted(
                      SampleTemplates.FROM_IMAGE,
                      NewAsset.bytes("image/" + format, TestImages.encoded(format)))
                  .state())
          .isEqualTo(FlowState.STARTING);
    }
    assertThat(
            accepted(
                    SampleTemplates.FROM_IMAGE,
                    NewAsset.bytes("image/webp", TestImages.resource("images/tiny-48x32.webp")))
                .state())
        .isEqualTo(FlowState.STARTING);
  }

  @Test
  void glbs_needAValidHeaderAndJsonChunk() throws Exception {
    byte[] glb = GlbWriter.write(Model.of("grid", SyntheticMeshes.grid(4), Material.plain()));
    assertRefused(
        SampleTemplates.OPTIMIZE,
        NewAsset.bytes(SampleTemplates.GLB, Arrays.copyOf(glb, 8)),
        "at least 20 bytes");
    assertRefused(
        SampleTemplates.OPTIMIZE,
        NewAsset.bytes(SampleTemplates.GLB, Arrays.copyOf(glb, glb.length - 4)),
        "header declares");
    byte[] badJson = glb.clone();
    int jsonLength = ByteBuffer.wrap(glb).order(ByteOrder.LITTLE_ENDIAN).getInt(12);
    badJson[20 + jsonLength / 2] = '\u0001';
    assertRefused(
        SampleTemplates.OPTIMIZE, NewAsset.bytes(SampleTemplates.GLB, badJson), "JSON chunk");
    Flow flow = accepted(SampleTemplates.OPTIMIZE, NewAsset.bytes(SampleTemplates.GLB, glb));
    assertThat(engine.awaitFlow(flow.id()).get(60, TimeUnit.SECONDS).state())
        .isEqualTo(FlowState.COMPLETED);
  }

  @Test
  void aLargeGlb_isCheckedFromItsStart_andStoredWhole() {
    byte[] glb =
        GlbWriter.write(Model.of("torus", SyntheticMeshes.bumpyTorus(1000, 500), Material.plain()));
    assertThat(glb.length).isGreaterThan(4 << 20);
    byte[] wrongMagic = glb.clone();
    wrongMagic[0] = 'X';
    assertRefused(
        SampleTemplates.OPTIMIZE, NewAsset.bytes(SampleTemplates.GLB, wrongMagic), "not a GLB");
    Flow flow = accepted(SampleTemplates.OPTIMIZE, NewAsset.bytes(SampleTemplates.GLB, glb));
    assertThat(engine.listInputs(flow.id()).getFirst().size()).isEqualTo(glb.length);
    engine.abortFlow(flow.id());
  }
}
