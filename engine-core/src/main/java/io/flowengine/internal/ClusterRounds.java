package io.flowengine.internal;

import java.util.concurrent.Executor;

/**
 * Where a cluster node's rounds run when the engine has no executor of its own: each on a new
 * virtual thread, named for the logs. Stateless.
 */
final class ClusterRounds {
  private static final Executor VIRTUAL =
      task -> Thread.ofVirtual().name("flowengine-cluster").start(task);

  private ClusterRounds() {}

  static Executor executor() {
    return VIRTUAL;
  }
}
