/**
 * The service provider interface: what a store or a template registry implements to plug into the
 * engine ({@link io.flowengine.spi.EngineStorage} with its {@link io.flowengine.spi.FlowStore},
 * {@link io.flowengine.spi.AssetStore} and {@link io.flowengine.spi.ApiKeyStore}, {@link
 * io.flowengine.spi.TemplateRegistry}, {@link io.flowengine.spi.DeadlineScheduler}), the records
 * they keep, and the in-memory defaults ({@link io.flowengine.spi.EngineStorage#inMemory()}, {@link
 * io.flowengine.spi.TemplateRegistry#inMemory()}). It depends on the API and never on the engine's
 * implementation; the contract suites every store must pass are in engine-tck. Nothing in this
 * package may be null unless it is annotated {@code @Nullable}.
 */
@NullMarked
package io.flowengine.spi;

import org.jspecify.annotations.NullMarked;
