package io.flowengine.samples.rest.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.flowengine.ParameterSpec;
import io.flowengine.Template;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A template as {@code GET /templates} and {@code GET /templates/{id_or_name}} return it: what it
 * does, its parameters by name (in declaration order), the input media types it accepts and the
 * output media types it produces.
 */
public record TemplateJson(
    @JsonProperty("id") String id,
    @JsonProperty("template_id") String templateId,
    @JsonProperty("name") String name,
    @JsonProperty("description") String description,
    @JsonProperty("parameters") Map<String, ParameterJson> parameters,
    @JsonProperty("input_types") List<String> inputTypes,
    @JsonProperty("output_types") List<String> outputTypes) {

  /** Returns the wire form of {@code template}. */
  public static TemplateJson of(Template template) {
    Map<String, ParameterJson> parameters = new LinkedHashMap<>();
    for (ParameterSpec spec : template.parameters()) {
      parameters.put(spec.name(), ParameterJson.of(spec));
    }
    return new TemplateJson(
        template.id(),
        template.id(),
        template.name(),
        template.description(),
        parameters,
        template.inputTypes(),
        template.outputTypes());
  }

  /** {@code {"templates":[...]}}, the body of {@code GET /templates}. */
  public record ListJson(@JsonProperty("templates") List<TemplateJson> templates) {
    /** Returns the wire form of {@code templates}, in the given order. */
    public static ListJson of(List<Template> templates) {
      return new ListJson(templates.stream().map(TemplateJson::of).toList());
    }
  }
}
