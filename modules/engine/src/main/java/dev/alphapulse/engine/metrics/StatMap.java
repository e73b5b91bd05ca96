package dev.alphapulse.engine.metrics;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A read-only, insertion-ordered map from statistic names to values, stored compactly: the names
 * are one array shared by every map with the same names in the same order, the values one {@code
 * double[]}. A sweep keeps one such map per run, and results stay in memory after their job ends,
 * so their size matters: about 300 bytes for the 30 statistics of a backtest, where a {@link
 * LinkedHashMap} of boxed values takes about 2.5 KB in some 60 objects (and the garbage collector
 * has to trace every one of them).
 *
 * <p>It behaves as the unmodifiable {@link LinkedHashMap} it replaces: {@code equals} and {@code
 * hashCode} follow the {@link Map} contract (so it equals any map with the same entries, whatever
 * its class), iteration keeps the given order, values are compared as {@link Double#equals} does
 * (NaN equals NaN, 0.0 differs from -0.0), and every mutator throws. {@link #copyOf} keeps a map
 * with a {@code null} key or value as an unmodifiable {@link LinkedHashMap} instead, since a {@code
 * double} cannot hold {@code null}.
 *
 * <p>Thread-safe (immutable).
 */
public final class StatMap extends AbstractMap<String, Double> {

  /** Distinct name lists kept for sharing; beyond it, a map keeps its own (still correct). */
  private static final int MAX_SHARED_NAME_LISTS = 256;

  private static final ConcurrentHashMap<List<String>, Names> SHARED = new ConcurrentHashMap<>();

  private final Names names;
  private final double[] values;
  private Set<Entry<String, Double>> entries;

  private StatMap(Names names, double[] values) {
    this.names = names;
    this.values = values;
  }

  /**
   * A read-only copy of {@code map} in its iteration order: a {@code StatMap} unless a key or value
   * is {@code null}; {@code map} itself when it is already a {@code StatMap}.
   */
  public static Map<String, Double> copyOf(Map<String, ? extends Double> map) {
    if (map instanceof StatMap s) {
      return s;
    }
    int n = map.size();
    String[] keys = new String[n];
    double[] values = new double[n];
    int i = 0;
    for (Entry<String, ? extends Double> e : map.entrySet()) {
      if (i == n || e.getKey() == null || e.getValue() == null) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
      }
      keys[i] = e.getKey();
      values[i] = e.getValue();
      i++;
    }
    if (i != n) {
      return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
    return new StatMap(Names.of(keys), values);
  }

  /**
   * The map of {@code names[i] -> values[i]}, in that order (both arrays are copied).
   *
   * @throws IllegalArgumentException if the lengths differ or a name repeats
   * @throws NullPointerException if a name is null
   */
  public static StatMap of(String[] names, double[] values) {
    if (names.length != values.length) {
      throw new IllegalArgumentException(
          names.length + " statistic names but " + values.length + " values");
    }
    return new StatMap(Names.of(names.clone()), values.clone());
  }

  /** The value of {@code name}, or {@code missing} when there is no such statistic (no boxing). */
  public double value(String name, double missing) {
    Integer i = names.index.get(name);
    return i == null ? missing : values[i];
  }

  /** The name of the {@code i}-th statistic, in iteration order. */
  public String name(int i) {
    return names.names[i];
  }

  /** The value of the {@code i}-th statistic, in iteration order. */
  public double valueAt(int i) {
    return values[i];
  }

  @Override
  public int size() {
    return values.length;
  }

  @Override
  public boolean containsKey(Object key) {
    return names.index.containsKey(key);
  }

  @Override
  public Double get(Object key) {
    Integer i = names.index.get(key);
    return i == null ? null : values[i];
  }

  @Override
  public Set<Entry<String, Double>> entrySet() {
    Set<Entry<String, Double>> s = entries;
    if (s == null) {
      s = new EntrySet();
      entries = s;
    }
    return s;
  }

  @Override
  public boolean equals(Object o) {
    if (o instanceof StatMap s && s.names == names) {
      return Arrays.equals(values, s.values); // Double.equals semantics, element by element
    }
    return super.equals(o);
  }

  @Override
  public int hashCode() {
    int h = 0;
    for (int i = 0; i < values.length; i++) {
      h += names.names[i].hashCode() ^ Double.hashCode(values[i]);
    }
    return h;
  }

  private final class EntrySet extends AbstractSet<Entry<String, Double>> {
    @Override
    public int size() {
      return values.length;
    }

    @Override
    public Iterator<Entry<String, Double>> iterator() {
      return new Iterator<>() {
        private int next;

        @Override
        public boolean hasNext() {
          return next < values.length;
        }

        @Override
        public Entry<String, Double> next() {
          if (next >= values.length) {
            throw new NoSuchElementException();
          }
          int i = next++;
          return new SimpleImmutableEntry<>(names.names[i], values[i]);
        }
      };
    }
  }

  /** An ordered list of distinct names with its index, shared by the maps that have it. */
  private static final class Names {
    final String[] names;
    final Map<String, Integer> index;

    private Names(String[] names) {
      this.names = names;
      Map<String, Integer> index = new HashMap<>(names.length * 2);
      for (int i = 0; i < names.length; i++) {
        if (index.put(Objects.requireNonNull(names[i], "statistic name"), i) != null) {
          throw new IllegalArgumentException("statistic '" + names[i] + "' appears twice");
        }
      }
      this.index = index;
    }

    /** The shared instance for these names, which the caller hands over. */
    static Names of(String[] names) {
      List<String> key = Arrays.asList(names);
      Names shared = SHARED.get(key);
      if (shared != null) {
        return shared;
      }
      Names fresh = new Names(names);
      if (SHARED.size() >= MAX_SHARED_NAME_LISTS) {
        return fresh;
      }
      Names raced = SHARED.putIfAbsent(key, fresh);
      return raced == null ? fresh : raced;
    }
  }
}
