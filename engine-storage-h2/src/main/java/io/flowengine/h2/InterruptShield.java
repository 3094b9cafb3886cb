package io.flowengine.h2;

import java.io.IOException;

/**
 * Runs H2 calls with the calling thread's interrupt flag cleared, and sets it again afterwards.
 *
 * <p>H2 reads and writes its file on the calling thread. Through H2's default file system, a {@link
 * java.nio.channels.FileChannel} used by an interrupted thread closes itself ({@link
 * java.nio.channels.ClosedByInterruptException}), and H2 then closes the whole database under every
 * session, with the changes it had not written yet. The storage opens its file through H2's {@code
 * async} file system, which an interrupt does not close; the shield also keeps the interrupt away
 * from the rest of H2's code (lock waits), for file systems a test chooses and for the engine's
 * close, which interrupts the steps still running. Stateless; thread-safe.
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
