package io.flowengine.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The build generates the property metadata IDEs complete {@code application.properties} from:
 * every property, with its type, default and a description taken from the Javadoc.
 */
class ConfigurationMetadataTest {
  private static final Path METADATA =
      Path.of("target/classes/META-INF/spring-configuration-metadata.json");

  @Test
  void everyPropertyIsDescribed() throws IOException {
    assertThat(METADATA).exists();
    JsonNode root = new ObjectMapper().readTree(Files.readString(METADATA));
    Map<String, JsonNode> properties = new HashMap<>();
    root.get("properties").forEach(p -> properties.put(p.get("name").asText(), p));
    assertThat(properties)
        .containsKeys(
            "flowengine.storage.kind",
            "flowengine.storage.h2.directory",
            "flowengine.storage.h2.durability",
            "flowengine.storage.postgres.url",
            "flowengine.storage.postgres.username",
            "flowengine.storage.postgres.password",
            "flowengine.storage.postgres.pool-size",
            "flowengine.storage.postgres.cluster",
            "flowengine.max-running-flows",
            "flowengine.shutdown-timeout",
            "flowengine.recovery-policy",
            "flowengine.limits.max-input-size",
            "flowengine.limits.max-inputs-per-flow",
            "flowengine.limits.max-additional-size",
            "flowengine.limits.max-parameters",
            "flowengine.limits.max-parameter-string-length",
            "flowengine.limits.max-output-size",
            "flowengine.limits.max-in-memory-size",
            "flowengine.limits.max-unfinished-flows-per-account",
            "flowengine.limits.max-stored-size-per-account");
    properties.forEach(
        (name, property) ->
            assertThat(property.path("description").asText()).as(name).hasSizeGreaterThan(10));
    assertThat(properties.get("flowengine.storage.kind").get("defaultValue").asText())
        .isEqualTo("memory");
    assertThat(properties.get("flowengine.shutdown-timeout").get("defaultValue").asText())
        .isEqualTo("10s");
    assertThat(properties.get("flowengine.storage.kind").get("type").asText())
        .isEqualTo(StorageKind.class.getName());
    Set<String> groups = new java.util.HashSet<>();
    root.get("groups").forEach(g -> groups.add(g.get("name").asText()));
    assertThat(groups).contains("flowengine", "flowengine.storage", "flowengine.limits");
  }

  @Test
  void theAutoConfigurationsAreRegistered() throws IOException {
    String imports =
        Files.readString(
            Path.of(
                "target/classes/META-INF/spring/"
                    + "org.springframework.boot.autoconfigure.AutoConfiguration.imports"));
    assertThat(imports.lines())
        .containsExactly(
            FlowEngineAutoConfiguration.class.getName(),
            FlowEngineMetricsAutoConfiguration.class.getName(),
            FlowEngineHealthAutoConfiguration.class.getName());
  }
}
