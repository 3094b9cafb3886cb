package io.flowengine.testing;

import static java.util.Objects.requireNonNull;

import io.flowengine.FlowEngine;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit Jupiter extension that gives each test a fresh {@link TestFlowEngine} (inject it, or its
 * {@link FlowEngine}, as a test method parameter) and closes it after the test, failing the test if
 * a flow thread is left running. With {@code @ExtendWith(FlowEngineExtension.class)} the engine has
 * the {@link ReferenceTemplates} and runs flows on the calling thread; register an instance to
 * configure it:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final FlowEngineExtension flows =
 *     new FlowEngineExtension(b -> b.template(myTemplate).mode(TestFlowEngine.Mode.MANUAL));
 * }</pre>
 *
 * <p>Needs {@code org.junit.jupiter:junit-jupiter-api} on the test class path (an optional
 * dependency of engine-core; on the module path, {@code requires org.junit.jupiter.api}, as any
 * JUnit test does: the module requires JUnit statically, not transitively, hence the suppressed
 * {@code exports} warning). Thread-safe.
 */
@SuppressWarnings("exports")
public final class FlowEngineExtension
    implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(FlowEngineExtension.class);
  private static final String KEY = "engine";

  private final Consumer<TestFlowEngine.Builder> configuration;

  /** Creates the extension with the reference templates and the calling-thread mode. */
  public FlowEngineExtension() {
    this(TestFlowEngine.Builder::referenceTemplates);
  }

  /** Creates the extension; {@code configuration} sets up each test's engine builder. */
  public FlowEngineExtension(Consumer<TestFlowEngine.Builder> configuration) {
    this.configuration = requireNonNull(configuration, "configuration");
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    TestFlowEngine.Builder builder = TestFlowEngine.builder();
    configuration.accept(builder);
    context.getStore(NAMESPACE).put(KEY, builder.build());
  }

  @Override
  public void afterEach(ExtensionContext context) {
    TestFlowEngine engine = context.getStore(NAMESPACE).remove(KEY, TestFlowEngine.class);
    if (engine != null) {
      engine.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == TestFlowEngine.class || type == FlowEngine.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    TestFlowEngine engine = context.getStore(NAMESPACE).get(KEY, TestFlowEngine.class);
    if (engine == null) {
      throw new IllegalStateException("no engine: parameters are resolved for test methods only");
    }
    return parameter.getParameter().getType() == FlowEngine.class ? engine.engine() : engine;
  }
}
