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
 * The server as a user starts it: {@link RestServerMain} in its own JVM on a free port prints its
 * base URL and a new API key on stdout, serves requests with that key, and on SIGTERM stops
 * gracefully through its shutdown hook; started again on the same data directory it prints no new
 * key, and the first key and flows are still there.
 */
class RestServerProcessTest {
  /** What the server printed before it was ready: its URL and what follows "API key: ". */
  record Banner(URI baseUri, String key) {}

  @Test
  void startsOnAFreePort_printsItsKeyOnce_stopsOnSigterm_andRestartsWithItsData(@TempDir Path dir)
      throws Exception {
    Path data = dir.resolve("data");
    Process first = start(data, dir.resolve("first.txt"));
    String key;
    try {
      Banner banner = readBanner(first);
      key = banner.key();
      assertThat(key).startsWith("fe_");
      ApiClient api = new ApiClient(banner.baseUri(), key);
      Response templates = api.get("/templates");
      assertThat(templates.status()).isEqualTo(200);
      assertThat(templates.json().get("templates")).hasSize(3);
      Response created =
          api.post(
              "/flows",
              Map.of(
                  "template",
                  "model_generate_fromprompt",
                  "inputs",
                  List.of(Map.of("data", "a chair"))));
      assertThat(created.status()).as(created.body()).isEqualTo(200);
      assertThat(new ApiClient(banner.baseUri(), "wrong").get("/flows").status()).isEqualTo(401);

      first.destroy(); // SIGTERM
      assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(first.exitValue()).isEqualTo(143);
      assertThat(Files.readString(dir.resolve("first.txt")))
          .contains("stopped; unfinished flows are recovered");
    } finally {
      first.destroyForcibly();
    }

    Process second = start(data, dir.resolve("second.txt"));
    try {
      Banner banner = readBanner(second);
      assertThat(banner.key()).startsWith("created at an earlier start");
      Response flows = new ApiClient(banner.baseUri(), key).get("/flows");
      assertThat(flows.status()).isEqualTo(200);
      assertThat(flows.json().get("flows")).hasSize(1);
      second.destroy();
      assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      second.destroyForcibly();
    }
  }

  private static Process start(Path data, Path stderr) throws IOException {
    return new ProcessBuilder(
            ProcessHandle.current().info().command().orElseThrow(),
            "-cp",
            System.getProperty("java.class.path"),
            // the server's own logging setup, not the tests' (which logs warnings only)
            "-Dlogback.configurationFile=" + RestServerMain.class.getResource("/logback.xml"),
            RestServerMain.class.getName(),
            "--port",
            "0",
            "--data-dir",
            data.toString())
        .redirectError(stderr.toFile())
        .start();
  }

  private static Banner readBanner(Process process) throws Exception {
    BufferedReader stdout =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    return CompletableFuture.supplyAsync(() -> readBanner(stdout)).get(60, TimeUnit.SECONDS);
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
