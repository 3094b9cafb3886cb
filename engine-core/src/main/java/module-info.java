/**
 * The flow engine: the API ({@code io.flowengine}), the SPI that stores and registries implement
 * ({@code io.flowengine.spi}) and the test support for host applications ({@code
 * io.flowengine.testing}). The implementation, {@code io.flowengine.internal}, is not exported.
 * JUnit is needed only by whoever uses {@code io.flowengine.testing.FlowEngineExtension}.
 */
module io.flowengine {
  requires transitive org.jspecify;
  requires com.google.common;
  requires com.github.benmanes.caffeine;
  requires org.slf4j;
  // Only FlowEngineExtension uses JUnit, and a test that registers it reads JUnit already; not
  // transitive, since a static transitive dependency must be present wherever this is compiled.
  requires static org.junit.jupiter.api;

  exports io.flowengine;
  exports io.flowengine.spi;
  exports io.flowengine.testing;
}
