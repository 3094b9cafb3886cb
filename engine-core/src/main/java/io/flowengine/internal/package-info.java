/**
 * The engine's implementation: wiring, the versioned compare-and-set state machine, the
 * virtual-thread runner, asset ingestion, recovery, retention and API-key checks. Not exported from
 * the module and not API: every class but the builder's entry point {@link
 * io.flowengine.internal.EngineConfig} is package-private. Nothing in this package may be null
 * unless it is annotated {@code @Nullable}.
 */
@NullMarked
package io.flowengine.internal;

import org.jspecify.annotations.NullMarked;
