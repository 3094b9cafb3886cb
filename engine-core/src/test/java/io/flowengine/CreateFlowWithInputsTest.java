package io.flowengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowengine.spi.ApiKeyStore;
import io.flowengine.spi.AssetDraft;
import io.flowengine.spi.AssetRecord;
import io.flowengine.spi.AssetStore;
import io.flowengine.spi.BufferedAsset;
import io.flowengine.spi.ContentStream;
import io.flowengine.spi.EngineStorage;
import io.flowengine.spi.FlowRecord;
import io.flowengine.spi.FlowStore;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * {@code createFlow} with small inputs hands the flow and its inputs to the storage as one change
 * ({@link EngineStorage#insertWithInputs}); if that fails, nothing was stored before it. A large
 * input is streamed into the store first and removed again when the flow cannot be stored.
 */
class CreateFlowWithInputsTest {
  private static final Template ECHO =
      Template.builder("echo").inputTypes("text/plain").step(ctx -> {}).build();

  @Test
  void smallInputs_reachTheStorageWithTheirFlow_asOneChange() {
    RecordingStorage storage = new RecordingStorage();
    try (FlowEngine engine = engine(storage)) {
      Flow flow =
          engine.createFlow(
              NewFlow.builder("echo")
                  .input(NewAsset.text("one"))
                  .input(NewAsset.text("two"))
                  .build());

      assertThat(storage.withInputs)
          .as("no input was put on its own before its flow")
          .singleElement()
          .isEqualTo(flow.id() + ":2 after 0 puts");
      assertThat(engine.listInputs(flow.id())).hasSize(2);
      assertThat(engine.getInput(flow.id(), engine.listInputs(flow.id()).get(1).id()).text())
          .isEqualTo("two");
    }
  }

  @Test
  void aFailureStoringTheFlowWithItsInputs_leavesNothingStored() {
    RecordingStorage storage = new RecordingStorage();
    storage.failWithInputs.set(true);
    try (FlowEngine engine = engine(storage)) {
      assertThatThrownBy(
              () ->
                  engine.createFlow(
                      NewFlow.builder("echo")
                          .input(NewAsset.text("one"))
                          .input(NewAsset.text("two"))
                          .build()))
          .isInstanceOf(StorageException.class)
          .hasMessageContaining("injected");

      assertThat(storage.separatePuts).as("no input stored on its own, before its flow").isEmpty();
      assertThat(engine.listFlows(FlowQuery.all()).items()).isEmpty();
    }
  }

  @Test
  void aLargeInput_isStreamedFirst_andRemovedWhenTheFlowFails() {
    RecordingStorage storage = new RecordingStorage();
    storage.failWithInputs.set(true);
    byte[] large = new byte[200 * 1024];
    try (FlowEngine engine = engine(storage)) {
      assertThatThrownBy(
              () ->
                  engine.createFlow(
                      NewFlow.builder("echo")
                          .input(NewAsset.text("small"))
                          .input(NewAsset.bytes("text/plain", large))
                          .build()))
          .isInstanceOf(StorageException.class);

      assertThat(storage.separatePuts).hasSize(1);
      assertThat(engine.listFlows(FlowQuery.all()).items()).isEmpty();
      assertThat(storage.assetsStored()).isZero();
    }
  }

  private static FlowEngine engine(EngineStorage storage) {
    return FlowEngine.builder().storage(storage).template(ECHO).executor(task -> {}).build();
  }

  /** The in-memory storage, recording how inputs arrive, and failing on request. */
  private static final class RecordingStorage implements EngineStorage {
    final EngineStorage memory = EngineStorage.inMemory();
    final List<String> separatePuts = new CopyOnWriteArrayList<>();
    final List<String> withInputs = new CopyOnWriteArrayList<>();
    final AtomicBoolean failWithInputs = new AtomicBoolean();
    final List<String> flowIds = new CopyOnWriteArrayList<>();

    private final AssetStore assets =
        new AssetStore() {
          @Override
          public AssetRecord put(AssetDraft draft, ContentStream content) throws IOException {
            separatePuts.add(draft.id());
            flowIds.add(draft.flowId());
            return memory.assets().put(draft, content);
          }

          @Override
          public Optional<AssetRecord> find(String flowId, String assetId) {
            return memory.assets().find(flowId, assetId);
          }

          @Override
          public List<AssetRecord> list(String flowId, AssetRole role) {
            return memory.assets().list(flowId, role);
          }

          @Override
          public InputStream open(String flowId, String assetId) throws IOException {
            return memory.assets().open(flowId, assetId);
          }

          @Override
          public boolean delete(String flowId, String assetId) {
            return memory.assets().delete(flowId, assetId);
          }

          @Override
          public void deleteAll(String flowId) {
            memory.assets().deleteAll(flowId);
          }

          @Override
          public void deleteAll(Collection<String> flowIds, AssetRole role) {
            memory.assets().deleteAll(flowIds, role);
          }

          @Override
          public long storedBytes(String accountId) {
            return memory.assets().storedBytes(accountId);
          }
        };

    @Override
    public FlowStore flows() {
      return memory.flows();
    }

    @Override
    public AssetStore assets() {
      return assets;
    }

    @Override
    public ApiKeyStore apiKeys() {
      return memory.apiKeys();
    }

    @Override
    public void insertWithInputs(FlowRecord flow, List<BufferedAsset> inputs) {
      if (failWithInputs.get()) {
        throw new StorageException("injected failure storing flow " + flow.id());
      }
      withInputs.add(flow.id() + ":" + inputs.size() + " after " + separatePuts.size() + " puts");
      EngineStorage.super.insertWithInputs(flow, inputs);
    }

    /** How many assets the stores hold, of every flow an input was ever put for. */
    int assetsStored() {
      List<AssetRecord> all = new ArrayList<>();
      for (String flowId : flowIds) {
        all.addAll(memory.assets().list(flowId, AssetRole.INPUT));
      }
      return all.size();
    }

    @Override
    public void close() {
      memory.close();
    }
  }
}
