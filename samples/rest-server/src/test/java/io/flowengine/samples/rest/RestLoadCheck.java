package io.flowengine.samples.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowengine.FlowEngine;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The load check, a program rather than a test (it is not part of the test run): the server as
 * {@link RestServerMain} configures it (real templates, H2 in a temporary directory) on loopback,
 * and {@code load.clients} (200) concurrent clients for {@code load.seconds} (60), each looping:
 * create a prompt flow, poll it every {@code load.pollMillis} (250) ms until it is finished, list
 * its outputs, download the GLB, delete the flow. Reports requests per second, errors, latency
 * percentiles per endpoint and the heap used after GC before and after; exits 1 on any error.
 * Clients and server share this JVM, so the heap after the load (clients done, flows deleted) is
 * what the server retains. Run (profile {@code load} in this module's pom):
 *
 * <pre>
 * ./mvnw -B -Pload -pl samples/rest-server -am verify -DskipTests [-Dload.args="200 60 250"]
 * </pre>
 *
 * The report is printed and written to {@code samples/rest-server/target/load-check.md}.
 */
final class RestLoadCheck {
  private final int clients;
  private final int seconds;
  private final int pollMillis;

  private final Map<String, Latencies> latencies = new ConcurrentHashMap<>();
  private final List<Long> heapSamples = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final ExecutorService pollers = Executors.newVirtualThreadPerTaskExecutor();
  private final LongAdder errors = new LongAdder();
  private final LongAdder flows = new LongAdder();
  private final AtomicLong firstError = new AtomicLong();
  private volatile String firstErrorText = "";

  private RestLoadCheck(int clients, int seconds, int pollMillis) {
    this.clients = clients;
    this.seconds = seconds;
    this.pollMillis = pollMillis;
  }

  /** Arguments: clients (200), seconds (60), poll interval in ms (250). */
  public static void main(String[] args) throws Exception {
    RestLoadCheck check =
        new RestLoadCheck(
            args.length > 0 ? Integer.parseInt(args[0]) : 200,
            args.length > 1 ? Integer.parseInt(args[1]) : 60,
            args.length > 2 ? Integer.parseInt(args[2]) : 250);
    Path data = Files.createTempDirectory("rest-load-check");
    try {
      boolean passed = check.run(data);
      System.exit(passed ? 0 : 1);
    } finally {
      try (var files = Files.walk(data)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  private boolean run(Path data) throws Exception {
    ServerOptions options = ServerOptions.parse("--port", "0", "--data-dir", data.toString());
    FlowEngine engine = ServerEngine.build(options);
    String key =
        ApiKeyBootstrap.ensureKey(engine, java.time.Instant.now(), false).orElseThrow().secret();
    FlowsApiServer server =
        FlowsApiServer.builder(engine).port(0).maxBodyBytes(options.maxBodyBytes()).start();
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();
    try {
      runClient(http, server.baseUri(), key, System.nanoTime() + 3_000_000_000L); // warm-up
      latencies.clear();
      flows.reset();
      long heapBefore = heapAfterGc();
      long start = System.nanoTime();
      long end = start + TimeUnit.SECONDS.toNanos(seconds);
      try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
          running.add(threads.submit(() -> runClient(http, server.baseUri(), key, end)));
        }
        ScheduledFuture<?> sampling =
            timer.scheduleAtFixedRate(
                () -> heapSamples.add(heapAfterLastGc()), 10, 10, TimeUnit.SECONDS);
        for (Future<?> client : running) {
          client.get(seconds + 120, TimeUnit.SECONDS);
        }
        sampling.cancel(false);
      }
      double elapsed = (System.nanoTime() - start) / 1e9;
      long heapAfter = heapAfterGc();
      String report = report(elapsed, heapBefore, heapAfter);
      System.out.println(report);
      Files.writeString(Path.of("target", "load-check.md"), report);
      if (errors.sum() > 0) {
        System.out.println("first error: " + firstErrorText);
      }
      return errors.sum() == 0 && flows.sum() > 0;
    } finally {
      timer.shutdownNow();
      pollers.shutdownNow();
      server.close();
      engine.close();
    }
  }

  /** One client: whole flows, one after another, until {@code endNanos}. */
  private void runClient(HttpClient http, URI base, String key, long endNanos) {
    String prompt =
        "{\"template\":\"model_generate_fromprompt\",\"parameters\":{\"quality\":"
            + "\"low\",\"texture\":false},\"inputs\":[{\"data\":\"Load\"}]}";
    while (System.nanoTime() < endNanos) {
      JsonNode created = call(http, base, key, "POST", "/flows", prompt, "POST /flows");
      if (created == null) {
        continue;
      }
      String flow = "/flows/" + created.get("flow_id").asText();
      String state = created.get("state").asText();
      while (!state.equals("completed") && !state.equals("failed") && !state.equals("aborted")) {
        JsonNode polled = pollLater(http, base, key, flow);
        if (Thread.currentThread().isInterrupted()) {
          return;
        }
        state = polled == null ? state : polled.get("state").asText();
      }
      JsonNode outputs =
          call(http, base, key, "GET", flow + "/outputs", null, "GET /flows/{id}/outputs");
      if (outputs != null && !outputs.get("outputs").isEmpty()) {
        call(
            http,
            base,
            key,
            "GET",
            flow + "/outputs/" + outputs.at("/outputs/0/id").asText(),
            null,
            "GET /flows/{id}/outputs/{asset}");
      }
      if (call(http, base, key, "DELETE", flow, null, "DELETE /flows/{id}") != null) {
        flows.increment();
      }
    }
  }

  /**
   * The next poll, sent one poll interval from now (as the reference clients do) on a virtual
   * thread of its own; the client waits for its answer.
   */
  private JsonNode pollLater(HttpClient http, URI base, String key, String flow) {
    try {
      return CompletableFuture.supplyAsync(
              () -> call(http, base, key, "GET", flow, null, "GET /flows/{id}"),
              CompletableFuture.delayedExecutor(pollMillis, TimeUnit.MILLISECONDS, pollers))
          .get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (ExecutionException e) {
      error("GET /flows/{id} " + e.getCause());
      return null;
    }
  }

  private JsonNode call(
      HttpClient http,
      URI base,
      String key,
      String method,
      String path,
      String body,
      String endpoint) {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + key)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build();
    long start = System.nanoTime();
    try {
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      latencies.computeIfAbsent(endpoint, e -> new Latencies()).add(System.nanoTime() - start);
      if (response.statusCode() != 200) {
        error(
            endpoint
                + " "
                + response.statusCode()
                + " "
                + new String(response.body(), StandardCharsets.UTF_8));
        return null;
      }
      return ApiClient.JSON.readTree(response.body());
    } catch (IOException e) {
      error(endpoint + " " + e);
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private void error(String text) {
    errors.increment();
    if (firstError.compareAndSet(0, 1)) {
      firstErrorText = text;
    }
  }

  /** The heap the last collections left, without forcing one (a sample during the load). */
  private static long heapAfterLastGc() {
    long used = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
        used += pool.getCollectionUsage().getUsed();
      }
    }
    return used;
  }

  private static long heapAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      memory.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }

  private String report(double elapsed, long heapBefore, long heapAfter) {
    long requests = latencies.values().stream().mapToLong(Latencies::count).sum();
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "%d clients, %.1f s, poll every %d ms: %d requests (%.0f/s), %d errors, %d flows"
                + " created, polled, downloaded and deleted (%.1f/s)%n%n",
            clients,
            elapsed,
            pollMillis,
            requests,
            requests / elapsed,
            errors.sum(),
            flows.sum(),
            flows.sum() / elapsed));
    out.append("| endpoint | requests | p50 ms | p90 ms | p99 ms | max ms |\n");
    out.append("|---|---:|---:|---:|---:|---:|\n");
    latencies.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            entry -> {
              long[] sorted = entry.getValue().sorted();
              out.append(
                  String.format(
                      Locale.ROOT,
                      "| %s | %d | %.1f | %.1f | %.1f | %.1f |%n",
                      entry.getKey(),
                      sorted.length,
                      ms(sorted, 0.50),
                      ms(sorted, 0.90),
                      ms(sorted, 0.99),
                      sorted[sorted.length - 1] / 1e6));
            });
    out.append(
        String.format(
            Locale.ROOT,
            "%nHeap used after GC: %.1f MiB before the load, %.1f MiB after (max heap %.0f MiB).%n",
            heapBefore / 1048576.0,
            heapAfter / 1048576.0,
            ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax() / 1048576.0));
    out.append("Heap after the last GC every 10 s during the load (MiB):");
    heapSamples.forEach(used -> out.append(String.format(Locale.ROOT, " %.1f", used / 1048576.0)));
    out.append('\n');
    return out.toString();
  }

  private static double ms(long[] sorted, double quantile) {
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] / 1e6;
  }

  /** Latencies of one endpoint, in nanoseconds. */
  private static final class Latencies {
    private long[] values = new long[1024];
    private int count;

    synchronized void add(long nanos) {
      if (count == values.length) {
        values = Arrays.copyOf(values, count * 2);
      }
      values[count++] = nanos;
    }

    synchronized long count() {
      return count;
    }

    synchronized long[] sorted() {
      long[] copy = Arrays.copyOf(values, count);
      Arrays.sort(copy);
      return copy;
    }
  }
}
