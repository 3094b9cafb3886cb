package io.flowengine;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;

/**
 * What a {@link Step} sees of the flow it works on: parameters, inputs, a way to write outputs,
 * progress reporting and the abort check. A context belongs to one step run; its methods may be
 * called from threads the step starts (for instance through {@link #inParallel}).
 */
public interface StepContext {
  /** Returns the flow as it was when the step started. */
  Flow flow();

  /** Returns the flow's template. */
  Template template();

  /** Returns the validated parameters, defaults applied. */
  Parameters parameters();

  /** Returns the flow's inputs in the order they were added. */
  List<Asset> inputs();

  /** Returns the outputs written so far by this and earlier steps, in the order written. */
  List<Asset> outputs();

  /**
   * Opens an input or an earlier output for reading; the caller closes the stream.
   *
   * @throws IOException if the store cannot be read
   * @throws IllegalArgumentException if the asset does not belong to this flow
   */
  InputStream open(Asset asset) throws IOException;

  /**
   * Stores an output read from {@code content} (streamed, not held in memory).
   *
   * @throws IllegalArgumentException if {@code mediaType} is not one of the template's output types
   * @throws io.flowengine.PayloadTooLargeException if the output exceeds the output limit
   * @throws IOException if the content cannot be read or stored
   */
  Asset writeOutput(String mediaType, InputStream content) throws IOException;

  /**
   * Stores an output made from {@code derivedFrom}: it records the input's id and carries a copy of
   * the input's {@code additional} user data.
   *
   * @throws IllegalArgumentException if {@code mediaType} is not one of the template's output types
   *     or {@code derivedFrom} is not an input of this flow
   * @throws io.flowengine.PayloadTooLargeException if the output exceeds the output limit
   * @throws IOException if the content cannot be read or stored
   */
  Asset writeOutput(String mediaType, InputStream content, Asset derivedFrom) throws IOException;

  /**
   * Stores an output held in {@code content}.
   *
   * @throws IllegalArgumentException if {@code mediaType} is not one of the template's output types
   * @throws IOException if it cannot be stored
   */
  Asset writeOutput(String mediaType, byte[] content) throws IOException;

  /**
   * Stores an output held in {@code content}, derived from an input (see {@link
   * #writeOutput(String, InputStream, Asset)}).
   *
   * @throws IllegalArgumentException as for the stream variant
   * @throws IOException if it cannot be stored
   */
  Asset writeOutput(String mediaType, byte[] content, Asset derivedFrom) throws IOException;

  /**
   * Reports how much of this step is done, from 0 to 1. The flow's progress is the steps done plus
   * this fraction, divided by the number of steps; it never decreases and reaches 1.0 only when the
   * flow completes. Values that would decrease it are ignored.
   *
   * @throws IllegalArgumentException if {@code fraction} is not in [0, 1]
   */
  void progress(double fraction);

  /** Returns whether the flow is being aborted, timed out or the engine is closing. */
  boolean isAbortRequested();

  /**
   * Returns normally unless the step should stop: then it throws.
   *
   * @throws InterruptedException if the flow is being aborted, timed out or the engine is closing
   */
  void checkpoint() throws InterruptedException;

  /**
   * Applies {@code work} to every item, each on its own virtual thread, and returns the results in
   * item order. If one fails, the others are interrupted and the first failure is thrown; if the
   * flow is aborted, all are interrupted.
   *
   * @throws Exception the first failure of {@code work}, or {@link InterruptedException}
   */
  <T, R> List<R> inParallel(List<T> items, CheckedFunction<? super T, ? extends R> work)
      throws Exception;

  /** Returns the engine's clock. */
  Clock clock();
}
