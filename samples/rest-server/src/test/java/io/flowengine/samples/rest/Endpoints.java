package io.flowengine.samples.rest;

import java.util.List;

/** One call of every endpoint of the reference API, on given ids. */
final class Endpoints {
  private Endpoints() {}

  /** A request: method, path and JSON body (or null). */
  record Call(String method, String path, String body) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  /** The 13 endpoint calls (PATCH twice: start and abort) on a flow and its assets. */
  static List<Call> all(String flowId, String inputId, String outputId) {
    String flow = "/flows/" + flowId;
    return List.of(
        new Call("GET", "/templates", null),
        new Call("GET", "/templates/model_optimize", null),
        new Call("GET", "/flows", null),
        new Call("POST", "/flows", "{\"template\":\"model_generate_fromprompt\"}"),
        new Call("GET", flow, null),
        new Call("PATCH", flow, "{\"action\":\"start\"}"),
        new Call("PATCH", flow, "{\"action\":\"abort\"}"),
        new Call("DELETE", flow, null),
        new Call("GET", flow + "/inputs", null),
        new Call("POST", flow + "/inputs", "{\"data\":\"a prompt\"}"),
        new Call("GET", flow + "/inputs/" + inputId, null),
        new Call("GET", flow + "/outputs", null),
        new Call("GET", flow + "/outputs/" + outputId, null));
  }

  /** The calls of {@link #all} that name the flow (every call but the templates and listing). */
  static List<Call> onFlow(String flowId, String inputId, String outputId) {
    return all(flowId, inputId, outputId).stream()
        .filter(call -> call.path().startsWith("/flows/"))
        .toList();
  }
}
