package io.flowengine.testing.sample;

import io.flowengine.Asset;
import io.flowengine.Flow;
import io.flowengine.FlowOperations;
import io.flowengine.FlowState;
import io.flowengine.NewAsset;
import io.flowengine.NewFlow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * A small "host application" written against the Flows API the way a client of the hosted service
 * would be: submit a prompt, poll until the flow is done, download the models, cancel on demand or
 * when it takes too long. Its time and its pause between polls are injected, which is all it takes
 * to test it deterministically against {@code TestFlowEngine}.
 */
public final class ModelStudio {
  /** How the studio waits between two polls; production code sleeps. */
  @FunctionalInterface
  public interface Pause {
    void pause(Duration duration) throws InterruptedException;
  }

  /** What a finished generation produced. */
  public record Result(String flowId, FlowState state, List<byte[]> models, String error) {}

  private final FlowOperations api;
  private final Clock clock;
  private final Pause pause;
  private final Duration pollInterval;
  private final Duration patience;

  public ModelStudio(
      FlowOperations api, Clock clock, Pause pause, Duration pollInterval, Duration patience) {
    this.api = api;
    this.clock = clock;
    this.pause = pause;
    this.pollInterval = pollInterval;
    this.patience = patience;
  }

  /** Submits a prompt; the flow starts at once because it has an input. */
  public String submit(String prompt, Map<String, Object> parameters) {
    return api.createFlow(
            NewFlow.builder("model_generate_fromprompt")
                .parameters(parameters)
                .additional("{\"source\":\"studio\"}")
                .input(NewAsset.of(prompt).withAdditional("{\"prompt\":true}"))
                .build())
        .id();
  }

  /** Polls until the flow is terminal; gives up (and aborts it) after the studio's patience. */
  public Result await(String flowId) throws InterruptedException, TimeoutException {
    Instant deadline = clock.instant().plus(patience);
    Flow flow = api.getFlow(flowId);
    while (!flow.isTerminal()) {
      if (!clock.instant().isBefore(deadline)) {
        cancel(flowId);
        throw new TimeoutException(
            "flow " + flowId + " still " + flow.state().wireName() + " after " + patience);
      }
      pause.pause(pollInterval);
      flow = api.getFlow(flowId);
    }
    List<byte[]> models =
        api.listOutputs(flowId).stream()
            .filter(output -> output.mediaType().equals("model/gltf-binary"))
            .map(Asset::id)
            .map(id -> api.getOutput(flowId, id).bytes())
            .toList();
    return new Result(flowId, flow.state(), models, flow.error());
  }

  /** Cancels a flow if it is still starting or running. */
  public void cancel(String flowId) {
    Flow flow = api.getFlow(flowId);
    if (flow.state() == FlowState.STARTING || flow.state() == FlowState.RUNNING) {
      api.abortFlow(flowId);
    }
  }

  /** Optimizes a model the caller already has. */
  public String optimize(byte[] glb, long polygons) {
    return api.createFlow(
            NewFlow.builder("model_optimize")
                .parameter("polygon_count", polygons)
                .input(NewAsset.bytes("model/gltf-binary", glb))
                .build())
        .id();
  }
}
