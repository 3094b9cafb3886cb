/**
 * A small Spring Boot web application on the flowengine starter: the {@code shout} template as a
 * bean, {@code POST /shouts} to create a flow and {@code GET /shouts/{id}} to read it.
 */
@NullMarked
package io.flowengine.samples.spring;

import org.jspecify.annotations.NullMarked;
