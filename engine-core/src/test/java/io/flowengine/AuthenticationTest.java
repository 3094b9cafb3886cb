package io.flowengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowengine.spi.ApiKeyRecord;
import io.flowengine.spi.EngineStorage;
import io.flowengine.testing.TestFlowEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuthenticationTest {
  private final EngineStorage storage = EngineStorage.inMemory();
  private final TestFlowEngine fake =
      TestFlowEngine.builder()
          .template(TestTemplates.echo())
          .customize(b -> b.storage(storage))
          .build();
  private final FlowEngine engine = fake.engine();
  private final Instant inADay = fake.clock().instant().plus(Duration.ofDays(1));

  @AfterEach
  void close() {
    fake.close();
  }

  private void assertRefused(String secret) {
    assertThatThrownBy(() -> engine.authenticate(secret))
        .isInstanceOf(AuthenticationException.class)
        .hasMessage("invalid API key");
  }

  @Test
  void createdKey_authenticatesItsAccount_andItsSecretIsShownOnce() {
    NewApiKey created = engine.apiKeys().create("acme", "ci pipeline", inADay);
    assertThat(created.secret())
        .matches("fe_[0-9a-f]{24}_[A-Za-z0-9_-]{43}")
        .contains(created.key().id());
    assertThat(created.toString()).doesNotContain(created.secret());
    assertThat(created.key().accountId()).isEqualTo("acme");
    assertThat(created.key().createdAt()).isEqualTo(fake.clock().instant());

    FlowOperations acme = engine.authenticate(created.secret());
    Flow flow = acme.createFlow(NewFlow.of("echo"));
    assertThat(acme.getFlow(flow.id())).isEqualTo(flow);

    List<ApiKey> keys = engine.apiKeys().list("acme");
    assertThat(keys).hasSize(1);
    assertThat(keys.getFirst().lastUsedAt()).isEqualTo(fake.clock().instant());
    assertThat(keys.getFirst().toString()).doesNotContain(created.secret());
    ApiKeyRecord stored = storage.apiKeys().find(created.key().id()).orElseThrow();
    assertThat(stored.toString()).doesNotContain(created.secret().substring(28));
    assertThat(stored.secretHash()).hasSize(64);
  }

  @Test
  void unknownMalformedExpiredAndRevokedKeys_areRefusedAlike() {
    NewApiKey key = engine.apiKeys().create("acme", "k", inADay);
    String secret = key.secret();
    assertRefused("");
    assertRefused("Bearer " + secret);
    assertRefused(secret + "x");
    assertRefused(
        secret.substring(0, 70) + (secret.endsWith("A") ? "B" : "A")); // wrong secret, right id
    assertRefused("fe_0123456789abcdef01234567_" + secret.substring(28)); // unknown id
    assertRefused(secret.toUpperCase());

    engine.authenticate(secret); // cached now
    fake.clock().advance(Duration.ofDays(1));
    assertRefused(secret); // expired at once, cache or not
  }

  @Test
  void revokedKey_stopsWorkingAtOnce_evenWhenCached() {
    NewApiKey key = engine.apiKeys().create("acme", "k", inADay);
    FlowOperations before = engine.authenticate(key.secret());
    assertThat(before.listTemplates()).hasSize(1);
    ApiKey revoked = engine.apiKeys().revoke("acme", key.key().id());
    assertThat(revoked.revokedAt()).isEqualTo(fake.clock().instant());
    assertThat(revoked.isActiveAt(fake.clock().instant())).isFalse();
    assertRefused(key.secret());
    assertThatThrownBy(() -> engine.apiKeys().revoke("other", key.key().id()))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void keyRequests_areChecked() {
    assertThatThrownBy(() -> engine.apiKeys().create("bad account/..", "k", inADay))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> engine.apiKeys().create("acme", " ", inADay))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> engine.apiKeys().create("acme", "a\nb", inADay))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> engine.apiKeys().create("acme", "k", fake.clock().instant()))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.violations().getFirst().field()).isEqualTo("expiresAt"));
    assertThatThrownBy(() -> engine.apiKeys().list("'; DROP TABLE keys;--"))
        .isInstanceOf(InvalidRequestException.class);
    assertThat(engine.apiKeys().list("nobody")).isEmpty();
  }

  @Test
  void lastUse_isRecordedAtMostOnceAMinute() {
    NewApiKey key = engine.apiKeys().create("acme", "k", inADay);
    Instant first = fake.clock().instant();
    engine.authenticate(key.secret());
    fake.clock().advance(Duration.ofSeconds(30));
    engine.authenticate(key.secret());
    assertThat(engine.apiKeys().list("acme").getFirst().lastUsedAt()).isEqualTo(first);
    fake.clock().advance(Duration.ofSeconds(31));
    engine.authenticate(key.secret());
    assertThat(engine.apiKeys().list("acme").getFirst().lastUsedAt())
        .isEqualTo(fake.clock().instant());
  }
}
