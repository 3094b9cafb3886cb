package io.flowengine.samples.rest;

import io.flowengine.EngineLimits;
import io.flowengine.Flow;
import io.flowengine.FlowEngine;
import io.flowengine.ParameterSpec;
import io.flowengine.StepContext;
import io.flowengine.Template;
import io.flowengine.testing.BlockingStep;
import io.flowengine.testing.ManualClock;
import io.flowengine.testing.ReferenceTemplates;
import io.flowengine.testing.Steps;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real server on a random loopback port around a real engine (virtual threads, in memory) with
 * the templates the server serves ({@link ServerEngine#templates()}), a template writing a large
 * output, and two accounts. Small limits make the limit tests cheap; the in-memory limit is smaller
 * than the large output, so a response that built a data URI in memory instead of streaming it
 * would fail.
 */
final class ApiTestServer implements AutoCloseable {
  static final long MAX_INPUT_BYTES = 8 << 20;
  static final long MAX_BODY_BYTES = 16 << 20;
  static final long MAX_IN_MEMORY_BYTES = 64 << 10;
  static final String LARGE_OUTPUT = "large_output";
  static final String GLB = ReferenceTemplates.GLB;

  final ManualClock clock = new ManualClock(Instant.now());
  final FlowEngine engine;
  final FlowsApiServer server;
  final String keyA;
  final String keyB;
  private final AtomicInteger templates = new AtomicInteger();

  private ApiTestServer(Duration gracePeriod) {
    FlowEngine.Builder builder =
        FlowEngine.builder()
            .clock(clock)
            .limits(
                EngineLimits.builder()
                    .maxInputBytes(MAX_INPUT_BYTES)
                    .maxInMemoryBytes(MAX_IN_MEMORY_BYTES)
                    .build())
            .template(largeOutputTemplate());
    ServerEngine.templates().forEach(builder::template);
    engine = builder.build();
    Instant expiry = clock.instant().plus(Duration.ofDays(30));
    keyA = engine.apiKeys().create("alice", "test", expiry).secret();
    keyB = engine.apiKeys().create("bob", "test", expiry).secret();
    server =
        FlowsApiServer.builder(engine)
            .port(0)
            .maxBodyBytes(MAX_BODY_BYTES)
            .gracePeriod(gracePeriod)
            .start();
  }

  static ApiTestServer start() {
    return start(Duration.ofSeconds(10));
  }

  /** Starts a server whose {@code close()} lets requests in flight run for {@code gracePeriod}. */
  static ApiTestServer start(Duration gracePeriod) {
    return new ApiTestServer(gracePeriod);
  }

  ApiClient alice() {
    return new ApiClient(server.baseUri(), keyA);
  }

  ApiClient bob() {
    return new ApiClient(server.baseUri(), keyB);
  }

  ApiClient withKey(String key) {
    return new ApiClient(server.baseUri(), key);
  }

  ApiClient anonymous() {
    return new ApiClient(server.baseUri(), null);
  }

  /** Waits for the flow to be terminal, through the engine, not by polling. */
  Flow await(String flowId) {
    try {
      return engine.awaitFlow(flowId).get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new AssertionError("flow " + flowId + " did not finish", e);
    }
  }

  /** Registers a new template accepting text whose flows run until the step is released. */
  Blocking blockingTemplate() {
    BlockingStep step = Steps.blocking();
    String name = "blocking_" + templates.incrementAndGet();
    engine
        .templates()
        .register(
            Template.builder(name).inputTypes("text/plain").outputTypes(GLB).step(step).build());
    return new Blocking(name, step);
  }

  /** A template whose flows block, and its step. */
  record Blocking(String name, BlockingStep step) {
    void awaitRunning() {
      try {
        step.awaitEntered(Duration.ofSeconds(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      } catch (TimeoutException e) {
        throw new AssertionError(e);
      }
    }
  }

  /**
   * {@value #LARGE_OUTPUT}: writes one GLB-typed output of {@code size_kib} KiB of {@link
   * PatternBytes}, streamed, so a test can check every byte that comes back.
   */
  private static Template largeOutputTemplate() {
    return Template.builder(LARGE_OUTPUT)
        .parameter(ParameterSpec.integer("size_kib").defaultValue(1024L).min(1L))
        .inputTypes("text/plain")
        .outputTypes(GLB)
        .step(ApiTestServer::writeLargeOutput)
        .build();
  }

  private static void writeLargeOutput(StepContext context) throws IOException {
    long size = context.parameters().getLong("size_kib") << 10;
    context.writeOutput(GLB, new PatternBytes(size));
  }

  /** {@code size} bytes, the byte at position p being {@link #at(long) at(p)}, made as read. */
  static final class PatternBytes extends InputStream {
    private final long size;
    private long position;

    PatternBytes(long size) {
      this.size = size;
    }

    static byte at(long position) {
      return (byte) ((position * 2_654_435_761L) >>> 24);
    }

    @Override
    public int read() {
      return position < size ? at(position++) & 0xff : -1;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (position >= size) {
        return -1;
      }
      int n = (int) Math.min(length, size - position);
      for (int i = 0; i < n; i++) {
        buffer[offset + i] = at(position++);
      }
      return n;
    }
  }

  @Override
  public void close() {
    server.close();
    engine.close();
  }
}
