package io.flowengine.h2;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import org.h2.api.ErrorCode;
import org.h2.message.DbException;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * A file system for tests whose files refuse writes, under the scheme {@value #SCHEME} (H2 URL
 * {@code jdbc:h2:readonly:/dir/name}), as read-only permissions or a read-only mount do for a user
 * who is not root: files read as usual, {@link #canWrite()} is false, and opening for writing fails
 * with {@link AccessDeniedException}, and creating, deleting or moving a file fails. Register it
 * once with {@link #register()}. Thread-safe.
 */
public final class ReadOnlyFileSystem extends FilePathWrapper {
  /** The scheme H2 finds this file system by. */
  static final String SCHEME = "readonly";

  /** H2 creates instances by reflection, one per path. */
  public ReadOnlyFileSystem() {}

  /** Registers the file system with H2; idempotent. */
  static void register() {
    FilePath.register(new ReadOnlyFileSystem());
  }

  @Override
  public String getScheme() {
    return SCHEME;
  }

  @Override
  public boolean canWrite() {
    return false;
  }

  @Override
  public boolean setReadOnly() {
    return true;
  }

  @Override
  public FileChannel open(String mode) throws IOException {
    if (!mode.equals("r")) {
      throw new AccessDeniedException(getBase().toString(), null, "read-only file system");
    }
    return getBase().open(mode);
  }

  @Override
  public OutputStream newOutputStream(boolean append) throws IOException {
    throw new AccessDeniedException(getBase().toString(), null, "read-only file system");
  }

  @Override
  public boolean createFile() {
    return false;
  }

  @Override
  public void createDirectory() {
    throw refused();
  }

  @Override
  public void delete() {
    throw refused();
  }

  @Override
  public void moveTo(FilePath newName, boolean atomicReplace) {
    throw refused();
  }

  private DbException refused() {
    return DbException.get(
        ErrorCode.FILE_CREATION_FAILED_1, getBase() + " (read-only file system)");
  }
}
