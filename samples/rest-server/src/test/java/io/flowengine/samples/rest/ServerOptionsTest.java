package io.flowengine.samples.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerOptionsTest {
  @Test
  void defaults_areLoopbackPort8080AndTheDataDirectoryUnderData() {
    ServerOptions options = ServerOptions.parse();

    assertThat(options.port()).isEqualTo(8080);
    assertThat(options.bind()).isEqualTo("127.0.0.1");
    assertThat(options.dataDirectory()).isEqualTo(Path.of("data", "rest-server"));
    assertThat(options.maxUploadBytes()).isEqualTo(16L << 20);
    assertThat(options.newKey()).isFalse();
  }

  @Test
  void flags_takeSpaceOrEqualsSeparatedValues() {
    ServerOptions options =
        ServerOptions.parse(
            "--port", "0", "--data-dir=/tmp/x", "--bind", "::1", "--max-upload-mib=2", "--new-key");

    assertThat(options.port()).isZero();
    assertThat(options.dataDirectory()).isEqualTo(Path.of("/tmp/x"));
    assertThat(options.bind()).isEqualTo("::1");
    assertThat(options.maxUploadBytes()).isEqualTo(2L << 20);
    assertThat(options.newKey()).isTrue();
  }

  @Test
  void theBodyLimit_fitsTheLargestUploadAsBase64PlusRoomForJson() {
    ServerOptions options = ServerOptions.parse("--max-upload-mib", "3");

    assertThat(options.maxBodyBytes()).isEqualTo((3L << 20) * 4 / 3 + (1L << 20));
  }

  @Test
  void badFlags_areRefusedByName() {
    assertThatThrownBy(() -> ServerOptions.parse("--port", "99999")).hasMessageContaining("--port");
    assertThatThrownBy(() -> ServerOptions.parse("--port", "http"))
        .hasMessageContaining("--port must be a number");
    assertThatThrownBy(() -> ServerOptions.parse("--data-dir"))
        .hasMessageContaining("needs a value");
    assertThatThrownBy(() -> ServerOptions.parse("--verbose")).hasMessageContaining("--verbose");
  }

  @Test
  void postgres_takesTheUrlUserAndNodeId_andThePasswordFromTheFlagOrTheEnvironment() {
    ServerOptions flagged =
        ServerOptions.parse(
            Map.of(ServerOptions.PASSWORD_VARIABLE, "from-env"),
            "--postgres=jdbc:postgresql://db:5432/flows?sslmode=require",
            "--postgres-user",
            "fe",
            "--postgres-password",
            "secret",
            "--node-id",
            "web-1");
    ServerOptions.Postgres postgres = flagged.postgres().orElseThrow();

    assertThat(postgres.url()).isEqualTo("jdbc:postgresql://db:5432/flows?sslmode=require");
    assertThat(postgres.user()).isEqualTo("fe");
    assertThat(postgres.password()).isEqualTo("secret");
    assertThat(postgres.nodeId()).isEqualTo("web-1");
    assertThat(postgres.toString()).doesNotContain("secret").doesNotContain("sslmode");
    assertThat(
            ServerOptions.parse(
                    Map.of(ServerOptions.PASSWORD_VARIABLE, "from-env"),
                    "--postgres",
                    "jdbc:postgresql://db/flows",
                    "--postgres-user",
                    "fe")
                .postgres()
                .orElseThrow()
                .password())
        .isEqualTo("from-env");
    assertThat(ServerOptions.parse(Map.of()).postgres()).isEmpty();
  }

  @Test
  void postgresFlags_thatDoNotCombine_areRefused() {
    assertThatThrownBy(() -> ServerOptions.parse(Map.of(), "--postgres", "postgres://db/flows"))
        .hasMessageContaining("jdbc:postgresql:");
    assertThatThrownBy(
            () ->
                ServerOptions.parse(
                    Map.of(), "--postgres", "jdbc:postgresql://db/f", "--data-dir", "/tmp/x"))
        .hasMessageContaining("exclude each other");
    assertThatThrownBy(() -> ServerOptions.parse(Map.of(), "--node-id", "a"))
        .hasMessageContaining("need --postgres");
    assertThatThrownBy(
            () ->
                ServerOptions.parse(
                    Map.of(ServerOptions.PASSWORD_VARIABLE, "pw"),
                    "--postgres",
                    "jdbc:postgresql://db/f"))
        .hasMessageContaining("needs --postgres-user");
  }
}
