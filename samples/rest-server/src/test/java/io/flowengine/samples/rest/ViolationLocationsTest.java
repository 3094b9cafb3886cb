package io.flowengine.samples.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ViolationLocationsTest {
  @Test
  void engineFieldPaths_becomeLocArrays() {
    assertThat(ViolationLocations.locate("parameters.seed", List.of()))
        .containsExactly("body", "parameters", "seed");
    assertThat(ViolationLocations.locate("parameters.a.b[0]", List.of()))
        .containsExactly("body", "parameters", "a.b[0]");
    assertThat(ViolationLocations.locate("inputs[1].data", List.of()))
        .containsExactly("body", "inputs", 1, "data");
    assertThat(ViolationLocations.locate("inputs[12].additional", List.of()))
        .containsExactly("body", "inputs", 12, "additional");
    assertThat(ViolationLocations.locate("additional", List.of()))
        .containsExactly("body", "additional");
  }

  @Test
  void aMediaTypeProblem_pointsAtTheDataItCameFrom() {
    assertThat(ViolationLocations.locate("inputs[0].mediaType", List.of()))
        .containsExactly("body", "inputs", 0, "data");
    assertThat(ViolationLocations.locate("data.mediaType", List.of("inputs", 2)))
        .containsExactly("body", "inputs", 2, "data");
    assertThat(ViolationLocations.locate("input.mediaType", List.of()))
        .containsExactly("body", "data");
    assertThat(ViolationLocations.locate("inputs[1].content", List.of()))
        .containsExactly("body", "inputs", 1, "data");
    assertThat(ViolationLocations.locate("input.content", List.of()))
        .containsExactly("body", "data");
    assertThat(ViolationLocations.locate("input.additional", List.of()))
        .containsExactly("body", "additional");
  }

  @Test
  void queryAndPathParameters_areNamedAsOnTheWire() {
    assertThat(ViolationLocations.locate("cursor", List.of())).containsExactly("query", "cursor");
    assertThat(ViolationLocations.locate("flowId", List.of())).containsExactly("path", "flow_id");
    assertThat(ViolationLocations.locate("assetId", List.of())).containsExactly("path", "asset_id");
  }
}
