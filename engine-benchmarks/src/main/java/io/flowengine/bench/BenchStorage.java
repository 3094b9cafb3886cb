package io.flowengine.bench;

import io.flowengine.h2.H2Storage;
import io.flowengine.spi.EngineStorage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The storages a benchmark's {@code storage} parameter names, each opened fresh and empty for a
 * trial.
 */
public enum BenchStorage {
  /** The engine's default in-memory stores. */
  MEMORY,
  /**
   * {@link H2Storage} on a file in a new temporary directory, with its default settings (every
   * commit written before the call returns, flow cache); the directory is deleted when the JVM
   * exits.
   */
  H2;

  /** Opens a new, empty storage of this kind. */
  public EngineStorage open() {
    return switch (this) {
      case MEMORY -> EngineStorage.inMemory();
      case H2 -> H2Storage.open(temporaryDirectory("flowengine-bench-h2-"));
    };
  }

  /** Creates a directory that is deleted, with its content, when the JVM exits. */
  public static Path temporaryDirectory(String prefix) {
    try {
      Path dir = Files.createTempDirectory(prefix);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes {@code dir} and everything in it, as far as it can (best effort, never throws). */
  public static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort: whatever is left goes at JVM exit
    }
  }
}
