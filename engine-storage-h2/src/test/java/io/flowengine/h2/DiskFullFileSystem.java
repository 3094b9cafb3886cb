package io.flowengine.h2;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * A file system for tests that simulates a full disk, under the scheme {@value #SCHEME} (H2 URL
 * {@code jdbc:h2:diskfull:/dir/name}): the files of a directory that was given a byte budget take
 * writes until the budget is used up, then every write that does not fit fails with {@code
 * IOException("No space left on device")}, as on a full disk. Directories without a budget write
 * freely. Register it once with {@link #register()}. Thread-safe.
 */
public final class DiskFullFileSystem extends FilePathWrapper {
  /** The scheme H2 finds this file system by. */
  static final String SCHEME = "diskfull";

  private static final ConcurrentHashMap<Path, AtomicLong> BUDGETS = new ConcurrentHashMap<>();

  /** H2 creates instances by reflection, one per path. */
  public DiskFullFileSystem() {}

  /** Registers the file system with H2; idempotent. */
  static void register() {
    FilePath.register(new DiskFullFileSystem());
  }

  /** Lets the files of {@code directory} write {@code bytes} more bytes, then fail. */
  static void limit(Path directory, long bytes) {
    BUDGETS.put(directory.toAbsolutePath(), new AtomicLong(bytes));
  }

  /** Returns what is left of the budget of {@code directory}. */
  static long remaining(Path directory) {
    return BUDGETS.get(directory.toAbsolutePath()).get();
  }

  /** Lifts the budget of {@code directory}. */
  static void unlimit(Path directory) {
    BUDGETS.remove(directory.toAbsolutePath());
  }

  @Override
  public String getScheme() {
    return SCHEME;
  }

  @Override
  public FileChannel open(String mode) throws IOException {
    FileChannel channel = getBase().open(mode);
    return mode.equals("r")
        ? channel
        : new BudgetedChannel(channel, Path.of(getBase().toString()).toAbsolutePath().getParent());
  }

  @Override
  public OutputStream newOutputStream(boolean append) throws IOException {
    return newFileChannelOutputStream(open("rw"), append);
  }

  /** A channel whose writes draw on the budget its directory has at the time, if any. */
  private static final class BudgetedChannel extends FileBase {
    private final FileChannel channel;
    private final Path directory;

    BudgetedChannel(FileChannel channel, Path directory) {
      this.channel = channel;
      this.directory = directory;
    }

    private void take(int bytes) throws IOException {
      AtomicLong budget = BUDGETS.get(directory);
      if (budget == null) {
        return;
      }
      long left;
      do {
        left = budget.get();
        if (left < bytes) {
          throw new IOException("No space left on device");
        }
      } while (!budget.compareAndSet(left, left - bytes));
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
      take(src.remaining());
      return channel.write(src);
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
      take(src.remaining());
      return channel.write(src, position);
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
      return channel.read(dst);
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
      return channel.read(dst, position);
    }

    @Override
    public long position() throws IOException {
      return channel.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
      channel.position(newPosition);
      return this;
    }

    @Override
    public long size() throws IOException {
      return channel.size();
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
      channel.truncate(size);
      return this;
    }

    @Override
    public void force(boolean metaData) throws IOException {
      channel.force(metaData);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
      return channel.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
      channel.close();
    }
  }
}
