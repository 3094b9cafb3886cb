package io.flowengine.postgres.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A PostgreSQL cluster made for one test JVM: {@code initdb} into a temporary directory, then
 * {@code pg_ctl start} on a free loopback port with its socket in that directory. Running as root,
 * the programs run as the {@code postgres} user ({@code runuser}), which owns the directory, since
 * PostgreSQL refuses to run as root. {@code fsync} and {@code synchronous_commit} stay on, so what
 * the tests measure is durable. {@link #stop()} stops the server and deletes the directory; a JVM
 * shutdown hook does it too if the tests never get there. Thread-safe.
 */
public final class ThrowawayCluster {
  /** The superuser initdb creates; trust authentication on loopback only. */
  public static final String USER = "flowengine";

  private final PostgresBinaries binaries;
  private final Path root;
  private final Path data;
  private final @Nullable String runAs;
  private final AtomicBoolean stopped = new AtomicBoolean();
  private final Thread shutdownHook;
  private int port;

  private ThrowawayCluster(PostgresBinaries binaries, Path root, @Nullable String runAs) {
    this.binaries = binaries;
    this.root = root;
    this.data = root.resolve("data");
    this.runAs = runAs;
    this.shutdownHook = new Thread(this::stopQuietly, "stop throwaway PostgreSQL");
  }

  /**
   * Creates and starts a cluster.
   *
   * @throws IOException if a program fails; the message holds its log
   */
  public static ThrowawayCluster start(PostgresBinaries binaries) throws IOException {
    Path root = Files.createTempDirectory("flowengine-pg-");
    String runAs = null;
    if (Files.getOwner(root).getName().equals("root")) {
      runAs = "postgres";
      try {
        UserPrincipal postgres =
            root.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(runAs);
        Files.setOwner(root, postgres);
      } catch (UserPrincipalNotFoundException e) {
        deleteTree(root);
        throw new IOException(
            "running as root, and there is no postgres user to run the server as", e);
      }
    }
    ThrowawayCluster cluster = new ThrowawayCluster(binaries, root, runAs);
    Runtime.getRuntime().addShutdownHook(cluster.shutdownHook);
    try {
      cluster.initdb();
      cluster.startOnFreePort();
      return cluster;
    } catch (IOException | RuntimeException e) {
      cluster.stopQuietly();
      throw e;
    }
  }

  private void initdb() throws IOException {
    // --no-sync skips only initdb's own final flush of the new files; the server keeps fsync on.
    run(
        List.of(
            binaries.initdb().toString(),
            "-D",
            data.toString(),
            "-U",
            USER,
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync"),
        root.resolve("initdb.log"),
        60);
  }

  private void startOnFreePort() throws IOException {
    IOException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      port = freePort();
      try {
        pgCtl("start", "-l", root.resolve("server.log").toString(), "-o", serverOptions());
        return;
      } catch (IOException e) { // another process may have taken the port meanwhile
        last = e;
      }
    }
    throw last;
  }

  private String serverOptions() {
    return String.join(
        " ",
        "-c port=" + port,
        "-c listen_addresses=127.0.0.1",
        "-c unix_socket_directories=" + root,
        "-c max_connections=300",
        "-c fsync=on",
        "-c synchronous_commit=on");
  }

  /** Restarts the server on the same port ({@code pg_ctl restart -m fast}). */
  public void restart() throws IOException {
    pgCtl("restart", "-m", "fast", "-l", root.resolve("server.log").toString());
  }

  /** Returns the loopback port the server listens on. */
  public int port() {
    return port;
  }

  /** Returns the JDBC URL of {@code database} on this server. */
  public String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  /** Returns the directory holding the data directory, the logs and the socket. */
  public Path root() {
    return root;
  }

  /** Stops the server and deletes its directory. Idempotent. */
  public void stop() throws IOException {
    if (!stopped.compareAndSet(false, true)) {
      return;
    }
    try {
      if (Files.exists(data.resolve("postmaster.pid"))) {
        pgCtl("stop", "-m", "fast");
      }
    } finally {
      deleteTree(root);
      if (Thread.currentThread() != shutdownHook) {
        try {
          Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
          // the JVM is shutting down already
        }
      }
    }
  }

  private void stopQuietly() {
    try {
      stop();
    } catch (IOException e) {
      System.err.println("could not stop the throwaway PostgreSQL in " + root + ": " + e);
    }
  }

  private void pgCtl(String action, String... options) throws IOException {
    List<String> command =
        new ArrayList<>(List.of(binaries.pgCtl().toString(), "-D", data.toString(), "-w"));
    command.addAll(List.of("-t", "60", action));
    command.addAll(List.of(options));
    run(command, root.resolve("pg_ctl.log"), 90);
  }

  private void run(List<String> program, Path log, int timeoutSeconds) throws IOException {
    List<String> command = new ArrayList<>();
    if (runAs != null) {
      command.addAll(List.of("runuser", "-u", runAs, "--"));
    }
    command.addAll(program);
    Process process =
        new ProcessBuilder(command)
            .directory(root.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    process.getOutputStream().close();
    try {
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException(
            String.join(" ", program) + " took over " + timeoutSeconds + " s" + logs());
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running " + program.getFirst(), e);
    }
    if (process.exitValue() != 0) {
      throw new IOException(
          String.join(" ", program) + " exited with " + process.exitValue() + logs());
    }
  }

  private String logs() {
    StringBuilder text = new StringBuilder();
    for (String name : List.of("initdb.log", "pg_ctl.log", "server.log")) {
      Path log = root.resolve(name);
      try {
        if (Files.exists(log)) {
          List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
          text.append("\n--- ").append(name).append(" (last lines) ---\n");
          lines
              .subList(Math.max(0, lines.size() - 15), lines.size())
              .forEach(l -> text.append(l).append('\n'));
        }
      } catch (IOException e) {
        text.append("\n(").append(name).append(" unreadable: ").append(e).append(')');
      }
    }
    return text.toString();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths
          .sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
