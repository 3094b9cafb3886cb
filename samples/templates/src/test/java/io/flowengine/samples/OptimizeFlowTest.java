package io.flowengine.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowengine.Asset;
import io.flowengine.Flow;
import io.flowengine.FlowEngine;
import io.flowengine.FlowListener;
import io.flowengine.FlowState;
import io.flowengine.NewAsset;
import io.flowengine.NewFlow;
import io.flowengine.samples.gltf.GlbWriter;
import io.flowengine.samples.gltf.GltfModelReader;
import io.flowengine.samples.mesh.Material;
import io.flowengine.samples.mesh.Model;
import io.flowengine.samples.mesh.SyntheticMeshes;
import io.flowengine.samples.testing.GlbSamples;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OptimizeFlowTest {
  private final FlowEngine engine = SampleTemplatesTest.engineWithSamples();

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void generatedRelief_isReducedToTheTargetWithin2Percent() throws Exception {
    Flow relief =
        engine.createFlow(
            NewFlow.builder(SampleTemplates.FROM_IMAGE)
                .parameter("seed", 5)
                .input(
                    NewAsset.bytes("image/png", TestImages.encoded("png"))
                        .withAdditional("{\"n\":1}"))
                .build());
    assertThat(engine.awaitFlow(relief.id()).get(60, TimeUnit.SECONDS).state())
        .isEqualTo(FlowState.COMPLETED);
    byte[] glb = engine.getOutput(relief.id(), engine.listOutputs(relief.id()).get(0).id()).bytes();
    long before = GltfModelReader.read(glb).triangleCount();
    assertThat(before).isGreaterThan(50_000);

    Flow optimize =
        engine.createFlow(
            NewFlow.builder(SampleTemplates.OPTIMIZE)
                .parameter("polygon_count", 5_000)
                .input(NewAsset.bytes(SampleTemplates.GLB, glb).withAdditional("{\"n\":2}"))
                .build());
    Flow done = engine.awaitFlow(optimize.id()).get(60, TimeUnit.SECONDS);
    assertThat(done.state()).as("%s", done.error()).isEqualTo(FlowState.COMPLETED);
    Asset output = engine.listOutputs(optimize.id()).get(0);
    assertThat(output.additional()).isEqualTo("{\"n\":2}");
    byte[] simplified = engine.getOutput(optimize.id(), output.id()).bytes();
    GlbSamples.checkAndKeep("flow-optimize-relief-5000", simplified);
    Model model = GltfModelReader.read(simplified);
    assertThat(model.triangleCount()).isBetween(4_900L, 5_000L);
    assertThat(model.parts().get(0).mesh().hasTexCoords()).isTrue();
    assertThat(model.parts().get(0).material().baseColorTexture()).isNotNull();
  }

  @Test
  void inputBelowTarget_comesBackUnchanged() throws Exception {
    byte[] glb = GlbWriter.write(Model.of("grid", SyntheticMeshes.grid(10), Material.plain()));
    Flow flow =
        engine.createFlow(
            NewFlow.builder(SampleTemplates.OPTIMIZE)
                .parameter("polygon_count", 200)
                .input(NewAsset.bytes(SampleTemplates.GLB, glb))
                .build());
    assertThat(engine.awaitFlow(flow.id()).get(60, TimeUnit.SECONDS).state())
        .isEqualTo(FlowState.COMPLETED);
    Asset output = engine.listOutputs(flow.id()).get(0);
    assertThat(engine.getOutput(flow.id(), output.id()).bytes()).isEqualTo(glb);
  }

  @Test
  void glbWithAMissingAccessor_passesTheUploadCheck_butFailsTheFlowWithAReason() throws Exception {
    byte[] json =
        "{\"asset\":{\"version\":\"2.0\"},\"meshes\":[{\"primitives\":[{\"attributes\":{\"POSITION\":0}}]}]}"
            .getBytes(StandardCharsets.UTF_8);
    int padded = (json.length + 3) & ~3;
    ByteBuffer glb = ByteBuffer.allocate(20 + padded).order(ByteOrder.LITTLE_ENDIAN);
    glb.putInt(0x46546C67).putInt(2).putInt(20 + padded);
    glb.putInt(padded).putInt(0x4E4F534A).put(json);
    while (glb.hasRemaining()) {
      glb.put((byte) ' ');
    }
    Flow flow =
        engine.createFlow(
            NewFlow.builder(SampleTemplates.OPTIMIZE)
                .input(NewAsset.bytes(SampleTemplates.GLB, glb.array()))
                .build());
    Flow done = engine.awaitFlow(flow.id()).get(60, TimeUnit.SECONDS);
    assertThat(done.state()).isEqualTo(FlowState.FAILED);
    assertThat(done.error()).containsIgnoringCase("accessor");
  }

  @Test
  void abort_stopsALongSimplificationPromptly() throws Exception {
    byte[] big =
        GlbWriter.write(Model.of("torus", SyntheticMeshes.bumpyTorus(1000, 500), Material.plain()));
    CountDownLatch simplifying = new CountDownLatch(1);
    try (FlowEngine engine =
        engineWith(
            new FlowListener() {
              @Override
              public void onProgress(Flow flow) {
                if (flow.progress() >= 0.1) {
                  simplifying.countDown();
                }
              }
            })) {
      Flow flow =
          engine.createFlow(
              NewFlow.builder(SampleTemplates.OPTIMIZE)
                  .parameter("polygon_count", 1_000)
                  .input(NewAsset.bytes(SampleTemplates.GLB, big))
                  .build());
      assertThat(simplifying.await(60, TimeUnit.SECONDS)).as("simplification started").isTrue();
      long abortedAt = System.nanoTime();
      engine.abortFlow(flow.id());
      Flow done = engine.awaitFlow(flow.id()).get(30, TimeUnit.SECONDS);
      Duration stopping = Duration.ofNanos(System.nanoTime() - abortedAt);
      assertThat(done.state()).isEqualTo(FlowState.ABORTED);
      assertThat(engine.listOutputs(flow.id())).isEmpty();
      System.out.println("abort stopped the simplification in " + stopping.toMillis() + " ms");
      assertThat(stopping).isLessThan(Duration.ofSeconds(5));
    }
  }

  private static FlowEngine engineWith(FlowListener listener) {
    FlowEngine.Builder builder = FlowEngine.builder().listener(listener);
    SampleTemplates.all().forEach(builder::template);
    return builder.build();
  }
}
