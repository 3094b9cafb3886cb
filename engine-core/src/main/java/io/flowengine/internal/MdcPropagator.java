package io.flowengine.internal;

import io.flowengine.spi.ContextPropagator;
import io.flowengine.spi.FlowRun;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * Carries the caller's SLF4J MDC onto the flow's thread (always registered), and sets the flow's
 * own keys around each step: {@value #FLOW_ID}, {@value #TEMPLATE}, {@value #ACCOUNT} (when the
 * flow belongs to an account), {@value #ATTEMPT} (from 1, above once a retry policy retried it).
 * Stateless and thread-safe; the MDC itself is per thread.
 */
final class MdcPropagator implements ContextPropagator<Map<String, String>> {
  static final String FLOW_ID = "flowengine.flowId";
  static final String TEMPLATE = "flowengine.template";
  static final String ACCOUNT = "flowengine.account";
  static final String ATTEMPT = "flowengine.attempt";

  @Override
  public @Nullable Map<String, String> capture() {
    Map<String, String> map = MDC.getCopyOfContextMap();
    return map == null || map.isEmpty() ? null : map;
  }

  @Override
  public Attachment attach(Map<String, String> context) {
    Map<String, String> previous = MDC.getCopyOfContextMap();
    MDC.setContextMap(context);
    return () -> restore(previous);
  }

  /** Puts the flow's keys and its attempt into the calling thread's MDC, for one step. */
  static void enterStep(FlowRun flow, int attempt) {
    enterStep(flow);
    MDC.put(ATTEMPT, Integer.toString(attempt));
  }

  /** Puts the flow's keys into the calling thread's MDC, for one step. */
  static void enterStep(FlowRun flow) {
    MDC.put(FLOW_ID, flow.flowId());
    MDC.put(TEMPLATE, flow.templateName());
    if (flow.accountId() != null) {
      MDC.put(ACCOUNT, flow.accountId());
    }
  }

  /** Removes the flow's keys again once the step ended. */
  static void leaveStep() {
    MDC.remove(FLOW_ID);
    MDC.remove(TEMPLATE);
    MDC.remove(ACCOUNT);
    MDC.remove(ATTEMPT);
  }

  private static void restore(@Nullable Map<String, String> previous) {
    if (previous == null) {
      MDC.clear();
    } else {
      MDC.setContextMap(previous);
    }
  }

  @Override
  public String toString() {
    return "MDC";
  }
}
