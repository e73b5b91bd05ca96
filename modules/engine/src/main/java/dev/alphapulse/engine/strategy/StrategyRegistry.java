package dev.alphapulse.engine.strategy;

import dev.alphapulse.engine.strategy.builtin.BuiltinStrategies;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Strategies by name: the built-ins plus every {@link StrategyProvider} found through {@link
 * ServiceLoader}. Immutable once built; thread-safe.
 */
public final class StrategyRegistry {
  private final Map<String, StrategyDescriptor> byName;

  private StrategyRegistry(Map<String, StrategyDescriptor> byName) {
    this.byName = Collections.unmodifiableMap(new TreeMap<>(byName));
  }

  /** Built-ins and the providers visible to this class's class loader. */
  public static StrategyRegistry load() {
    return load(StrategyRegistry.class.getClassLoader());
  }

  /**
   * Built-ins and the providers visible to {@code loader}.
   *
   * @throws IllegalStateException if two providers declare the same name
   */
  public static StrategyRegistry load(ClassLoader loader) {
    Map<String, StrategyDescriptor> m = new TreeMap<>();
    for (StrategyDescriptor d : new BuiltinStrategies().strategies()) {
      m.put(d.name(), d);
    }
    for (StrategyProvider p : ServiceLoader.load(StrategyProvider.class, loader)) {
      if (p instanceof BuiltinStrategies) {
        continue;
      }
      for (StrategyDescriptor d : p.strategies()) {
        if (m.putIfAbsent(d.name(), d) != null) {
          throw new IllegalStateException(
              "strategy name " + d.name() + " is declared twice (" + p.getClass().getName() + ")");
        }
      }
    }
    return new StrategyRegistry(m);
  }

  /**
   * The strategy of that name.
   *
   * @throws IllegalArgumentException listing the known names
   */
  public StrategyDescriptor get(String name) {
    StrategyDescriptor d = byName.get(name);
    if (d == null) {
      throw new IllegalArgumentException(
          "unknown strategy '" + name + "'; known: " + String.join(", ", byName.keySet()));
    }
    return d;
  }

  /** All strategies, by name. */
  public Collection<StrategyDescriptor> all() {
    return byName.values();
  }
}
