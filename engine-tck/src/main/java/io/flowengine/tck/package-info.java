/**
 * The technology compatibility kit for stores: abstract JUnit suites ({@link
 * io.flowengine.tck.FlowStoreContract} with {@link io.flowengine.tck.FlowStorePagingContract},
 * {@link io.flowengine.tck.AssetStoreContract}, {@link io.flowengine.tck.ApiKeyStoreContract}) that
 * every implementation of the SPI's stores must pass, {@link io.flowengine.tck.TestFlows} to make
 * flow records, and {@link io.flowengine.tck.ForwardingFlowStore} for tests that observe or perturb
 * a store's calls. A store's test extends a suite and returns a fresh, empty store from {@code
 * newStore()}. Nothing in this package may be null unless it is annotated {@code @Nullable}.
 */
@NullMarked
package io.flowengine.tck;

import org.jspecify.annotations.NullMarked;
