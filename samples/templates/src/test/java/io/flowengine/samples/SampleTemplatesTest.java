package io.flowengine.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowengine.Asset;
import io.flowengine.Flow;
import io.flowengine.FlowEngine;
import io.flowengine.FlowState;
import io.flowengine.NewAsset;
import io.flowengine.NewFlow;
import io.flowengine.ParameterSpec;
import io.flowengine.Template;
import io.flowengine.samples.gltf.GlbFile;
import io.flowengine.samples.gltf.GlbReader;
import io.flowengine.samples.gltf.GltfModelReader;
import io.flowengine.samples.testing.GlbSamples;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SampleTemplatesTest {
  private final FlowEngine engine = engineWithSamples();

  static FlowEngine engineWithSamples() {
    FlowEngine.Builder builder = FlowEngine.builder();
    SampleTemplates.all().forEach(builder::template);
    return builder.build();
  }

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void templates_matchTheReference() {
    Template prompt = engine.getTemplate("model_generate_fromprompt");
    assertThat(prompt.inputTypes()).containsExactly("prompt", "text/plain");
    assertThat(prompt.outputTypes()).containsExactly("model/gltf-binary");
    assertThat(prompt.parameters())
        .extracting(ParameterSpec::name, ParameterSpec::defaultValue)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("quality", "high"),
            org.assertj.core.groups.Tuple.tuple("seed", -1L),
            org.assertj.core.groups.Tuple.tuple("texture", true));
    assertThat(prompt.parameter("quality").orElseThrow().allowedValues())
        .containsExactly("low", "high");
    Template image = engine.getTemplate("model_generate_fromimage");
    assertThat(image.inputTypes())
        .containsExactly("image/png", "image/jpg", "image/jpeg", "image/tiff", "image/webp");
    assertThat(image.parameters())
        .extracting(ParameterSpec::name)
        .containsExactly("quality", "seed", "texture");
    Template optimize = engine.getTemplate("model_optimize");
    assertThat(optimize.inputTypes()).containsExactly("model/gltf-binary");
    ParameterSpec count = optimize.parameter("polygon_count").orElseThrow();
    assertThat(count.defaultValue()).isEqualTo(100_000L);
    assertThat(count.minimum()).isEqualTo(1L);
  }

  @Test
  void promptFlow_writesOneValidGlbDerivedFromItsInput() throws Exception {
    Flow flow =
        engine.createFlow(
            NewFlow.builder(SampleTemplates.FROM_PROMPT)
                .parameter("quality", "low")
                .parameter("seed", 11)
                .input(NewAsset.text("Hello, engine").withAdditional("{\"id\":7}"))
                .build());
    Flow done = engine.awaitFlow(flow.id()).get(60, TimeUnit.SECONDS);
    assertThat(done.state()).as("%s", done.error()).isEqualTo(FlowState.COMPLETED);
    assertThat(done.progress()).isEqualTo(1.0);
    List<Asset> outputs = engine.listOutputs(flow.id());
    assertThat(outputs)
        .singleElement()
        .satisfies(
            output -> {
              assertThat(output.mediaType()).isEqualTo("model/gltf-binary");
              assertThat(output.additional()).isEqualTo("{\"id\":7}");
              assertThat(output.derivedFrom()).isEqualTo(engine.listInputs(flow.id()).get(0).id());
            });
    byte[] bytes = engine.getOutput(flow.id(), outputs.get(0).id()).bytes();
    GlbSamples.checkAndKeep("flow-prompt-hello", bytes);
    GlbFile glb = GlbReader.read(bytes);
    var seed = glb.document().at("/asset/extras/seed");
    assertThat(seed.isIntegralNumber()).as("asset.extras.seed is %s", seed).isTrue();
    assertThat(seed.longValue()).isEqualTo(11L);
  }

  @ParameterizedTest
  @CsvSource({
    "image/png, png",
    "image/jpeg, jpeg",
    "image/jpg, jpeg",
    "image/tiff, tiff",
    "image/webp, images/tiny-48x32.webp",
    "image/webp, images/tiny-48x32-lossy.webp"
  })
  void imageFlow_acceptsEveryReferenceFormat(String mediaType, String source) throws Exception {
    byte[] image = source.contains("/") ? TestImages.resource(source) : TestImages.encoded(source);
    Flow flow =
        engine.createFlow(
            NewFlow.builder(SampleTemplates.FROM_IMAGE)
                .parameter("quality", "low")
                .parameter("seed", 3)
                .input(NewAsset.bytes(mediaType, image))
                .build());
    Flow done = engine.awaitFlow(flow.id()).get(60, TimeUnit.SECONDS);
    assertThat(done.state()).as("%s", done.error()).isEqualTo(FlowState.COMPLETED);
    Asset output = engine.listOutputs(flow.id()).get(0);
    byte[] glb = engine.getOutput(flow.id(), output.id()).bytes();
    String name =
        "flow-image-" + mediaType.replace('/', '-') + (source.contains("lossy") ? "-lossy" : "");
    GlbSamples.checkAndKeep(name, glb);
    var model = GltfModelReader.read(glb);
    // 48 x 32 pixels on a 96-cell grid: 96 x 64 cells, two triangles each, plus walls and back.
    assertThat(model.triangleCount()).isGreaterThan(2L * 96 * 64);
    assertThat(model.parts().get(0).material().baseColorTexture()).isNotNull();
  }

  @Test
  void imageThatPassesTheUploadCheckButDoesNotDecode_failsTheFlowWithAReason() throws Exception {
    // The header (signature and IHDR) is intact, so the upload check lets it through; the pixel
    // data is cut off, which only decoding the whole image finds.
    byte[] truncated = Arrays.copyOf(TestImages.encoded("png"), 60);
    Flow flow =
        engine.createFlow(
            NewFlow.builder(SampleTemplates.FROM_IMAGE)
                .input(NewAsset.bytes("image/png", truncated))
                .build());
    Flow done = engine.awaitFlow(flow.id()).get(60, TimeUnit.SECONDS);
    assertThat(done.state()).isEqualTo(FlowState.FAILED);
    assertThat(done.error()).contains("image");
  }

  @Test
  void sameSeed_givesIdenticalOutputs_randomSeedDoesNot() throws Exception {
    assertThat(outputSha(42)).isEqualTo(outputSha(42));
    assertThat(outputSha(-1)).isNotEqualTo(outputSha(-1));
  }

  private String outputSha(long seed) throws Exception {
    Flow flow =
        engine.createFlow(
            NewFlow.builder(SampleTemplates.FROM_IMAGE)
                .parameters(Map.of("quality", "low", "seed", seed, "texture", seed == 42))
                .input(NewAsset.bytes("image/png", TestImages.encoded("png")))
                .build());
    assertThat(engine.awaitFlow(flow.id()).get(60, TimeUnit.SECONDS).state())
        .isEqualTo(FlowState.COMPLETED);
    return engine.listOutputs(flow.id()).get(0).sha256();
  }
}
