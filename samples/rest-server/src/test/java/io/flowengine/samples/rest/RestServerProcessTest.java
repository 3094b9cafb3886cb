package io.flowengine.samples.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowengine.samples.rest.ApiClient.Response;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server as a user starts it: {@link RestServerMain} in its own JVM on a free port prints
 * its base URL and a new API key on stdout, serves requests with that key, and on SIGTERM stops
 * gracefully through its shutdown hook.
 */
class RestServerProcessTest {
  /** What the server printed before it was ready. */
  record Banner(URI baseUri, String key) {}

  @Test
  void startsOnAFreePort_printsItsKeyOnce_andStopsGracefullyOnSigterm(@TempDir Path dir)
      throws Exception {
    Path stderr = dir.resolve("stderr.txt");
    Process process = new ProcessBuilder(
            ProcessHandle.current().info().command().orElseThrow(),
            "-cp", System.getProperty("java.class.path"),
            // the server's own logging setup, not the tests' (which logs warnings only)
            "-Dlogback.configurationFile=" + RestServerMain.class.getResource("/logback.xml"),
            RestServerMain.class.getName(),
            "--port", "0", "--data-dir", dir.resolve("data").toString())
        .redirectError(stderr.toFile())
        .start();
    try {
      BufferedReader stdout = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      Banner banner = CompletableFuture.supplyAsync(() -> readBanner(stdout))
          .get(60, TimeUnit.SECONDS);

      ApiClient api = new ApiClient(banner.baseUri(), banner.key());
      Response templates = api.get("/templates");
      assertThat(templates.status()).isEqualTo(200);
      assertThat(templates.json().get("templates")).hasSize(3);
      Response created = api.post("/flows", Map.of("template", "model_generate_fromprompt",
          "inputs", List.of(Map.of("data", "a chair"))));
      assertThat(created.status()).as(created.body()).isEqualTo(200);
      assertThat(new ApiClient(banner.baseUri(), "wrong").get("/flows").status()).isEqualTo(401);

      process.destroy(); // SIGTERM
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).isEqualTo(143);
      assertThat(Files.readString(stderr)).contains("stopped; unfinished flows are recovered");
    } finally {
      process.destroyForcibly();
    }
  }

  private static Banner readBanner(BufferedReader stdout) {
    URI base = null;
    try {
      for (String line = stdout.readLine(); line != null; line = stdout.readLine()) {
        if (line.startsWith("Flows API listening on ")) {
          base = URI.create(line.substring("Flows API listening on ".length()).strip());
        } else if (line.startsWith("API key: ") && base != null) {
          return new Banner(base, line.substring("API key: ".length()).strip());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new AssertionError("the server exited before printing its URL and key");
  }
}
