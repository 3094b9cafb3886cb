package io.flowengine.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowengine.Flow;
import io.flowengine.FlowEngine;
import io.flowengine.FlowState;
import io.flowengine.InvalidRequestException;
import io.flowengine.NewAsset;
import io.flowengine.NewFlow;
import io.flowengine.Parameters;
import io.flowengine.Template;
import io.flowengine.postgres.harness.PostgresExtension;
import io.flowengine.postgres.harness.TestDatabase;
import io.flowengine.spi.AssetDraft;
import io.flowengine.spi.ContentStream;
import io.flowengine.spi.FlowRecord;
import io.flowengine.tck.TestFlows;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A whole engine on PostgreSQL: flows run and keep their outputs; deleting and purging flows
 * deletes their content too (no chunk and no large object left); a failed upload leaves nothing;
 * flows a dead process left running are run again by the next engine.
 */
@ExtendWith(PostgresExtension.class)
class EngineOnPostgresTest {
  private static final Template SHOUT =
      Template.builder("shout")
          .inputTypes("text/plain")
          .outputTypes("text/plain")
          .step(
              ctx -> {
                for (var input : ctx.inputs()) {
                  String text = new String(ctx.open(input).readAllBytes(), StandardCharsets.UTF_8);
                  ctx.writeOutput(
                      "text/plain",
                      text.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8),
                      input);
                }
              })
          .build();

  private final TestDatabase database;
  private final OpenStorages storages;
  private final String url;

  EngineOnPostgresTest(TestDatabase database) throws Exception {
    this.database = database;
    this.storages = new OpenStorages(database);
    this.url = database.newSchema();
  }

  @AfterEach
  void close() {
    storages.close();
  }

  private FlowEngine engine() {
    return FlowEngine.builder().storage(storages.builder(url).open()).template(SHOUT).build();
  }

  private long count(String query) throws Exception {
    try (Connection c =
            java.sql.DriverManager.getConnection(url, database.user(), database.password());
        ResultSet row = c.createStatement().executeQuery(query)) {
      row.next();
      return row.getLong(1);
    }
  }

  private Flow run(FlowEngine engine, String text) throws Exception {
    Flow flow = engine.createFlow(NewFlow.builder("shout").input(NewAsset.text(text)).build());
    return engine.awaitFlow(flow.id()).get(30, TimeUnit.SECONDS);
  }

  @Test
  void deletingAndPurgingFlows_deletesTheirContent() throws Exception {
    try (FlowEngine engine = engine()) {
      Flow kept = run(engine, "kept");
      Flow deleted = run(engine, "deleted");
      Flow purged = run(engine, "purged".repeat(400_000)); // 2.4 MB: three chunks each way
      assertThat(List.of(kept.state(), deleted.state(), purged.state()))
          .containsOnly(FlowState.COMPLETED);
      assertThat(engine.getOutput(kept.id(), engine.listOutputs(kept.id()).getFirst().id()).text())
          .isEqualTo("KEPT");
      assertThat(count("SELECT count(*) FROM flowengine_asset_chunks")).isEqualTo(2 + 2 + 3 + 3);

      engine.deleteFlow(deleted.id());
      assertThat(
              count(
                  "SELECT count(*) FROM flowengine_asset_chunks WHERE flow_id = '"
                      + deleted.id()
                      + "'"))
          .isZero();
      assertThat(count("SELECT count(*) FROM flowengine_asset_chunks")).isEqualTo(2 + 3 + 3);

      assertThat(engine.purgeFinishedFlows(Duration.ZERO)).isEqualTo(2);
      assertThat(count("SELECT count(*) FROM flowengine_asset_chunks")).isZero();
      assertThat(count("SELECT count(*) FROM flowengine_assets")).isZero();
      assertThat(count("SELECT count(*) FROM pg_largeobject_metadata")).isZero();
    }
  }

  @Test
  void anInputWhoseUploadFails_leavesNothingBehind() throws Exception {
    IOException broken = new IOException("client went away");
    InputStream source =
        new SequenceInputStream(
            new ByteArrayInputStream(new byte[3 << 20]),
            new InputStream() {
              @Override
              public int read() throws IOException {
                throw broken;
              }
            });
    try (FlowEngine engine = engine()) {
      assertThatThrownBy(
              () ->
                  engine.createFlow(
                      NewFlow.builder("shout")
                          .input(NewAsset.stream("text/plain", source))
                          .build()))
          .isInstanceOf(InvalidRequestException.class)
          .hasMessageContaining("client went away");
      assertThat(count("SELECT count(*) FROM flowengine_asset_chunks")).isZero();
      assertThat(count("SELECT count(*) FROM flowengine_assets")).isZero();
      assertThat(count("SELECT count(*) FROM flowengine_flows")).isZero();
    }
  }

  @Test
  void aFlowADeadProcessLeftRunning_runsAgainInTheNextEngine() throws Exception {
    PostgresStorage leftBehind = storages.open(storages.builder(url));
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    String flowId = TestFlows.id(4242);
    String inputId = TestFlows.id(4243);
    leftBehind
        .assets()
        .put(
            AssetDraft.input(inputId, flowId, null, "text/plain", now, null),
            new ContentStream(
                new ByteArrayInputStream("again".getBytes(StandardCharsets.UTF_8)), 100, "input"));
    leftBehind
        .flows()
        .insert(
            new FlowRecord(
                flowId,
                null,
                SHOUT.id(),
                SHOUT.name(),
                FlowState.RUNNING,
                0.5,
                Parameters.empty(),
                null,
                List.of(inputId),
                now,
                now,
                null,
                null,
                null,
                3));
    leftBehind.close();

    try (FlowEngine engine = engine()) {
      Flow done = engine.awaitFlow(flowId).get(30, TimeUnit.SECONDS);
      assertThat(done.state()).isEqualTo(FlowState.COMPLETED);
      assertThat(engine.getOutput(flowId, engine.listOutputs(flowId).getFirst().id()).text())
          .isEqualTo("AGAIN");
    }
  }
}
