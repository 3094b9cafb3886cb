package io.flowengine.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * meshoptimizer's speed and surface error on {@link SimplifyBenchmark}'s inputs, measured by hand
 * ({@code engine-benchmarks/meshoptimizer/README.md}) and kept in {@code
 * meshoptimizer-reference.json}: the floor of the simplifier's rows in BENCHMARKS.md, which the
 * build cannot measure itself because it downloads nothing from npm. Immutable.
 *
 * @param measured when, where and with which versions it was measured
 * @param trianglesPerSecond input triangles per second, warm
 * @param error sampled symmetric Hausdorff distance over the bounding-box diagonal
 */
record MeshoptReference(String measured, double trianglesPerSecond, double error) {
  private static final String RESOURCE = "/meshoptimizer-reference.json";

  /** Returns the reference for an input of {@code triangles} (the benchmark's param), if any. */
  static Optional<MeshoptReference> forInput(String triangles) {
    try (InputStream in = MeshoptReference.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return Optional.empty();
      }
      JsonNode root = new ObjectMapper().readTree(in);
      JsonNode run = root.path("runs").path(triangles);
      if (run.isMissingNode()) {
        return Optional.empty();
      }
      return Optional.of(
          new MeshoptReference(
              root.path("measured").asText(),
              run.path("trianglesPerSecond").asDouble(),
              run.path("error").asDouble()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
