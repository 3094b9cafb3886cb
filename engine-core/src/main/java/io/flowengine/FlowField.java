package io.flowengine;

import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A field of a flow summary that a listing can select ({@link FlowQuery#fields()}); the id is
 * always returned. Immutable and thread-safe.
 */
public enum FlowField {
  /** {@link Flow#templateId()}. */
  TEMPLATE_ID("template_id", Flow::templateId),
  /** {@link Flow#templateName()}. */
  TEMPLATE_NAME("template_name", Flow::templateName),
  /** {@link Flow#state()}. */
  STATE("state", Flow::state),
  /** {@link Flow#progress()}. */
  PROGRESS("progress", Flow::progress),
  /** {@link Flow#parameters()}. */
  PARAMETERS("parameters", Flow::parameters),
  /** {@link Flow#additional()}. */
  ADDITIONAL("additional", Flow::additional),
  /** {@link Flow#createdAt()}. */
  CREATED_AT("created_at", Flow::createdAt),
  /** {@link Flow#startedAt()}. */
  STARTED_AT("started_at", Flow::startedAt),
  /** {@link Flow#finishedAt()}. */
  FINISHED_AT("finished_at", Flow::finishedAt),
  /** {@link Flow#error()}. */
  ERROR("error", Flow::error);

  private final String wireName;
  private final Function<Flow, @Nullable Object> accessor;

  FlowField(String wireName, Function<Flow, @Nullable Object> accessor) {
    this.wireName = wireName;
    this.accessor = accessor;
  }

  /** Returns the snake_case name used on the wire. */
  public String wireName() {
    return wireName;
  }

  /** Returns this field's value in {@code flow}, possibly null. */
  public @Nullable Object valueIn(Flow flow) {
    return accessor.apply(flow);
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
