package io.flowengine.h2;

import io.flowengine.Asset;
import io.flowengine.Flow;
import io.flowengine.FlowEngine;
import io.flowengine.NewAsset;
import io.flowengine.NewFlow;
import io.flowengine.Template;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The child process of {@link CrashRecoveryTest}: runs an engine on an H2 file and creates flows
 * with inputs from {@value #SENDERS} threads at once, so the group commit has batches in flight,
 * until it is killed. Only after an API call has returned does it append the call's result to an
 * fsync'd log, {@code created <flow> <input sha-256>} or {@code completed <flow> <output sha-256>},
 * and print {@code ack} so the parent can pick a moment to kill it.
 */
public final class CrashWorkload {
  /** Up to about 20 ms of hashing on this machine, so some flows run when the kill comes. */
  private static final int WORK_ROUNDS = 320;

  /** Copies each input to an output, a piece at a time, after a little real work. */
  static final Template COPY =
      Template.builder("copy")
          .inputTypes("application/octet-stream")
          .outputTypes("application/octet-stream")
          .step(
              ctx -> {
                for (Asset input : ctx.inputs()) {
                  work(ThreadLocalRandom.current().nextInt(WORK_ROUNDS));
                  try (InputStream in = ctx.open(input)) {
                    ctx.writeOutput("application/octet-stream", in, input);
                  }
                  ctx.progress(0.5);
                }
              })
          .build();

  private static final ReentrantLock LOG_LOCK = new ReentrantLock();
  private static final int SENDERS = 8;

  private CrashWorkload() {}

  /** Arguments: database directory, log file, seed. */
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    Random seeds = new Random(Long.parseLong(args[2]));
    try (FileChannel log =
            FileChannel.open(
                Path.of(args[1]),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        FlowEngine engine =
            FlowEngine.builder().storage(storage(dir)).template(COPY).maxRunningFlows(8).build()) {
      Thread[] senders = new Thread[SENDERS];
      for (int i = 0; i < SENDERS; i++) {
        Random random = new Random(seeds.nextLong());
        senders[i] = Thread.ofPlatform().name("sender-" + i).start(() -> send(engine, log, random));
      }
      for (Thread sender : senders) {
        sender.join();
      }
    }
  }

  /** Real work in a step: {@code rounds} SHA-256 digests of a 64 KiB scratch buffer. */
  private static void work(int rounds) throws NoSuchAlgorithmException {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    byte[] scratch = new byte[64 * 1024];
    for (int i = 0; i < rounds; i++) {
      sha.update(scratch);
      scratch[i % scratch.length] = sha.digest()[0];
    }
  }

  /** Creates flows until the process is killed. */
  private static void send(FlowEngine engine, FileChannel log, Random random) {
    try {
      while (true) {
        byte[] input =
            new byte
                [random.nextInt(4) == 0
                    ? 300_000 + random.nextInt(700_000)
                    : random.nextInt(20_000)];
        random.nextBytes(input);
        Flow flow =
            engine.createFlow(
                NewFlow.builder("copy")
                    .input(NewAsset.bytes("application/octet-stream", input))
                    .build());
        acknowledge(log, "created " + flow.id() + " " + sha256(input));
        engine
            .awaitFlow(flow.id())
            .thenAcceptAsync(
                done -> {
                  try {
                    String output = engine.listOutputs(done.id()).getFirst().sha256();
                    acknowledge(log, "completed " + done.id() + " " + output);
                  } catch (IOException | RuntimeException e) {
                    // the engine is being killed or closed; nothing acknowledged
                  }
                },
                task -> Thread.ofVirtual().start(task));
        if (random.nextInt(8) == 0) {
          engine.awaitFlow(flow.id()).get(30, TimeUnit.SECONDS);
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException("the sender stopped", e);
    }
  }

  /**
   * The storage with the default durability, or the one the system property {@code durability}
   * names.
   */
  private static H2Storage storage(Path dir) {
    H2Storage.Builder builder = H2Storage.builder().directory(dir);
    String durability = System.getProperty("durability");
    if (durability != null) {
      builder.durability(Durability.valueOf(durability));
    }
    if (Boolean.parseBoolean(System.getProperty("journal", "true"))) {
      builder.journaled(); // only EVERY_COMMIT uses it
    }
    return builder.open();
  }

  private static void acknowledge(FileChannel log, String line) throws IOException {
    LOG_LOCK.lock();
    try {
      log.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)));
      log.force(false);
      System.out.println("ack");
      System.out.flush();
    } finally {
      LOG_LOCK.unlock();
    }
  }

  static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
