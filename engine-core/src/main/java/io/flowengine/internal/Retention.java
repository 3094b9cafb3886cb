package io.flowengine.internal;

import io.flowengine.FlowEngineException;
import io.flowengine.spi.FlowRecord;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes terminal flows that finished before a cutoff, a batch at a time; each flow is deleted
 * with the same versioned compare-and-set as {@code deleteFlow}, then its assets. Stateless.
 */
final class Retention {
  private static final Logger log = LoggerFactory.getLogger(Retention.class);
  private static final int BATCH = 500;

  private Retention() {}

  static int purge(EngineContext ctx, Instant cutoff) {
    int purged = 0;
    while (true) {
      List<FlowRecord> batch = ctx.flows().findFinishedBefore(cutoff, BATCH);
      int deleted = 0;
      for (FlowRecord record : batch) {
        try {
          ctx.stateMachine().writes().delete(record);
          ctx.assets().deleteAll(record.id());
          deleted++;
        } catch (FlowEngineException e) {
          log.debug("flow {} changed while being purged; skipped", record.id(), e);
        }
      }
      purged += deleted;
      if (batch.size() < BATCH || deleted == 0) {
        return purged;
      }
    }
  }
}
