/**
 * The reference Flows API's JSON shapes as records: requests the server reads and responses it
 * writes, with the wire's snake_case names in {@code @JsonProperty}. Nothing here talks HTTP.
 */
@NullMarked
package io.flowengine.samples.rest.wire;

import org.jspecify.annotations.NullMarked;
