package dev.alphapulse.research.aggregate;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Aggregators by name: the built-ins ({@code mean, weighted-mean, median, min, max, sum, std}) and
 * any registered. Immutable: {@link #register} returns a new registry. Thread-safe.
 */
public final class AggregatorRegistry {
  private final Map<String, Aggregator> byName;

  private AggregatorRegistry(Map<String, Aggregator> byName) {
    this.byName = Collections.unmodifiableMap(new TreeMap<>(byName));
  }

  /** The built-in aggregators. */
  public static AggregatorRegistry standard() {
    Map<String, Aggregator> m = new TreeMap<>();
    m.put("mean", Aggregator.MEAN);
    m.put("weighted-mean", Aggregator.WEIGHTED_MEAN);
    m.put("median", Aggregator.MEDIAN);
    m.put("min", Aggregator.MIN);
    m.put("max", Aggregator.MAX);
    m.put("sum", Aggregator.SUM);
    m.put("std", Aggregator.STD);
    return new AggregatorRegistry(m);
  }

  /**
   * This registry plus {@code aggregator} under {@code name}; this registry is unchanged.
   *
   * @throws IllegalArgumentException if the name is blank or already taken
   */
  public AggregatorRegistry register(String name, Aggregator aggregator) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("aggregator name must not be blank, was '" + name + "'");
    }
    Objects.requireNonNull(aggregator, "aggregator");
    if (byName.containsKey(name)) {
      throw new IllegalArgumentException("aggregator '" + name + "' is already registered");
    }
    Map<String, Aggregator> m = new TreeMap<>(byName);
    m.put(name, aggregator);
    return new AggregatorRegistry(m);
  }

  /**
   * The aggregator of that name.
   *
   * @throws IllegalArgumentException naming it and listing the known names
   */
  public Aggregator get(String name) {
    Aggregator a = byName.get(name);
    if (a == null) {
      throw new IllegalArgumentException(
          "unknown aggregator '" + name + "'; known: " + String.join(", ", byName.keySet()));
    }
    return a;
  }

  /** The registered names, sorted. */
  public Set<String> names() {
    return byName.keySet();
  }
}
