package io.flowengine.samples;

import static java.util.Objects.requireNonNull;

import io.flowengine.Parameters;
import java.security.SecureRandom;

/**
 * The parameters of the two generating templates: mesh quality, the seed of the colour and material
 * variation, and whether to add a base-colour texture. Immutable and thread-safe.
 *
 * @param quality curve tessellation or grid resolution
 * @param seed a non-negative seed; the same seed gives byte-identical output
 * @param texture whether the model gets a base-colour texture with texture coordinates
 */
public record GenerationOptions(Quality quality, long seed, boolean texture) {
  /** The {@code seed} parameter value that asks for a random seed. */
  public static final long RANDOM_SEED = -1;

  private static final SecureRandom SEEDS = new SecureRandom();

  /**
   * Checks the seed is resolved.
   *
   * @throws IllegalArgumentException if {@code seed} is negative
   */
  public GenerationOptions {
    requireNonNull(quality, "quality");
    if (seed < 0) {
      throw new IllegalArgumentException("seed must be resolved to a non-negative value: " + seed);
    }
  }

  /**
   * Reads {@code quality}, {@code seed} and {@code texture} from validated flow parameters; a seed
   * of {@value #RANDOM_SEED} is replaced by a random one (recorded in the output).
   *
   * @throws IllegalArgumentException if a parameter is missing or malformed
   */
  public static GenerationOptions from(Parameters parameters) {
    long seed = parameters.getLong("seed");
    if (seed == RANDOM_SEED) {
      seed = SEEDS.nextLong() & Long.MAX_VALUE;
    } else if (seed < 0) {
      throw new IllegalArgumentException("seed must be -1 (random) or non-negative: " + seed);
    }
    return new GenerationOptions(
        Quality.parse(parameters.getString("quality")), seed, parameters.getBoolean("texture"));
  }
}
