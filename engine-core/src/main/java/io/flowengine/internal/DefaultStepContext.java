package io.flowengine.internal;

import static com.google.common.base.Preconditions.checkArgument;

import io.flowengine.Asset;
import io.flowengine.AssetRole;
import io.flowengine.CheckedFunction;
import io.flowengine.Flow;
import io.flowengine.NewAsset;
import io.flowengine.Parameters;
import io.flowengine.StepContext;
import io.flowengine.Template;
import io.flowengine.spi.AssetDraft;
import io.flowengine.spi.AssetRecord;
import io.flowengine.spi.FlowRecord;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The {@link StepContext} of one step run of one flow. Thread-safe. */
final class DefaultStepContext implements StepContext {
  private final EngineContext ctx;
  private final FlowRecord flow;
  private final Template template;
  private final int stepIndex;
  private final int stepCount;
  private final RunTicket ticket;
  private final RunningFlowWrites writes;
  private volatile @Nullable List<Asset> inputs;

  DefaultStepContext(
      EngineContext ctx,
      FlowRecord flow,
      Template template,
      int stepIndex,
      int stepCount,
      RunTicket ticket,
      RunningFlowWrites writes) {
    this.ctx = ctx;
    this.flow = flow;
    this.template = template;
    this.stepIndex = stepIndex;
    this.stepCount = stepCount;
    this.ticket = ticket;
    this.writes = writes;
  }

  @Override
  public Flow flow() {
    return flow.toFlow();
  }

  @Override
  public Template template() {
    return template;
  }

  @Override
  public Parameters parameters() {
    return flow.parameters();
  }

  @Override
  public List<Asset> inputs() {
    List<Asset> loaded = inputs;
    if (loaded == null) {
      loaded =
          FlowInputs.list(ctx.assets(), flow).stream().map(r -> AssetViews.of(r, flow)).toList();
      inputs = loaded;
    }
    return loaded;
  }

  @Override
  public List<Asset> outputs() {
    return ctx.assets().list(flow.id(), AssetRole.OUTPUT).stream()
        .map(r -> AssetViews.of(r, flow))
        .toList();
  }

  @Override
  public InputStream open(Asset asset) throws IOException {
    checkArgument(asset.flowId().equals(flow.id()), "asset %s belongs to another flow", asset.id());
    return ctx.assets().open(flow.id(), asset.id());
  }

  @Override
  public Asset writeOutput(String mediaType, InputStream content) throws IOException {
    return write(NewAsset.stream(mediaType, content), null);
  }

  @Override
  public Asset writeOutput(String mediaType, InputStream content, Asset derivedFrom)
      throws IOException {
    return write(NewAsset.stream(mediaType, content), derivedFrom);
  }

  @Override
  public Asset writeOutput(String mediaType, byte[] content) throws IOException {
    return write(NewAsset.bytes(mediaType, content), null);
  }

  @Override
  public Asset writeOutput(String mediaType, byte[] content, Asset derivedFrom) throws IOException {
    return write(NewAsset.bytes(mediaType, content), derivedFrom);
  }

  // An output's content and media type are checked as an input's are: by NewAsset.
  private Asset write(NewAsset output, @Nullable Asset derivedFrom) throws IOException {
    String type = output.mediaType();
    checkArgument(
        template.outputTypes().contains(type),
        "template %s does not produce %s; its output types are %s",
        template.name(),
        type,
        template.outputTypes());
    if (derivedFrom != null) {
      checkArgument(
          derivedFrom.role() == AssetRole.INPUT && flow.inputIds().contains(derivedFrom.id()),
          "asset %s is not an input of flow %s",
          derivedFrom.id(),
          flow.id());
    }
    Instant now = ctx.stateMachine().now();
    AssetDraft draft =
        new AssetDraft(
            ctx.ids().next(now),
            flow.id(),
            flow.accountId(),
            AssetRole.OUTPUT,
            type,
            now,
            derivedFrom == null ? null : derivedFrom.additional(),
            derivedFrom == null ? null : derivedFrom.id());
    long remaining = AccountQuota.remainingBytes(ctx, flow.accountId());
    long limit = Math.min(ctx.limits().maxOutputBytes(), remaining);
    AssetRecord stored =
        ctx.assetWriter()
            .write(
                draft,
                output.openStream(),
                limit,
                AccountQuota.subject(
                    "output", flow.accountId(), ctx.limits().maxOutputBytes(), remaining));
    return AssetViews.of(stored, flow);
  }

  @Override
  public void progress(double fraction) {
    checkArgument(fraction >= 0 && fraction <= 1, "progress must be in [0, 1]: %s", fraction);
    writes.progress((stepIndex + fraction) / stepCount);
  }

  @Override
  public boolean isAbortRequested() {
    return ticket.stopReason() != null;
  }

  @Override
  public void checkpoint() throws InterruptedException {
    RunTicket.StopReason reason = ticket.stopReason();
    if (reason != null) {
      throw new InterruptedException(
          "flow " + flow.id() + " stopped: " + reason.name().toLowerCase(Locale.ROOT));
    }
    if (Thread.interrupted()) {
      throw new InterruptedException("flow " + flow.id() + " interrupted");
    }
  }

  @Override
  public <T, R> List<R> inParallel(List<T> items, CheckedFunction<? super T, ? extends R> work)
      throws Exception {
    return ParallelMap.map(items, work, ctx.contexts().fork(flow.id()));
  }

  @Override
  public Clock clock() {
    return ctx.clock();
  }
}
