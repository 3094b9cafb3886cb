package io.flowengine.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowengine.Flow;
import io.flowengine.FlowEngine;
import io.flowengine.NewAsset;
import io.flowengine.NewFlow;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The fakes answer with real GLB files. This checks their framing and keeps them in
 * target/glb-samples, where CI runs the Khronos glTF validator over them.
 */
class ReferenceTemplatesGlbTest {
  @Test
  void fakeOutputs_areWellFramedGlb() throws Exception {
    Path dir = Files.createDirectories(Path.of("target/glb-samples"));
    try (TestFlowEngine fake = TestFlowEngine.withReferenceTemplates()) {
      FlowEngine engine = fake.engine();
      Flow prompt =
          engine.createFlow(
              NewFlow.builder(ReferenceTemplates.FROM_PROMPT)
                  .parameter("seed", 42)
                  .input(NewAsset.text("cube"))
                  .build());
      byte[] glb =
          engine.getOutput(prompt.id(), engine.listOutputs(prompt.id()).getFirst().id()).bytes();
      ByteBuffer header = ByteBuffer.wrap(glb).order(ByteOrder.LITTLE_ENDIAN);
      assertThat(header.getInt(0)).isEqualTo(0x46546C67);
      assertThat(header.getInt(4)).isEqualTo(2);
      assertThat(header.getInt(8)).isEqualTo(glb.length);
      int jsonLength = header.getInt(12);
      assertThat(jsonLength % 4).isZero();
      assertThat(header.getInt(16)).isEqualTo(0x4E4F534A);
      assertThat(header.getInt(20 + jsonLength)).isEqualTo(36); // one triangle of floats
      Files.write(dir.resolve("fake-fromprompt.glb"), glb);
      Flow image =
          engine.createFlow(
              NewFlow.builder(ReferenceTemplates.FROM_IMAGE)
                  .input(NewAsset.bytes("image/png", new byte[] {1, 2, 3}))
                  .build());
      Files.write(
          dir.resolve("fake-fromimage.glb"),
          engine.getOutput(image.id(), engine.listOutputs(image.id()).getFirst().id()).bytes());
    }
  }
}
