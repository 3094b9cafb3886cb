package io.flowengine.samples.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonParserTest {
  @Test
  void roundTripsValues_andFloatsExactly() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("text", "a \"quoted\"\n\u0001 é");
    value.put("list", Arrays.asList(1, -2L, true, null, 0.1f, 2.5));
    value.put("nested", Map.of("k", List.of()));
    Object back = JsonParser.parse(JsonWriter.write(value));
    assertThat(back).isEqualTo(Map.of(
        "text", "a \"quoted\"\n\u0001 é",
        "list", Arrays.asList(1L, -2L, true, null, (double) 0.1f, 2.5),
        "nested", Map.of("k", List.of())));
  }

  @Test
  void rejectsMalformedText_namingTheOffset() {
    assertThatThrownBy(() -> JsonParser.parse("{\"a\":}")).isInstanceOf(JsonSyntaxException.class)
        .hasMessageContaining("offset 5");
    assertThatThrownBy(() -> JsonParser.parse("[1,2] x")).hasMessageContaining("after the value");
    assertThatThrownBy(() -> JsonParser.parse("\"open")).hasMessageContaining("unterminated");
  }

  @Test
  void writerRefusesNonFiniteNumbers() {
    assertThatThrownBy(() -> JsonWriter.write(List.of(Double.NaN))).isInstanceOf(IllegalArgumentException.class);
  }
}
