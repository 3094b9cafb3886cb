/**
 * The API of the embedded flow engine: {@link io.flowengine.FlowEngine} and its builder, the {@link
 * io.flowengine.FlowOperations} that mirror the reference service's endpoints, the values they take
 * and return (flows, templates, assets, queries, pages, API keys, limits), what a template author
 * writes ({@link io.flowengine.Step}, {@link io.flowengine.StepContext}), and the exceptions under
 * {@link io.flowengine.FlowEngineException}. Everything here is public and stable; values are
 * immutable records, and the engine is thread-safe. Nothing in this package may be null unless it
 * is annotated {@code @Nullable}.
 */
@NullMarked
package io.flowengine;

import org.jspecify.annotations.NullMarked;
