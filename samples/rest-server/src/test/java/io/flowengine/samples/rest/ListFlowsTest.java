package io.flowengine.samples.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowengine.samples.rest.ApiClient.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /flows}: {@code sort_by} and {@code order}, {@code filter_by} as a state filter, as a
 * field selection and mixed, and keyset paging with {@code limit} and {@code next_cursor}. One
 * account with three created and three completed flows.
 */
class ListFlowsTest {
  private static ApiTestServer server;
  private static ApiClient api;
  private static final List<String> created = new ArrayList<>();
  private static final List<String> completed = new ArrayList<>();

  @BeforeAll
  static void start() {
    server = ApiTestServer.start();
    api = server.alice();
    for (int i = 0; i < 3; i++) {
      created.add(
          api.post("/flows", "{\"template\":\"model_generate_fromprompt\"}")
              .json()
              .get("flow_id")
              .asText());
      server.clock.advance(Duration.ofSeconds(1));
      String done =
          api.post(
                  "/flows",
                  Map.of(
                      "template",
                      "model_generate_fromprompt",
                      "inputs",
                      List.of(Map.of("data", "chair " + i))))
              .json()
              .get("flow_id")
              .asText();
      server.await(done);
      completed.add(done);
      server.clock.advance(Duration.ofSeconds(1));
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void byDefault_allFlowsOldestFirst_withEveryField() {
    Response page = api.get("/flows");

    assertThat(page.status()).isEqualTo(200);
    assertThat(ids(page))
        .containsExactly(
            created.get(0),
            completed.get(0),
            created.get(1),
            completed.get(1),
            created.get(2),
            completed.get(2));
    assertThat(page.json().get("next_cursor").isNull()).isTrue();
    JsonNode first = page.json().get("flows").get(0);
    assertThat(fieldNames(first))
        .containsExactly(
            "flow_id",
            "template_id",
            "template_name",
            "state",
            "progress",
            "parameters",
            "additional",
            "created_at",
            "started_at",
            "finished_at",
            "error",
            "attempt",
            "last_error",
            "start_at",
            "next_attempt_at");
    assertThat(first.get("progress").isDouble()).isTrue();
    assertThat(first.get("parameters").get("quality").asText()).isEqualTo("high");
  }

  @Test
  void sortBy_statusOrProgressOrTime_inEitherOrder() {
    assertThat(ids(api.get("/flows?sort_by=created_at&order=desc")))
        .containsExactly(
            completed.get(2),
            created.get(2),
            completed.get(1),
            created.get(1),
            completed.get(0),
            created.get(0));
    assertThat(ids(api.get("/flows?sort_by=status")).subList(0, 3))
        .containsExactlyInAnyOrderElementsOf(created);
    assertThat(ids(api.get("/flows?sort_by=state&order=desc")).subList(0, 3))
        .containsExactlyInAnyOrderElementsOf(completed);
    assertThat(ids(api.get("/flows?sort_by=progress&order=desc")).subList(0, 3))
        .containsExactlyInAnyOrderElementsOf(completed);
    assertThat(ids(api.get("/flows?sort_by=finished_at")).subList(0, 3))
        .containsExactlyElementsOf(completed);
    assertThat(ids(api.get("/flows?sort_by=started_at")).subList(0, 3))
        .containsExactlyElementsOf(completed);
  }

  @Test
  void filterBy_states_keepsFlowsInThoseStates() {
    assertThat(ids(api.get("/flows?filter_by=created"))).containsExactlyElementsOf(created);
    assertThat(ids(api.get("/flows?filter_by=completed"))).containsExactlyElementsOf(completed);
    assertThat(ids(api.get("/flows?filter_by=created,completed"))).hasSize(6);
    assertThat(ids(api.get("/flows?filter_by=created&filter_by=completed"))).hasSize(6);
    assertThat(ids(api.get("/flows?filter_by=running,failed"))).isEmpty();
  }

  @Test
  void filterBy_fields_selectsTheFieldsOfEachSummary() {
    Response page = api.get("/flows?filter_by=progress,state");

    assertThat(ids(page)).hasSize(6);
    for (JsonNode flow : page.json().get("flows")) {
      assertThat(fieldNames(flow)).containsExactly("flow_id", "state", "progress");
    }
    assertThat(fieldNames(api.get("/flows?filter_by=status,error").json().at("/flows/0")))
        .containsExactly("flow_id", "state", "error");
  }

  @Test
  void filterBy_mixed_filtersByTheStatesAndSelectsTheFields() {
    Response page = api.get("/flows?filter_by=completed,progress,finished_at");

    assertThat(ids(page)).containsExactlyElementsOf(completed);
    for (JsonNode flow : page.json().get("flows")) {
      assertThat(fieldNames(flow)).containsExactly("flow_id", "progress", "finished_at");
      assertThat(flow.get("progress").doubleValue()).isEqualTo(1.0);
    }
  }

  @Test
  void limitAndCursor_pageThroughEveryFlowOnce() {
    Set<String> seen = new LinkedHashSet<>();
    String cursor = null;
    int pages = 0;
    do {
      Response page =
          api.get("/flows?sort_by=status&limit=4" + (cursor == null ? "" : "&cursor=" + cursor));
      assertThat(page.status()).as(page.body()).isEqualTo(200);
      assertThat(page.json().get("flows").size()).isLessThanOrEqualTo(4);
      for (String id : ids(page)) {
        assertThat(seen.add(id)).as("repeated " + id).isTrue();
      }
      cursor =
          page.json().get("next_cursor").isNull() ? null : page.json().get("next_cursor").asText();
      pages++;
    } while (cursor != null);

    assertThat(pages).isEqualTo(2);
    assertThat(seen).hasSize(6);
    Response wrongOrder =
        api.get(
            "/flows?sort_by=progress&cursor="
                + api.get("/flows?sort_by=status&limit=4").json().get("next_cursor").asText());
    assertThat(wrongOrder.status()).isEqualTo(422);
  }

  private static List<String> ids(Response page) {
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    page.json().get("flows").forEach(flow -> ids.add(flow.get("flow_id").asText()));
    return ids;
  }

  private static List<String> fieldNames(JsonNode flow) {
    List<String> names = new ArrayList<>();
    flow.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
