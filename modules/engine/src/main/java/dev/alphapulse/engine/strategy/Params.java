package dev.alphapulse.engine.strategy;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An immutable set of parameter values, sorted by name. Values are {@link Integer} for INT
 * parameters and {@link Double} for DOUBLE parameters once validated by a {@link
 * StrategyDescriptor}.
 */
public record Params(Map<String, Number> values) {

  public Params {
    Objects.requireNonNull(values, "values");
    values.forEach(
        (k, v) -> {
          Objects.requireNonNull(k, "parameter name");
          Objects.requireNonNull(v, () -> "value of parameter " + k);
        });
    values = Collections.unmodifiableMap(new TreeMap<>(values));
  }

  /** No parameters. */
  public static Params empty() {
    return new Params(Map.of());
  }

  /** Parameters from alternating name/value pairs, e.g. {@code of("fast", 10, "slow", 30)}. */
  public static Params of(Object... nameValuePairs) {
    if (nameValuePairs.length % 2 != 0) {
      throw new IllegalArgumentException("Params.of needs name/value pairs");
    }
    Map<String, Number> m = new TreeMap<>();
    for (int k = 0; k < nameValuePairs.length; k += 2) {
      m.put((String) nameValuePairs[k], (Number) nameValuePairs[k + 1]);
    }
    return new Params(m);
  }

  /** The value of an INT parameter. */
  public int getInt(String name) {
    return get(name).intValue();
  }

  /** The value of a parameter as a double. */
  public double getDouble(String name) {
    return get(name).doubleValue();
  }

  /** The value of a parameter. */
  public Number get(String name) {
    Number v = values.get(name);
    if (v == null) {
      throw new IllegalArgumentException("no parameter named " + name + " in " + values.keySet());
    }
    return v;
  }

  /** A copy with one value replaced or added. */
  public Params with(String name, Number value) {
    Map<String, Number> m = new TreeMap<>(values);
    m.put(name, value);
    return new Params(m);
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
