package io.flowengine.samples.rest.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.flowengine.ParameterSpec;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One template parameter: its type ({@code string}, {@code integer}, {@code number}, {@code
 * boolean}), description, default, whether it is required, and, when declared, the allowed values
 * and numeric bounds.
 */
public record ParameterJson(
    @JsonProperty("type") String type,
    @JsonProperty("description") String description,
    @JsonProperty("default") @Nullable Object defaultValue,
    @JsonProperty("required") boolean required,
    @JsonProperty("allowed_values") @JsonInclude(JsonInclude.Include.NON_EMPTY)
        List<Object> allowedValues,
    @JsonProperty("minimum") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Number minimum,
    @JsonProperty("maximum") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Number maximum) {

  /** Returns the wire form of {@code spec}. */
  public static ParameterJson of(ParameterSpec spec) {
    return new ParameterJson(
        spec.type().wireName(),
        spec.description(),
        spec.defaultValue(),
        spec.required(),
        spec.allowedValues(),
        spec.minimum(),
        spec.maximum());
  }
}
