package io.flowengine.h2;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowengine.Asset;
import io.flowengine.Flow;
import io.flowengine.FlowEngine;
import io.flowengine.FlowState;
import io.flowengine.NewAsset;
import io.flowengine.NewFlow;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal of {@link Durability#EVERY_COMMIT}: what H2 had not written when the process ended is
 * replayed on opening, once; a torn last record is ignored; rollbacks to savepoints and rollbacks
 * are not journaled; large content is kept in content files until H2 has it.
 */
class JournalReplayTest {
  @TempDir Path root;
  private final Random random = new Random(13);

  /**
   * A crash that lost everything H2 held in memory: the database file as it was right after
   * opening, with the journal as it was after the calls. Opening it replays the journal.
   */
  @Test
  void whatH2HadNotWritten_isReplayedFromTheJournal() throws Exception {
    Path live = root.resolve("live");
    Path crashed = root.resolve("crashed");
    Map<String, byte[]> created = new LinkedHashMap<>();
    try (FlowEngine engine = engine(journaled(live))) {
      Files.createDirectories(crashed);
      Files.copy(live.resolve(H2Storage.FILE_NAME), crashed.resolve(H2Storage.FILE_NAME));
      for (int size : new int[] {1_000, 70_000, 300_000, 5}) {
        byte[] input = bytes(size);
        Flow flow = create(engine, input);
        created.put(flow.id(), input);
        assertThat(engine.awaitFlow(flow.id()).get(30, TimeUnit.SECONDS).state())
            .isEqualTo(FlowState.COMPLETED);
      }
      assertThat(JournalReplay.files(live.resolve("journal"), Journal.CONTENT_PREFIX))
          .as("content files of the inputs larger than 64 KiB")
          .isNotEmpty();
      copyDirectory(live.resolve("journal"), crashed.resolve("journal"));
    }
    assertThat(flowIdsIn(crashed)).as("the file alone, before the replay").isEmpty();
    assertAllThere(crashed, created);
    assertThat(crashed.resolve("journal")).isEmptyDirectory();
  }

  @Test
  void aJournalReplayedOnTheDatabaseThatHasItAll_changesNothing() throws Exception {
    Path live = root.resolve("live");
    Path journalCopy = root.resolve("journal-copy");
    Map<String, byte[]> created = new LinkedHashMap<>();
    try (FlowEngine engine = engine(journaled(live))) {
      for (int size : new int[] {2_000, 100_000}) {
        byte[] input = bytes(size);
        Flow flow = create(engine, input);
        created.put(flow.id(), input);
        engine.awaitFlow(flow.id()).get(30, TimeUnit.SECONDS);
      }
      copyDirectory(live.resolve("journal"), journalCopy);
    }
    copyDirectory(journalCopy, live.resolve("journal"));
    assertAllThere(live, created);
  }

  @Test
  void aTornLastRecord_isIgnored_andTheRecordsBeforeItAreReplayed() throws Exception {
    Path dir = root.resolve("torn");
    Path journalDir = dir.resolve("journal");
    Files.createDirectories(dir);
    try (Connection c = plain(dir)) {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE T(ID INT PRIMARY KEY, NAME VARCHAR)");
      }
      try (Journal journal = Journal.start(journalDir)) {
        Connection journaled = JournaledConnection.wrap(plain(dir), journal);
        for (int i = 1; i <= 3; i++) {
          insert(journaled, i, "row " + i);
        }
        journaled.close();
      }
      try (Statement s = c.createStatement()) {
        s.execute("DELETE FROM T"); // as if H2 had lost them
      }
    }
    Path segment = Journal.segmentPath(journalDir, 1);
    try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
      file.setLength(file.length() - 3); // the last record, cut by the crash
    }
    try (Connection c = plain(dir)) {
      assertThat(JournalReplay.replay(journalDir, c).transactions()).isEqualTo(2);
      assertThat(names(c)).containsExactly("row 1", "row 2");
    }
    assertThat(journalDir).isEmptyDirectory();
  }

  @Test
  void rollbacks_andRollbacksToASavepoint_dropWhatTheyUndid() throws Exception {
    Path dir = root.resolve("savepoints");
    Path journalDir = dir.resolve("journal");
    Files.createDirectories(dir);
    try (Connection c = plain(dir)) {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE T(ID INT PRIMARY KEY, NAME VARCHAR)");
      }
      try (Journal journal = Journal.start(journalDir);
          Connection journaled = JournaledConnection.wrap(plain(dir), journal)) {
        journaled.setAutoCommit(false);
        insert(journaled, 1, "kept");
        Savepoint savepoint = journaled.setSavepoint();
        insert(journaled, 2, "undone to the savepoint");
        journaled.rollback(savepoint);
        insert(journaled, 3, "kept after the savepoint");
        journaled.commit();
        insert(journaled, 4, "rolled back");
        journaled.rollback();
        journaled.setAutoCommit(true);
        insert(journaled, 5, "auto-committed");
      }
      List<JournalTransaction> journaled = JournalReplay.read(Journal.segmentPath(journalDir, 1));
      assertThat(journaled).hasSize(2);
      assertThat(journaled.getFirst().statements()).hasSize(2);
      try (Statement s = c.createStatement()) {
        s.execute("DELETE FROM T");
      }
      JournalReplay.replay(journalDir, c);
      assertThat(names(c)).containsExactly("kept", "kept after the savepoint", "auto-committed");
    }
  }

  private static void insert(Connection c, int id, String name) throws Exception {
    try (PreparedStatement insert = c.prepareStatement("INSERT INTO T VALUES (?, ?)")) {
      insert.setInt(1, id);
      insert.setString(2, name);
      insert.executeUpdate();
    }
  }

  private static List<String> names(Connection c) throws Exception {
    List<String> names = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("SELECT NAME FROM T ORDER BY ID")) {
      while (rows.next()) {
        names.add(rows.getString(1));
      }
    }
    return names;
  }

  private static Connection plain(Path dir) throws Exception {
    return DriverManager.getConnection("jdbc:h2:file:" + dir.toAbsolutePath().resolve("t"));
  }

  private static void assertAllThere(Path dir, Map<String, byte[]> created) throws Exception {
    try (FlowEngine engine = engine(journaled(dir))) {
      for (Map.Entry<String, byte[]> flow : created.entrySet()) {
        Flow done = engine.getFlow(flow.getKey());
        assertThat(done.state()).as("flow %s", flow.getKey()).isEqualTo(FlowState.COMPLETED);
        List<Asset> inputs = engine.listInputs(flow.getKey());
        assertThat(inputs).hasSize(1);
        assertThat(read(engine.getInput(flow.getKey(), inputs.getFirst().id()).openStream()))
            .isEqualTo(flow.getValue());
        Asset output = engine.listOutputs(flow.getKey()).getFirst();
        assertThat(read(engine.getOutput(flow.getKey(), output.id()).openStream()))
            .isEqualTo(flow.getValue());
      }
    }
  }

  private static java.util.Set<String> flowIdsIn(Path dir) throws Exception {
    java.util.Set<String> ids = new java.util.HashSet<>();
    try (Connection c = DriverManager.getConnection(H2Storage.jdbcUrl(dir) + ";IFEXISTS=TRUE");
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("SELECT ID FROM FLOWS")) {
      while (rows.next()) {
        ids.add(rows.getString(1));
      }
    }
    return ids;
  }

  private static byte[] read(InputStream in) throws Exception {
    try (in) {
      return in.readAllBytes();
    }
  }

  private static void copyDirectory(Path from, Path to) throws Exception {
    Files.createDirectories(to);
    for (Path file : JournalReplay.files(from, "")) {
      Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static H2Storage journaled(Path dir) {
    return H2Storage.builder().directory(dir).journaled().open();
  }

  private static FlowEngine engine(H2Storage storage) {
    return FlowEngine.builder().storage(storage).template(CrashWorkload.COPY).build();
  }

  private Flow create(FlowEngine engine, byte[] input) {
    return engine.createFlow(
        NewFlow.builder("copy").input(NewAsset.bytes("application/octet-stream", input)).build());
  }

  private byte[] bytes(int size) {
    byte[] content = new byte[size];
    random.nextBytes(content);
    return content;
  }
}
