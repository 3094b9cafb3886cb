package io.flowengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowengine.testing.TestFlowEngine;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bad requests get the documented exception, list every problem, and store nothing. */
class CreateFlowValidationTest {
  private final EngineLimits limits =
      EngineLimits.builder()
          .maxInputBytes(1000)
          .maxInputsPerFlow(2)
          .maxAdditionalBytes(100)
          .maxParameters(6)
          .maxParameterStringLength(20)
          .build();
  private final TestFlowEngine fake =
      TestFlowEngine.builder()
          .mode(TestFlowEngine.Mode.MANUAL)
          .limits(limits)
          .template(TestTemplates.typed())
          .template(TestTemplates.echo())
          .build();
  private final FlowEngine engine = fake.engine();

  @AfterEach
  void nothingStoredAndClose() {
    fake.close();
  }

  private void assertNothingStored() {
    assertThat(engine.listFlows(FlowQuery.all()).items()).isEmpty();
    assertThat(fake.pending()).isZero();
  }

  private List<Violation> violationsOf(NewFlow request) {
    try {
      engine.createFlow(request);
    } catch (InvalidRequestException e) {
      assertNothingStored();
      return e.violations();
    }
    throw new AssertionError("expected an InvalidRequestException");
  }

  @Test
  void everyParameterProblem_isReportedTogether() {
    List<Violation> violations =
        violationsOf(
            NewFlow.builder("typed")
                .parameter("mode", "medium")
                .parameter("scale", 9.5)
                .parameter("flag", "yes")
                .parameter("colour", "red")
                .parameter("label", "x".repeat(21))
                .build());
    assertThat(violations)
        .extracting(Violation::field)
        .containsExactlyInAnyOrder(
            "parameters.colour",
            "parameters.mode",
            "parameters.count",
            "parameters.scale",
            "parameters.flag",
            "parameters.label");
    assertThat(violations)
        .extracting(Violation::message)
        .contains(
            "must be one of [fast, slow], was medium",
            "is required",
            "must be at most 2.5, was 9.5",
            "must be a boolean, was String \"yes\"",
            "is longer than 20 characters (21)");
  }

  @Test
  void wrongTypes_areRefusedWithoutParsingText() {
    assertThat(violationsOf(NewFlow.builder("typed").parameter("count", "5").build()))
        .containsExactly(new Violation("parameters.count", "must be a integer, was String \"5\""));
    assertThat(violationsOf(NewFlow.builder("typed").parameter("count", 2.0).build()))
        .extracting(Violation::message)
        .containsExactly("must be a integer, was Double 2.0");
    assertThat(violationsOf(NewFlow.builder("typed").parameter("count", 0).build()))
        .extracting(Violation::message)
        .containsExactly("must be at least 1, was 0");
  }

  @Test
  void nanAndInfinity_areNotNumbers() {
    for (double bad :
        new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
      assertThat(
              violationsOf(
                  NewFlow.builder("typed").parameter("count", 1).parameter("scale", bad).build()))
          .extracting(Violation::field)
          .containsExactly("parameters.scale");
    }
  }

  @Test
  void validValues_ofEveryType_areAccepted() {
    Flow flow =
        engine.createFlow(
            NewFlow.builder("typed")
                .parameters(
                    Map.of("mode", "slow", "count", 10, "scale", 1, "flag", true, "label", "ok"))
                .build());
    assertThat(flow.parameters().getString("mode")).isEqualTo("slow");
    assertThat(flow.parameters().getLong("count")).isEqualTo(10L);
    assertThat(flow.parameters().getDouble("scale")).isEqualTo(1.0);
    assertThat(flow.parameters().getBoolean("flag")).isTrue();
  }

  @Test
  void tooManyParameters_isRefused() {
    NewFlow.Builder request = NewFlow.builder("typed");
    for (int i = 0; i < 7; i++) {
      request.parameter("p" + i, i);
    }
    assertThat(violationsOf(request.build()))
        .containsExactly(new Violation("parameters", "at most 6 parameters are allowed, got 7"));
  }

  @Test
  void inputMediaTypes_mustBeAcceptedByTheTemplate() {
    List<Violation> violations =
        violationsOf(
            NewFlow.builder("echo")
                .input(NewAsset.text("fine"))
                .input(NewAsset.bytes("image/jpeg", new byte[] {1}))
                .build());
    assertThat(violations)
        .containsExactly(
            new Violation(
                "inputs[1].mediaType",
                "template echo does not accept image/jpeg; it accepts [text/plain, image/png]"));
  }

  @Test
  void malformedDataUris_areRefused() {
    String[] bad = {
      "data:image/png;base64,AAA", // truncated
      "data:image/png;base64,AA=A", // padding inside
      "data:image/png;base64,AA A", // whitespace
      "data:image/png;base64,AA\nA",
      "data:image/png;base64,ÄÄÄÄ", // not ASCII
      "data:image/png,AAAA", // not base64
      "data:image png;base64,AAAA", // bad media type
      "data:image/png;base64", // no comma
      "dato:image/png;base64,AAAA",
    };
    for (String uri : bad) {
      if (!uri.startsWith("data:")
          || !uri.contains(",")
          || uri.contains(" png")
          || !uri.contains(";base64,")
          || uri.endsWith(",AAA")) {
        assertThatThrownBy(() -> NewAsset.dataUri(uri))
            .as(uri)
            .isInstanceOf(InvalidRequestException.class);
      } else {
        NewAsset asset = NewAsset.dataUri(uri); // header is fine; the payload fails while storing
        assertThat(violationsOf(NewFlow.builder("echo").input(asset).build()))
            .as(uri)
            .extracting(Violation::field)
            .containsExactly("data");
      }
    }
  }

  @Test
  void badBase64DeepInsideALargePayload_storesNothing() {
    byte[] data = new byte[900];
    String payload = Base64.getEncoder().encodeToString(data);
    String corrupt = payload.substring(0, 600) + "!" + payload.substring(601);
    NewAsset good = NewAsset.text("first one is fine");
    NewAsset bad = NewAsset.dataUri("data:image/png;base64," + corrupt);
    assertThatThrownBy(
            () -> engine.createFlow(NewFlow.builder("echo").input(good).input(bad).build()))
        .isInstanceOfSatisfying(
            InvalidRequestException.class, e -> assertThat(e.getMessage()).contains("bad base64"));
    assertNothingStored();
  }

  @Test
  void oversizedInputs_areRefused_beforeOrWhileReading() {
    NewAsset known = NewAsset.bytes("text/plain", new byte[1001]);
    assertThatThrownBy(() -> engine.createFlow(NewFlow.builder("echo").input(known).build()))
        .isInstanceOfSatisfying(
            PayloadTooLargeException.class,
            e -> {
              assertThat(e.limit()).isEqualTo(1000);
              assertThat(e.actual()).isEqualTo(1001);
              assertThat(e.getMessage())
                  .isEqualTo("inputs[0] exceeds the limit of 1000 bytes (got 1001)");
            });
    NewAsset streamed = NewAsset.stream("text/plain", new ByteArrayInputStream(new byte[5000]));
    assertThatThrownBy(
            () ->
                engine.createFlow(
                    NewFlow.builder("echo").input(NewAsset.text("ok")).input(streamed).build()))
        .isInstanceOf(PayloadTooLargeException.class);
    assertNothingStored();
    Flow flow = engine.createFlow(NewFlow.of("echo"));
    assertThatThrownBy(
            () ->
                engine.addInput(
                    flow.id(),
                    NewAsset.stream("text/plain", new ByteArrayInputStream(new byte[1001]))))
        .isInstanceOf(PayloadTooLargeException.class);
    assertThat(engine.listInputs(flow.id())).isEmpty();
    assertThat(engine.addInput(flow.id(), NewAsset.bytes("text/plain", new byte[1000])).size())
        .isEqualTo(1000);
  }

  @Test
  void tooManyInputs_areRefused_atCreateAndAdd() {
    NewFlow three =
        NewFlow.builder("echo")
            .input(NewAsset.text("1"))
            .input(NewAsset.text("2"))
            .input(NewAsset.text("3"))
            .build();
    assertThatThrownBy(() -> engine.createFlow(three)).isInstanceOf(PayloadTooLargeException.class);
    assertNothingStored();
    Flow flow = engine.createFlow(NewFlow.of("echo"));
    engine.addInput(flow.id(), NewAsset.text("1"));
    engine.addInput(flow.id(), NewAsset.text("2"));
    assertThatThrownBy(() -> engine.addInput(flow.id(), NewAsset.text("3")))
        .isInstanceOfSatisfying(
            PayloadTooLargeException.class,
            e -> assertThat(e.getMessage()).contains("limit of 2 inputs"));
    assertThat(engine.listInputs(flow.id())).hasSize(2);
  }

  @Test
  void additionalData_isLimitedAndMustBeWellFormedUnicode() {
    assertThatThrownBy(
            () -> engine.createFlow(NewFlow.builder("echo").additional("é".repeat(51)).build()))
        .isInstanceOfSatisfying(
            PayloadTooLargeException.class, e -> assertThat(e.actual()).isEqualTo(102));
    assertThat(violationsOf(NewFlow.builder("echo").additional("bad \uD800 surrogate").build()))
        .containsExactly(new Violation("additional", "is not well-formed Unicode"));
    assertThatThrownBy(
            () ->
                engine.createFlow(
                    NewFlow.builder("echo")
                        .input(NewAsset.text("x").withAdditional("y".repeat(101)))
                        .build()))
        .isInstanceOf(PayloadTooLargeException.class);
    assertNothingStored();
    String edgy = "é".repeat(46) + "\u0000\n\t😀"; // 99 bytes of UTF-8
    Flow ok = engine.createFlow(NewFlow.builder("echo").additional(edgy).build());
    assertThat(engine.getFlow(ok.id()).additional()).isEqualTo(edgy);
  }

  @Test
  void aFailingCallerStream_isTheCallersError_andStoresNothing() {
    InputStream broken =
        new InputStream() {
          private int count;

          @Override
          public int read() throws IOException {
            if (count++ > 10) {
              throw new IOException("connection reset");
            }
            return 'a';
          }
        };
    assertThatThrownBy(
            () ->
                engine.createFlow(
                    NewFlow.builder("echo").input(NewAsset.stream("text/plain", broken)).build()))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e ->
                assertThat(e.violations())
                    .containsExactly(
                        new Violation(
                            "inputs[0]", "reading the content failed: connection reset")));
    assertNothingStored();
  }

  @Test
  void nonPositiveTimeout_isRefused() {
    assertThat(violationsOf(NewFlow.builder("echo").timeout(Duration.ZERO).build()))
        .containsExactly(new Violation("timeout", "must be positive, was PT0S"));
  }

  @Test
  void blankTemplate_isAnInvalidRequest() {
    assertThatThrownBy(() -> engine.createFlow(NewFlow.of("  ")))
        .isInstanceOf(InvalidRequestException.class);
    assertNothingStored();
  }
}
