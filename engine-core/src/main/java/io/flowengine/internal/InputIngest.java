package io.flowengine.internal;

import io.flowengine.ContentCheck;
import io.flowengine.InvalidRequestException;
import io.flowengine.NewAsset;
import io.flowengine.PayloadTooLargeException;
import io.flowengine.Template;
import io.flowengine.Violation;
import io.flowengine.spi.AssetDraft;
import io.flowengine.spi.AssetRecord;
import io.flowengine.spi.BufferedAsset;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks and stores input assets for {@code createFlow} and {@code addInput}: media type accepted
 * by the template, user data within limits, size within limits (up front when known, otherwise
 * while streaming). Thread-safe.
 */
final class InputIngest {
  private static final Logger log = LoggerFactory.getLogger(InputIngest.class);
  private final EngineContext ctx;

  InputIngest(EngineContext ctx) {
    this.ctx = ctx;
  }

  /** Adds every problem with {@code input} that can be seen before reading it. */
  void check(
      Template template,
      NewAsset input,
      String field,
      @Nullable String accountId,
      List<Violation> violations) {
    if (!template.acceptsInput(input.mediaType())) {
      violations.add(
          new Violation(
              field + ".mediaType",
              "template "
                  + template.name()
                  + " does not accept "
                  + input.mediaType()
                  + "; it accepts "
                  + template.inputTypes()));
    }
    UserText.checkAdditional(
        input.additional().orElse(null),
        field + ".additional",
        ctx.limits().maxAdditionalBytes(),
        violations);
    long remaining = AccountQuota.remainingBytes(ctx, accountId);
    long max = Math.min(ctx.limits().maxInputBytes(), remaining);
    if (input.size().isPresent() && input.size().getAsLong() > max) {
      throw new PayloadTooLargeException(
          AccountQuota.subject(field, accountId, ctx.limits().maxInputBytes(), remaining),
          "bytes",
          max,
          input.size().getAsLong());
    }
  }

  /**
   * Streams a checked input into the store, once the template's content check of its type, if any,
   * accepts its start.
   */
  AssetRecord store(
      Template template,
      String flowId,
      @Nullable String accountId,
      NewAsset input,
      String field,
      Instant now) {
    Staged staged = stage(template, flowId, accountId, input, field, now, -1);
    return staged.stored();
  }

  /**
   * Reads a checked input into memory if it has at most {@code max} bytes; streams a larger one
   * into the store at once. With {@code max} negative, every input is streamed into the store.
   * Either way the template's content check of its type, if any, first accepts its start.
   */
  Staged stage(
      Template template,
      String flowId,
      @Nullable String accountId,
      NewAsset input,
      String field,
      Instant now,
      int max) {
    AssetDraft draft =
        AssetDraft.input(
            ctx.ids().next(now),
            flowId,
            accountId,
            input.mediaType(),
            now,
            input.additional().orElse(null));
    InputStream source;
    try {
      source = input.openStream();
    } catch (IOException e) {
      throw new InvalidRequestException(field, "could not open the content: " + e.getMessage());
    }
    Optional<ContentCheck> check = template.inputCheck(input.mediaType());
    if (check.isPresent()) {
      try {
        source =
            ContentScreen.screen(source, input.mediaType(), check.get(), template.name(), field);
      } catch (RuntimeException e) {
        closeQuietly(source, field);
        throw e;
      }
    }
    long remaining = AccountQuota.remainingBytes(ctx, accountId);
    long limit = Math.min(ctx.limits().maxInputBytes(), remaining);
    String subject =
        AccountQuota.subject(field, accountId, ctx.limits().maxInputBytes(), remaining);
    try {
      if (max < 0) {
        return new Staged(draft, ctx.assetWriter().write(draft, source, limit, subject), null);
      }
      return ctx.assetWriter()
          .bufferOrWrite(draft, source, limit, subject, max)
          .map(buffered -> new Staged(draft, null, buffered))
          .orElseGet(() -> new Staged(draft, null, null));
    } finally {
      closeQuietly(source, field);
    }
  }

  private static void closeQuietly(InputStream source, String field) {
    try {
      source.close();
    } catch (IOException e) {
      log.debug("closing input {} failed after it was read", field, e);
    }
  }

  /**
   * An input on its way into the store: already stored (its record known, or only its id), or in
   * memory, to be stored with its flow.
   */
  record Staged(
      AssetDraft draft, @Nullable AssetRecord storedRecord, @Nullable BufferedAsset buffered) {
    /** The stored record; only for an input stored with {@code max} negative. */
    AssetRecord stored() {
      if (storedRecord == null) {
        throw new IllegalStateException("input " + draft.id() + " was not stored on its own");
      }
      return storedRecord;
    }
  }
}
