package io.flowengine;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A request to create a flow: the template (id or name), raw parameter values, optional user data,
 * optional inputs and an optional timeout. A flow created with inputs starts at once. The engine
 * validates the content and reports every problem together in an {@link InvalidRequestException}.
 * Immutable; thread-safe unless an input is a one-shot stream.
 *
 * @param template the template id or name
 * @param parameters raw values by name: {@code String}, {@code Boolean}, integers ({@code Integer},
 *     {@code Long}, ...) or numbers ({@code Double}, ...)
 * @param additional user data (by convention JSON) stored and returned unchanged, or null
 * @param inputs assets to attach; if not empty the flow starts at once
 * @param timeout how long the flow may run before it fails, or null for the template's
 * @param startAt if not null, the flow starts now (with or without inputs) but waits in {@link
 *     FlowState#STARTING} until this time
 * @param idempotencyKey if not null, a repeated create with the same key in the same account
 *     returns the flow the first one created instead of creating another ({@link
 *     FlowOperations#createFlowIdempotently}); 1 to 255 printable ASCII characters
 */
public record NewFlow(
    String template,
    Map<String, Object> parameters,
    @Nullable String additional,
    List<NewAsset> inputs,
    @Nullable Duration timeout,
    @Nullable Instant startAt,
    @Nullable String idempotencyKey) {

  /** Copies the collections; values are checked by the engine. */
  public NewFlow {
    requireNonNull(template, "template");
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    parameters.forEach((name, value) -> requireNonNull(value, () -> "parameter " + name));
    inputs = ImmutableList.copyOf(inputs);
  }

  /** A request without a delayed start or an idempotency key. */
  public NewFlow(
      String template,
      Map<String, Object> parameters,
      @Nullable String additional,
      List<NewAsset> inputs,
      @Nullable Duration timeout) {
    this(template, parameters, additional, inputs, timeout, null, null);
  }

  /** Returns a request for {@code template} with no parameters, data or inputs. */
  public static NewFlow of(String template) {
    return builder(template).build();
  }

  /** Starts a request for the template with this id or name. */
  public static Builder builder(String template) {
    return new Builder(template);
  }

  /** Builds a {@link NewFlow}. Not thread-safe. */
  public static final class Builder {
    private final String template;
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private @Nullable String additional;
    private final List<NewAsset> inputs = new ArrayList<>();
    private @Nullable Duration timeout;
    private @Nullable Instant startAt;
    private @Nullable String idempotencyKey;

    private Builder(String template) {
      this.template = requireNonNull(template, "template");
    }

    /** Sets one parameter value. */
    public Builder parameter(String name, Object value) {
      parameters.put(requireNonNull(name, "name"), requireNonNull(value, "value"));
      return this;
    }

    /** Sets several parameter values. */
    public Builder parameters(Map<String, ?> values) {
      values.forEach(this::parameter);
      return this;
    }

    /** Sets the user data stored with the flow. */
    public Builder additional(String additional) {
      this.additional = requireNonNull(additional, "additional");
      return this;
    }

    /** Adds an input; a flow created with inputs starts at once. */
    public Builder input(NewAsset input) {
      inputs.add(requireNonNull(input, "input"));
      return this;
    }

    /** Sets how long the flow may run once running before it fails. */
    public Builder timeout(Duration timeout) {
      this.timeout = requireNonNull(timeout, "timeout");
      return this;
    }

    /** Starts the flow at once but lets it wait in {@code STARTING} until {@code at}. */
    public Builder startAt(Instant at) {
      this.startAt = requireNonNull(at, "at");
      return this;
    }

    /** Makes the create idempotent: a repeat with the same key returns the first flow. */
    public Builder idempotencyKey(String key) {
      this.idempotencyKey = requireNonNull(key, "key");
      return this;
    }

    /** Returns the request. */
    public NewFlow build() {
      return new NewFlow(
          template, parameters, additional, inputs, timeout, startAt, idempotencyKey);
    }
  }
}
