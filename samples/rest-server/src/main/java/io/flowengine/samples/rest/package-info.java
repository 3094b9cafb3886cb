/**
 * A REST server embedding the engine that answers the reference Flows API's wire format, so clients
 * written for the hosted service run against it with only the base URL and key changed. {@link
 * io.flowengine.samples.rest.RestServerMain} starts it; {@link
 * io.flowengine.samples.rest.FlowsApiServer} is the server itself, usable from tests.
 */
@NullMarked
package io.flowengine.samples.rest;

import org.jspecify.annotations.NullMarked;
