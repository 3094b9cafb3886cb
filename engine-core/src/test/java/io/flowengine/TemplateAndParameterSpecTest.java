package io.flowengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowengine.testing.Steps;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TemplateAndParameterSpecTest {

  @Test
  void specs_normalizeDeclaredValuesToTheirJavaType() {
    ParameterSpec count = ParameterSpec.integer("count").defaultValue(3).min(1).max(10).build();
    assertThat(count.defaultValue()).isEqualTo(3L);
    assertThat(count.minimum()).isEqualTo(1L);
    ParameterSpec scale =
        ParameterSpec.number("scale").defaultValue(1).allowedValues(1, 2.5).build();
    assertThat(scale.defaultValue()).isEqualTo(1.0);
    assertThat(scale.allowedValues()).containsExactly(1.0, 2.5);
  }

  @Test
  void inconsistentSpecs_areRefused() {
    assertThatThrownBy(() -> ParameterSpec.integer("n").required().defaultValue(1).build())
        .hasMessageContaining("cannot have a default");
    assertThatThrownBy(() -> ParameterSpec.string("s").min(1).build())
        .hasMessageContaining("cannot have bounds");
    assertThatThrownBy(() -> ParameterSpec.integer("n").min(5).max(1).build())
        .hasMessageContaining("above maximum");
    assertThatThrownBy(() -> ParameterSpec.integer("n").defaultValue(11).max(10).build())
        .hasMessageContaining("at most 10");
    assertThatThrownBy(() -> ParameterSpec.string("s").allowedValues("a").defaultValue("b").build())
        .hasMessageContaining("must be one of");
    assertThatThrownBy(() -> ParameterSpec.bool("b").defaultValue("true").build())
        .hasMessageContaining("is not a boolean");
    assertThatThrownBy(() -> ParameterSpec.number("x").defaultValue(Double.NaN).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ParameterSpec.string(" ").build()).hasMessageContaining("blank");
  }

  @Test
  void templates_checkNamesTypesParametersAndSteps() {
    assertThatThrownBy(
            () ->
                Template.builder("bad name").inputTypes("text/plain").step(Steps.succeed()).build())
        .hasMessageContaining("template name");
    assertThatThrownBy(() -> Template.builder("t").step(Steps.succeed()).build())
        .hasMessageContaining("accepts no input");
    assertThatThrownBy(() -> Template.builder("t").inputTypes("text/plain").build())
        .hasMessageContaining("no step");
    assertThatThrownBy(
            () -> Template.builder("t").inputTypes("Text/Plain").step(Steps.succeed()).build())
        .hasMessageContaining("lowercase media type");
    assertThatThrownBy(
            () ->
                Template.builder("t")
                    .id("XYZ")
                    .inputTypes("text/plain")
                    .step(Steps.succeed())
                    .build())
        .hasMessageContaining("24 lowercase hex");
    assertThatThrownBy(
            () ->
                Template.builder("t")
                    .inputTypes("text/plain")
                    .step(Steps.succeed())
                    .parameter(ParameterSpec.bool("a"))
                    .parameter(ParameterSpec.string("a"))
                    .build())
        .hasMessageContaining("declared twice");
    assertThatThrownBy(
            () ->
                Template.builder("t")
                    .inputTypes("text/plain")
                    .step(Steps.succeed())
                    .timeout(Duration.ZERO)
                    .build())
        .hasMessageContaining("must be positive");
    Template prompt =
        Template.builder("p").inputTypes("prompt", "text/plain").step(Steps.succeed()).build();
    assertThat(prompt.acceptsInput("prompt")).isTrue();
    assertThat(prompt.id()).isEqualTo(Template.defaultId("p"));
  }

  @Test
  void flowStateWireNames_roundTrip() {
    for (FlowState state : FlowState.values()) {
      assertThat(FlowState.fromWireName(state.wireName())).isEqualTo(state);
    }
    assertThat(FlowSortKey.fromWireName("status")).isEqualTo(FlowSortKey.STATE);
    assertThat(FlowSortKey.fromWireName("state")).isEqualTo(FlowSortKey.STATE);
    assertThat(FlowField.fromWireName("finished_at")).isEqualTo(FlowField.FINISHED_AT);
    assertThatThrownBy(() -> FlowState.fromWireName("RUNNING"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
