package io.flowengine.internal;

import io.flowengine.CreateFlowResult;
import io.flowengine.Flow;
import io.flowengine.FlowAction;
import io.flowengine.FlowEngineException;
import io.flowengine.FlowHistory;
import io.flowengine.FlowState;
import io.flowengine.FlowTransition;
import io.flowengine.InvalidRequestException;
import io.flowengine.NewAsset;
import io.flowengine.NewFlow;
import io.flowengine.NotFoundException;
import io.flowengine.Parameters;
import io.flowengine.PayloadTooLargeException;
import io.flowengine.StorageException;
import io.flowengine.Template;
import io.flowengine.Violation;
import io.flowengine.spi.AssetRecord;
import io.flowengine.spi.BufferedAsset;
import io.flowengine.spi.FlowRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Creates, starts, aborts and deletes flows within a {@link Scope}. Everything a request carries is
 * checked before anything is stored. {@code createFlow} reads inputs of up to {@value
 * #BUFFERED_INPUT_BYTES} bytes into memory and stores them with the flow record as one change
 * ({@link io.flowengine.spi.EngineStorage#insertWithInputs}); a larger input is streamed into the
 * store first, and removed again if a later step fails, so a failed request leaves nothing behind.
 * {@code createFlows} streams every input first. Thread-safe.
 */
final class FlowCommands {
  /** The largest input {@code createFlow} holds in memory to store it with its flow at once. */
  static final int BUFFERED_INPUT_BYTES = 64 * 1024;

  private final EngineContext ctx;
  private final FlowRunner runner;
  private final InputIngest inputs;
  private final @Nullable ClusterNode cluster;
  private final DelayedRuns delayed;

  FlowCommands(
      EngineContext ctx,
      FlowRunner runner,
      InputIngest inputs,
      @Nullable ClusterNode cluster,
      DelayedRuns delayed) {
    this.ctx = ctx;
    this.runner = runner;
    this.inputs = inputs;
    this.cluster = cluster;
    this.delayed = delayed;
  }

  /**
   * Has a starting flow run once its start time is reached: here, or in a cluster on whichever node
   * claims it.
   */
  private void queue(FlowRecord record) {
    delayed.submit(record);
  }

  Template template(String idOrName) {
    Scope.requireNonBlank(idOrName, "template");
    return ctx.templates()
        .find(idOrName)
        .orElseThrow(() -> new NotFoundException(NotFoundException.Kind.TEMPLATE, idOrName));
  }

  Flow create(NewFlow request, Scope scope) {
    return createReporting(request, scope).flow();
  }

  /**
   * Creates a flow, or answers with the flow that holds the request's idempotency key.
   *
   * @throws io.flowengine.IdempotencyConflictException if that flow's request was different
   */
  CreateFlowResult.Created createReporting(NewFlow request, Scope scope) {
    List<BufferedAsset> buffered = new ArrayList<>();
    FlowRecord record = prepare(request, scope, 0, buffered);
    FlowRecord holder = IdempotencyKeys.holder(ctx, record).orElse(null);
    if (holder != null) {
      forgetInputs(record, new IllegalStateException("replayed"));
      return IdempotencyKeys.replay(holder, record);
    }
    OrderedDelivery.Slot slot = ctx.stateMachine().writes().reserve(record);
    try {
      ctx.assetWriter().insertFlow(record, buffered);
    } catch (IllegalStateException e) {
      // A create racing this one took the key first (its unique index refused this insert).
      slot.cancel();
      holder = IdempotencyKeys.holder(ctx, record).orElse(null);
      forgetInputs(record, e);
      if (holder == null) {
        throw e;
      }
      return IdempotencyKeys.replay(holder, record);
    } catch (RuntimeException e) {
      slot.cancel();
      throw forgetInputs(record, e);
    }
    return new CreateFlowResult.Created(created(record, slot), false);
  }

  /**
   * Creates each request on its own: checks it and stores its inputs, then inserts every accepted
   * flow with one {@link io.flowengine.spi.FlowStore#insertAll}.
   */
  List<CreateFlowResult> createAll(List<NewFlow> requests, Scope scope) {
    List<NewFlow> checked = List.copyOf(requests); // null elements are refused here, as a whole
    CreateFlowResult[] results = new CreateFlowResult[checked.size()];
    List<FlowRecord> records = new ArrayList<>(checked.size());
    List<Integer> positions = new ArrayList<>(checked.size());
    for (int i = 0; i < checked.size(); i++) {
      try {
        FlowRecord record = prepare(checked.get(i), scope, records.size(), null);
        FlowRecord holder = IdempotencyKeys.holder(ctx, record).orElse(null);
        if (holder != null) {
          forgetInputs(record, new IllegalStateException("replayed"));
          results[i] = IdempotencyKeys.replay(holder, record);
          continue;
        }
        records.add(record);
        positions.add(i);
      } catch (FlowEngineException e) {
        results[i] = new CreateFlowResult.Refused(e);
      }
    }
    List<OrderedDelivery.Slot> slots = ctx.stateMachine().writes().reserveAll(records);
    List<Optional<RuntimeException>> outcomes;
    try {
      outcomes = records.isEmpty() ? List.of() : ctx.flows().insertAll(records);
    } catch (RuntimeException | Error e) {
      slots.forEach(OrderedDelivery.Slot::cancel);
      throw e;
    }
    for (int j = 0; j < records.size(); j++) {
      FlowRecord record = records.get(j);
      RuntimeException failure = outcomes.get(j).orElse(null);
      if (failure != null) {
        slots.get(j).cancel();
      }
      results[positions.get(j)] =
          failure == null
              ? new CreateFlowResult.Created(created(record, slots.get(j)))
              : refusedOrReplayed(record, failure);
    }
    return List.of(results);
  }

  /**
   * Checks a request and stores its inputs, or reads the small ones into {@code buffered}; returns
   * the record to insert.
   *
   * @param admitted flows of the same account accepted earlier in the same call, not yet stored
   * @param buffered receives the inputs read into memory, to be stored with the record; null to
   *     store every input now
   */
  private FlowRecord prepare(
      NewFlow request, Scope scope, int admitted, @Nullable List<BufferedAsset> buffered) {
    Template template = template(request.template());
    List<Violation> violations = new ArrayList<>();
    Parameters parameters =
        ParameterValidator.validate(template, request.parameters(), ctx.limits(), violations);
    UserText.checkAdditional(
        request.additional(), "additional", ctx.limits().maxAdditionalBytes(), violations);
    List<NewAsset> newInputs = request.inputs();
    if (newInputs.size() > ctx.limits().maxInputsPerFlow()) {
      throw new PayloadTooLargeException(
          "inputs", "inputs", ctx.limits().maxInputsPerFlow(), newInputs.size());
    }
    for (int i = 0; i < newInputs.size(); i++) {
      inputs.check(template, newInputs.get(i), "inputs[" + i + "]", scope.accountId(), violations);
    }
    Duration timeout = request.timeout();
    if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
      violations.add(new Violation("timeout", "must be positive, was " + timeout));
    }
    IdempotencyKeys.check(request.idempotencyKey(), violations);
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
    String key = request.idempotencyKey();
    if (key == null || ctx.flows().findByIdempotencyKey(scope.accountId(), key).isEmpty()) {
      AccountQuota.checkUnfinishedFlows(ctx, scope.accountId(), admitted); // a repeat adds none
    }
    Instant now = ctx.stateMachine().now();
    String flowId = ctx.ids().next(now);
    List<String> inputIds = new ArrayList<>(newInputs.size());
    List<String> inputHashes = new ArrayList<>(newInputs.size());
    try {
      for (int i = 0; i < newInputs.size(); i++) {
        InputIngest.Staged staged =
            inputs.stage(
                template,
                flowId,
                scope.accountId(),
                newInputs.get(i),
                "inputs[" + i + "]",
                now,
                buffered == null ? -1 : BUFFERED_INPUT_BYTES);
        inputIds.add(staged.draft().id());
        if (staged.buffered() != null && buffered != null) {
          buffered.add(staged.buffered());
        }
        if (key != null) {
          inputHashes.add(contentHash(flowId, staged));
        }
      }
    } catch (RuntimeException e) {
      if (!inputIds.isEmpty() || !newInputs.isEmpty()) {
        try {
          ctx.assets().deleteAll(flowId);
        } catch (RuntimeException cleanup) {
          e.addSuppressed(
              cleanup); // the caller learns why the call failed, not why cleaning up did
        }
      }
      throw e;
    }
    FlowState state =
        newInputs.isEmpty() && request.startAt() == null ? FlowState.CREATED : FlowState.STARTING;
    Instant startAt = request.startAt();
    return new FlowRecord(
        flowId,
        scope.accountId(),
        template.id(),
        template.name(),
        state,
        0.0,
        parameters,
        request.additional(),
        inputIds,
        now,
        state == FlowState.STARTING ? now : null,
        null,
        null,
        timeout,
        0,
        1,
        null,
        state == FlowState.STARTING && startAt != null
            ? startAt.truncatedTo(ChronoUnit.MICROS)
            : null,
        key,
        key == null ? null : IdempotencyKeys.digest(request, template, parameters, inputHashes),
        FlowHistory.EMPTY.with(new FlowTransition(null, state, now, 1, null)));
  }

  /** Returns the sha-256 of a staged input's content. */
  private String contentHash(String flowId, InputIngest.Staged staged) {
    if (staged.buffered() != null) {
      return staged.buffered().record().sha256();
    }
    if (staged.storedRecord() != null) {
      return staged.storedRecord().sha256();
    }
    return ctx.assets()
        .find(flowId, staged.draft().id())
        .map(AssetRecord::sha256)
        .orElseThrow(() -> new StorageException("input " + staged.draft().id() + " vanished"));
  }

  /** Answers a request whose insert failed: a repeat, if another flow took its key meanwhile. */
  private CreateFlowResult refusedOrReplayed(FlowRecord record, RuntimeException failure) {
    forgetInputs(record, failure);
    FlowRecord holder =
        failure instanceof IllegalStateException
            ? IdempotencyKeys.holder(ctx, record).orElse(null)
            : null;
    if (holder == null) {
      return new CreateFlowResult.Refused(asEngineError(failure, record));
    }
    try {
      return IdempotencyKeys.replay(holder, record);
    } catch (FlowEngineException conflict) {
      return new CreateFlowResult.Refused(conflict);
    }
  }

  /** Tells listeners of a stored flow and queues it if it starts at once. */
  private Flow created(FlowRecord record, OrderedDelivery.Slot slot) {
    ctx.contexts().capture(record.id()); // before it can run
    slot.changed(null, record);
    if (record.state() == FlowState.STARTING) {
      queue(record);
    }
    return record.toFlow();
  }

  /** Deletes the inputs of a flow that was not stored; returns {@code e} for the caller. */
  private RuntimeException forgetInputs(FlowRecord record, RuntimeException e) {
    if (!record.inputIds().isEmpty()) {
      try {
        ctx.assets().deleteAll(record.id());
      } catch (RuntimeException cleanup) {
        e.addSuppressed(cleanup); // the caller learns why the call failed, not why cleaning up did
      }
    }
    return e;
  }

  private static FlowEngineException asEngineError(RuntimeException e, FlowRecord record) {
    return e instanceof FlowEngineException engine
        ? engine
        : new StorageException("could not store flow " + record.id() + ": " + e, e);
  }

  Flow start(String flowId, Scope scope) {
    FlowRecord record = scope.require(ctx.flows(), flowId);
    FlowRecord started = ctx.stateMachine().fireOrRefuse(record, FlowEvent.START, FlowAction.START);
    ctx.contexts().capture(flowId);
    queue(started);
    return started.toFlow();
  }

  /** Starts a created flow that waits in {@code STARTING} until {@code at}. */
  Flow startAt(String flowId, Instant at, Scope scope) {
    FlowRecord record = scope.require(ctx.flows(), flowId);
    FlowRecord started = ctx.stateMachine().startAt(record, at.truncatedTo(ChronoUnit.MICROS));
    ctx.contexts().capture(flowId);
    queue(started);
    return started.toFlow();
  }

  /** Returns a flow's recorded state changes. */
  FlowHistory history(String flowId, Scope scope) {
    return scope.require(ctx.flows(), flowId).history();
  }

  Flow abort(String flowId, Scope scope) {
    FlowRecord record = scope.require(ctx.flows(), flowId);
    FlowRecord aborting =
        ctx.stateMachine().fireOrRefuse(record, FlowEvent.ABORT, FlowAction.ABORT);
    // A flow waiting for its start time or next attempt: no thread will run it, finish it here. In
    // a cluster a waiting start may be claimed by any node, so the claim below decides that one.
    boolean waited =
        delayed.cancel(flowId) && (cluster == null || record.state() == FlowState.RUNNING);
    if (runner.cancelQueued(flowId) || waited) {
      ctx.contexts().forget(flowId);
      FlowRecord aborted = ctx.stateMachine().fire(aborting, FlowEvent.FINISH_ABORT, null, null);
      return (aborted != null ? aborted : aborting).toFlow();
    }
    if (cluster != null) { // waiting for a claim? then no node will run it: finish it here
      FlowRecord claimed = cluster.claimUnowned(flowId).orElse(null);
      if (claimed != null) {
        FlowRecord aborted = ctx.stateMachine().fire(claimed, FlowEvent.FINISH_ABORT, null, null);
        return (aborted != null ? aborted : claimed).toFlow();
      }
    }
    runner.stop(flowId, RunTicket.StopReason.ABORT); // the owner, if it is another node, hears it
    return aborting.toFlow();
  }

  void delete(String flowId, Scope scope) {
    FlowRecord record = scope.require(ctx.flows(), flowId);
    ctx.stateMachine().writes().delete(record);
    ctx.contexts().forget(flowId);
    ctx.assets().deleteAll(flowId);
  }
}
