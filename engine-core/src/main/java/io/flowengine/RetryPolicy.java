package io.flowengine;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * How a flow whose step failed is tried again: at most {@link #maxAttempts()} attempts in all, the
 * delay before each next attempt (fixed, or exponential with a cap, each with optional jitter), and
 * which failures are retried. A retrying flow stays {@link FlowState#RUNNING}; between attempts it
 * waits, durably, until its next-attempt time ({@link Flow#nextAttemptAt()}). Each attempt runs the
 * pipeline from its first step, after the outputs of the failed attempt are deleted. A timeout or
 * an abort is never retried. Declared on a {@link Template} ({@link Template.Builder#retry}) or on
 * one step ({@link Template.Builder#step(Step, RetryPolicy)}), which then wins for that step's
 * failures. Immutable and thread-safe if the predicate is.
 *
 * @param maxAttempts how many attempts in all, at least 1 (1 means never retry)
 * @param initialDelay the delay before the second attempt, not negative
 * @param multiplier each further delay is the previous one times this (1 for a fixed backoff), at
 *     least 1
 * @param maxDelay the cap on a delay, at least {@code initialDelay}
 * @param jitter in [0, 1]: each delay is drawn at random from {@code [delay * (1 - jitter), delay]}
 * @param retryOn whether a failure is retried
 */
public record RetryPolicy(
    int maxAttempts,
    Duration initialDelay,
    double multiplier,
    Duration maxDelay,
    double jitter,
    Predicate<Throwable> retryOn) {

  /**
   * Checks the policy.
   *
   * @throws IllegalArgumentException if a value is out of its range
   */
  public RetryPolicy {
    requireNonNull(initialDelay, "initialDelay");
    requireNonNull(maxDelay, "maxDelay");
    requireNonNull(retryOn, "retryOn");
    checkArgument(maxAttempts >= 1, "maxAttempts must be at least 1: %s", maxAttempts);
    checkArgument(!initialDelay.isNegative(), "initialDelay is negative: %s", initialDelay);
    checkArgument(multiplier >= 1 && multiplier < 1000, "multiplier must be in [1, 1000)");
    checkArgument(maxDelay.compareTo(initialDelay) >= 0, "maxDelay is below initialDelay");
    checkArgument(jitter >= 0 && jitter <= 1, "jitter must be in [0, 1]: %s", jitter);
  }

  /** Starts a policy: by default 3 attempts, 1 s fixed backoff, no jitter, every failure. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns whether a flow whose attempt {@code attempt} failed with {@code failure} runs again.
   */
  public boolean retries(int attempt, Throwable failure) {
    return attempt < maxAttempts && retryOn.test(failure);
  }

  /**
   * Returns the delay before attempt {@code nextAttempt} (2 or more).
   *
   * @param random a number in [0, 1) that draws the jitter
   */
  public Duration delayBefore(int nextAttempt, double random) {
    double nanos =
        (double) initialDelay.toNanos() * Math.pow(multiplier, Math.max(0, nextAttempt - 2));
    nanos = Math.min(nanos, (double) maxDelay.toNanos());
    nanos -= nanos * jitter * random;
    return Duration.ofNanos((long) nanos);
  }

  /** Builds a {@link RetryPolicy}. Not thread-safe. */
  public static final class Builder {
    private int maxAttempts = 3;
    private Duration initialDelay = Duration.ofSeconds(1);
    private double multiplier = 1;
    private Duration maxDelay = initialDelay;
    private double jitter;
    private final List<Class<? extends Throwable>> types = new ArrayList<>();
    private Predicate<Throwable> predicate = failure -> true;
    private boolean predicateSet;

    private Builder() {}

    /** Sets how many attempts a flow gets in all. */
    public Builder maxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** Waits {@code delay} before every next attempt. */
    public Builder fixedBackoff(Duration delay) {
      this.initialDelay = requireNonNull(delay, "delay");
      this.maxDelay = delay;
      this.multiplier = 1;
      return this;
    }

    /** Waits {@code initial}, then twice as long each time, but never more than {@code cap}. */
    public Builder exponentialBackoff(Duration initial, Duration cap) {
      return exponentialBackoff(initial, 2, cap);
    }

    /** Waits {@code initial}, then {@code multiplier} times longer each time, up to {@code cap}. */
    public Builder exponentialBackoff(Duration initial, double multiplier, Duration cap) {
      this.initialDelay = requireNonNull(initial, "initial");
      this.maxDelay = requireNonNull(cap, "cap");
      this.multiplier = multiplier;
      return this;
    }

    /** Shortens each delay at random by up to {@code fraction} of it (0 to 1). */
    public Builder jitter(double fraction) {
      this.jitter = fraction;
      return this;
    }

    /** Retries only failures that are instances of one of {@code types} (adds to earlier ones). */
    @SafeVarargs
    public final Builder retryOn(Class<? extends Throwable>... types) {
      for (Class<? extends Throwable> type : types) {
        this.types.add(requireNonNull(type, "type"));
      }
      return this;
    }

    /** Retries only failures {@code predicate} accepts (and of the {@link #retryOn} types). */
    public Builder retryIf(Predicate<Throwable> predicate) {
      this.predicate = requireNonNull(predicate, "predicate");
      this.predicateSet = true;
      return this;
    }

    /**
     * Returns the policy.
     *
     * @throws IllegalArgumentException if a value is out of its range
     */
    public RetryPolicy build() {
      List<Class<? extends Throwable>> classes = ImmutableList.copyOf(types);
      Predicate<Throwable> test = predicate;
      boolean byPredicate = predicateSet;
      Predicate<Throwable> retryOn =
          failure ->
              (classes.isEmpty() || classes.stream().anyMatch(c -> c.isInstance(failure)))
                  && (!byPredicate || test.test(failure));
      return new RetryPolicy(maxAttempts, initialDelay, multiplier, maxDelay, jitter, retryOn);
    }
  }
}
