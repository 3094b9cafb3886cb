package io.flowengine.samples.testing;

/** A GLB that breaks a rule of the specification badly enough that checking cannot go on. */
final class StructureProblem extends Exception {
  private static final long serialVersionUID = 1L;

  StructureProblem(String message) {
    super(message);
  }

  StructureProblem(String message, Throwable cause) {
    super(message, cause);
  }
}
