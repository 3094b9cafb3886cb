package io.flowengine;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A stored asset with access to its content. The content is read from the store each time it is
 * asked for, so {@link #openStream()} and {@link #transferTo} handle assets of any size; {@link
 * #bytes()}, {@link #text()} and {@link #toDataUri()} hold it in memory and refuse assets larger
 * than the engine's in-memory limit. Thread-safe; each stream is for one thread.
 */
public final class AssetContent {
  /** Opens a fresh stream of an asset's stored bytes. */
  @FunctionalInterface
  public interface Source {
    /**
     * Opens the stored bytes.
     *
     * @throws IOException if the store cannot be read
     */
    InputStream open() throws IOException;
  }

  private final Asset asset;
  private final Source source;
  private final long maxInMemoryBytes;

  /**
   * Creates the content view of {@code asset}.
   *
   * @param maxInMemoryBytes the largest size {@link #bytes()} and {@link #toDataUri()} accept
   */
  public AssetContent(Asset asset, Source source, long maxInMemoryBytes) {
    this.asset = requireNonNull(asset, "asset");
    this.source = requireNonNull(source, "source");
    this.maxInMemoryBytes = maxInMemoryBytes;
  }

  /** Returns the asset's metadata. */
  public Asset asset() {
    return asset;
  }

  /**
   * Opens a stream of the content; the caller closes it.
   *
   * @throws IOException if the store cannot be read
   * @throws NotFoundException if the asset was deleted meanwhile
   */
  public InputStream openStream() throws IOException {
    return source.open();
  }

  /**
   * Copies the content to {@code out} without holding it in memory, and returns the byte count.
   *
   * @throws IOException if the store cannot be read or {@code out} cannot be written
   */
  public long transferTo(OutputStream out) throws IOException {
    try (InputStream in = source.open()) {
      return in.transferTo(out);
    }
  }

  /**
   * Returns the content as an array.
   *
   * @throws PayloadTooLargeException if the asset is larger than the in-memory limit
   * @throws UncheckedIOException if the store cannot be read
   */
  public byte[] bytes() {
    checkInMemory(asset.size());
    try (InputStream in = source.open()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read asset " + asset.id(), e);
    }
  }

  /**
   * Returns the content decoded as UTF-8 text.
   *
   * @throws PayloadTooLargeException if the asset is larger than the in-memory limit
   * @throws UncheckedIOException if the store cannot be read
   */
  public String text() {
    return new String(bytes(), StandardCharsets.UTF_8);
  }

  /**
   * Returns the content as {@code data:<media type>;base64,<payload>}.
   *
   * @throws PayloadTooLargeException if the encoded URI would be larger than the in-memory limit
   * @throws UncheckedIOException if the store cannot be read
   */
  public String toDataUri() {
    checkInMemory((asset.size() + 2) / 3 * 4);
    return dataUriPrefix() + Base64.getEncoder().encodeToString(bytes());
  }

  /**
   * Writes the content as a data URI to {@code out} in ASCII, streaming, whatever its size.
   *
   * @throws IOException if the store cannot be read or {@code out} cannot be written
   */
  public void writeDataUri(OutputStream out) throws IOException {
    out.write(dataUriPrefix().getBytes(StandardCharsets.US_ASCII));
    OutputStream encoder = Base64.getEncoder().wrap(new NonClosingOutputStream(out));
    transferTo(encoder);
    encoder.close(); // flushes the final quantum and padding, leaves out open
  }

  private String dataUriPrefix() {
    return "data:" + asset.mediaType() + ";base64,";
  }

  private void checkInMemory(long size) {
    if (size > maxInMemoryBytes) {
      throw new PayloadTooLargeException(
          "asset " + asset.id() + " held in memory (use openStream or transferTo)",
          "bytes",
          maxInMemoryBytes,
          size);
    }
  }

  @Override
  public String toString() {
    return "AssetContent{" + asset + "}";
  }

  private static final class NonClosingOutputStream extends OutputStream {
    private final OutputStream out;

    NonClosingOutputStream(OutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }
}
