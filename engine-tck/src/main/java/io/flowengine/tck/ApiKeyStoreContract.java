package io.flowengine.tck;

import static io.flowengine.tck.TestFlows.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowengine.spi.ApiKeyRecord;
import io.flowengine.spi.ApiKeyStore;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The behaviour every {@link ApiKeyStore} must have: keys round-trip unchanged, duplicates are
 * refused, listings are per account and oldest first, revoking happens once and use is recorded. A
 * store's test extends this class and returns a fresh, empty store from {@link #newStore()}.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
public abstract class ApiKeyStoreContract {
  /** For a subclass that runs the suite against its own API key store. */
  protected ApiKeyStoreContract() {}

  /** The store under test, fresh for each test. */
  protected ApiKeyStore store;

  private final TestFlows ids = new TestFlows(500);

  /** Returns a new, empty store. */
  protected abstract ApiKeyStore newStore();

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  private ApiKeyRecord key(String accountId, Instant createdAt) {
    return new ApiKeyRecord(
        ids.nextId(),
        accountId,
        "ci key \u00e9",
        "ab".repeat(32),
        createdAt,
        at(1_000_000),
        null,
        null);
  }

  @Test
  void insert_thenFind_returnsAnEqualKey() {
    ApiKeyRecord key = key("acct-a", at(1));
    ApiKeyRecord used =
        new ApiKeyRecord(
            ids.nextId(), "acct-a", "used", "cd".repeat(32), at(2), at(3), at(4), at(5));
    store.insert(key);
    store.insert(used);

    assertThat(store.find(key.id())).contains(key);
    assertThat(store.find(used.id())).contains(used);
    assertThat(store.find(TestFlows.id(1))).isEmpty();
  }

  @Test
  void insert_duplicateId_isRefusedAndKeepsTheFirst() {
    ApiKeyRecord key = key("acct-a", at(1));
    store.insert(key);
    ApiKeyRecord clash =
        new ApiKeyRecord(key.id(), "acct-b", "x", "00".repeat(32), at(9), at(10), null, null);

    assertThatThrownBy(() -> store.insert(clash))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(key.id());
    assertThat(store.find(key.id())).contains(key);
  }

  @Test
  void list_returnsTheAccountsKeysOldestFirst() {
    ApiKeyRecord newer = key("acct-a", at(30));
    ApiKeyRecord older = key("acct-a", at(10));
    ApiKeyRecord tieFirst = key("acct-a", at(20));
    ApiKeyRecord tieSecond = key("acct-a", at(20));
    ApiKeyRecord other = key("acct-b", at(5));
    for (ApiKeyRecord k : new ApiKeyRecord[] {tieSecond, newer, other, tieFirst, older}) {
      store.insert(k);
    }

    assertThat(store.list("acct-a")).containsExactly(older, tieFirst, tieSecond, newer);
    assertThat(store.list("acct-b")).containsExactly(other);
    assertThat(store.list("acct-none")).isEmpty();
  }

  @Test
  void revoke_marksTheKeyOnce() {
    ApiKeyRecord key = key("acct-a", at(1));
    store.insert(key);

    assertThat(store.revoke(key.id(), at(50))).isTrue();
    assertThat(store.revoke(key.id(), at(60))).isFalse();
    assertThat(store.revoke(TestFlows.id(7), at(60))).isFalse();
    assertThat(store.find(key.id()).orElseThrow().revokedAt()).isEqualTo(at(50));
    assertThat(store.list("acct-a")).extracting(ApiKeyRecord::revokedAt).containsExactly(at(50));
  }

  @Test
  void recordUse_setsTheLastUseAndIgnoresUnknownKeys() {
    ApiKeyRecord key = key("acct-a", at(1));
    store.insert(key);

    store.recordUse(key.id(), at(40));
    store.recordUse(TestFlows.id(8), at(40));

    ApiKeyRecord used = store.find(key.id()).orElseThrow();
    assertThat(used.lastUsedAt()).isEqualTo(at(40));
    assertThat(used).usingRecursiveComparison().ignoringFields("lastUsedAt").isEqualTo(key);
    assertThat(store.find(TestFlows.id(8))).isEmpty();
  }
}
