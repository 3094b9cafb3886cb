/**
 * Spring Boot auto-configuration of a flow engine: {@code
 * io.flowengine.spring.FlowEngineAutoConfiguration} and the {@code flowengine.*} properties.
 */
// Spring ships automatic modules only (spring.boot, spring.core, ...). The module is open because
// Spring reads and calls its configuration classes, bean methods and property records
// reflectively. The stores, Micrometer and the health support are optional (requires static): the
// auto-configuration touches each only when it is on the class path or module path.
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
open module io.flowengine.spring {
  requires transitive io.flowengine;
  requires transitive java.sql;
  requires transitive spring.beans;
  requires transitive spring.boot;
  requires transitive spring.boot.autoconfigure;
  requires transitive spring.context;
  requires transitive spring.core;
  requires static transitive spring.boot.health;
  requires static io.flowengine.h2;
  requires static io.flowengine.postgres;
  requires static transitive io.flowengine.micrometer;
  requires static transitive micrometer.core;

  exports io.flowengine.spring;
}
