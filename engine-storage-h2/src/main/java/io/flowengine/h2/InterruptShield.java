package io.flowengine.h2;

import java.io.IOException;

/**
 * Runs H2 calls with the calling thread's interrupt flag cleared, and sets it again afterwards.
 *
 * <p>H2 reads and writes its file through a {@link java.nio.channels.FileChannel} on the calling
 * thread, and a {@code FileChannel} used by an interrupted thread closes itself ({@link
 * java.nio.channels.ClosedByInterruptException}): H2 then closes the whole database under every
 * session, with the changes it had not written yet. The engine interrupts the steps still running
 * when it closes, and a step reading an asset stream or storing its progress was enough to close
 * the database in the middle of the close (the WARN "could not write pending changes before
 * closing"). Shielding the call covers an interrupt that came before it; one that arrives while H2
 * is blocked in the file still closes it. Stateless; thread-safe.
 */
final class InterruptShield {
  /** An H2 call that may throw {@code E}. */
  interface Call<T, E extends Exception> {
    T run() throws E;
  }

  /** An H2 call without a result that may throw {@code E}. */
  interface Action<E extends Exception> {
    void run() throws E;
  }

  private InterruptShield() {}

  /** {@link #run} for a call without a result. */
  static <E extends Exception> void execute(Action<E> action) throws E {
    boolean interrupted = Thread.interrupted();
    try {
      action.run();
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Runs {@code call} with the interrupt flag cleared, then sets the flag again if it was set. */
  static <T, E extends Exception> T run(Call<T, E> call) throws E {
    boolean interrupted = Thread.interrupted();
    try {
      return call.run();
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** {@link #run} for stream reads. */
  static int read(Call<Integer, IOException> read) throws IOException {
    return run(read);
  }
}
