package io.flowengine.micrometer;

/**
 * The names and tag keys of the meters {@link FlowEngineMetrics} publishes: lower case, dot
 * separated, as Micrometer names them (a Prometheus registry turns {@code
 * flowengine.flows.completed} into {@code flowengine_flows_completed_total}). Constants only; not
 * instantiable.
 */
public final class MeterNames {
  /**
   * Counter of flows created, tagged {@value #TEMPLATE}. Not {@code flowengine.flows.created}:
   * Prometheus' client takes a {@code _created} suffix for the OpenMetrics creation timestamp and
   * strips it, which would publish the counter as {@code flowengine_flows_total}.
   */
  public static final String CREATED = "flowengine.flows.creations";

  /** Counter of flows that completed, tagged {@value #TEMPLATE} and {@value #OUTCOME}. */
  public static final String COMPLETED = "flowengine.flows.completed";

  /** Counter of flows that failed, tagged {@value #TEMPLATE} and {@value #OUTCOME}. */
  public static final String FAILED = "flowengine.flows.failed";

  /** Counter of flows that were aborted, tagged {@value #TEMPLATE} and {@value #OUTCOME}. */
  public static final String ABORTED = "flowengine.flows.aborted";

  /** Timer of the time flows waited {@code starting} until they ran, tagged {@value #TEMPLATE}. */
  public static final String QUEUED_TIME = "flowengine.flows.queued.time";

  /** Timer of the time flows ran, tagged {@value #TEMPLATE} and {@value #OUTCOME}. */
  public static final String RUN_TIME = "flowengine.flows.run.time";

  /** Gauge of the flows running now. */
  public static final String RUNNING = "flowengine.flows.running";

  /** Gauge of the flows queued now, waiting for a free slot. */
  public static final String QUEUED = "flowengine.flows.queued";

  /** Counter of the bytes of inputs stored. */
  public static final String INPUT_BYTES = "flowengine.assets.input.bytes";

  /** Counter of the bytes of outputs stored. */
  public static final String OUTPUT_BYTES = "flowengine.assets.output.bytes";

  /** Timer of a durable store's grouped commits. */
  public static final String COMMIT_TIME = "flowengine.storage.commit.time";

  /** Distribution of the changes one grouped commit acknowledged (the batch size). */
  public static final String COMMIT_CHANGES = "flowengine.storage.commit.changes";

  /** Distribution of the statements one grouped commit executed, after coalescing. */
  public static final String COMMIT_STATEMENTS = "flowengine.storage.commit.statements";

  /** Tag key: the template's name. */
  public static final String TEMPLATE = "template";

  /** Tag key: how a flow ended ({@code completed}, {@code failed}, {@code aborted}). */
  public static final String OUTCOME = "outcome";

  private MeterNames() {}
}
