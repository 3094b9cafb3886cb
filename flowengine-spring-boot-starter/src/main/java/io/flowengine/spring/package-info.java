/**
 * Spring Boot auto-configuration of a flow engine: {@link
 * io.flowengine.spring.FlowEngineAutoConfiguration} builds one {@link io.flowengine.FlowEngine}
 * from the {@code flowengine.*} properties ({@link io.flowengine.spring.FlowEngineProperties}),
 * with every {@link io.flowengine.Template} bean registered; metrics and health join it when
 * Micrometer and Actuator are on the class path.
 */
@NullMarked
package io.flowengine.spring;

import org.jspecify.annotations.NullMarked;
