package io.flowengine.internal;

import io.flowengine.AssetRole;
import io.flowengine.spi.AssetRecord;
import io.flowengine.spi.AssetStore;
import io.flowengine.spi.FlowRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A flow's inputs as its record lists them: an asset stored but not (yet, or ever) recorded on the
 * flow, because a concurrent start won the race, is not an input. Stateless.
 */
final class FlowInputs {
  private FlowInputs() {}

  static List<AssetRecord> list(AssetStore assets, FlowRecord flow) {
    if (flow.inputIds().isEmpty()) {
      return List.of();
    }
    Map<String, AssetRecord> stored = new HashMap<>();
    for (AssetRecord record : assets.list(flow.id(), AssetRole.INPUT)) {
      stored.put(record.id(), record);
    }
    List<AssetRecord> inputs = new ArrayList<>(flow.inputIds().size());
    for (String id : flow.inputIds()) {
      AssetRecord record = stored.get(id);
      if (record != null) {
        inputs.add(record);
      }
    }
    return inputs;
  }
}
