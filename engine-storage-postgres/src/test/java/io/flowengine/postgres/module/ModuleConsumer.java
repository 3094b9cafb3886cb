package io.flowengine.postgres.module;

import static java.util.concurrent.TimeUnit.SECONDS;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A consumer module written into a directory, compiled with javac against the module path and run
 * in a child JVM on it: what an application that {@code requires io.flowengine.postgres} does. The
 * module path is this module's {@code target/classes} (which holds {@code module-info.class}) and
 * the runtime dependencies the build lists in {@code target/module-path.txt}. Not thread-safe.
 *
 * <p>The same as engine-storage-h2's {@code ModuleConsumer}: modules share no test code (no
 * test-jar), and this is too small to publish.
 */
final class ModuleConsumer {
  private final Path sources;
  private final Path classes;

  ModuleConsumer(Path dir) {
    this.sources = dir.resolve("src");
    this.classes = dir.resolve("classes");
  }

  /** The module path of this module and its runtime dependencies. */
  static String modulePath() throws IOException {
    String dependencies = Files.readString(Path.of("target/module-path.txt")).strip();
    return Path.of("target/classes").toAbsolutePath() + File.pathSeparator + dependencies;
  }

  /** Writes the consumer's sources: file name relative to the source root -> text. */
  ModuleConsumer write(Map<String, String> files) throws IOException {
    for (var file : files.entrySet()) {
      Path path = sources.resolve(file.getKey());
      Files.createDirectories(path.getParent());
      Files.writeString(path, file.getValue());
    }
    return this;
  }

  /** Compiles the consumer; returns javac's diagnostics, empty if it compiled. */
  String compile() throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    Files.createDirectories(classes);
    // An explicit class path, or javac in this JVM would see the test's own class path, where
    // engine-core's packages sit in the unnamed module.
    List<String> args =
        new ArrayList<>(
            List.of(
                "--module-path",
                modulePath(),
                "--class-path",
                classes.toString(),
                "-d",
                classes.toString(),
                "-Xlint:all",
                "-Werror"));
    try (var files = Files.walk(sources)) {
      files.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
    }
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    int status = javac.run(null, diagnostics, diagnostics, args.toArray(String[]::new));
    String text = diagnostics.toString(StandardCharsets.UTF_8);
    return status == 0 ? "" : "javac exit " + status + ":\n" + text;
  }

  /**
   * Runs {@code module/mainClass} in a child JVM of the same JDK as this test, on the module path,
   * and returns what it printed (standard output and error).
   */
  String run(String module, String mainClass, String... args)
      throws IOException, InterruptedException {
    String java = ProcessHandle.current().info().command().orElseThrow();
    List<String> command =
        new ArrayList<>(
            List.of(
                java,
                "--module-path",
                classes + File.pathSeparator + modulePath(),
                "-m",
                module + "/" + mainClass));
    command.addAll(List.of(args));
    Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
    child.getOutputStream().close();
    byte[] output = child.getInputStream().readAllBytes();
    if (!child.waitFor(60, SECONDS)) {
      child.destroyForcibly();
      throw new AssertionError("the consumer did not exit within 60 s");
    }
    return new String(output, StandardCharsets.UTF_8) + "exit " + child.exitValue();
  }
}
