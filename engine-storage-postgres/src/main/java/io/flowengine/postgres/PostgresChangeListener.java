package io.flowengine.postgres;

import io.flowengine.FlowState;
import io.flowengine.spi.FlowChange;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hears the changes other nodes make: {@code LISTEN} on the channel {@link SchemaV2#CHANNEL}, on a
 * connection of its own outside the pool (a pooled one would be handed to other work), read by one
 * virtual thread that waits for notifications and passes each to the listeners, skipping this
 * node's own (the writer's {@code application_name}). After losing the connection it connects
 * again, at most every 200 ms, and then announces {@link FlowChange#everything()}, since
 * notifications sent meanwhile are lost. Started by the first listener, stopped by {@link #close}.
 * Thread-safe.
 */
final class PostgresChangeListener implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(PostgresChangeListener.class);
  private static final int WAIT_MILLIS = 500;
  private static final long RECONNECT_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

  private final DataSource source;
  private final @Nullable String ownApplicationName;
  private final List<Consumer<FlowChange>> listeners = new CopyOnWriteArrayList<>();
  private volatile boolean closed;
  private @Nullable Thread reader; // guarded by this
  private @Nullable Connection connection; // guarded by this

  /**
   * @param source where its connection comes from: the driver itself where the storage has its own
   *     pool, else the host's data source
   * @param ownApplicationName the {@code application_name} of this node's connections, or null if
   *     unknown (a host's data source): then this node hears its own changes too, which is harmless
   */
  PostgresChangeListener(DataSource source, @Nullable String ownApplicationName) {
    this.source = source;
    this.ownApplicationName = ownApplicationName;
  }

  /** Adds a listener, starting the reader on the first; closing the result removes it. */
  synchronized AutoCloseable add(Consumer<FlowChange> listener) {
    listeners.add(listener);
    if (reader == null && !closed) {
      reader = Thread.ofVirtual().name("flowengine-listen").start(this::read);
    }
    return () -> listeners.remove(listener);
  }

  private void read() {
    boolean first = true;
    while (!closed) {
      long attempt = System.nanoTime();
      try (Connection c = source.getConnection()) {
        if (!register(c)) {
          return;
        }
        try (Statement listen = c.createStatement()) {
          listen.execute("LISTEN " + SchemaV2.CHANNEL);
        }
        if (!first) {
          log.info("listening for other nodes' changes again");
          deliver(FlowChange.everything());
        }
        first = false;
        PGConnection pg = c.unwrap(PGConnection.class);
        while (!closed) {
          PGNotification[] notes = pg.getNotifications(WAIT_MILLIS);
          if (notes != null) {
            for (PGNotification note : notes) {
              FlowChange change = parse(note.getParameter());
              if (change != null) {
                deliver(change);
              }
            }
          }
        }
      } catch (SQLException | RuntimeException e) {
        if (closed) {
          return;
        }
        log.warn("lost the connection listening for other nodes' changes: {}", e.toString());
        first = false;
        long wait = RECONNECT_NANOS - (System.nanoTime() - attempt);
        if (wait > 0) {
          java.util.concurrent.locks.LockSupport.parkNanos(wait);
        }
      } finally {
        register(null);
      }
    }
  }

  private synchronized boolean register(@Nullable Connection c) {
    connection = c;
    return !closed;
  }

  private @Nullable FlowChange parse(String payload) {
    String[] parts = payload.split(" ", 3);
    if (parts.length < 2) {
      return null;
    }
    if (parts.length == 3 && ownApplicationName != null && parts[2].equals(ownApplicationName)) {
      return null;
    }
    int rank = Integer.parseInt(parts[1]);
    return new FlowChange(
        parts[0], rank < 0 || rank >= FlowState.values().length ? null : FlowState.values()[rank]);
  }

  private void deliver(FlowChange change) {
    for (Consumer<FlowChange> listener : listeners) {
      try {
        listener.accept(change);
      } catch (RuntimeException e) {
        log.warn("a change listener failed: {}", e.toString());
      }
    }
  }

  /** Stops listening and closes the connection. */
  @Override
  public void close() {
    Thread toJoin;
    synchronized (this) {
      closed = true;
      toJoin = reader;
      if (connection != null) {
        try {
          connection.close();
        } catch (SQLException e) {
          log.debug("closing the listening connection: {}", e.toString());
        }
      }
    }
    if (toJoin != null) {
      try {
        toJoin.join(TimeUnit.SECONDS.toMillis(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
