package io.flowengine.samples.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowengine.FlowEngine;
import io.flowengine.NewApiKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiKeyBootstrapTest {
  @Test
  void aKeyIsCreatedOnlyWhileTheAccountHasNoActiveOne() {
    try (FlowEngine engine = FlowEngine.builder().build()) {
      Instant now = Instant.now();

      Optional<NewApiKey> first = ApiKeyBootstrap.ensureKey(engine, now, false);
      Optional<NewApiKey> second = ApiKeyBootstrap.ensureKey(engine, now.plusSeconds(60), false);
      Optional<NewApiKey> asked = ApiKeyBootstrap.ensureKey(engine, now.plusSeconds(60), true);
      Optional<NewApiKey> afterExpiry =
          ApiKeyBootstrap.ensureKey(
              engine, now.plus(ApiKeyBootstrap.KEY_LIFETIME).plus(Duration.ofDays(400)), false);

      assertThat(first).isPresent();
      assertThat(engine.authenticate(first.get().secret()).listTemplates()).isEmpty();
      assertThat(second).isEmpty();
      assertThat(asked).isPresent();
      assertThat(asked.get().secret()).isNotEqualTo(first.get().secret());
      assertThat(afterExpiry).isPresent();
      assertThat(engine.apiKeys().list(ApiKeyBootstrap.ACCOUNT)).hasSize(3);
    }
  }
}
