package io.flowengine.h2;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jspecify.annotations.Nullable;

/**
 * Copies the content H2 reads from a bound stream for the journal: up to {@value #INLINE_LIMIT}
 * bytes in memory, more into a content file in the journal directory, forced to the disk when the
 * stream ends. Not thread-safe (H2 reads it from the statement's thread).
 */
final class ContentTee extends FilterInputStream {
  static final int INLINE_LIMIT = 64 * 1024;

  private final Path file;
  private ByteArrayOutputStream inline = new ByteArrayOutputStream();
  private @Nullable FileChannel spill;
  private boolean ended;

  ContentTee(InputStream content, Path file) {
    super(content);
    this.file = file;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n < 0) {
      end();
    } else if (n > 0) {
      copy(b, off, n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    throw new IOException("the journal cannot record skipped content");
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void copy(byte[] b, int off, int n) throws IOException {
    FileChannel out = spill;
    if (out == null && inline.size() + n > INLINE_LIMIT) {
      out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      spill = out;
      write(out, inline.toByteArray(), 0, inline.size());
      inline = new ByteArrayOutputStream();
    }
    if (out != null) {
      write(out, b, off, n);
    } else {
      inline.write(b, off, n);
    }
  }

  private void end() throws IOException {
    if (ended) {
      return;
    }
    ended = true;
    FileChannel out = spill;
    if (out != null) {
      out.force(false);
      out.close();
    }
  }

  private static void write(FileChannel out, byte[] b, int off, int n) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(b, off, n);
    while (buffer.hasRemaining()) {
      out.write(buffer);
    }
  }

  /**
   * Returns the recorded value once the statement has run.
   *
   * @throws IOException if H2 did not read the content to its end
   */
  JournalParameter recorded(int index) throws IOException {
    if (!ended) {
      discard();
      throw new IOException("the statement did not read its content to the end");
    }
    return spill != null
        ? JournalParameter.of(
            index, JournalParameter.Kind.CONTENT_FILE, file.getFileName().toString())
        : JournalParameter.of(index, JournalParameter.Kind.BYTES, inline.toByteArray());
  }

  /** Deletes the content file, if any (the statement failed or was rolled back). */
  void discard() {
    FileChannel out = spill;
    if (out != null) {
      ConnectionPool.quietlyClose(out);
      ConnectionPool.quietlyClose(() -> Files.deleteIfExists(file));
    }
  }
}
