package io.flowengine.internal;

import static java.util.Objects.requireNonNull;

import io.flowengine.Asset;
import io.flowengine.AssetContent;
import io.flowengine.CreateFlowResult;
import io.flowengine.Flow;
import io.flowengine.FlowHistory;
import io.flowengine.FlowOperations;
import io.flowengine.FlowPage;
import io.flowengine.FlowQuery;
import io.flowengine.NewAsset;
import io.flowengine.NewFlow;
import io.flowengine.Template;
import io.flowengine.spi.FlowOrdering;
import io.flowengine.spi.FlowPageRequest;
import io.flowengine.spi.FlowRecord;
import io.flowengine.spi.SortPosition;
import java.time.Instant;
import java.util.List;

/**
 * {@link FlowOperations} over the flows of one {@link Scope}: every flow for the engine itself, one
 * account's for an authenticated view. Checks the engine is open and the arguments are present,
 * then delegates. Thread-safe.
 */
final class ScopedFlowOperations implements FlowOperations {
  private final EngineContext ctx;
  private final Scope scope;
  private final FlowCommands flows;
  private final AssetCommands assets;

  ScopedFlowOperations(EngineContext ctx, Scope scope, FlowCommands flows, AssetCommands assets) {
    this.ctx = ctx;
    this.scope = scope;
    this.flows = flows;
    this.assets = assets;
  }

  @Override
  public List<Template> listTemplates() {
    ctx.lifecycle().ensureOpen();
    return ctx.templates().list();
  }

  @Override
  public Template getTemplate(String idOrName) {
    requireNonNull(idOrName, "idOrName");
    ctx.lifecycle().ensureOpen();
    return flows.template(idOrName);
  }

  @Override
  public FlowPage listFlows(FlowQuery query) {
    requireNonNull(query, "query");
    ctx.lifecycle().ensureOpen();
    SortPosition after =
        query.cursor() == null
            ? null
            : KeysetCursor.decode(query.cursor(), query.sortBy(), query.direction());
    List<FlowRecord> rows =
        ctx.flows()
            .page(
                new FlowPageRequest(
                    query.sortBy(),
                    query.direction(),
                    query.states(),
                    scope.accountId(),
                    after,
                    query.limit() + 1));
    String next = null;
    if (rows.size() > query.limit()) {
      rows = rows.subList(0, query.limit());
      next =
          KeysetCursor.encode(
              query.sortBy(),
              query.direction(),
              FlowOrdering.positionOf(rows.getLast(), query.sortBy()));
    }
    return new FlowPage(rows.stream().map(FlowRecord::toFlow).toList(), query.fields(), next);
  }

  @Override
  public Flow createFlow(NewFlow request) {
    requireNonNull(request, "request");
    ctx.lifecycle().ensureOpen();
    return flows.create(request, scope);
  }

  @Override
  public List<CreateFlowResult> createFlows(List<NewFlow> requests) {
    requireNonNull(requests, "requests");
    ctx.lifecycle().ensureOpen();
    return flows.createAll(requests, scope);
  }

  @Override
  public Flow getFlow(String flowId) {
    requireNonNull(flowId, "flowId");
    ctx.lifecycle().ensureOpen();
    return scope.require(ctx.flows(), flowId).toFlow();
  }

  @Override
  public Flow startFlow(String flowId) {
    requireNonNull(flowId, "flowId");
    ctx.lifecycle().ensureOpen();
    return flows.start(flowId, scope);
  }

  @Override
  public CreateFlowResult.Created createFlowIdempotently(NewFlow request) {
    requireNonNull(request, "request");
    ctx.lifecycle().ensureOpen();
    return flows.createReporting(request, scope);
  }

  @Override
  public Flow startFlow(String flowId, Instant at) {
    requireNonNull(flowId, "flowId");
    requireNonNull(at, "at");
    ctx.lifecycle().ensureOpen();
    return flows.startAt(flowId, at, scope);
  }

  @Override
  public FlowHistory history(String flowId) {
    requireNonNull(flowId, "flowId");
    ctx.lifecycle().ensureOpen();
    return flows.history(flowId, scope);
  }

  @Override
  public Flow abortFlow(String flowId) {
    requireNonNull(flowId, "flowId");
    ctx.lifecycle().ensureOpen();
    return flows.abort(flowId, scope);
  }

  @Override
  public void deleteFlow(String flowId) {
    requireNonNull(flowId, "flowId");
    ctx.lifecycle().ensureOpen();
    flows.delete(flowId, scope);
  }

  @Override
  public List<Asset> listInputs(String flowId) {
    requireNonNull(flowId, "flowId");
    ctx.lifecycle().ensureOpen();
    return assets.listInputs(flowId, scope);
  }

  @Override
  public Asset addInput(String flowId, NewAsset input) {
    requireNonNull(flowId, "flowId");
    requireNonNull(input, "input");
    ctx.lifecycle().ensureOpen();
    return assets.addInput(flowId, input, scope);
  }

  @Override
  public AssetContent getInput(String flowId, String assetId) {
    requireNonNull(flowId, "flowId");
    requireNonNull(assetId, "assetId");
    ctx.lifecycle().ensureOpen();
    return assets.getInput(flowId, assetId, scope);
  }

  @Override
  public List<Asset> listOutputs(String flowId) {
    requireNonNull(flowId, "flowId");
    ctx.lifecycle().ensureOpen();
    return assets.listOutputs(flowId, scope);
  }

  @Override
  public AssetContent getOutput(String flowId, String assetId) {
    requireNonNull(flowId, "flowId");
    requireNonNull(assetId, "assetId");
    ctx.lifecycle().ensureOpen();
    return assets.getOutput(flowId, assetId, scope);
  }
}
