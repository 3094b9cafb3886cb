package io.flowengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowengine.spi.EngineStorage;
import io.flowengine.testing.TestFlowEngine;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * A corpus of hostile requests: each gets its documented exception, and the store's counts and
 * bytes are exactly what they were before.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {
  private interface Attempt {
    void run() throws Exception;
  }

  private record Case(String name, Class<? extends Throwable> expected, Attempt attempt) {}

  private final EngineStorage storage = EngineStorage.inMemory();
  private TestFlowEngine fake;
  private FlowEngine engine;
  private FlowOperations ops;
  private String created;
  private String completed;
  private String completedOutput;

  @BeforeAll
  void setUp() {
    fake =
        TestFlowEngine.builder()
            .template(TestTemplates.echo())
            .template(TestTemplates.typed())
            .limits(
                EngineLimits.builder()
                    .maxInputBytes(64)
                    .maxInputsPerFlow(3)
                    .maxAdditionalBytes(32)
                    .build())
            .customize(b -> b.storage(storage))
            .build();
    engine = fake.engine();
    ops =
        engine.authenticate(
            engine
                .apiKeys()
                .create("acct", "k", fake.clock().instant().plus(Duration.ofDays(1)))
                .secret());
    created = ops.createFlow(NewFlow.of("echo")).id();
    ops.addInput(created, NewAsset.text("first"));
    completed = ops.createFlow(NewFlow.builder("echo").input(NewAsset.text("x")).build()).id();
    completedOutput = ops.listOutputs(completed).getFirst().id();
  }

  @AfterAll
  void tearDown() {
    fake.close();
  }

  private void addInput(String data) {
    ops.addInput(created, NewAsset.of(data));
  }

  private void addBytes(String mediaType, int size) {
    ops.addInput(created, NewAsset.bytes(mediaType, new byte[size]));
  }

  private void create(String parameter, Object value) {
    ops.createFlow(
        NewFlow.builder("typed").parameter("count", 1).parameter(parameter, value).build());
  }

  private List<Case> corpus() {
    String png = "data:image/png;base64,";
    List<Case> cases = new ArrayList<>();
    Class<InvalidRequestException> invalid = InvalidRequestException.class;
    Class<PayloadTooLargeException> tooLarge = PayloadTooLargeException.class;
    Class<NotFoundException> notFound = NotFoundException.class;
    // data URIs
    for (String payload :
        List.of(
            "AAA",
            "A",
            "AA=A",
            "=AAA",
            "AA AA",
            " AAAA",
            "AAAA\n",
            "AAA\u0000",
            "\u00c0AAA",
            "AA-_",
            "@@@@",
            "AAAA;base64,AAAA",
            "AAAA\r\n",
            "AA\tA",
            "AAAA====",
            "A\u2028AA")) {
      cases.add(
          new Case(
              "data URI payload '" + payload.replace("\n", "\\n") + "'",
              invalid,
              () -> addInput(png + payload)));
    }
    cases.add(new Case("data URI without base64", invalid, () -> addInput("data:image/png,AAAA")));
    cases.add(new Case("data URI without comma", invalid, () -> addInput("data:image/png;base64")));
    cases.add(
        new Case(
            "data URI with unknown media type",
            invalid,
            () -> addInput("data:image/svg+xml;base64,AAAA")));
    cases.add(
        new Case(
            "data URI with path media type",
            invalid,
            () -> addInput("data:image/../../etc;base64,AAAA")));
    cases.add(
        new Case(
            "data URI with NUL in media type",
            invalid,
            () -> addInput("data:image/png\u0000;base64,AAAA")));
    cases.add(
        new Case(
            "data URI with unterminated parameter",
            invalid,
            () -> addInput("data:image/png;x=\"a;base64,AAAA")));
    cases.add(
        new Case(
            "data URI with a huge header",
            invalid,
            () -> addInput("data:image/png;" + "a=b;".repeat(1000) + "base64,AAAA")));
    cases.add(
        new Case(
            "data URI larger than the limit",
            tooLarge,
            () -> addInput(png + Base64.getEncoder().encodeToString(new byte[65]))));
    // media types
    for (String type :
        List.of(
            "",
            "image",
            "image/",
            "/png",
            "image/png\r\nX-Injected: 1",
            "text/plain; charset=\"x",
            "a".repeat(300) + "/b",
            "image/jpeg",
            "\u00efmage/png",
            "image/png;;",
            "image /png")) {
      cases.add(
          new Case(
              "media type '" + type.replace("\r\n", "\\r\\n") + "'",
              invalid,
              () -> addBytes(type, 1)));
    }
    // sizes and counts
    cases.add(new Case("bytes over the input limit", tooLarge, () -> addBytes("text/plain", 65)));
    cases.add(
        new Case(
            "stream over the input limit",
            tooLarge,
            () ->
                ops.addInput(
                    created,
                    NewAsset.stream("text/plain", new ByteArrayInputStream(new byte[1000])))));
    cases.add(
        new Case(
            "stream failing midway",
            invalid,
            () -> ops.addInput(created, NewAsset.stream("text/plain", new FailingStream()))));
    cases.add(
        new Case(
            "too many inputs at creation",
            tooLarge,
            () ->
                ops.createFlow(
                    NewFlow.builder("echo")
                        .input(NewAsset.text("1"))
                        .input(NewAsset.text("2"))
                        .input(NewAsset.text("3"))
                        .input(NewAsset.text("4"))
                        .build())));
    cases.add(
        new Case(
            "input additional too large",
            tooLarge,
            () -> ops.addInput(created, NewAsset.text("x").withAdditional("\u00e9".repeat(17)))));
    cases.add(
        new Case(
            "input additional with lone surrogate",
            invalid,
            () -> ops.addInput(created, NewAsset.text("x").withAdditional("\uDC00"))));
    cases.add(
        new Case(
            "flow additional too large",
            tooLarge,
            () -> ops.createFlow(NewFlow.builder("echo").additional("x".repeat(33)).build())));
    cases.add(
        new Case(
            "one good and one oversized input",
            tooLarge,
            () ->
                ops.createFlow(
                    NewFlow.builder("echo")
                        .input(NewAsset.text("fine"))
                        .input(
                            NewAsset.stream("text/plain", new ByteArrayInputStream(new byte[65])))
                        .build())));
    // parameters
    cases.add(new Case("unknown parameter", invalid, () -> create("colour", "red")));
    cases.add(new Case("text for an integer", invalid, () -> create("count", "5")));
    cases.add(new Case("NaN", invalid, () -> create("scale", Double.NaN)));
    cases.add(
        new Case("positive infinity", invalid, () -> create("scale", Double.POSITIVE_INFINITY)));
    cases.add(
        new Case("negative infinity", invalid, () -> create("scale", Double.NEGATIVE_INFINITY)));
    cases.add(new Case("float NaN", invalid, () -> create("scale", Float.NaN)));
    cases.add(
        new Case(
            "Long.MAX_VALUE above the maximum", invalid, () -> create("count", Long.MAX_VALUE)));
    cases.add(
        new Case(
            "Long.MIN_VALUE below the minimum", invalid, () -> create("count", Long.MIN_VALUE)));
    cases.add(
        new Case("2^100 as an integer", invalid, () -> create("count", BigInteger.TWO.pow(100))));
    cases.add(
        new Case("1e400 as a number", invalid, () -> create("scale", new BigDecimal("1e400"))));
    cases.add(new Case("enum in another case", invalid, () -> create("mode", "FAST")));
    cases.add(new Case("enum with a trailing space", invalid, () -> create("mode", "fast ")));
    cases.add(new Case("string too long", invalid, () -> create("label", "x".repeat(5000))));
    cases.add(new Case("string with lone surrogate", invalid, () -> create("label", "a\uD800b")));
    cases.add(new Case("boolean as text", invalid, () -> create("flag", "true")));
    cases.add(new Case("boolean as integer", invalid, () -> create("flag", 1)));
    cases.add(
        new Case(
            "parameter name with control characters",
            invalid,
            () -> create("a\u0000\n\u001b[31m", 1)));
    cases.add(new Case("empty parameter name", invalid, () -> create("", 1)));
    cases.add(
        new Case(
            "too many parameters",
            invalid,
            () -> {
              NewFlow.Builder b = NewFlow.builder("typed");
              for (int i = 0; i < 100; i++) {
                b.parameter("p" + i, i);
              }
              ops.createFlow(b.build());
            }));
    cases.add(
        new Case(
            "non-positive timeout",
            invalid,
            () -> ops.createFlow(NewFlow.builder("echo").timeout(Duration.ofSeconds(-1)).build())));
    // ids
    for (String id :
        List.of(
            "../../etc/passwd",
            "' OR '1'='1",
            "%00",
            "0123456789abcdef01234567",
            "x".repeat(1000),
            "\u6d41\u308c",
            "a\u0000b",
            "<script>alert(1)</script>")) {
      cases.add(
          new Case(
              "flow id '" + id.substring(0, Math.min(20, id.length())) + "'",
              notFound,
              () -> ops.getFlow(id)));
    }
    cases.add(new Case("blank flow id", invalid, () -> ops.getFlow(" \t")));
    cases.add(new Case("empty flow id", invalid, () -> ops.deleteFlow("")));
    cases.add(new Case("input id with path", notFound, () -> ops.getInput(created, "../x")));
    cases.add(
        new Case(
            "output id with SQL",
            notFound,
            () -> ops.getOutput(completed, "'; DROP TABLE assets;--")));
    cases.add(
        new Case(
            "output id of an input",
            notFound,
            () -> ops.getOutput(completed, ops.listInputs(completed).getFirst().id())));
    cases.add(
        new Case(
            "input id of an output", notFound, () -> ops.getInput(completed, completedOutput)));
    cases.add(new Case("template with path", notFound, () -> ops.getTemplate("../../")));
    cases.add(new Case("blank template", invalid, () -> ops.createFlow(NewFlow.of(""))));
    cases.add(
        new Case("template with NUL", notFound, () -> ops.createFlow(NewFlow.of("x\u0000y"))));
    // nulls
    cases.add(new Case("null request", NullPointerException.class, () -> ops.createFlow(null)));
    cases.add(
        new Case("null input", NullPointerException.class, () -> ops.addInput(created, null)));
    cases.add(new Case("null flow id", NullPointerException.class, () -> ops.getFlow(null)));
    cases.add(new Case("null text", NullPointerException.class, () -> NewAsset.text(null)));
    cases.add(
        new Case("null template name", NullPointerException.class, () -> NewFlow.builder(null)));
    cases.add(
        new Case(
            "null parameter value",
            NullPointerException.class,
            () -> NewFlow.builder("typed").parameter("count", null)));
    cases.add(
        new Case("null API key", NullPointerException.class, () -> engine.authenticate(null)));
    // configuration
    cases.add(
        new Case(
            "negative input limit",
            IllegalArgumentException.class,
            () -> EngineLimits.builder().maxInputBytes(-1).build()));
    cases.add(
        new Case(
            "zero inputs per flow",
            IllegalArgumentException.class,
            () -> EngineLimits.builder().maxInputsPerFlow(0).build()));
    cases.add(
        new Case(
            "negative page size",
            IllegalArgumentException.class,
            () -> FlowQuery.builder().limit(-5).build()));
    // keys and cursors
    cases.add(
        new Case("empty API key", AuthenticationException.class, () -> engine.authenticate("")));
    cases.add(
        new Case(
            "well-formed unknown API key",
            AuthenticationException.class,
            () -> engine.authenticate("fe_" + "0".repeat(24) + "_" + "A".repeat(43))));
    cases.add(
        new Case(
            "megabyte API key",
            AuthenticationException.class,
            () -> engine.authenticate("fe_".repeat(350_000))));
    cases.add(
        new Case(
            "account id with path",
            invalid,
            () -> engine.apiKeys().create("../..", "k", fake.clock().instant().plusSeconds(60))));
    cases.add(
        new Case(
            "key name with escape codes",
            invalid,
            () ->
                engine
                    .apiKeys()
                    .create("acct", "\u001b[2J", fake.clock().instant().plusSeconds(60))));
    cases.add(
        new Case(
            "key name of 1000 characters",
            invalid,
            () ->
                engine
                    .apiKeys()
                    .create("acct", "n".repeat(1000), fake.clock().instant().plusSeconds(60))));
    cases.add(
        new Case(
            "cursor of garbage",
            invalid,
            () -> ops.listFlows(FlowQuery.builder().cursor("%%%").build())));
    cases.add(
        new Case(
            "cursor of base64 garbage",
            invalid,
            () -> ops.listFlows(FlowQuery.builder().cursor("AAAAAAAA").build())));
    return cases;
  }

  @TestFactory
  Stream<DynamicTest> eachHostileRequest_getsItsDocumentedException_andStoresNothing() {
    List<Case> cases = corpus();
    assertThat(cases).hasSizeGreaterThanOrEqualTo(60);
    return cases.stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.name(),
                    () -> {
                      long flows = engine.listFlows(FlowQuery.builder().limit(1000).build()).size();
                      long bytes = storage.assets().storedBytes("acct");
                      List<Asset> inputs = ops.listInputs(created);
                      int keys = engine.apiKeys().list("acct").size();
                      assertThatThrownBy(c.attempt()::run).isInstanceOf(c.expected());
                      assertThat(engine.listFlows(FlowQuery.builder().limit(1000).build()).size())
                          .isEqualTo(flows);
                      assertThat(storage.assets().storedBytes("acct")).isEqualTo(bytes);
                      assertThat(ops.listInputs(created)).isEqualTo(inputs);
                      assertThat(engine.apiKeys().list("acct")).hasSize(keys);
                      assertThat(engine.getFlow(created).state()).isEqualTo(FlowState.CREATED);
                    }));
  }

  private static final class FailingStream extends InputStream {
    private int read;

    @Override
    public int read() throws IOException {
      if (++read > 10) {
        throw new IOException("peer went away");
      }
      return 'x';
    }
  }
}
