package io.flowengine.h2;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Storages a test opened, closed together at its end. Not thread-safe. */
final class OpenStorages implements AutoCloseable {
  private final List<H2Storage> opened = new ArrayList<>();
  private int directories;

  /** Opens a storage with {@code opener} and remembers it. */
  H2Storage open(Supplier<H2Storage> opener) {
    H2Storage storage = opener.get();
    opened.add(storage);
    return storage;
  }

  /** Opens a file storage in a new directory under {@code root}. */
  H2Storage openFile(Path root) {
    Path dir = root.resolve("db" + directories++);
    return open(() -> H2Storage.open(dir));
  }

  @Override
  public void close() {
    opened.forEach(H2Storage::close);
    opened.clear();
  }
}
