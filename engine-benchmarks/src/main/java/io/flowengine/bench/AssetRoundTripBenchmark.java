package io.flowengine.bench;

import io.flowengine.Asset;
import io.flowengine.EngineLimits;
import io.flowengine.FlowEngine;
import io.flowengine.NewAsset;
import io.flowengine.NewFlow;
import io.flowengine.Template;
import io.flowengine.testing.Steps;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Adding an input and reading it back, {@code size} bytes of random content: {@code addInput} on a
 * created flow, then {@code getInput(...).openStream()} read to the end into a buffer. Given as
 * bytes and as a base64 data URI. Floors measured in the same run:
 *
 * <ul>
 *   <li>{@code baseline_copy}: the same bytes copied from one stream into a sized in-memory store
 *       and read back the same way (two copies, what any store must do);
 *   <li>{@code baseline_sha256}: SHA-256 of the same bytes, which the engine computes for every
 *       asset (the {@code Asset.sha256} field), so no asset path can be faster;
 *   <li>{@code baseline_base64}: {@link Base64.Decoder#decode(String)} of the data URI's payload,
 *       the floor of any data-URI path;
 *   <li>{@code dataUriDecode}: only the engine's data-URI decoding ({@link NewAsset#dataUri} and
 *       its streaming decoder read to the end), to compare with {@code baseline_base64}.
 * </ul>
 *
 * <p>A fresh flow is created before and deleted after every invocation, untimed.
 *
 * <p>Run: {@code ./mvnw -B -pl engine-benchmarks -am verify -DskipTests -Dbench=full
 * -Dbench.include=AssetRoundTripBenchmark}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx4g"})
public class AssetRoundTripBenchmark {
  private static final String MEDIA_TYPE = "application/octet-stream";
  private static final String TEMPLATE = "store";

  /** The content, as bytes and as a data URI; the baselines need only this. */
  @State(Scope.Benchmark)
  public static class Content {
    /** Content size in bytes: 1 KiB, 1 MiB, 64 MiB. */
    @Param({"1024", "1048576", "67108864"})
    public int size;

    byte[] bytes;
    String payload;
    String dataUri;
    final byte[] buffer = new byte[64 * 1024];

    /** Makes random content and encodes it. */
    @Setup
    public void setUp() {
      bytes = new byte[size];
      new SplittableRandom(size).nextBytes(bytes);
      payload = Base64.getEncoder().encodeToString(bytes);
      dataUri = "data:" + MEDIA_TYPE + ";base64," + payload;
      warmUp();
    }

    /**
     * Runs every baseline and the data-URI decoder many times on 64 KiB before measuring, so they
     * are compiled: at 64 MiB one call lasts long enough that a short warm-up would measure its
     * loops interpreted, and which side that flatters depends on which compiles first.
     */
    private static void warmUp() {
      Content small = new Content();
      small.size = 64 * 1024;
      small.bytes = new byte[small.size];
      small.payload = Base64.getEncoder().encodeToString(small.bytes);
      small.dataUri = "data:" + MEDIA_TYPE + ";base64," + small.payload;
      AssetRoundTripBenchmark benchmark = new AssetRoundTripBenchmark();
      try {
        for (int i = 0; i < 2_000; i++) {
          benchmark.baseline_copy(small);
          benchmark.baseline_sha256(small);
          benchmark.baseline_base64(small);
          benchmark.baseline_base64Chunked(small);
          benchmark.dataUriDecode(small);
        }
      } catch (NoSuchAlgorithmException | IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** An engine on the storage under test, and a fresh created flow for every invocation. */
  @State(Scope.Benchmark)
  public static class Store {
    /** Which storage the engine keeps assets in. */
    @Param({"MEMORY", "H2"})
    public BenchStorage storage;

    FlowEngine engine;
    String flowId;

    /** Starts the engine. */
    @Setup
    public void setUp() {
      Template template =
          Template.builder(TEMPLATE).inputTypes(MEDIA_TYPE).step(Steps.succeed()).build();
      engine =
          FlowEngine.builder()
              .storage(storage.open())
              .template(template)
              .limits(EngineLimits.builder().maxInputBytes(256L << 20).build())
              .build();
      warmUp();
    }

    /** Runs the engine's add-and-read-back path on 64 KiB inputs, so it is compiled too. */
    private void warmUp() {
      byte[] small = new byte[64 * 1024];
      String smallUri =
          "data:" + MEDIA_TYPE + ";base64," + Base64.getEncoder().encodeToString(small);
      Content buffer = new Content();
      try {
        for (int i = 0; i < 200; i++) {
          createFlow();
          roundTrip(buffer, this, NewAsset.bytes(MEDIA_TYPE, small));
          roundTrip(buffer, this, NewAsset.dataUri(smallUri));
          deleteFlow();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Creates the flow the next invocation adds its input to. */
    @Setup(Level.Invocation)
    public void createFlow() {
      flowId = engine.createFlow(NewFlow.of(TEMPLATE)).id();
    }

    /** Deletes that flow and its input. */
    @TearDown(Level.Invocation)
    public void deleteFlow() {
      engine.deleteFlow(flowId);
    }

    /** Closes the engine. */
    @TearDown
    public void tearDown() {
      engine.close();
    }
  }

  /** Adds the bytes as an input and reads them back. */
  @Benchmark
  public long engine_bytes(Content content, Store store) throws IOException {
    return roundTrip(content, store, NewAsset.bytes(MEDIA_TYPE, content.bytes));
  }

  /** Adds the data URI as an input and reads the decoded bytes back. */
  @Benchmark
  public long engine_dataUri(Content content, Store store) throws IOException {
    return roundTrip(content, store, NewAsset.dataUri(content.dataUri));
  }

  private static long roundTrip(Content content, Store store, NewAsset input) throws IOException {
    Asset asset = store.engine.addInput(store.flowId, input);
    try (InputStream in = store.engine.getInput(store.flowId, asset.id()).openStream()) {
      return drain(in, content.buffer);
    }
  }

  /** The engine's data-URI decoding alone: parse the header, stream the payload out. */
  @Benchmark
  public long dataUriDecode(Content content) throws IOException {
    return drain(NewAsset.dataUri(content.dataUri).openStream(), content.buffer);
  }

  /** The floor of storing and reading back: two stream copies. */
  @Benchmark
  public long baseline_copy(Content content) {
    byte[] store = new byte[content.size];
    int stored = new ByteArrayInputStream(content.bytes).readNBytes(store, 0, content.size);
    return drain(new ByteArrayInputStream(store, 0, stored), content.buffer);
  }

  /** The floor of anything that computes the asset's SHA-256. */
  @Benchmark
  public byte[] baseline_sha256(Content content) throws NoSuchAlgorithmException {
    return MessageDigest.getInstance("SHA-256").digest(content.bytes);
  }

  /**
   * The floor of a streaming, strict decoder of a string payload: 16 Ki characters at a time, each
   * chunk checked to be ASCII ({@code String.getBytes(US_ASCII)} of a substring) and decoded into a
   * reused buffer, without the engine. Not a target; it shows what streaming costs against {@link
   * #baseline_base64}, which decodes the whole payload into one array.
   */
  @Benchmark
  public long baseline_base64Chunked(Content content) {
    Base64.Decoder decoder = Base64.getDecoder();
    byte[] decoded = new byte[16 * 1024 / 4 * 3];
    String payload = content.payload;
    long total = 0;
    for (int start = 0; start < payload.length(); start += 16 * 1024) {
      int end = Math.min(payload.length(), start + 16 * 1024);
      total +=
          decoder.decode(
              payload.substring(start, end).getBytes(StandardCharsets.US_ASCII), decoded);
    }
    return total;
  }

  /** The floor of decoding a data URI: the JDK's base64 decoder on the payload. */
  @Benchmark
  public byte[] baseline_base64(Content content) {
    return Base64.getDecoder().decode(content.payload);
  }

  private static long drain(InputStream in, byte[] buffer) {
    try {
      long total = 0;
      int n;
      while ((n = in.read(buffer)) > 0) {
        total += n;
      }
      return total;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
