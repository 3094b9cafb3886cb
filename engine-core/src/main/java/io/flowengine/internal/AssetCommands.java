package io.flowengine.internal;

import io.flowengine.Asset;
import io.flowengine.AssetContent;
import io.flowengine.AssetRole;
import io.flowengine.FlowAction;
import io.flowengine.FlowState;
import io.flowengine.FlowStateException;
import io.flowengine.InvalidRequestException;
import io.flowengine.NewAsset;
import io.flowengine.NotFoundException;
import io.flowengine.PayloadTooLargeException;
import io.flowengine.Template;
import io.flowengine.Violation;
import io.flowengine.spi.AssetRecord;
import io.flowengine.spi.FlowRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * The input and output operations of a flow within a {@link Scope}. An input counts once the flow
 * record lists it: it is stored first and then recorded with a compare-and-set that fails if the
 * flow was started or deleted meanwhile, in which case the stored content is removed. Thread-safe.
 */
final class AssetCommands {
  private final EngineContext ctx;
  private final InputIngest ingest;

  AssetCommands(EngineContext ctx, InputIngest ingest) {
    this.ctx = ctx;
    this.ingest = ingest;
  }

  List<Asset> listInputs(String flowId, Scope scope) {
    FlowRecord flow = scope.require(ctx.flows(), flowId);
    return FlowInputs.list(ctx.assets(), flow).stream().map(r -> AssetViews.of(r, flow)).toList();
  }

  Asset addInput(String flowId, NewAsset input, Scope scope) {
    FlowRecord flow = scope.require(ctx.flows(), flowId);
    if (flow.state() != FlowState.CREATED) {
      throw new FlowStateException(flowId, flow.state(), FlowAction.ADD_INPUT);
    }
    int max = ctx.limits().maxInputsPerFlow();
    if (flow.inputIds().size() >= max) {
      throw new PayloadTooLargeException(
          "inputs of flow " + flowId, "inputs", max, flow.inputIds().size() + 1);
    }
    Template template =
        ctx.templates()
            .find(flow.templateId())
            .orElseThrow(
                () ->
                    new InvalidRequestException(
                        "template",
                        "template " + flow.templateName() + " is no longer registered"));
    List<Violation> violations = new ArrayList<>();
    ingest.check(template, input, "input", flow.accountId(), violations);
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
    AssetRecord stored =
        ingest.store(template, flowId, flow.accountId(), input, "input", ctx.stateMachine().now());
    try {
      FlowRecord updated = ctx.stateMachine().writes().addInput(flow, stored.id(), max);
      ctx.contexts().capture(flowId);
      return AssetViews.of(stored, updated);
    } catch (RuntimeException e) {
      try {
        ctx.assets().delete(flowId, stored.id());
      } catch (RuntimeException cleanup) {
        e.addSuppressed(cleanup); // the caller learns why the call failed, not why cleaning up did
      }
      throw e;
    }
  }

  AssetContent getInput(String flowId, String assetId, Scope scope) {
    FlowRecord flow = scope.require(ctx.flows(), flowId);
    Scope.requireNonBlank(assetId, "assetId");
    AssetRecord record =
        ctx.assets()
            .find(flowId, assetId)
            .filter(r -> r.role() == AssetRole.INPUT && flow.inputIds().contains(r.id()))
            .orElseThrow(() -> new NotFoundException(NotFoundException.Kind.ASSET, assetId));
    return content(flow, record);
  }

  List<Asset> listOutputs(String flowId, Scope scope) {
    FlowRecord flow = finished(flowId, scope);
    return ctx.assets().list(flowId, AssetRole.OUTPUT).stream()
        .map(r -> AssetViews.of(r, flow))
        .toList();
  }

  AssetContent getOutput(String flowId, String assetId, Scope scope) {
    FlowRecord flow = finished(flowId, scope);
    Scope.requireNonBlank(assetId, "assetId");
    AssetRecord record =
        ctx.assets()
            .find(flowId, assetId)
            .filter(r -> r.role() == AssetRole.OUTPUT)
            .orElseThrow(() -> new NotFoundException(NotFoundException.Kind.ASSET, assetId));
    return content(flow, record);
  }

  private FlowRecord finished(String flowId, Scope scope) {
    FlowRecord flow = scope.require(ctx.flows(), flowId);
    if (!FlowAction.READ_OUTPUTS.isAllowedIn(flow.state())) {
      throw new FlowStateException(flowId, flow.state(), FlowAction.READ_OUTPUTS);
    }
    return flow;
  }

  private AssetContent content(FlowRecord flow, AssetRecord record) {
    return new AssetContent(
        AssetViews.of(record, flow),
        () -> ctx.assets().open(flow.id(), record.id()),
        ctx.limits().maxInMemoryBytes());
  }
}
