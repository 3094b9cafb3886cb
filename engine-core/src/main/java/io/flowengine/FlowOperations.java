package io.flowengine;

import java.util.List;

/**
 * The Flows API as Java methods, one per endpoint of the reference service. {@link FlowEngine}
 * implements it for every flow; {@code FlowEngine.authenticate} returns a view limited to one
 * account, in which another account's flows do not exist. Implementations are thread-safe.
 *
 * <p>A method that throws stored nothing. Passing null where a value is required throws {@link
 * NullPointerException}; a blank id throws {@link InvalidRequestException}; an id that does not
 * exist (whatever its form) throws {@link NotFoundException}.
 */
public interface FlowOperations {
  /** Returns every template, ordered by name. {@code GET /templates} */
  List<Template> listTemplates();

  /**
   * Returns the template with this id or name. {@code GET /templates/{id}}
   *
   * @throws NotFoundException if there is none
   */
  Template getTemplate(String idOrName);

  /**
   * Returns a page of flows, sorted, filtered and with the fields the query selects. {@code GET
   * /flows}
   *
   * @throws InvalidRequestException if the cursor is malformed or belongs to another sort order
   */
  FlowPage listFlows(FlowQuery query);

  /**
   * Creates a flow. With inputs it is stored {@link FlowState#STARTING} and runs at once; without,
   * it is {@link FlowState#CREATED} and waits for inputs and {@link #startFlow}. {@code POST
   * /flows}
   *
   * @throws NotFoundException if the template does not exist
   * @throws InvalidRequestException listing every problem with parameters, data and inputs
   *     (unknown, missing or wrong-typed parameters, values outside their bounds, media types the
   *     template does not accept, malformed data URIs)
   * @throws PayloadTooLargeException if an input, the user data or the number of inputs or
   *     parameters exceeds {@link EngineLimits}
   */
  Flow createFlow(NewFlow request);

  /**
   * Creates several flows, each request checked and refused on its own, as {@link #createFlow}
   * would: a refused request stores nothing and does not hold back the others. The flows that are
   * accepted are stored together, in as few transactions as the storage needs, so creating many
   * flows costs far less than as many {@code createFlow} calls.
   *
   * @return one result per request, in the same order: the flow, or the request's own error
   */
  List<CreateFlowResult> createFlows(List<NewFlow> requests);

  /**
   * Creates a flow as {@link #createFlow} does and says whether it did: with an {@link
   * NewFlow#idempotencyKey()} that an earlier request of the same account used, it stores nothing
   * and returns that request's flow as it is now, with {@link CreateFlowResult.Created#existing()}
   * true. The keys are unique per account in the store, so this holds across restarts and cluster
   * nodes, and of racing creates with one key exactly one creates the flow. A key lives as long as
   * its flow: deleting or purging the flow frees it.
   *
   * @throws IdempotencyConflictException if the key was used with a different request
   * @throws FlowEngineException everything {@link #createFlow} throws
   */
  CreateFlowResult.Created createFlowIdempotently(NewFlow request);

  /**
   * Returns the current snapshot of a flow. {@code GET /flows/{id}}
   *
   * @throws NotFoundException if it does not exist
   */
  Flow getFlow(String flowId);

  /**
   * Starts a created flow: it becomes {@link FlowState#STARTING} and runs when a slot is free.
   * {@code PATCH /flows/{id} {"action":"start"}}
   *
   * @throws NotFoundException if it does not exist
   * @throws FlowStateException if it is not {@link FlowState#CREATED}
   */
  Flow startFlow(String flowId);

  /**
   * Starts a created flow to run no earlier than {@code at}: it becomes {@link FlowState#STARTING}
   * at once and waits there (its {@link Flow#startAt()}) until the engine's clock reaches {@code
   * at}; a time in the past starts it at once. The time is stored, so a restart or another cluster
   * node keeps it; an abort while it waits ends it {@link FlowState#ABORTED} at once.
   *
   * @throws NotFoundException if it does not exist
   * @throws FlowStateException if it is not {@link FlowState#CREATED}
   */
  Flow startFlow(String flowId, java.time.Instant at);

  /**
   * Returns every recorded state change of a flow, oldest first, bounded as {@link FlowHistory}
   * says. {@code GET /flows/{id}/history}
   *
   * @throws NotFoundException if it does not exist
   */
  FlowHistory history(String flowId);

  /**
   * Aborts a starting or running flow: it becomes {@link FlowState#ABORTING} at once, its running
   * step is interrupted, and it ends {@link FlowState#ABORTED} once the step has stopped (outputs
   * written before are kept). {@code PATCH /flows/{id} {"action":"abort"}}
   *
   * @return the flow as the abort left it (aborting, or already aborted)
   * @throws NotFoundException if it does not exist
   * @throws FlowStateException if it is not starting or running
   */
  Flow abortFlow(String flowId);

  /**
   * Deletes a flow with its inputs and outputs. {@code DELETE /flows/{id}}
   *
   * @throws NotFoundException if it does not exist
   * @throws FlowStateException if it is starting, running or aborting
   */
  void deleteFlow(String flowId);

  /**
   * Returns a flow's inputs in the order they were added. {@code GET /flows/{id}/inputs}
   *
   * @throws NotFoundException if the flow does not exist
   */
  List<Asset> listInputs(String flowId);

  /**
   * Adds an input to a created flow, streaming its content into the store. {@code POST
   * /flows/{id}/inputs}
   *
   * @throws NotFoundException if the flow does not exist
   * @throws FlowStateException if the flow is not {@link FlowState#CREATED} (also when it was
   *     started while the input was being stored)
   * @throws InvalidRequestException if the media type is not one of the template's input types or
   *     the data URI is malformed
   * @throws PayloadTooLargeException if the input, its user data or the number of inputs exceeds
   *     {@link EngineLimits}
   */
  Asset addInput(String flowId, NewAsset input);

  /**
   * Returns one input with access to its content. {@code GET /flows/{id}/inputs/{asset}}
   *
   * @throws NotFoundException if the flow or the input does not exist
   */
  AssetContent getInput(String flowId, String assetId);

  /**
   * Returns a finished flow's outputs in the order written. {@code GET /flows/{id}/outputs}
   *
   * @throws NotFoundException if the flow does not exist
   * @throws FlowStateException if the flow is not completed, aborted or failed
   */
  List<Asset> listOutputs(String flowId);

  /**
   * Returns one output of a finished flow with access to its content. {@code GET
   * /flows/{id}/outputs/{asset}}
   *
   * @throws NotFoundException if the flow or the output does not exist
   * @throws FlowStateException if the flow is not completed, aborted or failed
   */
  AssetContent getOutput(String flowId, String assetId);
}
