package io.flowengine.spring;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code flowengine.storage.h2.*}: the embedded H2 store's settings. Immutable and thread-safe.
 *
 * @param directory the directory of the database file (flowengine.mv.db), created if missing;
 *     required when the storage kind is h2
 * @param durability when a call's changes reach the file: every-commit (before the call returns, so
 *     an acknowledged call survives a process crash) or write-delayed (within about half a second,
 *     faster)
 */
public record H2Properties(
    @Nullable Path directory, @DefaultValue("every-commit") Durability durability) {

  /**
   * When a call's changes reach the database file; the same choice as {@code
   * io.flowengine.h2.Durability}, kept here so the properties bind without H2 on the class path.
   */
  public enum Durability {
    /** Written before the call returns: an acknowledged call survives a process crash. */
    EVERY_COMMIT,
    /** Written within about half a second: faster, a crash can lose the last half second. */
    WRITE_DELAYED
  }
}
