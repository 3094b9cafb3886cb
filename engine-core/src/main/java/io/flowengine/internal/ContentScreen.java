package io.flowengine.internal;

import io.flowengine.ContentCheck;
import io.flowengine.ContentSample;
import io.flowengine.InvalidRequestException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Arrays;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a template's {@link ContentCheck} on the start of an input before the input is stored: reads
 * the sample the check asks for, lets the check decide, and hands back a stream that yields the
 * whole content again (the sample, then the rest). Stateless and thread-safe.
 */
final class ContentScreen {
  private static final Logger log = LoggerFactory.getLogger(ContentScreen.class);

  private ContentScreen() {}

  /**
   * Returns {@code source} again from its first byte once {@code check} accepts its start.
   *
   * @throws InvalidRequestException with the check's reason at {@code field}.content if it refuses
   *     the content, or at {@code field} if the content cannot be read
   */
  static InputStream screen(
      InputStream source, String mediaType, ContentCheck check, String template, String field) {
    int size = check.sampleBytes();
    byte[] head;
    try {
      head = source.readNBytes(size + 1); // one more tells whether the sample is the whole
    } catch (IOException e) {
      throw new InvalidRequestException(field, "could not read the content: " + e.getMessage());
    }
    boolean complete = head.length <= size;
    ContentSample sample =
        ContentSample.of(mediaType, complete ? head : Arrays.copyOf(head, size), complete);
    Optional<String> problem;
    try {
      problem = check.problem(sample);
    } catch (RuntimeException e) {
      log.debug("the {} check of {} threw on {}", mediaType, template, field, e);
      problem = Optional.of(e.getMessage() != null ? e.getMessage() : e.toString());
    }
    if (problem.isPresent()) {
      throw new InvalidRequestException(
          field + ".content",
          "template " + template + " refuses this " + mediaType + " content: " + problem.get());
    }
    return new SequenceInputStream(new ByteArrayInputStream(head), source);
  }
}
