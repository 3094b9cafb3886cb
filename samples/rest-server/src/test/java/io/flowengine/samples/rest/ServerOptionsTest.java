package io.flowengine.samples.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
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
}
