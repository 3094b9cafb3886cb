package io.flowengine.internal;

import io.flowengine.EngineLimits;
import io.flowengine.ParameterSpec;
import io.flowengine.Parameters;
import io.flowengine.Template;
import io.flowengine.Violation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks raw parameter values against a template's specs and returns typed values with defaults
 * applied. Every problem is added to the caller's violation list, so a request reports them all at
 * once. Stateless.
 */
final class ParameterValidator {
  private ParameterValidator() {}

  /** Returns the typed parameters; check {@code violations} before using them. */
  static Parameters validate(
      Template template, Map<String, Object> raw, EngineLimits limits, List<Violation> violations) {
    if (raw.size() > limits.maxParameters()) {
      violations.add(
          new Violation(
              "parameters",
              "at most " + limits.maxParameters() + " parameters are allowed, got " + raw.size()));
      return Parameters.empty();
    }
    for (String name : raw.keySet()) {
      if (template.parameter(name).isEmpty()) {
        violations.add(
            new Violation(
                field(name),
                "unknown parameter of template "
                    + template.name()
                    + "; known: "
                    + template.parameters().stream().map(ParameterSpec::name).toList()));
      }
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (ParameterSpec spec : template.parameters()) {
      Object value = raw.get(spec.name());
      if (value == null) {
        if (spec.required()) {
          violations.add(new Violation(field(spec.name()), "is required"));
        } else if (spec.defaultValue() != null) {
          values.put(spec.name(), spec.defaultValue());
        }
        continue;
      }
      check(spec, value, limits, violations).ifPresent(typed -> values.put(spec.name(), typed));
    }
    return values.isEmpty() ? Parameters.empty() : new Parameters(values);
  }

  private static Optional<Object> check(
      ParameterSpec spec, Object value, EngineLimits limits, List<Violation> violations) {
    Optional<Object> typed = spec.type().coerce(value);
    if (typed.isEmpty()) {
      violations.add(
          new Violation(
              field(spec.name()),
              "must be a " + spec.type().wireName() + ", was " + describe(value)));
      return Optional.empty();
    }
    if (typed.get() instanceof String text) {
      if (text.length() > limits.maxParameterStringLength()) {
        violations.add(
            new Violation(
                field(spec.name()),
                "is longer than "
                    + limits.maxParameterStringLength()
                    + " characters ("
                    + text.length()
                    + ")"));
        return Optional.empty();
      }
      if (!UserText.isWellFormed(text)) {
        violations.add(new Violation(field(spec.name()), "is not well-formed Unicode"));
        return Optional.empty();
      }
    }
    Optional<String> problem = spec.violation(typed.get());
    problem.ifPresent(message -> violations.add(new Violation(field(spec.name()), message)));
    return problem.isPresent() ? Optional.empty() : typed;
  }

  private static String field(String name) {
    return "parameters." + Violation.printable(name);
  }

  private static String describe(Object value) {
    String text =
        value instanceof String s
            ? '"' + Violation.printable(s) + '"'
            : Violation.printable(String.valueOf(value));
    return value.getClass().getSimpleName() + " " + text;
  }
}
