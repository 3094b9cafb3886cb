package io.flowengine.samples.gltf;

import java.io.IOException;

/** Thrown when bytes are not a GLB this project can read; the message says what is wrong. */
public final class GlbFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public GlbFormatException(String message) {
    super(message);
  }

  /** Creates the exception with its cause. */
  public GlbFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
