package io.flowengine.h2;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;
import static java.util.Objects.requireNonNull;

import io.flowengine.StorageException;
import io.flowengine.jdbc.GroupCommit;
import io.flowengine.spi.ApiKeyStore;
import io.flowengine.spi.AssetStore;
import io.flowengine.spi.BufferedAsset;
import io.flowengine.spi.CommitListener;
import io.flowengine.spi.EngineStorage;
import io.flowengine.spi.FlowRecord;
import io.flowengine.spi.FlowStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Flows, assets and API keys in an embedded H2 database: a file {@value #FILE_NAME} in a directory
 * the host names, or an in-memory database for tests. Nothing to install or start.
 *
 * <pre>{@code
 * FlowEngine engine = FlowEngine.builder()
 *     .storage(H2Storage.open(Path.of("data")))
 *     .template(myTemplate)
 *     .build(); // recovers flows a crashed process left unfinished
 * }</pre>
 *
 * <p>Opening first replays the journal of {@link Durability#EVERY_COMMIT} if a crash left one, then
 * creates the schema in a new database and migrates an older one, and deletes the assets of calls
 * that failed half-way ({@link StrayAssets}); a database written by a newer release is refused.
 * Only one process may open a database file at a time. The engine closes the storage when it
 * closes. Thread-safe.
 */
public final class H2Storage implements EngineStorage {
  /** The database file H2 creates in the directory. */
  public static final String FILE_NAME = "flowengine.mv.db";

  /**
   * How long closing may spend compacting the file (H2's {@code MAX_COMPACT_TIME}). H2's default,
   * 200 ms, was measured too short on a loaded machine: the file of 10 MB of live assets was left
   * at up to 75 MB instead of 10 MB.
   */
  static final int CLOSE_COMPACT_MILLIS = 0;

  // H2's async file system: its file does not close itself when a thread using it is
  // interrupted, as H2's default (a FileChannel per file) does, taking the database with it.
  private static final String DEFAULT_FILE_SYSTEM = "async";

  /**
   * H2's {@code WRITE_DELAY} under the journal: H2 writes its file in the background, and the
   * journal holds what it has not written yet.
   */
  static final int JOURNALED_WRITE_DELAY_MILLIS = 1_000;

  private final OpenDatabase database;
  private final ConnectionPool pool;
  private final GroupCommit commit;
  private final FlowStore flows;
  private final AssetStore assets;
  private final ApiKeyStore apiKeys;

  H2Storage(
      OpenDatabase database,
      ConnectionPool pool,
      GroupCommit commit,
      FlowStore flows,
      AssetStore assets,
      ApiKeyStore apiKeys) {
    this.database = database;
    this.pool = pool;
    this.commit = commit;
    this.flows = flows;
    this.assets = assets;
    this.apiKeys = apiKeys;
  }

  /**
   * Opens (creating if needed) the database in {@code directory} with the default settings.
   *
   * @throws StorageException if the directory cannot be created, the file is not an H2 database, is
   *     in use by another process, is read-only, or has a newer schema
   */
  public static H2Storage open(Path directory) {
    return builder().directory(directory).open();
  }

  /** Opens a new, empty in-memory database, dropped when the storage closes; for tests. */
  public static H2Storage inMemory() {
    return builder().inMemory().open();
  }

  /**
   * Returns the JDBC URL, without settings, of the database a storage keeps in {@code directory}.
   * Another connection in the same JVM must use it to share the storage's open database: H2 tells
   * databases apart by their URL, and refuses a second one on the same file ("already in use"). The
   * storage reaches its file through H2's {@code async} file system, which an interrupted thread
   * does not close, so the URL starts with {@code jdbc:h2:async:}.
   */
  public static String jdbcUrl(Path directory) {
    return "jdbc:h2:"
        + DEFAULT_FILE_SYSTEM
        + ":"
        + directory.toAbsolutePath().resolve("flowengine");
  }

  /** Returns a builder for other settings. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public FlowStore flows() {
    return flows;
  }

  @Override
  public AssetStore assets() {
    return assets;
  }

  @Override
  public ApiKeyStore apiKeys() {
    return apiKeys;
  }

  /**
   * Writes the flow row and the inputs' rows in one transaction of the group commit: all of them
   * or, if one fails, none.
   */
  @Override
  public void insertWithInputs(FlowRecord flow, List<BufferedAsset> inputs) {
    GroupCommit.await(commit.execute(new FlowWithInputs(flow, inputs)));
  }

  /**
   * Closes the database: the changes still queued for the group commit are written and
   * acknowledged, its connections are closed and H2 writes what it still holds (with the journal of
   * {@link Durability#EVERY_COMMIT}: forced to the disk, then the journal is emptied), then
   * rewrites the file if it is mostly free space ({@link CloseCompaction}) and waits, at most
   * {@link FileRelease#WAIT}, until the file's lock is free, so that another process can open it.
   * Asset streams still open keep the database open until they are closed. Idempotent.
   */
  @Override
  public void close() {
    commit.close();
    pool.close();
    database.close();
  }

  @Override
  public String toString() {
    return database.description();
  }

  /** Configures and opens an {@link H2Storage}. Each option may be set once. Not thread-safe. */
  public static final class Builder {
    private @Nullable Path directory;
    private @Nullable String memoryName;
    private @Nullable Durability durability;
    private @Nullable Long cacheSize;
    private @Nullable Integer connections;
    private @Nullable Duration lockTimeout;
    private @Nullable Integer queueCapacity;
    private CommitListener commitListener = CommitListener.none();
    private boolean commitListenerSet;
    private String fileSystem = DEFAULT_FILE_SYSTEM;
    private @Nullable Path journalDirectory;
    private boolean journal;

    private Builder() {}

    /** Keeps the database in {@value #FILE_NAME} in {@code directory}, created if missing. */
    public Builder directory(Path directory) {
      checkState(this.directory == null && memoryName == null, "the location was already set");
      this.directory = requireNonNull(directory, "directory");
      return this;
    }

    /** Keeps the database in memory, dropped when the storage closes (for tests). */
    public Builder inMemory() {
      checkState(this.directory == null && memoryName == null, "the location was already set");
      this.memoryName = "flowengine-" + UUID.randomUUID();
      return this;
    }

    /**
     * Sets when acknowledged changes reach the file ({@link Durability#EVERY_COMMIT} by default: an
     * acknowledged call survives a crash of the process).
     */
    public Builder durability(Durability durability) {
      checkState(this.durability == null, "durability was already set to %s", this.durability);
      this.durability = requireNonNull(durability, "durability");
      return this;
    }

    /**
     * Sets how many flow records the read cache holds (default 10,000; 0 turns it off).
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder cacheSize(long flows) {
      checkState(this.cacheSize == null, "cacheSize was already set to %s", this.cacheSize);
      checkArgument(flows >= 0, "cacheSize must not be negative: %s", flows);
      this.cacheSize = flows;
      return this;
    }

    /**
     * Sets how many pooled connections short calls share (default 16); asset streams use their own.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder connections(int connections) {
      checkState(this.connections == null, "connections was already set to %s", this.connections);
      checkArgument(connections > 0, "connections must be positive: %s", connections);
      this.connections = connections;
      return this;
    }

    /**
     * Sets how long a call waits for a row another call has locked, or for a free connection,
     * before it fails with a {@link StorageException} (default 10 s).
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder lockTimeout(Duration timeout) {
      checkState(this.lockTimeout == null, "lockTimeout was already set to %s", this.lockTimeout);
      checkArgument(timeout.isPositive(), "lockTimeout must be positive: %s", timeout);
      this.lockTimeout = timeout;
      return this;
    }

    /**
     * Sets how many writes may wait for the group commit (default {@value
     * GroupCommit#DEFAULT_CAPACITY}); when that many wait, callers wait too (back-pressure).
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder queueCapacity(int changes) {
      checkState(
          this.queueCapacity == null, "queueCapacity was already set to %s", this.queueCapacity);
      checkArgument(changes > 0, "queueCapacity must be positive: %s", changes);
      this.queueCapacity = changes;
      return this;
    }

    /**
     * Tells {@code listener} of every group commit: how many changes, how many statements, how long
     * (for metrics; none by default).
     */
    public Builder commitListener(CommitListener listener) {
      checkState(!commitListenerSet, "commitListener was already set to %s", commitListener);
      this.commitListener = requireNonNull(listener, "listener");
      this.commitListenerSet = true;
      return this;
    }

    /**
     * Keeps the write-ahead journal of {@link Durability#EVERY_COMMIT} in {@code directory}
     * (default: {@code journal} in the database directory), created if missing.
     */
    Builder journalDirectory(Path directory) {
      checkState(this.journalDirectory == null, "journalDirectory was already set");
      this.journalDirectory = requireNonNull(directory, "directory");
      return this;
    }

    /**
     * Turns on the write-ahead journal for {@link Durability#EVERY_COMMIT}: commits are forced to
     * the journal and H2 writes its file in the background ({@code WRITE_DELAY} {@value
     * #JOURNALED_WRITE_DELAY_MILLIS} ms). Not yet the default nor public: with it the file outgrows
     * the bound {@code RetentionSpaceTest} sets (55-58 MB for 10 MB live, bound 44 MB).
     */
    Builder journaled() {
      this.journal = true;
      return this;
    }

    /**
     * Reaches the directory through the H2 file system registered under {@code scheme} (H2's {@code
     * async} by default); for tests that simulate a full or read-only disk.
     */
    Builder fileSystem(String scheme) {
      this.fileSystem = requireNonNull(scheme, "scheme");
      return this;
    }

    /**
     * Opens the database, creating or migrating its schema.
     *
     * @throws IllegalStateException if neither a directory nor in-memory was chosen
     * @throws StorageException if it cannot be opened (see {@link H2Storage#open(Path)})
     */
    public H2Storage open() {
      checkState(directory != null || memoryName != null, "choose directory(...) or inMemory()");
      Duration timeout = lockTimeout != null ? lockTimeout : Duration.ofSeconds(10);
      Durability mode = durability != null ? durability : Durability.EVERY_COMMIT;
      H2Location location =
          directory != null
              ? H2Location.inDirectory(
                  directory, fileSystem, mode, journal, journalDirectory, timeout)
              : H2Location.inMemory(requireNonNull(memoryName), timeout);
      return H2Opening.open(
          location,
          connections != null ? connections : 16,
          timeout,
          queueCapacity != null ? queueCapacity : GroupCommit.DEFAULT_CAPACITY,
          commitListener,
          cacheSize != null ? cacheSize : 10_000);
    }
  }
}
