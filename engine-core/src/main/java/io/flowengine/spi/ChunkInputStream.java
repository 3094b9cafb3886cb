package io.flowengine.spi;

import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Reads a list of byte chunks as one stream. Not thread-safe. */
final class ChunkInputStream extends InputStream {
  private final List<byte[]> chunks;
  private int chunk;
  private int offset;

  ChunkInputStream(List<byte[]> chunks) {
    this.chunks = chunks;
  }

  @Override
  public int read() {
    byte[] buffer = current();
    return buffer == null ? -1 : buffer[offset++] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) {
    Objects.checkFromIndexSize(off, len, b.length);
    if (len == 0) {
      return 0;
    }
    byte[] buffer = current();
    if (buffer == null) {
      return -1;
    }
    int n = Math.min(len, buffer.length - offset);
    System.arraycopy(buffer, offset, b, off, n);
    offset += n;
    return n;
  }

  @Override
  public int available() {
    byte[] buffer = current();
    return buffer == null ? 0 : buffer.length - offset;
  }

  private byte @Nullable [] current() {
    while (chunk < chunks.size()) {
      byte[] buffer = chunks.get(chunk);
      if (offset < buffer.length) {
        return buffer;
      }
      chunk++;
      offset = 0;
    }
    return null;
  }
}
