package io.flowengine.postgres;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;
import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariDataSource;
import io.flowengine.StorageException;
import io.flowengine.jdbc.GroupCommit;
import io.flowengine.jdbc.JdbcApiKeyStore;
import io.flowengine.spi.ApiKeyStore;
import io.flowengine.spi.AssetStore;
import io.flowengine.spi.BufferedAsset;
import io.flowengine.spi.ClusterStore;
import io.flowengine.spi.CommitListener;
import io.flowengine.spi.EngineStorage;
import io.flowengine.spi.FlowRecord;
import io.flowengine.spi.FlowStore;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Flows, assets and API keys in a PostgreSQL database (15 or newer), which several engines may
 * share. Opening creates the schema in a new database (in the connection's current schema) and
 * migrates an older one; a database written by a newer release is refused.
 *
 * <pre>{@code
 * FlowEngine engine = FlowEngine.builder()
 *     .storage(PostgresStorage.builder()
 *         .url("jdbc:postgresql://db.internal:5432/flows")
 *         .credentials("flowengine", password)
 *         .open())
 *     .template(myTemplate)
 *     .build();
 * }</pre>
 *
 * <p>Each storage is a node with an id ({@link #nodeId()}) and a lease ({@link #lease()}) that
 * cluster mode uses. The engine closes the storage when it closes; closing closes the storage's own
 * connection pool, not a {@link DataSource} the host passed in. Thread-safe.
 */
public final class PostgresStorage implements EngineStorage {
  private final String description;
  private final String nodeId;
  private final Duration lease;
  private final @Nullable HikariDataSource ownPool;
  private final GroupCommit commit;
  private final FlowStore flows;
  private final AssetStore assets;
  private final ApiKeyStore apiKeys;
  private final @Nullable PostgresChangeListener changes;
  private final @Nullable PostgresClusterStore cluster;

  private PostgresStorage(
      String description,
      String nodeId,
      Duration lease,
      @Nullable HikariDataSource ownPool,
      Connections connections,
      GroupCommit commit,
      @Nullable PostgresChangeListener changes) {
    this.description = description;
    this.nodeId = nodeId;
    this.lease = lease;
    this.ownPool = ownPool;
    this.commit = commit;
    this.flows =
        new PostgresFlowStore(connections, commit, changes == null ? new OwnWrites() : null);
    this.assets = new PostgresAssetStore(connections, nodeId, commit, changes != null);
    this.apiKeys = new JdbcApiKeyStore("flowengine_api_keys", connections, connections.failures());
    this.changes = changes;
    this.cluster =
        changes == null ? null : new PostgresClusterStore(connections, nodeId, lease, changes);
  }

  /** Returns a builder; {@link Builder#url} or {@link Builder#dataSource} is required. */
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
   * Writes the inputs' rows and content and the flow row in one transaction of the group commit:
   * all of them or, if one fails, none.
   */
  @Override
  public void insertWithInputs(FlowRecord flow, List<BufferedAsset> inputs) {
    GroupCommit.await(commit.execute(new FlowWithInputs(flow, inputs, nodeId)));
  }

  /** Returns this node's id: the one set with {@link Builder#nodeId}, or a generated one. */
  public String nodeId() {
    return nodeId;
  }

  /** Returns how long this node's lease lasts between renewals (cluster mode). */
  public Duration lease() {
    return lease;
  }

  /**
   * Returns this node's view of the cluster if the storage was opened with {@link
   * Builder#cluster()}; empty otherwise.
   */
  @Override
  public Optional<ClusterStore> cluster() {
    return Optional.ofNullable(cluster);
  }

  /**
   * Stops listening for other nodes' changes, writes and acknowledges the changes still queued for
   * the group commit and closes its connection, then the storage's own connection pool, if it has
   * one. Idempotent.
   */
  @Override
  public void close() {
    if (changes != null) {
      changes.close();
    }
    commit.close();
    if (ownPool != null) {
      ownPool.close();
    }
  }

  @Override
  public String toString() {
    return description + " (node " + nodeId + ")";
  }

  /**
   * Configures and opens a {@link PostgresStorage}. Each option is checked when set and may be set
   * once; {@link #open()} checks how they combine. Not thread-safe.
   */
  public static final class Builder {
    private static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Duration MIN_LEASE = Duration.ofMillis(100);
    private static final Duration MAX_LEASE = Duration.ofHours(1);

    private @Nullable String url;
    private @Nullable String user;
    private @Nullable String password;
    private @Nullable DataSource dataSource;
    private @Nullable String nodeId;
    private @Nullable Duration lease;
    private @Nullable Integer poolSize;
    private @Nullable Integer queueCapacity;
    private CommitListener commitListener = CommitListener.none();
    private boolean commitListenerSet;
    private boolean cluster;

    private Builder() {}

    /**
     * Sets how many writes may wait for the group commit (default {@value
     * GroupCommit#DEFAULT_CAPACITY}); when that many wait, callers wait too (back-pressure).
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder queueCapacity(int changes) {
      checkState(queueCapacity == null, "queueCapacity was already set to %s", queueCapacity);
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
     * Joins the cluster of the engines that share this database: this engine becomes a node with a
     * {@link #lease}, claims started flows for its free slots (whichever node started them), takes
     * over the flows of nodes whose lease ended, and hears the other nodes' changes (LISTEN/NOTIFY,
     * on one more connection, outside the pool when the storage has its own). Without it the engine
     * assumes it is the database's only one.
     *
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder cluster() {
      checkState(!cluster, "cluster was already set");
      this.cluster = true;
      return this;
    }

    /**
     * Connects to the database at {@code jdbcUrl} ({@code jdbc:postgresql://host:port/database},
     * with any of the driver's parameters) through a connection pool of the storage's own.
     *
     * @throws IllegalArgumentException if it is not a PostgreSQL JDBC URL
     * @throws IllegalStateException if a URL or a DataSource was already set
     */
    public Builder url(String jdbcUrl) {
      requireNonNull(jdbcUrl, "jdbcUrl");
      checkState(
          url == null,
          "url was already set to %s",
          url == null ? null : PostgresUrls.redacted(url));
      checkState(dataSource == null, "a DataSource was already set; choose url or dataSource");
      checkArgument(
          org.postgresql.Driver.parseURL(jdbcUrl, null) != null,
          "not a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database): %s",
          PostgresUrls.redacted(jdbcUrl));
      this.url = jdbcUrl;
      return this;
    }

    /**
     * Sets the user and password to connect with (otherwise the URL's or the driver's defaults).
     *
     * @throws IllegalStateException if credentials were already set
     */
    public Builder credentials(String user, String password) {
      requireNonNull(user, "user");
      requireNonNull(password, "password");
      checkState(this.user == null, "credentials were already set for user %s", this.user);
      checkArgument(!user.isEmpty(), "user must not be empty");
      this.user = user;
      this.password = password;
      return this;
    }

    /**
     * Borrows connections from {@code dataSource}, the host's (typically its own pool), instead of
     * a pool of the storage's; closing the storage leaves it open.
     *
     * @throws IllegalStateException if a URL or a DataSource was already set
     */
    public Builder dataSource(DataSource dataSource) {
      requireNonNull(dataSource, "dataSource");
      checkState(this.dataSource == null, "dataSource was already set to %s", this.dataSource);
      checkState(url == null, "a url was already set; choose url or dataSource");
      this.dataSource = dataSource;
      return this;
    }

    /**
     * Sets this node's id, unique among the engines sharing the database (default: {@code node-}
     * and 16 random hex digits, new for every open).
     *
     * @throws IllegalArgumentException unless 1 to 64 of {@code A-Z a-z 0-9 . _ : -}
     */
    public Builder nodeId(String nodeId) {
      requireNonNull(nodeId, "nodeId");
      checkState(this.nodeId == null, "nodeId was already set to %s", this.nodeId);
      checkArgument(
          NODE_ID.matcher(nodeId).matches(),
          "nodeId must be 1 to 64 letters, digits, '.', '_', ':' or '-': '%s'",
          nodeId);
      this.nodeId = nodeId;
      return this;
    }

    /**
     * Sets how long this node's lease lasts (default 5 s): in cluster mode a node renews it well
     * before it ends, and the flows of a node whose lease ended are taken over by the others.
     *
     * @throws IllegalArgumentException unless between 100 ms and 1 hour
     */
    public Builder lease(Duration lease) {
      requireNonNull(lease, "lease");
      checkState(this.lease == null, "lease was already set to %s", this.lease);
      checkArgument(
          lease.compareTo(MIN_LEASE) >= 0 && lease.compareTo(MAX_LEASE) <= 0,
          "lease must be between %s and %s: %s",
          MIN_LEASE,
          MAX_LEASE,
          lease);
      this.lease = lease;
      return this;
    }

    /**
     * Sets how many connections the storage's own pool holds at most (default 10); the group
     * commit's writer holds one more of its own, outside the pool. An asset upload holds one for as
     * long as it reads its content; everything else holds one per statement.
     *
     * @throws IllegalArgumentException unless between 1 and 1000
     */
    public Builder poolSize(int connections) {
      checkState(poolSize == null, "poolSize was already set to %s", poolSize);
      checkArgument(
          connections >= 1 && connections <= 1000,
          "poolSize must be between 1 and 1000: %s",
          connections);
      this.poolSize = connections;
      return this;
    }

    /**
     * Connects, creates or migrates the schema, and returns the storage.
     *
     * @throws IllegalStateException if neither a URL nor a DataSource was set, or credentials or a
     *     pool size were set with a DataSource (which brings its own)
     * @throws StorageException if the database cannot be reached or used: refused login, unknown
     *     database, a server older than PostgreSQL 15, a read-only server, a newer schema
     */
    public PostgresStorage open() {
      checkState(url != null || dataSource != null, "choose url(...) or dataSource(...)");
      checkState(
          dataSource == null || user == null,
          "credentials apply to url(...); a DataSource connects with its own");
      checkState(
          dataSource == null || poolSize == null,
          "poolSize applies to url(...); a DataSource brings its own pool");
      String node = nodeId != null ? nodeId : generatedNodeId();
      HikariDataSource pool =
          url != null
              ? OwnPool.open(url, user, password, poolSize != null ? poolSize : 10, node)
              : null;
      DataSource source = pool != null ? pool : requireNonNull(dataSource);
      String described =
          url != null ? PostgresUrls.describe(url) : "the PostgreSQL database of " + dataSource;
      try {
        // The first connection comes from the driver itself: a wrong database or an unreachable
        // server fails at once with the driver's error, instead of after the pool's retries.
        DataSource direct = pool != null ? pool.getDataSource() : source;
        PostgresFailures failures = DatabasePreparation.prepare(direct, described, node);
        GroupCommit commit =
            PostgresGroupCommit.start(
                direct,
                failures,
                cluster,
                queueCapacity != null ? queueCapacity : GroupCommit.DEFAULT_CAPACITY,
                commitListener);
        PostgresChangeListener changes = null;
        if (cluster) {
          changes =
              pool != null
                  ? new PostgresChangeListener(
                      pool.getDataSource(),
                      ((PGSimpleDataSource) pool.getDataSource()).getApplicationName())
                  : new PostgresChangeListener(source, null);
        }
        return new PostgresStorage(
            failures.database(),
            node,
            lease != null ? lease : Duration.ofSeconds(5),
            pool,
            new Connections(source, failures),
            commit,
            changes);
      } catch (RuntimeException e) {
        if (pool != null) {
          pool.close();
        }
        throw e;
      }
    }

    private static String generatedNodeId() {
      byte[] random = new byte[8];
      new SecureRandom().nextBytes(random);
      return "node-" + HexFormat.of().formatHex(random);
    }
  }
}
