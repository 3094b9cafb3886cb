package io.flowengine.tck;

import static io.flowengine.tck.TestFlows.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowengine.AssetRole;
import io.flowengine.FlowState;
import io.flowengine.spi.AssetRecord;
import io.flowengine.spi.BufferedAsset;
import io.flowengine.spi.EngineStorage;
import io.flowengine.spi.FlowRecord;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The behaviour of {@link EngineStorage#insertWithInputs} every storage must have: the flow and its
 * inputs are stored together, and a failure of any part (an input whose id exists, a flow that
 * exists) stores none of them. A storage's test extends this class and returns a fresh, empty
 * storage from {@link #newStorage()}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class InsertWithInputsContract {
  /** For a subclass that runs the suite against its own storage. */
  protected InsertWithInputsContract() {}

  private final TestFlows flows = new TestFlows();
  private final TestFlows assetIds = new TestFlows(5000);

  /** The storage under test, fresh for each test. */
  protected EngineStorage storage;

  /** Returns a new, empty storage; the suite closes it. */
  protected abstract EngineStorage newStorage();

  @BeforeEach
  void openStorage() {
    storage = newStorage();
  }

  @AfterEach
  void closeStorage() {
    storage.close();
  }

  @Test
  void theFlowAndItsInputs_areStoredTogether() throws IOException {
    FlowRecord created = flows.created();
    BufferedAsset a = input(created.id(), assetIds.nextId(), "first");
    BufferedAsset b = input(created.id(), assetIds.nextId(), "");
    FlowRecord flow = starting(created, a, b);

    storage.insertWithInputs(flow, List.of(a, b));

    assertThat(storage.flows().find(flow.id())).contains(flow);
    assertThat(storage.assets().list(flow.id(), AssetRole.INPUT))
        .containsExactly(a.record(), b.record());
    try (InputStream in = storage.assets().open(flow.id(), a.record().id())) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("first");
    }
  }

  @Test
  void anInputThatCannotBeStored_storesNeitherTheFlowNorTheOtherInputs() {
    FlowRecord created = flows.created();
    BufferedAsset a = input(created.id(), assetIds.nextId(), "first");
    BufferedAsset again = input(created.id(), a.record().id(), "same id");
    FlowRecord flow = starting(created, a, again);

    assertThatThrownBy(() -> storage.insertWithInputs(flow, List.of(a, again)))
        .isInstanceOf(IllegalStateException.class);

    assertThat(storage.flows().find(flow.id())).isEmpty();
    assertThat(storage.assets().list(flow.id(), AssetRole.INPUT)).isEmpty();
  }

  @Test
  void aFlowThatCannotBeStored_storesNoneOfItsInputs() {
    FlowRecord existing = flows.created();
    storage.flows().insert(existing);
    BufferedAsset a = input(existing.id(), assetIds.nextId(), "first");

    assertThatThrownBy(() -> storage.insertWithInputs(starting(existing, a), List.of(a)))
        .isInstanceOf(IllegalStateException.class);

    assertThat(storage.flows().find(existing.id())).contains(existing);
    assertThat(storage.assets().list(existing.id(), AssetRole.INPUT)).isEmpty();
  }

  private static FlowRecord starting(FlowRecord created, BufferedAsset... inputs) {
    return new FlowRecord(
        created.id(),
        created.accountId(),
        created.templateId(),
        created.templateName(),
        FlowState.STARTING,
        0.0,
        created.parameters(),
        created.additional(),
        java.util.Arrays.stream(inputs).map(input -> input.record().id()).toList(),
        created.createdAt(),
        created.createdAt(),
        null,
        null,
        created.timeout(),
        0);
  }

  private static BufferedAsset input(String flowId, String id, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return new BufferedAsset(
        new AssetRecord(
            id,
            flowId,
            null,
            AssetRole.INPUT,
            "text/plain",
            bytes.length,
            sha256(bytes),
            at(7),
            null,
            null),
        bytes);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
