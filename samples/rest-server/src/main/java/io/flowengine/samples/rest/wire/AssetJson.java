package io.flowengine.samples.rest.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.flowengine.Asset;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An input or output asset without its content. The id is sent twice, as {@code asset_id} (the
 * reference's name) and {@code id} (what published client code reads). {@code status} is {@code
 * available}, {@code processing} or {@code error} for inputs and {@code ready} for outputs; {@code
 * processed} tells whether the flow finished with the input. The content, when asked for, follows
 * as {@code data}, a data URI (written by the server as a stream, not part of this record).
 */
public record AssetJson(
    @JsonProperty("asset_id") String assetId,
    @JsonProperty("id") String id,
    @JsonProperty("flow_id") String flowId,
    @JsonProperty("role") String role,
    @JsonProperty("status") String status,
    @JsonProperty("media_type") String mediaType,
    @JsonProperty("size") long size,
    @JsonProperty("sha256") String sha256,
    @JsonProperty("created_at") String createdAt,
    @JsonProperty("processed") boolean processed,
    @JsonProperty("processed_at") @Nullable String processedAt,
    @JsonProperty("derived_from") @Nullable String derivedFrom,
    @JsonProperty("additional") JsonNode additional) {

  /** Returns the wire form of {@code asset}. */
  public static AssetJson of(Asset asset) {
    return new AssetJson(
        asset.id(),
        asset.id(),
        asset.flowId(),
        asset.role().wireName(),
        asset.status().wireName(),
        asset.mediaType(),
        asset.size(),
        asset.sha256(),
        asset.createdAt().toString(),
        asset.processedAt() != null,
        FlowJson.time(asset.processedAt()),
        asset.derivedFrom(),
        UserData.toWire(asset.additional()));
  }

  /** {@code {"flow_id":..., "inputs":[...]}}, the body of {@code GET /flows/{id}/inputs}. */
  public record InputsJson(
      @JsonProperty("flow_id") String flowId, @JsonProperty("inputs") List<AssetJson> inputs) {}

  /** {@code {"flow_id":..., "outputs":[...]}}, the body of {@code GET /flows/{id}/outputs}. */
  public record OutputsJson(
      @JsonProperty("flow_id") String flowId, @JsonProperty("outputs") List<AssetJson> outputs) {}
}
