package io.flowengine;

import org.jspecify.annotations.Nullable;

/**
 * A field of a flow summary that a listing can select ({@link FlowQuery#fields()}); the id is
 * always returned. Immutable and thread-safe.
 */
public enum FlowField {
  /** {@link Flow#templateId()}. */
  TEMPLATE_ID("template_id"),
  /** {@link Flow#templateName()}. */
  TEMPLATE_NAME("template_name"),
  /** {@link Flow#state()}. */
  STATE("state"),
  /** {@link Flow#progress()}. */
  PROGRESS("progress"),
  /** {@link Flow#parameters()}. */
  PARAMETERS("parameters"),
  /** {@link Flow#additional()}. */
  ADDITIONAL("additional"),
  /** {@link Flow#createdAt()}. */
  CREATED_AT("created_at"),
  /** {@link Flow#startedAt()}. */
  STARTED_AT("started_at"),
  /** {@link Flow#finishedAt()}. */
  FINISHED_AT("finished_at"),
  /** {@link Flow#error()}. */
  ERROR("error"),
  /** {@link Flow#attempt()}. */
  ATTEMPT("attempt"),
  /** {@link Flow#lastError()}. */
  LAST_ERROR("last_error"),
  /** {@link Flow#startAt()}. */
  START_AT("start_at"),
  /** {@link Flow#nextAttemptAt()}. */
  NEXT_ATTEMPT_AT("next_attempt_at");

  private final String wireName;

  FlowField(String wireName) {
    this.wireName = wireName;
  }

  /** Returns the snake_case name used on the wire. */
  public String wireName() {
    return wireName;
  }

  /** Returns this field's value in {@code flow}, possibly null. */
  public @Nullable Object valueIn(Flow flow) {
    return switch (this) {
      case TEMPLATE_ID -> flow.templateId();
      case TEMPLATE_NAME -> flow.templateName();
      case STATE -> flow.state();
      case PROGRESS -> flow.progress();
      case PARAMETERS -> flow.parameters();
      case ADDITIONAL -> flow.additional();
      case CREATED_AT -> flow.createdAt();
      case STARTED_AT -> flow.startedAt();
      case FINISHED_AT -> flow.finishedAt();
      case ERROR -> flow.error();
      case ATTEMPT -> flow.attempt();
      case LAST_ERROR -> flow.lastError();
      case START_AT -> flow.startAt();
      case NEXT_ATTEMPT_AT -> flow.nextAttemptAt();
    };
  }

  /**
   * Returns the field with this wire name.
   *
   * @throws IllegalArgumentException if there is none
   */
  public static FlowField fromWireName(String wireName) {
    for (FlowField field : values()) {
      if (field.wireName.equals(wireName)) {
        return field;
      }
    }
    throw new IllegalArgumentException("unknown flow field '" + wireName + "'");
  }
}
