/**
 * Tests of the REST server over real HTTP on a random loopback port: each template's lifecycle,
 * every error code, two accounts, listing, streaming, graceful shutdown, the server as a process,
 * recovery after a stop and hostile input; {@code RestLoadCheck} is the load check LOAD.md
 * describes.
 */
@NullMarked
package io.flowengine.samples.rest;

import org.jspecify.annotations.NullMarked;
