package io.flowengine;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A template's check of an input's content, run when the input is added ({@link
 * FlowOperations#createFlow} or {@link FlowOperations#addInput}) and before anything is stored, so
 * that a bad file is refused at upload with an {@link InvalidRequestException} (a 422 over REST)
 * instead of failing the flow later. Declared per input media type with {@link
 * Template.Builder#inputCheck}.
 *
 * <p>The check sees a {@link ContentSample}: the first {@link #sampleBytes()} bytes of the content
 * and whether that is the whole of it. It should decide from what it sees and let through what it
 * cannot judge from a partial sample; the step still reads the whole content. A check that throws a
 * {@link RuntimeException} refuses the content with the exception's message, so a parser that
 * throws on malformed data may be called as it is.
 *
 * <p>Implementations must be thread-safe: one check serves every upload at once.
 */
@FunctionalInterface
public interface ContentCheck {
  /** The sample size of a check that does not choose one: 64 KiB. */
  int DEFAULT_SAMPLE_BYTES = 64 * 1024;

  /** The largest sample a check may ask for: 16 MiB, held in memory during the check. */
  int MAX_SAMPLE_BYTES = 16 * 1024 * 1024;

  /**
   * Returns why the content is refused, or empty if it is accepted.
   *
   * @param sample the start of the content
   */
  Optional<String> problem(ContentSample sample);

  /** How many leading bytes of the content the check sees; {@value #DEFAULT_SAMPLE_BYTES}. */
  default int sampleBytes() {
    return DEFAULT_SAMPLE_BYTES;
  }

  /**
   * Returns {@code check} seeing the first {@code sampleBytes} bytes of the content.
   *
   * @throws IllegalArgumentException if {@code sampleBytes} is not in 1..{@value #MAX_SAMPLE_BYTES}
   */
  static ContentCheck sampling(int sampleBytes, ContentCheck check) {
    requireNonNull(check, "check");
    checkArgument(
        sampleBytes >= 1 && sampleBytes <= MAX_SAMPLE_BYTES,
        "a content check samples 1 to %s bytes, not %s",
        MAX_SAMPLE_BYTES,
        sampleBytes);
    return new ContentCheck() {
      @Override
      public Optional<String> problem(ContentSample sample) {
        return check.problem(sample);
      }

      @Override
      public int sampleBytes() {
        return sampleBytes;
      }

      @Override
      public String toString() {
        return "ContentCheck.sampling(" + sampleBytes + ", " + check + ")";
      }
    };
  }
}
