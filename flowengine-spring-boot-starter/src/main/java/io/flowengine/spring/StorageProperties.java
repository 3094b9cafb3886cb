package io.flowengine.spring;

import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code flowengine.storage.*}: which store the engine uses, and that store's settings. Immutable
 * and thread-safe.
 *
 * @param kind the store: memory, h2 or postgres
 * @param h2 the H2 store's settings, used when the kind is h2
 * @param postgres the PostgreSQL store's settings, used when the kind is postgres
 */
public record StorageProperties(
    @DefaultValue("memory") StorageKind kind,
    @NestedConfigurationProperty @DefaultValue H2Properties h2,
    @NestedConfigurationProperty @DefaultValue PostgresProperties postgres) {

  /**
   * Checks that the chosen store has what it needs.
   *
   * @throws IllegalArgumentException if the kind is h2 and no directory is set
   */
  public StorageProperties {
    if (kind == StorageKind.H2 && h2.directory() == null) {
      throw new IllegalArgumentException(
          FlowEngineProperties.PREFIX
              + ".storage.h2.directory must be set when "
              + FlowEngineProperties.PREFIX
              + ".storage.kind is h2");
    }
  }
}
