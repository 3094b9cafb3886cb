package io.flowengine.testing;

import static com.google.common.base.Preconditions.checkState;
import static java.util.Objects.requireNonNull;

import io.flowengine.EngineLimits;
import io.flowengine.FlowEngine;
import io.flowengine.Template;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A {@link FlowEngine} set up for a host application's unit tests: in-memory stores, a {@link
 * ManualClock} that drives timeouts and key expiry, and flows run in one of three {@link Mode}s. It
 * starts in well under a millisecond and needs no test framework. {@link #close()} closes the
 * engine and fails if a thread it started is still running.
 *
 * <pre>{@code
 * try (TestFlowEngine fake = TestFlowEngine.withReferenceTemplates()) {
 *   MyClient client = new MyClient(fake.engine());
 *   ...
 * }
 * }</pre>
 *
 * <p>Thread-safe as the engine is; the manual executor is driven by the test.
 */
public final class TestFlowEngine implements AutoCloseable {
  /** Where flows run. */
  public enum Mode {
    /**
     * On the thread that starts them, before {@code createFlow}/{@code startFlow} returns (the
     * default): a flow with inputs is finished when {@code createFlow} returns.
     */
    CALLING_THREAD,
    /**
     * Queued until the test calls {@link TestFlowEngine#runNext()} or {@link
     * TestFlowEngine#runUntilIdle()}.
     */
    MANUAL,
    /** On virtual threads as in production, tracked so {@link #close()} can check none leaks. */
    VIRTUAL_THREADS
  }

  private final FlowEngine engine;
  private final ManualClock clock;
  private final @Nullable ManualExecutor manual;
  private final @Nullable ExecutorService threads;
  private final @Nullable ThreadTracker tracker;

  private TestFlowEngine(Builder builder) {
    this.clock = builder.clock;
    FlowEngine.Builder engineBuilder =
        FlowEngine.builder()
            .clock(clock)
            .deadlineScheduler(clock)
            .shutdownTimeout(Duration.ofSeconds(5));
    builder.templates.forEach(engineBuilder::template);
    if (builder.limits != null) {
      engineBuilder.limits(builder.limits);
    }
    builder.customizer.accept(engineBuilder);
    switch (builder.mode) {
      case CALLING_THREAD -> {
        this.manual = null;
        this.tracker = null;
        this.threads = null;
        engineBuilder.executor(Runnable::run);
      }
      case MANUAL -> {
        this.manual = new ManualExecutor();
        this.tracker = null;
        this.threads = null;
        engineBuilder.executor(manual);
      }
      default -> {
        this.manual = null;
        this.tracker = new ThreadTracker();
        this.threads = Executors.newThreadPerTaskExecutor(tracker);
        engineBuilder.executor(threads);
      }
    }
    this.engine = engineBuilder.build();
  }

  /** Returns a fake with the three reference templates, running flows on the calling thread. */
  public static TestFlowEngine withReferenceTemplates() {
    return builder().referenceTemplates().build();
  }

  /** Starts configuring a fake. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the engine to hand to the code under test. */
  public FlowEngine engine() {
    return engine;
  }

  /** Returns the clock; {@link ManualClock#advance} fires timeouts that fall due. */
  public ManualClock clock() {
    return clock;
  }

  /**
   * Runs the oldest queued flow (mode {@link Mode#MANUAL}); returns false if none was queued.
   *
   * @throws IllegalStateException in another mode
   */
  public boolean runNext() {
    return manual().runNext();
  }

  /**
   * Runs queued flows until none is left (mode {@link Mode#MANUAL}); returns how many ran.
   *
   * @throws IllegalStateException in another mode
   */
  public int runUntilIdle() {
    return manual().runUntilIdle();
  }

  /** Returns how many flows wait to be run (mode {@link Mode#MANUAL}). */
  public int pending() {
    return manual().pending();
  }

  private ManualExecutor manual() {
    checkState(manual != null, "runNext and runUntilIdle need Mode.MANUAL");
    return manual;
  }

  /**
   * Closes the engine and checks that no thread it ran flows on is still alive.
   *
   * @throws AssertionError if a flow thread is still running 5 seconds after close
   */
  @Override
  public void close() {
    engine.close();
    if (threads != null && tracker != null) {
      threads.shutdownNow();
      try {
        threads.awaitTermination(5, TimeUnit.SECONDS);
        List<Thread> alive = tracker.awaitAllEnded(Duration.ofSeconds(5));
        if (!alive.isEmpty()) {
          throw new AssertionError("flow threads still running after close: " + alive);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while checking for leaked threads", e);
      }
    }
  }

  /** Configures a {@link TestFlowEngine}. Not thread-safe. */
  public static final class Builder {
    private final List<Template> templates = new ArrayList<>();
    private Mode mode = Mode.CALLING_THREAD;
    private ManualClock clock = new ManualClock();
    private @Nullable EngineLimits limits;
    private Consumer<FlowEngine.Builder> customizer = b -> {};

    private Builder() {}

    /** Registers the three {@link ReferenceTemplates}. */
    public Builder referenceTemplates() {
      templates.addAll(ReferenceTemplates.all());
      return this;
    }

    /** Registers a template. */
    public Builder template(Template template) {
      templates.add(requireNonNull(template, "template"));
      return this;
    }

    /** Sets where flows run ({@link Mode#CALLING_THREAD} by default). */
    public Builder mode(Mode mode) {
      this.mode = requireNonNull(mode, "mode");
      return this;
    }

    /** Uses {@code clock} instead of a new {@link ManualClock}. */
    public Builder clock(ManualClock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /** Sets request limits. */
    public Builder limits(EngineLimits limits) {
      this.limits = requireNonNull(limits, "limits");
      return this;
    }

    /**
     * Applies further settings to the engine builder (listeners, storage, max running flows);
     * clock, deadline scheduler, executor and shutdown timeout are set by the fake.
     */
    public Builder customize(Consumer<FlowEngine.Builder> customizer) {
      this.customizer = requireNonNull(customizer, "customizer");
      return this;
    }

    /** Builds the fake and its engine. */
    public TestFlowEngine build() {
      return new TestFlowEngine(this);
    }
  }
}
