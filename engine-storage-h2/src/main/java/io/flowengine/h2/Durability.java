package io.flowengine.h2;

/**
 * When the changes a call made are durable, as {@link H2Storage.Builder#durability} sets it; {@link
 * #EVERY_COMMIT} unless chosen otherwise. A crash of the process or the JVM, {@code kill -9}
 * included, cannot undo what the mode promises. Immutable and thread-safe.
 */
public enum Durability {
  /**
   * Opt-in (H2's own default), without a journal: a background thread writes committed changes to
   * the file within about half a second (H2's {@code WRITE_DELAY} of 500 ms). A process crash can
   * lose the changes of the calls acknowledged in the last half second; the database itself stays
   * consistent. Nothing is forced to the disk.
   */
  WRITE_DELAYED(500),
  /**
   * The default: every call's changes are written to the file before the call returns ({@code
   * WRITE_DELAY} 0), so an acknowledged call survives a crash of the process. Each write costs a
   * file write. H2 does not {@code fsync} on commit, so a power failure or kernel crash can lose
   * what the operating system had not yet written.
   *
   * <p>A write-ahead journal of the storage's own is built but not yet on by default (package-
   * private {@code H2Storage.Builder.journaled()}): with it every transaction's record is appended
   * to {@code journal/segment-*} next to the database file and forced ({@code fsync}), then H2
   * commits, under one lock, and H2 writes its file in the background ({@code WRITE_DELAY} 1,000
   * ms); every 10 s, or when a segment passes 16 MiB, H2 is made durable ({@code CHECKPOINT SYNC})
   * and older segments are deleted. After a crash: before the record was forced, the call had not
   * returned and is lost; after it, opening replays the journal (a statement that fails as already
   * applied, SQLSTATE 23xxx, is skipped; a torn last record is ignored).
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
