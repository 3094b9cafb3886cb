package io.flowengine;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A named, predefined pipeline: what it does, how it is configured (typed parameters), what it
 * accepts (input media types), what it produces (output media types) and the {@link Step}s that do
 * the work. Looked up by {@link #id()} or {@link #name()}. Immutable and thread-safe as long as its
 * steps are.
 *
 * @param id 24 lowercase hex characters; by default derived from the name, so it is stable across
 *     restarts
 * @param name a unique name such as {@code model_optimize}
 * @param description what the template does
 * @param parameters the parameter declarations, names unique
 * @param inputTypes the media types accepted as inputs (at least one)
 * @param outputTypes the media types the pipeline writes
 * @param pipeline the steps, run in order (at least one)
 * @param timeout how long a flow may run before it fails, or null for no limit; a flow may set its
 *     own with {@link NewFlow#timeout()}
 * @param inputChecks the content check of each input media type that has one (see {@link
 *     ContentCheck}), run before an input of that type is stored
 * @param retry how a failed flow is tried again, or null to fail at the first failure
 * @param stepRetries the retry policy of each step that has its own, by step index (from 0); it
 *     wins over {@code retry} for that step's failures
 */
public record Template(
    String id,
    String name,
    String description,
    List<ParameterSpec> parameters,
    List<String> inputTypes,
    List<String> outputTypes,
    List<Step> pipeline,
    @Nullable Duration timeout,
    Map<String, ContentCheck> inputChecks,
    @Nullable RetryPolicy retry,
    Map<Integer, RetryPolicy> stepRetries) {

  private static final Pattern ID = Pattern.compile("[0-9a-f]{24}");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");
  private static final Pattern MEDIA_TYPE =
      Pattern.compile("[a-z0-9][a-z0-9.+_-]*(/[a-z0-9][a-z0-9.+_-]*)?");

  /**
   * Validates the template.
   *
   * @throws IllegalArgumentException if the id or name is malformed, parameter names repeat, there
   *     is no input type or no step, a media type is malformed, the timeout is not positive, or a
   *     content check is declared for a type the template does not accept or samples outside
   *     1..{@link ContentCheck#MAX_SAMPLE_BYTES} bytes
   */
  public Template {
    requireNonNull(id, "id");
    requireNonNull(name, "name");
    requireNonNull(description, "description");
    checkArgument(
        ID.matcher(id).matches(), "template id must be 24 lowercase hex characters: %s", id);
    checkArgument(
        NAME.matcher(name).matches(),
        "template name must be 1-128 letters, digits, '_', '.' or '-': %s",
        name);
    parameters = ImmutableList.copyOf(parameters);
    Set<String> names = new HashSet<>();
    for (ParameterSpec spec : parameters) {
      checkArgument(
          names.add(spec.name()), "parameter %s is declared twice in %s", spec.name(), name);
    }
    inputTypes = mediaTypes(inputTypes, "input", name);
    outputTypes = mediaTypes(outputTypes, "output", name);
    checkArgument(!inputTypes.isEmpty(), "template %s accepts no input type", name);
    pipeline = ImmutableList.copyOf(pipeline);
    checkArgument(!pipeline.isEmpty(), "template %s has no step", name);
    checkArgument(
        timeout == null || (!timeout.isNegative() && !timeout.isZero()),
        "timeout of %s must be positive: %s",
        name,
        timeout);
    inputChecks = ImmutableMap.copyOf(inputChecks);
    stepRetries = ImmutableMap.copyOf(stepRetries);
    for (int step : stepRetries.keySet()) {
      checkArgument(step >= 0 && step < pipeline.size(), "template %s has no step %s", name, step);
    }
    for (Map.Entry<String, ContentCheck> check : inputChecks.entrySet()) {
      checkArgument(
          inputTypes.contains(check.getKey()),
          "template %s checks %s inputs but does not accept them; it accepts %s",
          name,
          check.getKey(),
          inputTypes);
      int sample = check.getValue().sampleBytes();
      checkArgument(
          sample >= 1 && sample <= ContentCheck.MAX_SAMPLE_BYTES,
          "the %s check of %s samples %s bytes, not 1 to %s",
          check.getKey(),
          name,
          sample,
          ContentCheck.MAX_SAMPLE_BYTES);
    }
  }

  /**
   * A template without retries.
   *
   * @throws IllegalArgumentException as the canonical constructor
   */
  public Template(
      String id,
      String name,
      String description,
      List<ParameterSpec> parameters,
      List<String> inputTypes,
      List<String> outputTypes,
      List<Step> pipeline,
      @Nullable Duration timeout,
      Map<String, ContentCheck> inputChecks) {
    this(
        id,
        name,
        description,
        parameters,
        inputTypes,
        outputTypes,
        pipeline,
        timeout,
        inputChecks,
        null,
        Map.of());
  }

  /** Returns the retry policy for a failure of step {@code index}, or null if it is not retried. */
  public @Nullable RetryPolicy retryPolicyFor(int index) {
    RetryPolicy own = stepRetries.get(index);
    return own != null ? own : retry;
  }

  private static List<String> mediaTypes(List<String> types, String role, String template) {
    for (String type : types) {
      checkArgument(
          MEDIA_TYPE.matcher(type).matches(),
          "%s type of %s must be a lowercase media type such as image/png: '%s'",
          role,
          template,
          type);
    }
    return ImmutableList.copyOf(types);
  }

  /** Starts a template with the given unique name. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** Returns the id a template named {@code name} gets unless it sets one. */
  public static String defaultId(String name) {
    requireNonNull(name, "name");
    return Hashing.sha256()
        .hashString("flowengine-template:" + name, StandardCharsets.UTF_8)
        .toString()
        .substring(0, 24);
  }

  /** Returns the declaration of parameter {@code name}, if declared. */
  public Optional<ParameterSpec> parameter(String name) {
    return parameters.stream().filter(spec -> spec.name().equals(name)).findFirst();
  }

  /** Returns whether inputs of {@code mediaType} are accepted. */
  public boolean acceptsInput(String mediaType) {
    return inputTypes.contains(mediaType);
  }

  /** Returns the content check of inputs of {@code mediaType}, if the template declares one. */
  public Optional<ContentCheck> inputCheck(String mediaType) {
    return Optional.ofNullable(inputChecks.get(mediaType));
  }

  /** Builds a {@link Template}. Not thread-safe; {@link #build()} validates. */
  public static final class Builder {
    private final String name;
    private @Nullable String id;
    private String description = "";
    private final List<ParameterSpec> parameters = new ArrayList<>();
    private final List<String> inputTypes = new ArrayList<>();
    private final List<String> outputTypes = new ArrayList<>();
    private final List<Step> pipeline = new ArrayList<>();
    private @Nullable Duration timeout;
    private final Map<String, ContentCheck> inputChecks = new LinkedHashMap<>();
    private @Nullable RetryPolicy retry;
    private final Map<Integer, RetryPolicy> stepRetries = new LinkedHashMap<>();

    private Builder(String name) {
      this.name = requireNonNull(name, "name");
    }

    /** Sets the id instead of deriving it from the name. */
    public Builder id(String id) {
      this.id = requireNonNull(id, "id");
      return this;
    }

    /** Sets what the template does. */
    public Builder description(String description) {
      this.description = requireNonNull(description, "description");
      return this;
    }

    /** Declares a parameter. */
    public Builder parameter(ParameterSpec spec) {
      parameters.add(requireNonNull(spec, "spec"));
      return this;
    }

    /** Declares a parameter from its builder. */
    public Builder parameter(ParameterSpec.Builder spec) {
      return parameter(spec.build());
    }

    /** Adds accepted input media types. */
    public Builder inputTypes(String... types) {
      inputTypes.addAll(List.of(types));
      return this;
    }

    /** Adds produced output media types. */
    public Builder outputTypes(String... types) {
      outputTypes.addAll(List.of(types));
      return this;
    }

    /**
     * Checks the content of every input of {@code mediaType} before it is stored; the type must
     * also be declared with {@link #inputTypes}.
     *
     * @throws IllegalArgumentException if {@code mediaType} already has a check
     */
    public Builder inputCheck(String mediaType, ContentCheck check) {
      requireNonNull(mediaType, "mediaType");
      requireNonNull(check, "check");
      checkArgument(
          inputChecks.putIfAbsent(mediaType, check) == null,
          "%s inputs of %s already have a content check",
          mediaType,
          name);
      return this;
    }

    /** Appends a step to the pipeline. */
    public Builder step(Step step) {
      pipeline.add(requireNonNull(step, "step"));
      return this;
    }

    /** Appends a step with its own retry policy, which wins over the template's for it. */
    public Builder step(Step step, RetryPolicy retry) {
      requireNonNull(retry, "retry");
      step(step);
      stepRetries.put(pipeline.size() - 1, retry);
      return this;
    }

    /** Sets how a failed flow of this template is tried again. */
    public Builder retry(RetryPolicy retry) {
      this.retry = requireNonNull(retry, "retry");
      return this;
    }

    /** Sets how long a flow of this template may run. */
    public Builder timeout(Duration timeout) {
      this.timeout = requireNonNull(timeout, "timeout");
      return this;
    }

    /**
     * Returns the template.
     *
     * @throws IllegalArgumentException if it is not valid (see {@link Template#Template})
     */
    public Template build() {
      return new Template(
          id != null ? id : defaultId(name),
          name,
          description,
          parameters,
          inputTypes,
          outputTypes,
          pipeline,
          timeout,
          inputChecks,
          retry,
          stepRetries);
    }
  }
}
