package io.flowengine.internal;

import io.flowengine.EngineLimits;
import io.flowengine.spi.AssetStore;
import io.flowengine.spi.DeadlineScheduler;
import io.flowengine.spi.FlowStore;
import io.flowengine.spi.TemplateRegistry;
import java.time.Clock;

/**
 * The services one engine instance shares between its operations and flow executions. Immutable
 * holder of thread-safe parts.
 */
record EngineContext(
    FlowStore flows,
    AssetStore assets,
    TemplateRegistry templates,
    FlowStateMachine stateMachine,
    IdGenerator ids,
    EngineLimits limits,
    Clock clock,
    DeadlineScheduler deadlines,
    AssetWriter assetWriter,
    EngineLifecycle lifecycle,
    ObserverBus observers,
    CarriedContexts contexts) {}
