package io.flowengine.samples.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /openapi.json}: valid OpenAPI 3.1 by swagger-parser (the maintained parser behind the
 * Swagger tools), the same routes as the server's routing in both directions (recorded from the
 * very services the server registers), the error forms and the bearer scheme on every operation,
 * and the fields of real responses as its schemas name them.
 */
class OpenApiDocumentTest {
  private static final Set<String> PUBLIC_PATHS = Set.of("/openapi.json", "/health", "/metrics");
  private static ApiTestServer server;
  private static String json;
  private static OpenAPI api;

  @BeforeAll
  static void start() {
    server = ApiTestServer.start();
    ApiClient.Response response = server.anonymous().get("/openapi.json");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    json = response.body();
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(json, null, options);
    assertThat(result.getMessages()).as("swagger-parser's findings").isEmpty();
    api = result.getOpenAPI();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void document_isOpenApi31() {
    assertThat(api.getOpenapi()).isEqualTo("3.1.0");
    assertThat(api.getSpecVersion()).isEqualTo(io.swagger.v3.oas.models.SpecVersion.V31);
    assertThat(api.getInfo().getTitle()).isNotBlank();
  }

  @Test
  void everyRouteTheServerAnswers_isDocumented_andTheReverse() {
    RecordedRoutes routes =
        RecordedRoutes.of(ServerRoutes.create(server.engine, ApiJson.mapper(1 << 20)).api());
    Set<String> documented = new TreeSet<>();
    api.getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .keySet()
                    .forEach(
                        method -> documented.add(method + " " + RecordedRoutes.normalized(path))));
    assertThat(new TreeSet<>(routes.operations())).isEqualTo(documented);
    assertThat(routes.operations()).hasSize(16);
    Set<String> paths = new LinkedHashSet<>();
    api.getPaths().keySet().forEach(path -> paths.add(RecordedRoutes.normalized(path)));
    assertThat(routes.fallbacks()).as("the 405 fallbacks").isSubsetOf(paths);
  }

  @Test
  void everyOperation_hasTheBearerScheme_andItsErrorForms() {
    SecurityScheme bearer = api.getComponents().getSecuritySchemes().get("bearer");
    assertThat(bearer.getType()).isEqualTo(SecurityScheme.Type.HTTP);
    assertThat(bearer.getScheme()).isEqualTo("bearer");
    assertThat(api.getSecurity()).hasSize(1);
    assertThat(api.getSecurity().getFirst()).containsKey("bearer");
    List<String> checked = new ArrayList<>();
    api.getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach(
                        (method, operation) -> {
                          if (PUBLIC_PATHS.contains(path)) {
                            assertThat(operation.getSecurity()).as("public").isEmpty();
                            return;
                          }
                          assertThat(operation.getSecurity()).as("inherits bearer").isNull();
                          assertThat(operation.getResponses())
                              .as(method + " " + path)
                              .containsKeys("200", "401");
                          if (path.contains("{flow_id}")) {
                            assertThat(operation.getResponses()).containsKey("404");
                          }
                          if (method != PathItem.HttpMethod.GET || path.equals("/flows")) {
                            assertThat(operation.getResponses().keySet())
                                .as(method + " " + path + " refuses bad input")
                                .containsAnyOf("409", "422");
                          }
                          checked.add(method + " " + path);
                        }));
    assertThat(checked).hasSize(13);
    Schema<?> detail = schema("ValidationError").getProperties().get("detail");
    assertThat(detail.getItems().get$ref()).endsWith("ValidationErrorItem");
    assertThat(schema("ValidationErrorItem").getRequired()).containsExactly("loc", "msg", "type");
    assertThat(schema("Error").getRequired()).containsExactly("detail");
    assertThat(api.getComponents().getResponses())
        .containsKeys(
            "Unauthorized", "NotFound", "Conflict", "TooLarge", "Invalid", "NotAcceptable");
  }

  @Test
  void realResponses_haveTheFieldsTheSchemasName() {
    ApiClient alice = server.alice();
    JsonNode flow =
        alice
            .post(
                "/flows",
                Map.of(
                    "template",
                    "model_generate_fromprompt",
                    "parameters",
                    Map.of("quality", "low"),
                    "inputs",
                    List.of(Map.of("data", "ok"))))
            .json();
    String flowId = flow.get("flow_id").asText();
    server.await(flowId);
    JsonNode outputs = alice.get("/flows/" + flowId + "/outputs").json();
    String outputId = outputs.get("outputs").get(0).get("asset_id").asText();
    JsonNode input = alice.get("/flows/" + flowId + "/inputs").json().get("inputs").get(0);

    assertShape("Template", alice.get("/templates/model_optimize").json());
    assertShape("TemplateList", alice.get("/templates").json());
    assertShape(
        "Parameter",
        alice.get("/templates/model_optimize").json().get("parameters").get("polygon_count"));
    assertShape("Flow", alice.get("/flows/" + flowId).json());
    assertShape("FlowList", alice.get("/flows").json());
    assertShape("FlowSummary", alice.get("/flows").json().get("flows").get(0));
    assertShape("OutputList", outputs);
    assertShape("Asset", input);
    assertShape("AssetWithData", alice.get("/flows/" + flowId + "/outputs/" + outputId).json());
    assertShape("StateConflict", alice.patch("/flows/" + flowId, "{\"action\":\"start\"}").json());
    assertShape("ValidationError", alice.post("/flows", "{}").json());
    assertShape("ValidationErrorItem", alice.post("/flows", "{}").json().get("detail").get(0));
    assertShape("Error", server.anonymous().get("/flows").json());
    assertShape("Deleted", alice.delete("/flows/" + flowId).json());
    assertShape("Health", server.anonymous().get("/health").json());
  }

  private static Schema<?> schema(String name) {
    Schema<?> schema = api.getComponents().getSchemas().get(name);
    assertThat(schema).as("schema " + name).isNotNull();
    return schema;
  }

  /** The response has every required field of the schema, and no field the schema does not name. */
  private static void assertShape(String schemaName, JsonNode response) {
    Schema<?> schema = schema(schemaName);
    Set<String> properties = new LinkedHashSet<>();
    Set<String> required = new LinkedHashSet<>();
    collect(schema, properties, required);
    Set<String> sent = new LinkedHashSet<>();
    response.fieldNames().forEachRemaining(sent::add);
    assertThat(sent).as(schemaName + " fields sent").isSubsetOf(properties);
    assertThat(sent).as(schemaName + " required fields").containsAll(required);
  }

  private static void collect(Schema<?> schema, Set<String> properties, Set<String> required) {
    if (schema.get$ref() != null) {
      String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
      collect(schema(name), properties, required);
      return;
    }
    if (schema.getAllOf() != null) {
      schema.getAllOf().forEach(part -> collect(part, properties, required));
    }
    if (schema.getProperties() != null) {
      properties.addAll(schema.getProperties().keySet());
    }
    if (schema.getRequired() != null) {
      required.addAll(schema.getRequired());
    }
  }
}
