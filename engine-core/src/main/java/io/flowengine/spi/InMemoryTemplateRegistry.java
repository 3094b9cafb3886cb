package io.flowengine.spi;

import io.flowengine.Template;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The default {@link TemplateRegistry}: lock-free lookups, and registrations serialized by a lock
 * so an id and a name are never half registered. Thread-safe.
 */
final class InMemoryTemplateRegistry implements TemplateRegistry {
  private final Map<String, Template> byId = new ConcurrentHashMap<>();
  private final Map<String, Template> byName = new ConcurrentHashMap<>();
  private final ReentrantLock writes = new ReentrantLock();

  @Override
  public Optional<Template> find(String idOrName) {
    Template template = byId.get(idOrName);
    return Optional.ofNullable(template != null ? template : byName.get(idOrName));
  }

  @Override
  public List<Template> list() {
    return byName.values().stream().sorted(Comparator.comparing(Template::name)).toList();
  }

  @Override
  public void register(Template template) {
    writes.lock();
    try {
      if (byId.containsKey(template.id())
          || byName.containsKey(template.name())
          || byName.containsKey(template.id())
          || byId.containsKey(template.name())) {
        throw new IllegalArgumentException(
            "a template with id "
                + template.id()
                + " or name "
                + template.name()
                + " is already registered");
      }
      byId.put(template.id(), template);
      byName.put(template.name(), template);
    } finally {
      writes.unlock();
    }
  }

  @Override
  public boolean unregister(String idOrName) {
    writes.lock();
    try {
      Template template = find(idOrName).orElse(null);
      if (template == null) {
        return false;
      }
      byId.remove(template.id());
      byName.remove(template.name());
      return true;
    } finally {
      writes.unlock();
    }
  }
}
