package io.flowengine.internal;

import io.flowengine.Asset;
import io.flowengine.AssetRole;
import io.flowengine.AssetStatus;
import io.flowengine.FlowState;
import io.flowengine.spi.AssetRecord;
import io.flowengine.spi.FlowRecord;
import java.time.Instant;

/**
 * Turns stored asset records into the public {@link Asset}, deriving an input's status from its
 * flow's state (so no asset row changes when a flow moves). Stateless.
 */
final class AssetViews {
  private AssetViews() {}

  static Asset of(AssetRecord record, FlowRecord flow) {
    AssetStatus status;
    Instant processedAt = null;
    if (record.role() == AssetRole.OUTPUT) {
      status = AssetStatus.READY;
    } else {
      status =
          switch (flow.state()) {
            case CREATED, COMPLETED, ABORTED -> AssetStatus.AVAILABLE;
            case STARTING, RUNNING, ABORTING -> AssetStatus.PROCESSING;
            case FAILED -> AssetStatus.ERROR;
          };
      if (flow.state() == FlowState.COMPLETED) {
        processedAt = flow.finishedAt();
      }
    }
    return new Asset(
        record.id(),
        record.flowId(),
        record.role(),
        record.mediaType(),
        record.size(),
        record.sha256(),
        status,
        record.createdAt(),
        processedAt,
        record.additional(),
        record.derivedFrom());
  }
}
