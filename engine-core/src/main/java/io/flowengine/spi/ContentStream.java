package io.flowengine.spi;

import static java.util.Objects.requireNonNull;

import com.google.common.base.Preconditions;
import io.flowengine.PayloadTooLargeException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The content handed to {@link AssetStore#put}: a stream that counts and hashes what is read and
 * throws {@link PayloadTooLargeException} as soon as more than the limit is read. After the store
 * has read it to its end, {@link #size()} and {@link #sha256()} describe exactly the bytes stored.
 * It records the first exception reading threw ({@link #failure()}). Not thread-safe.
 */
public final class ContentStream extends FilterInputStream {
  private final MessageDigest digest;
  private final long limit;
  private final String subject;
  private long count;
  private boolean ended;
  private @Nullable String sha256;
  private @Nullable Exception failure;

  /**
   * Wraps {@code source}, which this stream does not close.
   *
   * @param limit the most bytes accepted
   * @param subject what the content is, for the limit's message (e.g. {@code "input inputs[0]"})
   */
  public ContentStream(InputStream source, long limit, String subject) {
    super(requireNonNull(source, "source"));
    Preconditions.checkArgument(limit >= 0, "limit %s", limit);
    this.limit = limit;
    this.subject = requireNonNull(subject, "subject");
    try {
      this.digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  @Override
  public int read() throws IOException {
    int b;
    try {
      b = in.read();
    } catch (IOException e) {
      throw recorded(e);
    } catch (RuntimeException e) {
      throw recorded(e);
    }
    if (b < 0) {
      ended = true;
    } else {
      count(1);
      digest.update((byte) b);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n;
    try {
      n = in.read(buffer, offset, length);
    } catch (IOException e) {
      throw recorded(e);
    } catch (RuntimeException e) {
      throw recorded(e);
    }
    if (n < 0) {
      ended = true;
    } else if (n > 0) {
      count(n);
      digest.update(buffer, offset, n);
    }
    return n;
  }

  @Override
  public long skip(long n) {
    throw new UnsupportedOperationException("content must be read, not skipped, to be hashed");
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  @Override
  public void close() {
    // the engine owns the source
  }

  private void count(int n) {
    count += n;
    if (count > limit) {
      throw recorded(PayloadTooLargeException.whileReading(subject, limit, count));
    }
  }

  private <E extends Exception> E recorded(E e) {
    if (failure == null) {
      failure = e;
    }
    return e;
  }

  /**
   * Returns the first exception reading threw: the source's, or the size limit's. A store that
   * wraps exceptions lets its caller find the original here.
   */
  public Optional<Exception> failure() {
    return Optional.ofNullable(failure);
  }

  /**
   * Returns the number of bytes read.
   *
   * @throws IllegalStateException if the stream was not read to its end
   */
  public long size() {
    Preconditions.checkState(ended, "content was not read to its end");
    return count;
  }

  /**
   * Returns the SHA-256 of the bytes read, as 64 lowercase hex characters.
   *
   * @throws IllegalStateException if the stream was not read to its end
   */
  public String sha256() {
    Preconditions.checkState(ended, "content was not read to its end");
    if (sha256 == null) {
      sha256 = HexFormat.of().formatHex(digest.digest());
    }
    return sha256;
  }
}
