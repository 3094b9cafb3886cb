/**
 * Test support for host applications' unit tests: {@link io.flowengine.testing.TestFlowEngine}, a
 * deterministic fake engine with a {@link io.flowengine.testing.ManualClock} and a choice of
 * executors, scripted {@link io.flowengine.testing.Steps}, fakes of the reference templates, {@link
 * io.flowengine.testing.FlowAssert} and a JUnit extension (JUnit is needed only for the extension).
 * It uses the API and SPI only. Nothing in this package may be null unless it is annotated
 * {@code @Nullable}.
 */
@NullMarked
package io.flowengine.testing;

import org.jspecify.annotations.NullMarked;
