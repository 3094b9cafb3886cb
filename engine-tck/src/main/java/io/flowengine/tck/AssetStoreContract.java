package io.flowengine.tck;

import static io.flowengine.tck.TestFlows.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowengine.AssetRole;
import io.flowengine.NotFoundException;
import io.flowengine.PayloadTooLargeException;
import io.flowengine.spi.AssetDraft;
import io.flowengine.spi.AssetRecord;
import io.flowengine.spi.AssetStore;
import io.flowengine.spi.ContentStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The behaviour every {@link AssetStore} must have: content streamed in and out byte for byte with
 * its size and SHA-256, a failed put storing nothing, listings in id order, deletes and the
 * per-account byte count. A store's test extends this class and returns a fresh, empty store from
 * {@link #newStore()}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class AssetStoreContract {
  /** For a subclass that runs the suite against its own asset store. */
  protected AssetStoreContract() {}

  private static final String FLOW = TestFlows.id(1);
  private static final String OTHER_FLOW = TestFlows.id(2);

  /** The store under test, fresh for each test. */
  protected AssetStore store;

  private final TestFlows ids = new TestFlows(1000);

  /** Returns a new, empty store. */
  protected abstract AssetStore newStore();

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  /** Returns a draft of a new asset of {@code flowId}. */
  protected AssetDraft draft(String flowId, @Nullable String accountId, AssetRole role) {
    return new AssetDraft(ids.nextId(), flowId, accountId, role, "text/plain", at(7), null, null);
  }

  /** Returns content for {@link AssetStore#put} with a generous limit. */
  protected static ContentStream content(byte[] bytes) {
    return new ContentStream(new ByteArrayInputStream(bytes), Long.MAX_VALUE, "test content");
  }

  /** Returns the SHA-256 of {@code bytes} in lowercase hex. */
  protected static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  private byte[] read(String flowId, String assetId) throws IOException {
    try (InputStream in = store.open(flowId, assetId)) {
      return in.readAllBytes();
    }
  }

  @Test
  void put_returnsTheRecordWithSizeAndSha256_andContentReadsBack() throws IOException {
    byte[] bytes = "hello, assets \u2603".getBytes(StandardCharsets.UTF_8);
    AssetDraft draft =
        new AssetDraft(
            ids.nextId(),
            FLOW,
            "acct-a",
            AssetRole.OUTPUT,
            "model/gltf-binary",
            at(3),
            "{\"k\":\"v \u00e9\"}",
            TestFlows.id(42));

    AssetRecord record = store.put(draft, content(bytes));

    assertThat(record).isEqualTo(draft.stored(bytes.length, sha256(bytes)));
    assertThat(store.find(FLOW, draft.id())).contains(record);
    assertThat(read(FLOW, draft.id())).isEqualTo(bytes);
  }

  @Test
  void put_emptyAndLargeContent_roundTripExactly() throws IOException {
    byte[] empty = new byte[0];
    byte[] large = new byte[3 * 1024 * 1024 + 17];
    new Random(5).nextBytes(large);
    AssetRecord emptyRecord = store.put(draft(FLOW, null, AssetRole.INPUT), content(empty));
    AssetRecord largeRecord = store.put(draft(FLOW, null, AssetRole.INPUT), content(large));

    assertThat(emptyRecord.size()).isZero();
    assertThat(emptyRecord.sha256()).isEqualTo(sha256(empty));
    assertThat(read(FLOW, emptyRecord.id())).isEmpty();
    assertThat(largeRecord.size()).isEqualTo(large.length);
    assertThat(largeRecord.sha256()).isEqualTo(sha256(large));
    assertThat(read(FLOW, largeRecord.id())).isEqualTo(large);
  }

  @Test
  void put_duplicateId_isRefusedAndKeepsTheFirst() throws IOException {
    AssetDraft draft = draft(FLOW, "acct-a", AssetRole.INPUT);
    AssetRecord first = store.put(draft, content(new byte[] {1, 2, 3}));

    assertThatThrownBy(() -> store.put(draft, content(new byte[] {9, 9})))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(draft.id());
    assertThat(store.find(FLOW, draft.id())).contains(first);
    assertThat(read(FLOW, draft.id())).containsExactly(1, 2, 3);
    assertThat(store.storedBytes("acct-a")).isEqualTo(3);
  }

  @Test
  void put_whoseSourceThrowsMidStream_storesNothingAndRethrowsUnchanged() {
    IOException broken = new IOException("connection reset while uploading");
    InputStream source =
        new SequenceInputStream(
            new ByteArrayInputStream(new byte[200_000]),
            new InputStream() {
              @Override
              public int read() throws IOException {
                throw broken;
              }

              @Override
              public int read(byte[] b, int off, int len) throws IOException {
                throw broken;
              }
            });
    AssetDraft draft = draft(FLOW, "acct-a", AssetRole.INPUT);

    assertThatThrownBy(() -> store.put(draft, new ContentStream(source, Long.MAX_VALUE, "input")))
        .isSameAs(broken);
    assertNothingStored(draft);
  }

  @Test
  void put_overTheContentLimit_storesNothingAndThrowsPayloadTooLarge() {
    AssetDraft draft = draft(FLOW, "acct-a", AssetRole.INPUT);
    ContentStream content =
        new ContentStream(new ByteArrayInputStream(new byte[300_000]), 100_000, "inputs[0]");

    assertThatThrownBy(() -> store.put(draft, content))
        .isInstanceOf(PayloadTooLargeException.class)
        .hasMessageContaining("inputs[0]")
        .isSameAs(content.failure().orElseThrow());
    assertNothingStored(draft);
  }

  private void assertNothingStored(AssetDraft draft) {
    assertThat(store.find(draft.flowId(), draft.id())).isEmpty();
    assertThat(store.list(draft.flowId(), draft.role())).isEmpty();
    assertThat(store.storedBytes("acct-a")).isZero();
    assertThatThrownBy(() -> store.open(draft.flowId(), draft.id()))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void list_returnsOneRoleOfOneFlowOrderedById() throws IOException {
    List<AssetRecord> inputs = new ArrayList<>();
    List<AssetRecord> outputs = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      AssetRole role = i % 3 == 0 ? AssetRole.OUTPUT : AssetRole.INPUT;
      AssetRecord r = store.put(draft(FLOW, null, role), content(new byte[] {(byte) i}));
      (role == AssetRole.INPUT ? inputs : outputs).add(r);
      store.put(draft(OTHER_FLOW, null, role), content(new byte[] {(byte) i}));
    }

    assertThat(store.list(FLOW, AssetRole.INPUT)).containsExactlyElementsOf(inputs);
    assertThat(store.list(FLOW, AssetRole.OUTPUT)).containsExactlyElementsOf(outputs);
    assertThat(store.list(TestFlows.id(3), AssetRole.INPUT)).isEmpty();
  }

  @Test
  void find_andOpen_requireTheAssetsOwnFlow() throws IOException {
    AssetRecord r = store.put(draft(FLOW, null, AssetRole.INPUT), content(new byte[] {1}));

    assertThat(store.find(OTHER_FLOW, r.id())).isEmpty();
    assertThat(store.find(FLOW, TestFlows.id(999_999))).isEmpty();
    assertThatThrownBy(() -> store.open(OTHER_FLOW, r.id()))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining(r.id());
  }

  @Test
  void delete_removesOneAsset() throws IOException {
    AssetRecord gone = store.put(draft(FLOW, "acct-a", AssetRole.OUTPUT), content(new byte[10]));
    AssetRecord kept = store.put(draft(FLOW, "acct-a", AssetRole.OUTPUT), content(new byte[5]));

    assertThat(store.delete(FLOW, gone.id())).isTrue();
    assertThat(store.delete(FLOW, gone.id())).isFalse();
    assertThat(store.delete(OTHER_FLOW, kept.id())).isFalse();
    assertThat(store.find(FLOW, gone.id())).isEmpty();
    assertThat(store.list(FLOW, AssetRole.OUTPUT)).containsExactly(kept);
    assertThat(store.storedBytes("acct-a")).isEqualTo(5);
  }

  @Test
  void deleteAll_removesEveryAssetOfOneFlowOnly() throws IOException {
    store.put(draft(FLOW, "acct-a", AssetRole.INPUT), content(new byte[10]));
    store.put(draft(FLOW, "acct-a", AssetRole.OUTPUT), content(new byte[20]));
    AssetRecord other =
        store.put(draft(OTHER_FLOW, "acct-a", AssetRole.INPUT), content(new byte[7]));

    store.deleteAll(FLOW);
    store.deleteAll(TestFlows.id(12345));

    assertThat(store.list(FLOW, AssetRole.INPUT)).isEmpty();
    assertThat(store.list(FLOW, AssetRole.OUTPUT)).isEmpty();
    assertThat(store.list(OTHER_FLOW, AssetRole.INPUT)).containsExactly(other);
    assertThat(store.storedBytes("acct-a")).isEqualTo(7);
  }

  @Test
  void deleteAll_ofOneRoleOfSeveralFlows_keepsTheOtherRoleAndFlows() throws IOException {
    String third = TestFlows.id(3);
    AssetRecord input = store.put(draft(FLOW, "acct-a", AssetRole.INPUT), content(new byte[4]));
    store.put(draft(FLOW, "acct-a", AssetRole.OUTPUT), content(new byte[8]));
    store.put(draft(OTHER_FLOW, "acct-a", AssetRole.OUTPUT), content(new byte[16]));
    AssetRecord kept = store.put(draft(third, "acct-a", AssetRole.OUTPUT), content(new byte[32]));

    store.deleteAll(List.of(FLOW, OTHER_FLOW, TestFlows.id(4)), AssetRole.OUTPUT);
    store.deleteAll(List.of(), AssetRole.INPUT);

    assertThat(store.list(FLOW, AssetRole.OUTPUT)).isEmpty();
    assertThat(store.list(OTHER_FLOW, AssetRole.OUTPUT)).isEmpty();
    assertThat(store.list(FLOW, AssetRole.INPUT)).containsExactly(input);
    assertThat(store.list(third, AssetRole.OUTPUT)).containsExactly(kept);
    assertThat(store.storedBytes("acct-a")).isEqualTo(36);
  }

  @Test
  void storedBytes_sumsTheAccountsAssets() throws IOException {
    store.put(draft(FLOW, "acct-a", AssetRole.INPUT), content(new byte[100]));
    store.put(draft(OTHER_FLOW, "acct-a", AssetRole.OUTPUT), content(new byte[23]));
    store.put(draft(FLOW, "acct-b", AssetRole.INPUT), content(new byte[5]));
    store.put(draft(FLOW, null, AssetRole.INPUT), content(new byte[1000]));

    assertThat(store.storedBytes("acct-a")).isEqualTo(123);
    assertThat(store.storedBytes("acct-b")).isEqualTo(5);
    assertThat(store.storedBytes("acct-unknown")).isZero();
  }

  @Test
  void open_twice_readsIndependentStreams() throws IOException {
    byte[] bytes = new byte[70_000];
    new Random(9).nextBytes(bytes);
    AssetRecord r = store.put(draft(FLOW, null, AssetRole.INPUT), content(bytes));

    try (InputStream a = store.open(FLOW, r.id());
        InputStream b = store.open(FLOW, r.id())) {
      byte[] head = a.readNBytes(1000);
      assertThat(b.readAllBytes()).isEqualTo(bytes);
      assertThat(head).isEqualTo(java.util.Arrays.copyOf(bytes, 1000));
      assertThat(a.readAllBytes())
          .isEqualTo(java.util.Arrays.copyOfRange(bytes, 1000, bytes.length));
    }
  }

  @Test
  void concurrentPuts_ofDistinctAssets_areAllKept() throws Exception {
    int threads = 4;
    int each = 10;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<List<AssetRecord>>> writers = new ArrayList<>();
    try {
      for (int t = 0; t < threads; t++) {
        int writer = t;
        writers.add(
            pool.submit(
                () -> {
                  List<AssetRecord> mine = new ArrayList<>();
                  for (int i = 0; i < each; i++) {
                    byte[] bytes = new byte[1000 + writer * 10 + i];
                    new Random(writer * 100L + i).nextBytes(bytes);
                    mine.add(store.put(draft(FLOW, "acct-a", AssetRole.OUTPUT), content(bytes)));
                  }
                  return mine;
                }));
      }
      long total = 0;
      for (Future<List<AssetRecord>> writer : writers) {
        for (AssetRecord r : writer.get(60, TimeUnit.SECONDS)) {
          total += r.size();
          assertThat(sha256(read(FLOW, r.id()))).isEqualTo(r.sha256());
        }
      }
      assertThat(store.list(FLOW, AssetRole.OUTPUT)).hasSize(threads * each);
      assertThat(store.storedBytes("acct-a")).isEqualTo(total);
    } finally {
      pool.shutdownNow();
    }
  }
}
