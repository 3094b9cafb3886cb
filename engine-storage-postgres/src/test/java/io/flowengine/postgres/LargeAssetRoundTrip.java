package io.flowengine.postgres;

import io.flowengine.Asset;
import io.flowengine.EngineLimits;
import io.flowengine.Flow;
import io.flowengine.FlowEngine;
import io.flowengine.NewAsset;
import io.flowengine.NewFlow;
import io.flowengine.Template;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * The child process of {@link LargeAssetStreamingTest}: streams a generated input of the given size
 * into an engine on PostgreSQL, reads it back, and prints {@code in <sha> out <sha> stored <sha>
 * size <n> ...} with the write and read rates. Run with a heap smaller than the asset to show
 * nothing holds it whole.
 */
public final class LargeAssetRoundTrip {
  private LargeAssetRoundTrip() {}

  /** A stream of {@code size} pseudo-random bytes, made as it is read. */
  static final class GeneratedStream extends InputStream {
    private final SplittableRandom random = new SplittableRandom(42);
    private long remaining;

    GeneratedStream(long size) {
      this.remaining = size;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (remaining == 0) {
        return -1;
      }
      int n = (int) Math.min(length, remaining);
      for (int i = 0; i < n; i += 8) {
        long bits = random.nextLong();
        for (int j = i; j < Math.min(n, i + 8); j++) {
          buffer[offset + j] = (byte) bits;
          bits >>>= 8;
        }
      }
      remaining -= n;
      return n;
    }
  }

  /** Arguments: JDBC URL, user (or "-"), size in MiB. */
  public static void main(String[] args) throws Exception {
    long size = Long.parseLong(args[2]) << 20;
    PostgresStorage.Builder storage = PostgresStorage.builder().url(args[0]).poolSize(2);
    if (!args[1].equals("-")) {
      storage.credentials(args[1], "");
    }
    Template keep =
        Template.builder("keep")
            .inputTypes("application/octet-stream")
            .outputTypes("application/octet-stream")
            .step(ctx -> {})
            .build();
    try (FlowEngine engine =
        FlowEngine.builder()
            .storage(storage.open())
            .template(keep)
            .limits(EngineLimits.builder().maxInputBytes(size + 1).build())
            .build()) {
      MessageDigest in = MessageDigest.getInstance("SHA-256");
      long start = System.nanoTime();
      Flow flow =
          engine.createFlow(
              NewFlow.builder("keep")
                  .input(
                      NewAsset.stream(
                          "application/octet-stream",
                          new DigestInputStream(new GeneratedStream(size), in)))
                  .build());
      long written = System.nanoTime();
      Asset input = engine.listInputs(flow.id()).getFirst();
      MessageDigest out = MessageDigest.getInstance("SHA-256");
      try (InputStream read = engine.getInput(flow.id(), input.id()).openStream()) {
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = read.read(buffer)) > 0) {
          out.update(buffer, 0, n);
        }
      }
      long done = System.nanoTime();
      System.out.printf(
          "in %s out %s stored %s size %d; write %.1f MB/s, read %.1f MB/s;"
              + " heap limit %d MiB, sum of pool peaks %d MiB%n",
          HexFormat.of().formatHex(in.digest()),
          HexFormat.of().formatHex(out.digest()),
          input.sha256(),
          input.size(),
          size / 1e3 / ((written - start) / 1e6),
          size / 1e3 / ((done - written) / 1e6),
          Runtime.getRuntime().maxMemory() >> 20,
          peakHeapMiB());
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
