package io.flowengine.postgres.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Where the PostgreSQL server programs ({@code initdb}, {@code pg_ctl}) are: the directory {@code
 * pg_config --bindir} names, or else the newest Debian layout {@code
 * /usr/lib/postgresql/<major>/bin} that holds both. Immutable.
 *
 * @param directory the directory holding {@code initdb} and {@code pg_ctl}
 */
public record PostgresBinaries(Path directory) {
  private static final Path DEBIAN_ROOT = Path.of("/usr/lib/postgresql");

  /** Returns {@code initdb}. */
  public Path initdb() {
    return directory.resolve("initdb");
  }

  /** Returns {@code pg_ctl}. */
  public Path pgCtl() {
    return directory.resolve("pg_ctl");
  }

  /**
   * Finds the programs, or says where it looked.
   *
   * @return the binaries, or empty with {@code why} filled in
   */
  public static Optional<PostgresBinaries> find(StringBuilder why) {
    Optional<Path> fromPgConfig = pgConfigBindir();
    if (fromPgConfig.isPresent() && hasServerPrograms(fromPgConfig.get())) {
      return Optional.of(new PostgresBinaries(fromPgConfig.get()));
    }
    why.append(
        fromPgConfig
            .map(p -> "pg_config --bindir names " + p + ", which has no initdb and pg_ctl; ")
            .orElse("no pg_config on the PATH; "));
    Optional<Path> debian = newestDebianBindir();
    if (debian.isPresent()) {
      return Optional.of(new PostgresBinaries(debian.get()));
    }
    why.append("no ").append(DEBIAN_ROOT).append("/<version>/bin with initdb and pg_ctl");
    return Optional.empty();
  }

  private static boolean hasServerPrograms(Path dir) {
    return Files.isExecutable(dir.resolve("initdb")) && Files.isExecutable(dir.resolve("pg_ctl"));
  }

  private static Optional<Path> pgConfigBindir() {
    try {
      Process p =
          new ProcessBuilder("pg_config", "--bindir")
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0 || out.isEmpty()) {
        p.destroyForcibly();
        return Optional.empty();
      }
      return Optional.of(Path.of(out));
    } catch (IOException e) {
      return Optional.empty(); // not installed
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private static Optional<Path> newestDebianBindir() {
    if (!Files.isDirectory(DEBIAN_ROOT)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(DEBIAN_ROOT)) {
      List<Path> candidates =
          versions
              .filter(v -> v.getFileName().toString().matches("\\d+(\\.\\d+)?"))
              .map(v -> v.resolve("bin"))
              .filter(PostgresBinaries::hasServerPrograms)
              .sorted(
                  Comparator.comparingDouble(
                      (Path bin) -> Double.parseDouble(bin.getParent().getFileName().toString())))
              .toList();
      return candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.getLast());
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
