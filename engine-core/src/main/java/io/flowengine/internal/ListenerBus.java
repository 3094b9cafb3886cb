package io.flowengine.internal;

import io.flowengine.Flow;
import io.flowengine.FlowListener;
import io.flowengine.ListenerRegistration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers flow changes to listeners on the calling thread, containing what they throw.
 * Thread-safe; adding and removing is rare, delivering is lock-free.
 */
final class ListenerBus {
  private static final Logger log = LoggerFactory.getLogger(ListenerBus.class);

  private final List<FlowListener> listeners = new CopyOnWriteArrayList<>();

  ListenerBus(List<FlowListener> initial) {
    listeners.addAll(initial);
  }

  ListenerRegistration add(FlowListener listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  boolean isEmpty() {
    return listeners.isEmpty();
  }

  void stateChanged(@Nullable Flow previous, Flow current) {
    for (FlowListener listener : listeners) {
      try {
        listener.onStateChange(previous, current);
      } catch (RuntimeException e) {
        log.warn(
            "listener {} failed on flow {} becoming {}",
            listener,
            current.id(),
            current.state(),
            e);
      }
    }
  }

  void progressed(Flow flow) {
    for (FlowListener listener : listeners) {
      try {
        listener.onProgress(flow);
      } catch (RuntimeException e) {
        log.warn("listener {} failed on progress of flow {}", listener, flow.id(), e);
      }
    }
  }
}
