package io.flowengine.samples.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowengine.samples.rest.ApiClient.Response;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed, hostile and odd requests never make the server fail: every one is answered below 500,
 * and a refusal carries a JSON {@code detail}.
 */
class HostileInputTest {
  private static ApiTestServer server;
  private static String createdFlow;

  @BeforeAll
  static void start() {
    server = ApiTestServer.start();
    createdFlow =
        server
            .alice()
            .post("/flows", "{\"template\":\"model_generate_fromprompt\"}")
            .json()
            .get("flow_id")
            .asText();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Stream<Arguments> createBodies() {
    String optimize = "{\"template\":\"model_optimize\",\"parameters\":{\"polygon_count\":%s}}";
    String prompt = "{\"template\":\"model_generate_fromprompt\",\"inputs\":[{\"data\":%s}]}";
    List<String> bodies =
        new ArrayList<>(
            List.of(
                "null",
                "\"text\"",
                "123",
                "true",
                "{\"template\":null}",
                "{\"template\":\"\"}",
                "{\"template\":\"   \"}",
                "{\"template\":\"\\u0000\"}",
                "{\"template\":\"\\ud800\"}",
                "{\"template\":\"model_optimize\",\"template\":5}",
                "{\"template\":\"" + "x".repeat(100_000) + "\"}",
                "{\"template\":\"model_optimize\",\"parameters\":null,\"inputs\":null}",
                "{\"template\":\"model_optimize\",\"inputs\":[null]}",
                "{\"template\":\"model_optimize\",\"inputs\":[[]]}",
                "{\"template\":\"model_optimize\"} trailing",
                "{\"template\":\"model_optimize\",\"parameters\":{\"\":1}}",
                "{\"template\":\"model_generate_fromprompt\",\"parameters\":{\"quality\":\""
                    + "q".repeat(10_000)
                    + "\"}}",
                "{\"template\":\"model_optimize\",\"additional\":"
                    + "[".repeat(5_000)
                    + "]".repeat(5_000)
                    + "}",
                "{\"template\":\"model_optimize\",\"additional\":"
                    + "[".repeat(500)
                    + "]".repeat(500)
                    + "}"));
    for (String value :
        List.of(
            "1e400",
            "-1e400",
            "123456789012345678901234567890",
            "-5",
            "0",
            "1.5",
            "[1]",
            "{\"a\":1}",
            "\"100\"",
            "true",
            "NaN")) {
      bodies.add(optimize.formatted(value));
    }
    for (String data :
        List.of(
            "\"\"",
            "\"data:\"",
            "\"data:;base64,\"",
            "\"data:text/plain;base64,====\"",
            "\"data:text/plain;base64,@@@@\"",
            "\"data:text/plain;base64,QUJD\\n\"",
            "\"data:TEXT/PLAIN;BASE64,QUJD\"",
            "\"data:text/plain;charset=utf-8;base64,QUJD\"",
            "\"data:text/plain,hello\"",
            "\"data:" + "a".repeat(1000) + "/b;base64,QUJD\"",
            "\"\\u0000\\u0001\"",
            "[]",
            "{}")) {
      bodies.add(prompt.formatted(data));
    }
    return bodies.stream()
        .map(
            body ->
                Arguments.of(
                    Named.of(body.length() > 80 ? body.substring(0, 80) + "..." : body, body)));
  }

  @ParameterizedTest
  @MethodSource("createBodies")
  void oddCreateBodies_areNeverServerErrors(String body) {
    assertAnswered(server.alice().post("/flows", body));
  }

  @ParameterizedTest
  @MethodSource("createBodies")
  void oddInputBodies_areNeverServerErrors(String body) {
    assertAnswered(server.alice().post("/flows/" + createdFlow + "/inputs", body));
  }

  static Stream<String> oddTargets() {
    return Stream.of(
        "/flows/%00",
        "/flows/..%2F..%2Fetc%2Fpasswd",
        "/flows/" + "a".repeat(5_000),
        "/templates/%ff%fe",
        "/templates/%2e%2e",
        "/flows/x/inputs/%20",
        "/flows/x/outputs/%00",
        "/flows?limit=99999999999999999999",
        "/flows?limit=",
        "/flows?filter_by=%00",
        "/flows?filter_by=,,,",
        "/flows?sort_by=",
        "/flows?cursor=%ff%fe%00",
        "/flows?cursor=" + "A".repeat(4_000),
        "/flows?order=",
        "/flows?include_data=%ff",
        "/flows/x/inputs?include_data=",
        "//flows",
        "/flows/",
        "/flows;x=1",
        "/%ZZ");
  }

  @ParameterizedTest
  @MethodSource("oddTargets")
  void oddPathsAndQueries_areNeverServerErrors(String target) {
    assertAnswered(
        RawHttp.exchange(
            server.server.port(),
            "GET " + target + " HTTP/1.1",
            "Host: localhost",
            "Authorization: Bearer " + server.keyA,
            "Connection: close"));
  }

  @ParameterizedTest
  @MethodSource("oddTargets")
  void oddPathsAndQueries_withoutAKey_areNeverServerErrors(String target) {
    assertAnswered(
        RawHttp.exchange(
            server.server.port(),
            "GET " + target + " HTTP/1.1",
            "Host: localhost",
            "Connection: close"));
  }

  @org.junit.jupiter.api.Test
  void invalidUtf8AndOddContentTypes_areNeverServerErrors() {
    byte[] invalid = {
      '{',
      '"',
      't',
      'e',
      'm',
      'p',
      'l',
      'a',
      't',
      'e',
      '"',
      ':',
      '"',
      (byte) 0xC3,
      (byte) 0x28,
      (byte) 0xFF,
      '"',
      '}'
    };
    for (String contentType :
        List.of(
            "application/json",
            "text/plain",
            "application/xml",
            "multipart/form-data; boundary=x",
            "application/json; charset=latin1")) {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(server.server.baseUri() + "/flows"))
              .header("Authorization", "Bearer " + server.keyA)
              .header("Content-Type", contentType)
              .POST(HttpRequest.BodyPublishers.ofByteArray(invalid))
              .build();
      assertAnswered(ApiClient.send(request));
      HttpRequest valid =
          HttpRequest.newBuilder(URI.create(server.server.baseUri() + "/flows"))
              .header("Authorization", "Bearer " + server.keyA)
              .header("Content-Type", contentType)
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      "{\"template\":\"model_optimize\"}", StandardCharsets.UTF_8))
              .build();
      assertThat(ApiClient.send(valid).status()).as(contentType).isEqualTo(200);
    }
  }

  private static void assertAnswered(RawHttp.Reply reply) {
    assertThat(reply.status()).as(reply.body()).isBetween(200, 499);
    if (reply.status() >= 400) {
      assertThat(reply.body()).startsWith("{\"detail\":");
    }
  }

  private static void assertAnswered(Response response) {
    assertThat(response.status()).as(response.body()).isBetween(200, 499);
    if (response.status() >= 400) {
      assertThat(response.json().has("detail")).as(response.body()).isTrue();
    }
  }
}
