package io.flowengine.samples.rest;

import io.flowengine.samples.rest.wire.ValidationErrorJson;
import java.io.Serial;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A request the server refuses before it reaches the engine, with every problem found, answered 422
 * in FastAPI's form: malformed JSON, wrong JSON types, missing fields, bad query parameters.
 */
final class RequestValidationException extends RuntimeException {
  @Serial private static final long serialVersionUID = 1L;

  private final transient List<ValidationErrorJson.Item> problems;

  RequestValidationException(List<ValidationErrorJson.Item> problems) {
    super(
        "invalid request: "
            + problems.stream()
                .map(p -> p.loc() + " " + p.msg())
                .collect(Collectors.joining("; ")));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("no problems");
    }
    this.problems = List.copyOf(problems);
  }

  /** Returns the exception for one problem. */
  static RequestValidationException of(List<Object> loc, String msg, String type) {
    return new RequestValidationException(List.of(new ValidationErrorJson.Item(loc, msg, type)));
  }

  /** Returns every problem, in the order found. */
  List<ValidationErrorJson.Item> problems() {
    return problems;
  }

  /** Collects problems while a request is checked, then throws them together. */
  static final class Collector {
    private final List<ValidationErrorJson.Item> problems = new ArrayList<>();

    /** Records one problem. */
    void add(List<Object> loc, String msg, String type) {
      problems.add(new ValidationErrorJson.Item(loc, msg, type));
    }

    /** Records problems found elsewhere. */
    void addAll(List<ValidationErrorJson.Item> more) {
      problems.addAll(more);
    }

    /** Throws the problems collected so far, if any. */
    void throwIfAny() {
      if (!problems.isEmpty()) {
        throw new RequestValidationException(problems);
      }
    }
  }
}
