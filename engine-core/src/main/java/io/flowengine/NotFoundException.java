package io.flowengine;

import static java.util.Objects.requireNonNull;

import java.io.Serial;
import java.util.Locale;

/**
 * A template, flow, asset or API key does not exist, or belongs to another account (which is
 * indistinguishable by design). Immutable.
 */
public final class NotFoundException extends FlowEngineException {
  @Serial private static final long serialVersionUID = 1L;

  /** The kinds of things that can be looked up. */
  public enum Kind {
    /** A template, by id or name. */
    TEMPLATE,
    /** A flow, by id. */
    FLOW,
    /** An input or output asset of a flow, by id. */
    ASSET,
    /** An API key, by id. */
    API_KEY;

    /** Returns the lower-case name with spaces, e.g. {@code "api key"}. */
    public String displayName() {
      return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
  }

  /** What kind of thing was not found. */
  private final Kind kind;

  /** The id or name that was asked for. */
  private final String id;

  /** Creates the exception for the {@code kind} looked up by {@code id}. */
  public NotFoundException(Kind kind, String id) {
    super(
        requireNonNull(kind, "kind").displayName()
            + " '"
            + Violation.printable(id)
            + "' not found");
    this.kind = kind;
    this.id = id;
  }

  /** Returns what was looked up. */
  public Kind kind() {
    return kind;
  }

  /** Returns the id or name that was looked up. */
  public String id() {
    return id;
  }
}
