package io.flowengine;

import com.google.common.testing.NullPointerTester;
import io.flowengine.testing.ManualClock;
import io.flowengine.testing.TestFlowEngine;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every public method refuses null where a value is required with a NullPointerException. */
class NullHandlingTest {
  private final NullPointerTester tester =
      new NullPointerTester()
          .setDefault(Path.class, Path.of("x.txt"))
          .setDefault(InputStream.class, new ByteArrayInputStream(new byte[0]))
          .setDefault(NewFlow.class, NewFlow.of("echo"))
          .setDefault(NewAsset.class, NewAsset.text("x"))
          .setDefault(FlowQuery.class, FlowQuery.all())
          .setDefault(Duration.class, Duration.ofSeconds(1))
          .setDefault(Template.class, TestTemplates.echo())
          .setDefault(RetryPolicy.class, RetryPolicy.builder().build())
          .setDefault(java.time.Instant.class, java.time.Instant.EPOCH)
          .setDefault(
              Flow.class,
              new Flow(
                  "0123456789abcdef01234567",
                  Template.defaultId("echo"),
                  "echo",
                  FlowState.CREATED,
                  0,
                  Parameters.empty(),
                  null,
                  java.time.Instant.EPOCH,
                  null,
                  null,
                  null));

  @Test
  void engineOperations() {
    try (TestFlowEngine fake = TestFlowEngine.builder().template(TestTemplates.echo()).build()) {
      tester.testAllPublicInstanceMethods(fake.engine());
    }
  }

  @Test
  void requestsAndValues() {
    tester.testAllPublicStaticMethods(NewAsset.class);
    tester.testAllPublicInstanceMethods(NewAsset.text("x"));
    tester.testAllPublicStaticMethods(NewFlow.class);
    tester.testAllPublicInstanceMethods(NewFlow.builder("t"));
    tester.testAllPublicStaticMethods(Template.class);
    tester.testAllPublicInstanceMethods(Template.builder("t"));
    tester.testAllPublicStaticMethods(ParameterSpec.class);
    tester.testAllPublicInstanceMethods(ParameterSpec.string("p"));
    tester.testAllPublicInstanceMethods(FlowQuery.builder());
    tester.testAllPublicInstanceMethods(RetryPolicy.builder());
    tester.testAllPublicInstanceMethods(FlowHistory.EMPTY);
    tester.testAllPublicInstanceMethods(FlowEngine.builder());
    tester.testAllPublicInstanceMethods(Parameters.empty());
    tester.testAllPublicConstructors(Violation.class);
    tester.testAllPublicConstructors(NotFoundException.class);
    tester.testAllPublicConstructors(FlowStateException.class);
  }

  @Test
  void testSupport() {
    tester.testAllPublicInstanceMethods(new ManualClock());
    tester.testAllPublicStaticMethods(io.flowengine.testing.Steps.class);
    tester.testAllPublicInstanceMethods(TestFlowEngine.builder());
    tester.testAllPublicStaticMethods(io.flowengine.testing.FlowAssert.class);
  }
}
