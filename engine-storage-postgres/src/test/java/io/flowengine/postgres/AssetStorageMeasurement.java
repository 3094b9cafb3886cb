package io.flowengine.postgres;

import io.flowengine.postgres.harness.PostgresBinaries;
import io.flowengine.postgres.harness.ThrowawayCluster;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.SplittableRandom;
import org.postgresql.PGConnection;
import org.postgresql.largeobject.LargeObject;
import org.postgresql.largeobject.LargeObjectManager;

/**
 * The measurement behind the asset storage choice (module README): writes and reads back the same
 * pseudo-random content as a large object and as chunked {@code bytea} rows, with plain JDBC on a
 * throwaway server, and prints MB/s and the heap's peak. Run with a small heap to see what each
 * holds:
 *
 * <pre>
 * java -Xmx256m -cp target/test-classes:target/classes:$(cat cp.txt) \
 *     io.flowengine.postgres.AssetStorageMeasurement 256 3
 * </pre>
 *
 * Arguments: MiB per asset (default 256), rounds (default 3). Not a test: nothing is asserted.
 */
public final class AssetStorageMeasurement {
  private AssetStorageMeasurement() {}

  /** Runs the measurement. */
  public static void main(String[] args) throws Exception {
    int mib = args.length > 0 ? Integer.parseInt(args[0]) : 256;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    StringBuilder why = new StringBuilder();
    PostgresBinaries binaries =
        PostgresBinaries.find(why).orElseThrow(() -> new IllegalStateException(why.toString()));
    ThrowawayCluster cluster = ThrowawayCluster.start(binaries);
    try (Connection c =
        DriverManager.getConnection(cluster.url("postgres"), ThrowawayCluster.USER, "")) {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE chunks (id int, seq int, data bytea, PRIMARY KEY (id, seq))");
        s.execute("ALTER TABLE chunks ALTER COLUMN data SET STORAGE EXTERNAL");
      }
      long bytes = (long) mib << 20;
      System.out.printf(
          "%d MiB per asset, %d rounds, heap limit %d MiB%n",
          mib, rounds, Runtime.getRuntime().maxMemory() >> 20);
      for (int round = 1; round <= rounds; round++) {
        for (int chunk : new int[] {256 << 10, 1 << 20}) {
          long oid =
              time(
                  "large object write, " + (chunk >> 10) + " KiB writes",
                  bytes,
                  () -> writeLargeObject(c, bytes, chunk));
          time(
              "large object read,  " + (chunk >> 10) + " KiB reads ",
              bytes,
              () -> readLargeObject(c, oid, chunk));
          try (Statement s = c.createStatement()) {
            s.execute("SELECT lo_unlink(" + oid + ")");
          }
          int id = round * 10 + (chunk >> 20);
          time(
              "bytea chunks write, " + (chunk >> 10) + " KiB chunks",
              bytes,
              () -> writeChunks(c, id, bytes, chunk));
          time(
              "bytea chunks read,  " + (chunk >> 10) + " KiB chunks",
              bytes,
              () -> readChunks(c, id));
          try (Statement s = c.createStatement()) {
            s.execute("DELETE FROM chunks WHERE id = " + id);
          }
        }
      }
    } finally {
      cluster.stop();
    }
  }

  private interface Work {
    long run() throws Exception;
  }

  private static long time(String what, long bytes, Work work) throws Exception {
    resetPeaks();
    long start = System.nanoTime();
    long result = work.run();
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "%-38s %7.1f MB/s  heap peak %4d MiB (garbage included)%n",
        what, bytes / 1e6 / seconds, peakHeapMiB());
    return result;
  }

  private static void fill(SplittableRandom random, byte[] buffer, int n) {
    for (int i = 0; i < n; i++) {
      buffer[i] = (byte) random.nextInt(256);
    }
  }

  private static long writeLargeObject(Connection c, long bytes, int chunk) throws Exception {
    c.setAutoCommit(false);
    LargeObjectManager objects = c.unwrap(PGConnection.class).getLargeObjectAPI();
    long oid = objects.createLO(LargeObjectManager.READWRITE);
    LargeObject object = objects.open(oid, LargeObjectManager.WRITE);
    byte[] buffer = new byte[chunk];
    SplittableRandom random = new SplittableRandom(42);
    for (long left = bytes; left > 0; ) {
      int n = (int) Math.min(chunk, left);
      fill(random, buffer, n);
      object.write(buffer, 0, n);
      left -= n;
    }
    object.close();
    c.commit();
    c.setAutoCommit(true);
    return oid;
  }

  private static long readLargeObject(Connection c, long oid, int chunk) throws Exception {
    c.setAutoCommit(false);
    LargeObject object =
        c.unwrap(PGConnection.class).getLargeObjectAPI().open(oid, LargeObjectManager.READ);
    byte[] buffer = new byte[chunk];
    long total = 0;
    int n;
    while ((n = object.read(buffer, 0, chunk)) > 0) {
      total += n;
    }
    object.close();
    c.commit();
    c.setAutoCommit(true);
    return total;
  }

  private static long writeChunks(Connection c, int id, long bytes, int chunk) throws Exception {
    c.setAutoCommit(false);
    byte[] buffer = new byte[chunk];
    SplittableRandom random = new SplittableRandom(42);
    try (PreparedStatement insert =
        c.prepareStatement("INSERT INTO chunks (id, seq, data) VALUES (?, ?, ?)")) {
      int seq = 0;
      for (long left = bytes; left > 0; ) {
        int n = (int) Math.min(chunk, left);
        fill(random, buffer, n);
        insert.setInt(1, id);
        insert.setInt(2, seq++);
        insert.setBytes(3, n == chunk ? buffer : java.util.Arrays.copyOf(buffer, n));
        insert.executeUpdate();
        left -= n;
      }
    }
    c.commit();
    c.setAutoCommit(true);
    return id;
  }

  private static long readChunks(Connection c, int id) throws Exception {
    long total = 0;
    try (PreparedStatement select =
        c.prepareStatement("SELECT data FROM chunks WHERE id = ? AND seq = ?")) {
      for (int seq = 0; ; seq++) {
        select.setInt(1, id);
        select.setInt(2, seq);
        try (ResultSet row = select.executeQuery()) {
          if (!row.next()) {
            return total;
          }
          total += row.getBytes(1).length;
        }
      }
    }
  }

  private static void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
  }

  private static long peakHeapMiB() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak >> 20;
  }
}
