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
   * The default: every call's changes are in a write-ahead journal of the storage's own, forced to
   * the disk ({@code fsync}), before the call returns; H2 writes its file in the background ({@code
   * WRITE_DELAY} 1,000 ms). The journal ({@code journal/segment-*} next to the database file) is
   * appended and forced, then H2 commits, under one lock, so its order is the commit order; the
   * group commit puts many calls in one transaction, so they share one {@code fsync}. Every 10 s,
   * or when a segment passes 16 MiB, H2 is made durable ({@code CHECKPOINT SYNC}) and the older
   * segments are deleted. What opening finds after a crash: a crash before the record was forced
   * loses the call, which had not returned; a crash after it, H2 committed or not, and H2's file
   * written or not, is repaired by replaying the journal on opening (statements that fail as
   * already applied, SQLSTATE 23xxx, are skipped, a torn last record is ignored). {@link
   * H2Storage.Builder#journalDirectory} moves the journal.
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
