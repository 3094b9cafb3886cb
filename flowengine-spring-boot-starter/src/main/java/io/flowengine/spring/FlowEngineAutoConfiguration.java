package io.flowengine.spring;

import io.flowengine.FlowEngine;
import io.flowengine.FlowListener;
import io.flowengine.RecoveryPolicy;
import io.flowengine.Template;
import io.flowengine.spi.CommitListener;
import io.flowengine.spi.ContextPropagator;
import io.flowengine.spi.EngineStorage;
import io.flowengine.spi.FlowObserver;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configures one {@link FlowEngine} from the {@code flowengine.*} properties ({@link
 * FlowEngineProperties}), on the storage they name, with every {@link Template} bean of the context
 * registered. Beans of the engine's extension points join it too: every {@link FlowObserver} and
 * {@link FlowListener} (from the start, so they also see recovery), every {@link
 * ContextPropagator}, and every {@link CommitListener} on a durable store.
 *
 * <p>Both beans back off when the application defines its own: an {@link EngineStorage} bean is
 * used instead of the configured one, and a {@link FlowEngine} bean replaces the whole engine (then
 * nothing here is created, and the application's engine is its own to configure). The engine closes
 * with the context ({@link FlowEngine#close()}, which waits up to {@code
 * flowengine.shutdown-timeout} for running steps) and closes the storage itself.
 *
 * <p>Created by Spring on one thread; the engine it builds is thread-safe.
 */
@AutoConfiguration
@EnableConfigurationProperties(FlowEngineProperties.class)
public class FlowEngineAutoConfiguration implements BeanClassLoaderAware {
  private @Nullable ClassLoader classLoader;

  /** Called by Spring. */
  public FlowEngineAutoConfiguration() {}

  /** Called by Spring: the optional stores are looked for with the application's class loader. */
  @Override
  public void setBeanClassLoader(ClassLoader classLoader) {
    this.classLoader = classLoader;
  }

  /**
   * The storage of {@code flowengine.storage.*}. No destroy method: the engine closes it, after its
   * own threads stopped.
   */
  @Bean(destroyMethod = "")
  @ConditionalOnMissingBean({EngineStorage.class, FlowEngine.class})
  EngineStorage flowEngineStorage(
      FlowEngineProperties properties,
      ObjectProvider<DataSource> dataSource,
      ObjectProvider<CommitListener> commitListeners) {
    return EngineStorages.open(
        properties.storage(),
        properties.storage().kind() == StorageKind.POSTGRES
                && properties.storage().postgres().url() == null
            ? dataSource.getIfUnique()
            : null,
        commitListeners.orderedStream().toList(),
        classLoader);
  }

  /** The engine; closed with the context. */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  FlowEngine flowEngine(
      FlowEngineProperties properties,
      EngineStorage storage,
      ObjectProvider<Template> templates,
      ObjectProvider<FlowObserver> observers,
      ObjectProvider<FlowListener> listeners,
      ObjectProvider<ContextPropagator<?>> propagators) {
    try {
      FlowEngine.Builder builder =
          FlowEngine.builder()
              .storage(storage)
              .shutdownTimeout(properties.shutdownTimeout())
              .limits(properties.limits().toEngineLimits());
      Integer maxRunningFlows = properties.maxRunningFlows();
      if (maxRunningFlows != null) {
        builder.maxRunningFlows(maxRunningFlows);
      }
      RecoveryPolicy recoveryPolicy = properties.recoveryPolicy();
      if (recoveryPolicy != null) {
        builder.recoveryPolicy(recoveryPolicy);
      }
      templates.orderedStream().forEach(builder::template);
      observers.orderedStream().forEach(builder::observer);
      listeners.orderedStream().forEach(builder::listener);
      propagators.orderedStream().forEach(builder::contextPropagator);
      return builder.build();
    } catch (RuntimeException e) {
      try {
        storage.close(); // the engine never owned it
      } catch (RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }
}
