package io.flowengine.internal;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import io.flowengine.CreateFlowResult;
import io.flowengine.IdempotencyConflictException;
import io.flowengine.NewFlow;
import io.flowengine.Parameters;
import io.flowengine.Template;
import io.flowengine.Violation;
import io.flowengine.spi.FlowRecord;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Idempotency keys of {@code createFlow}: the key's syntax, the digest that tells a repeated
 * request from a different one with the same key (template, validated parameters, user data,
 * timeout, start time, and each input's media type, user data and content hash), and the answer to
 * a request whose key is taken. Stateless.
 */
final class IdempotencyKeys {
  /** The longest key. */
  static final int MAX_LENGTH = 255;

  private IdempotencyKeys() {}

  /** Adds a violation if {@code key} is not 1 to 255 printable ASCII characters. */
  static void check(@Nullable String key, List<Violation> violations) {
    if (key == null) {
      return;
    }
    boolean printable = key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e);
    if (key.isEmpty() || key.length() > MAX_LENGTH || !printable) {
      violations.add(
          new Violation(
              "idempotency_key",
              "must be 1 to " + MAX_LENGTH + " printable ASCII characters without spaces"));
    }
  }

  /**
   * Returns the digest of a checked request.
   *
   * @param inputHashes the sha-256 of each input's content, in order
   */
  static String digest(
      NewFlow request, Template template, Parameters parameters, List<String> inputHashes) {
    Hasher hasher = Hashing.sha256().newHasher();
    field(hasher, template.id());
    Map<String, Object> sorted = new TreeMap<>(parameters.values());
    sorted.forEach(
        (name, value) -> {
          field(hasher, name);
          field(hasher, value.getClass().getSimpleName() + ":" + value);
        });
    field(hasher, "|");
    field(hasher, request.additional());
    field(hasher, request.timeout() == null ? null : request.timeout().toString());
    field(hasher, request.startAt() == null ? null : request.startAt().toString());
    for (int i = 0; i < request.inputs().size(); i++) {
      field(hasher, request.inputs().get(i).mediaType());
      field(hasher, request.inputs().get(i).additional().orElse(null));
      field(hasher, inputHashes.get(i));
    }
    return hasher.hash().toString();
  }

  private static void field(Hasher hasher, @Nullable String value) {
    if (value == null) {
      hasher.putInt(-1);
    } else {
      hasher.putInt(value.length()).putString(value, StandardCharsets.UTF_8);
    }
  }

  /**
   * Answers a request whose key {@code existing} already holds.
   *
   * @throws IdempotencyConflictException if the request differs from the one that created it
   */
  static CreateFlowResult.Created replay(FlowRecord existing, FlowRecord request) {
    String key = Objects.requireNonNull(request.idempotencyKey());
    if (!Objects.equals(existing.requestDigest(), request.requestDigest())) {
      throw new IdempotencyConflictException(key, existing.id());
    }
    return new CreateFlowResult.Created(existing.toFlow(), true);
  }

  /** Returns the stored flow holding {@code record}'s key, if it has one and a flow holds it. */
  static Optional<FlowRecord> holder(EngineContext ctx, FlowRecord record) {
    String key = record.idempotencyKey();
    return key == null
        ? Optional.empty()
        : ctx.flows().findByIdempotencyKey(record.accountId(), key);
  }
}
