package io.flowengine;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The start of an input's content as a {@link ContentCheck} sees it. Immutable and thread-safe.
 *
 * @param mediaType the input's media type
 * @param head the first bytes of the content, read-only
 * @param complete whether {@code head} is the whole content
 */
public record ContentSample(String mediaType, ByteBuffer head, boolean complete) {
  /** Copies {@code head} into a read-only buffer. */
  public ContentSample {
    requireNonNull(mediaType, "mediaType");
    ByteBuffer copy = ByteBuffer.allocate(head.remaining());
    copy.put(head.duplicate()).flip();
    head = copy.asReadOnlyBuffer();
  }

  /** Returns the sampled bytes as a new read-only buffer of its own, positioned at the start. */
  @Override
  public ByteBuffer head() {
    return head.duplicate();
  }

  /** Returns a sample of {@code bytes}, the whole content when {@code complete}. */
  public static ContentSample of(String mediaType, byte[] bytes, boolean complete) {
    return new ContentSample(mediaType, ByteBuffer.wrap(bytes), complete);
  }

  /** The number of bytes in the sample. */
  public int length() {
    return head.remaining();
  }

  /** Returns a copy of the sampled bytes. */
  public byte[] bytes() {
    byte[] copy = new byte[head.remaining()];
    head.duplicate().get(copy);
    return copy;
  }

  /** Returns a stream over the sampled bytes. */
  public InputStream openStream() {
    return new ByteArrayInputStream(bytes());
  }

  @Override
  public String toString() {
    return "ContentSample["
        + mediaType
        + ", "
        + length()
        + " bytes"
        + (complete ? ", whole" : ", start")
        + ", "
        + Arrays.toString(Arrays.copyOf(bytes(), Math.min(8, length())))
        + (length() > 8 ? "..." : "")
        + "]";
  }
}
