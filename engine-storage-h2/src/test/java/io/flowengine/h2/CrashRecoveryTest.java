package io.flowengine.h2;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowengine.Asset;
import io.flowengine.Flow;
import io.flowengine.FlowEngine;
import io.flowengine.FlowQuery;
import io.flowengine.FlowState;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kills a process running flows on an H2 file with SIGKILL at random moments (seeded), again and
 * again, and after each kill opens an engine on the file: every flow and asset an API call had
 * acknowledged is there with the right SHA-256, and after recovery no flow stays unfinished and no
 * asset is left without its flow. The child uses the storage's default durability ({@code
 * flowengine.h2.crashDurability} names another), once as the storage opens by default (H2 alone
 * writing its file on every commit) and once with the journal, which is not the default yet.
 * Rounds: {@code flowengine.h2.crashIterations} (default 4); seed: {@code flowengine.h2.crashSeed}.
 */
class CrashRecoveryTest {
  private static final int ROUNDS = Integer.getInteger("flowengine.h2.crashIterations", 4);
  private static final long SEED = Long.getLong("flowengine.h2.crashSeed", 20261128L);

  @TempDir Path dir;

  @ParameterizedTest(name = "journaled={0}")
  @ValueSource(booleans = {false, true})
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void acknowledgedFlowsAndAssets_surviveSigkill_andRecoveryFinishesEveryFlow(boolean journaled)
      throws Exception {
    Path db = dir.resolve("db");
    Path log = dir.resolve("acks.log");
    Random random = new Random(SEED);
    int checked = 0;
    for (int round = 0; round < ROUNDS; round++) {
      int acksBeforeKill = 1 + random.nextInt(40);
      // Every other round checkpoints the journal all the time, so that kills also meet segments
      // just deleted because H2 had made them durable.
      runAndKill(db, log, random.nextLong(), acksBeforeKill, journaled, round % 2 == 1);
      checked = verify(db, log, journaled);
      System.out.printf(
          "round %d: killed after %d acks; %d acknowledged flows verified%n",
          round, acksBeforeKill, checked);
    }
    assertThat(checked).isPositive();
  }

  private static void runAndKill(
      Path db, Path log, long seed, int acks, boolean journaled, boolean checkpointOften)
      throws Exception {
    String java = ProcessHandle.current().info().command().orElseThrow();
    List<String> command = new ArrayList<>(List.of(java, "-Xmx128m", "-XX:TieredStopAtLevel=1"));
    if (!journaled) {
      command.add("-Djournal=false"); // H2 alone writing its file on every commit
    } else if (checkpointOften) {
      command.add("-Dflowengine.h2.journalCheckpointMillis=20");
    }
    String durability = System.getProperty("flowengine.h2.crashDurability");
    if (durability != null) { // e.g. WRITE_DELAYED, to see what it loses; by default the default
      command.add("-Ddurability=" + durability);
    }
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            CrashWorkload.class.getName(),
            db.toString(),
            log.toString(),
            Long.toString(seed)));
    Path errors = log.resolveSibling("child-errors.log");
    Process child =
        new ProcessBuilder(command)
            .redirectError(ProcessBuilder.Redirect.to(errors.toFile()))
            .start();
    try {
      CompletableFuture<Integer> seen =
          CompletableFuture.supplyAsync(() -> countAcks(child.getInputStream(), acks));
      assertThat(seen.get(120, TimeUnit.SECONDS))
          .as(() -> "acks before the child ended; it wrote to stderr:\n" + tail(errors))
          .isEqualTo(acks);
    } finally {
      child.destroyForcibly();
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
  }

  private static String tail(Path file) {
    try {
      String text = Files.readString(file);
      return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }

  private static int countAcks(InputStream out, int wanted) {
    try {
      BufferedReader lines = new BufferedReader(new InputStreamReader(out, StandardCharsets.UTF_8));
      int seen = 0;
      String line;
      while (seen < wanted && (line = lines.readLine()) != null) {
        if (line.equals("ack")) {
          seen++;
        }
      }
      return seen;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static int verify(Path db, Path log, boolean journaled) throws Exception {
    Map<String, String> inputs = new HashMap<>();
    Map<String, String> outputs = new HashMap<>();
    for (String line : Files.readAllLines(log)) {
      String[] parts = line.split(" ");
      if (parts.length == 3) { // a line cut by the kill has fewer parts and was never acknowledged
        (parts[0].equals("created") ? inputs : outputs).put(parts[1], parts[2]);
      }
    }
    List<String> lines = Files.readAllLines(log);
    List<String> notInFile = new ArrayList<>();
    // H2 writes its file in the background; what it had not written is in the journal, which
    // opening the storage replays. Open it without an engine, so nothing is recovered yet.
    int pending = 0;
    for (Path segment : JournalReplay.files(db.resolve("journal"), Journal.SEGMENT_PREFIX)) {
      pending += JournalReplay.read(segment).size();
    }
    System.out.printf("the journal holds %d transactions to replay%n", pending);
    if (journaled) {
      H2Storage.builder().directory(db).journaled().open().close();
    }
    Set<String> inFile = flowIdsInFile(db);
    for (int i = 0; i < lines.size(); i++) {
      String[] parts = lines.get(i).split(" ");
      if (parts.length == 3 && parts[0].equals("created") && !inFile.contains(parts[1])) {
        notInFile.add(parts[1] + " (log line " + (i + 1) + " of " + lines.size() + ")");
      }
    }
    assertThat(notInFile)
        .as("acknowledged flows missing after the journal's replay, before recovery")
        .isEmpty();
    try (FlowEngine engine =
        FlowEngine.builder().storage(H2Storage.open(db)).template(CrashWorkload.COPY).build()) {
      for (Map.Entry<String, String> input : inputs.entrySet()) {
        List<Asset> stored = engine.listInputs(input.getKey());
        assertThat(stored).as("inputs of %s", input.getKey()).hasSize(1);
        assertThat(stored.getFirst().sha256()).isEqualTo(input.getValue());
        assertThat(sha256(engine.getInput(input.getKey(), stored.getFirst().id()).openStream()))
            .isEqualTo(input.getValue());
      }
      for (String flowId : inputs.keySet()) {
        Flow done = engine.awaitFlow(flowId).get(60, TimeUnit.SECONDS);
        assertThat(done.state()).as("flow %s", flowId).isEqualTo(FlowState.COMPLETED);
        Asset output = engine.listOutputs(flowId).getFirst();
        assertThat(output.sha256()).isEqualTo(inputs.get(flowId));
        assertThat(sha256(engine.getOutput(flowId, output.id()).openStream()))
            .isEqualTo(inputs.get(flowId));
      }
      outputs.forEach(
          (flowId, sha) ->
              assertThat(inputs.get(flowId)).as("output of %s", flowId).isEqualTo(sha));
      assertThat(
              engine
                  .listFlows(
                      FlowQuery.builder()
                          .states(
                              FlowState.CREATED,
                              FlowState.STARTING,
                              FlowState.RUNNING,
                              FlowState.ABORTING)
                          .build())
                  .items())
          .as("unfinished flows after recovery")
          .isEmpty();
      assertThat(assetsWithoutAFlow(db)).as("assets left by calls the kill interrupted").isZero();
    }
    return inputs.size();
  }

  /**
   * Reads the ids of the flows in the file, through a read-only connection of its own, before any
   * engine has recovered (or changed) anything (the journal's replay has run).
   */
  private static Set<String> flowIdsInFile(Path db) throws Exception {
    Set<String> ids = new HashSet<>();
    try (Connection c =
            DriverManager.getConnection(
                H2Storage.jdbcUrl(db) + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r");
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("SELECT ID FROM FLOWS")) {
      while (rows.next()) {
        ids.add(rows.getString(1));
      }
    }
    return ids;
  }

  /**
   * Counts, through a connection of its own to the database this process has open, stray assets.
   */
  private static int assetsWithoutAFlow(Path db) throws Exception {
    try (Connection c = DriverManager.getConnection(H2Storage.jdbcUrl(db));
        Statement s = c.createStatement();
        ResultSet row =
            s.executeQuery(
                "SELECT COUNT(*) FROM ASSETS A WHERE NOT EXISTS (SELECT 1 FROM FLOWS F"
                    + " WHERE F.ID = A.FLOW_ID AND (A.ROLE = 1 OR ARRAY_CONTAINS(F.INPUT_IDS, A.ID)))")) {
      row.next();
      return row.getInt(1);
    }
  }

  private static String sha256(InputStream in) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    try (in) {
      byte[] buffer = new byte[64 * 1024];
      int n;
      while ((n = in.read(buffer)) > 0) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
