package io.flowengine.h2;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.primitives.Bytes;
import io.flowengine.FlowEngine;
import io.flowengine.FlowQuery;
import io.flowengine.NewApiKey;
import io.flowengine.Template;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * API keys through the engine on an H2 file: no secret reaches the disk, and expiry times finer
 * than the engine's microsecond precision are accepted.
 */
class ApiKeysOnH2Test {
  private static final Template ECHO =
      Template.builder("echo")
          .inputTypes("text/plain")
          .outputTypes("text/plain")
          .step(ctx -> {})
          .build();
  private static final List<Charset> ENCODINGS =
      List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE);

  @TempDir Path dir;

  /**
   * After keys are created and used and the engine is closed, no file in the data directory holds a
   * secret or its random part, in any of the encodings a string could be stored in, nor the random
   * bytes themselves. Each key's id and hash are found, which shows the search finds what is
   * stored.
   */
  @Test
  void secretsOfCreatedAndUsedKeys_appearInNoFile_whileTheirIdsAndHashesDo() throws IOException {
    List<NewApiKey> keys = new ArrayList<>();
    try (FlowEngine engine =
        FlowEngine.builder().storage(H2Storage.open(dir)).template(ECHO).build()) {
      Instant expires = Instant.now().plus(Duration.ofDays(30));
      for (int i = 0; i < 3; i++) {
        NewApiKey key = engine.apiKeys().create("acct-" + i, "key " + i, expires);
        engine.authenticate(key.secret()).listFlows(FlowQuery.builder().build());
        keys.add(key);
      }
      engine.apiKeys().revoke("acct-2", keys.get(2).key().id());
    }

    List<Path> files = filesIn(dir);
    assertThat(files).anyMatch(f -> f.getFileName().toString().equals(H2Storage.FILE_NAME));
    for (NewApiKey key : keys) {
      String secret = key.secret();
      // fe_<key id>_<random>; the random part is base64url and may itself hold '_'
      String random = secret.substring(("fe_" + key.key().id() + "_").length());
      assertThat(random).hasSize(43);
      for (Charset encoding : ENCODINGS) {
        assertThat(filesHolding(files, secret.getBytes(encoding)))
            .as("files holding the secret of key %s in %s", key.key().id(), encoding)
            .isEmpty();
        assertThat(filesHolding(files, random.getBytes(encoding)))
            .as("files holding the random part of key %s in %s", key.key().id(), encoding)
            .isEmpty();
      }
      assertThat(filesHolding(files, Base64.getUrlDecoder().decode(random)))
          .as("files holding the random bytes of key %s", key.key().id())
          .isEmpty();
      assertThat(filesHolding(files, key.key().id().getBytes(StandardCharsets.UTF_8)))
          .as(
              "files holding the id of key %s (it is stored: the search finds stored text)",
              key.key().id())
          .isNotEmpty();
      assertThat(filesHolding(files, sha256Hex(secret).getBytes(StandardCharsets.UTF_8)))
          .as("files holding the hash of key %s (stored in the same row as the id)", key.key().id())
          .isNotEmpty();
    }
  }

  @Test
  void anExpiryWithNanoseconds_isKeptToTheMicrosecond() {
    Instant expires =
        Instant.now().plus(Duration.ofDays(1)).with(ChronoField.NANO_OF_SECOND, 123_456_789);
    try (FlowEngine engine =
        FlowEngine.builder().storage(H2Storage.open(dir)).template(ECHO).build()) {
      NewApiKey key = engine.apiKeys().create("acct", "nanos", expires);

      assertThat(key.key().expiresAt()).isEqualTo(expires.truncatedTo(ChronoUnit.MICROS));
      assertThat(engine.apiKeys().list("acct")).containsExactly(key.key());
    }
  }

  private static String sha256Hex(String secret) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(secret.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Path> filesIn(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).toList();
    }
  }

  private static List<Path> filesHolding(List<Path> files, byte[] bytes) {
    return files.stream()
        .filter(
            file -> {
              try {
                return Bytes.indexOf(Files.readAllBytes(file), bytes) >= 0;
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            })
        .toList();
  }
}
