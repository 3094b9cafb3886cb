package io.flowengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DataUriTest {

  private static byte[] decode(String uri) throws IOException {
    try (InputStream in = DataUri.parse(uri).openDecoded()) {
      return in.readAllBytes();
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 100, 12_287, 12_288, 12_289, 100_000})
  void decodesEveryLengthAcrossChunkBoundaries(int size) throws IOException {
    byte[] data = new byte[size];
    new Random(size).nextBytes(data);
    String uri = "data:application/octet-stream;base64," + Base64.getEncoder().encodeToString(data);
    DataUri parsed = DataUri.parse(uri);
    assertThat(parsed.decodedSize()).isEqualTo(size);
    assertThat(decode(uri)).isEqualTo(data);
  }

  @Test
  void header_isNormalized_andParametersAreDropped() {
    assertThat(DataUri.parse("DATA:Image/PNG;charset=x;base64,AAAA").mediaType())
        .isEqualTo("image/png");
    assertThat(DataUri.parse("data:;base64,AAAA").mediaType()).isEqualTo("text/plain");
    assertThat(DataUri.parse("data:text/plain;BASE64,").decodedSize()).isZero();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "image/png;base64,AAAA", // no scheme
        "data:image/png;base64AAAA", // no comma
        "data:image/png,AAAA", // not base64
        "data:image/png;base64;x=1,AAAA", // base64 must be last
        "data:image;base64,AAAA", // no subtype
        "data:image/png\u0000;base64,AAAA", // control character in media type
        "data:image/png;base64,AAA", // truncated
      })
  void malformedHeadersAndLengths_areRefusedBeforeDecoding(String uri) {
    assertThatThrownBy(() -> DataUri.parse(uri))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.violations().getFirst().field()).startsWith("data"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "AA A",
        "AA\tA",
        "AA\r\nAAAA",
        "AA-_",
        "AAA\u00e9",
        "AAA\u0100",
        "\u4e00AAA",
        "AA.A",
        "A===",
        "AA==AAAA",
        "=AAA",
        "AA=A"
      })
  void nonBase64Characters_failWhileDecoding(String payload) {
    DataUri parsed = DataUri.parse("data:image/png;base64," + payload);
    assertThatThrownBy(() -> decode("data:image/png;base64," + payload))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("bad base64");
    assertThat(parsed.mediaType()).isEqualTo("image/png");
  }

  @Test
  void paddingThatEndsAChunk_butNotThePayload_isRefused() throws IOException {
    // 16 Ki characters make one chunk; a first chunk ending in "==" is a complete, valid unit
    String firstChunk = "A".repeat(16 * 1024 - 4) + "AA==";
    String uri = "data:image/png;base64," + firstChunk + "AAAA";
    assertThatThrownBy(() -> decode(uri))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("padding '=' at payload position " + (16 * 1024 - 1));
  }

  @Test
  void largeReads_getWholeChunksDirectly_andSmallReadsTheRest() throws IOException {
    byte[] data = new byte[100_000];
    new Random(7).nextBytes(data);
    String uri = "data:application/octet-stream;base64," + Base64.getEncoder().encodeToString(data);
    try (InputStream in = DataUri.parse(uri).openDecoded()) {
      byte[] big = new byte[20_000];
      int first = in.read(big, 0, big.length);
      assertThat(first).isEqualTo(12_288);
      byte[] rest = in.readAllBytes();
      byte[] all = new byte[first + rest.length];
      System.arraycopy(big, 0, all, 0, first);
      System.arraycopy(rest, 0, all, first, rest.length);
      assertThat(all).isEqualTo(data);
    }
  }

  @Test
  void aHeaderLongerThanTheLimit_isRefused() {
    assertThatThrownBy(() -> DataUri.parse("data:image/png;" + "x=y;".repeat(200) + "base64,AAAA"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("header is longer");
  }
}
