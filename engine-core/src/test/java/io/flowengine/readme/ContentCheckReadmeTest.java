package io.flowengine.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowengine.FlowEngine;
import io.flowengine.InvalidRequestException;
import io.flowengine.NewAsset;
import io.flowengine.NewFlow;
import io.flowengine.Template;
import io.flowengine.testing.Steps;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The README's content-check example; ReadmeSnippetsTest checks the README shows exactly this. */
class ContentCheckReadmeTest {
  @Test
  void anEmptyCsv_isRefusedAtUpload() {
    try (FlowEngine engine = FlowEngine.builder().template(csvImport()).build()) {
      assertThatThrownBy(
              () ->
                  engine.createFlow(
                      NewFlow.builder("csv_import")
                          .input(NewAsset.bytes("text/csv", new byte[0]))
                          .build()))
          .isInstanceOf(InvalidRequestException.class)
          .hasMessageContaining("inputs[0].content")
          .hasMessageContaining("no header line");
      assertThat(
              engine.createFlow(
                  NewFlow.builder("csv_import")
                      .input(
                          NewAsset.bytes("text/csv", "id,name\n".getBytes(StandardCharsets.UTF_8)))
                      .build()))
          .isNotNull();
    }
  }

  private static Template csvImport() {
    // README:BEGIN
    Template csvImport =
        Template.builder("csv_import")
            .inputTypes("text/csv")
            .inputCheck( // sees the first 64 KiB before anything is stored
                "text/csv",
                sample -> {
                  String head = StandardCharsets.UTF_8.decode(sample.head()).toString();
                  return head.contains("\n") || (!sample.complete() && !head.isEmpty())
                      ? Optional.empty()
                      : Optional.of("no header line");
                })
            .step(Steps.succeed())
            .build();
    // README:END
    return csvImport;
  }
}
