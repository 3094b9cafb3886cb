package io.flowengine.samples.json;

/** Thrown by {@link JsonParser} for text that is not valid JSON; the message names the offset. */
public final class JsonSyntaxException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that says what and where. */
  public JsonSyntaxException(String message) {
    super(message);
  }
}
