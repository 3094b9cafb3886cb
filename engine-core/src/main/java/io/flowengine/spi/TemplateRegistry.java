package io.flowengine.spi;

import io.flowengine.Template;
import java.util.List;
import java.util.Optional;

/**
 * Where the engine finds templates: by id or name, listed, registered and unregistered at run time.
 * The default registry holds templates in memory. Implementations must be thread-safe.
 */
public interface TemplateRegistry {
  /** Returns the template with this id or, failing that, this name. */
  Optional<Template> find(String idOrName);

  /** Returns every template, ordered by name. */
  List<Template> list();

  /**
   * Adds a template.
   *
   * @throws IllegalArgumentException if a template with the same id or name is registered
   */
  void register(Template template);

  /**
   * Removes the template with this id or name. Flows of it that have not started running yet will
   * fail when they are dispatched.
   *
   * @return whether a template was removed
   */
  boolean unregister(String idOrName);

  /**
   * Returns a new, empty registry in memory, the engine's default: lock-free lookups, and
   * registrations serialized so an id and a name are never half registered.
   */
  static TemplateRegistry inMemory() {
    return new InMemoryTemplateRegistry();
  }
}
