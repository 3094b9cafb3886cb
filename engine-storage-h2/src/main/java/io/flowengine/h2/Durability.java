package io.flowengine.h2;

/**
 * When the changes a call made reach the database file, as {@link H2Storage.Builder#durability}
 * sets it; {@link #EVERY_COMMIT} unless chosen otherwise. Neither mode forces the operating system
 * to flush its cache to the disk (H2 does not {@code fsync} on commit), so a power failure or
 * kernel crash can lose what the operating system had not yet written; a crash of the process or
 * the JVM, {@code kill -9} included, cannot undo what the mode promises. Immutable and thread-safe.
 */
public enum Durability {
  /**
   * Opt-in for throughput (H2's own default): a background thread writes committed changes to the
   * file within about half a second (H2's {@code WRITE_DELAY} of 500 ms). Calls are faster, but a
   * process crash can lose the changes of the calls acknowledged in the last half second; the
   * database itself stays consistent.
   */
  WRITE_DELAYED(500),
  /**
   * The default: every call's changes are written to the file before the call returns ({@code
   * WRITE_DELAY} 0), so an acknowledged call survives a crash of the process. Each write costs a
   * file write.
   */
  EVERY_COMMIT(0);

  private final int writeDelayMillis;

  Durability(int writeDelayMillis) {
    this.writeDelayMillis = writeDelayMillis;
  }

  /** Returns H2's {@code WRITE_DELAY} for this mode, in milliseconds. */
  int writeDelayMillis() {
    return writeDelayMillis;
  }
}
