package dev.alphapulse.engine.strategy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cartesian product of candidate values per parameter, in a deterministic order (the first
 * parameter varies slowest), keeping only combinations the strategy accepts.
 */
public final class ParameterGrid {
  private ParameterGrid() {}

  /**
   * All valid combinations.
   *
   * @param strategy validates each combination (bounds, types, constraints); invalid ones such as
   *     fast &gt;= slow are skipped, unknown parameter names are an error
   * @param candidates values per parameter name, iteration order respected
   * @throws IllegalArgumentException for an unknown parameter, an empty candidate list or an
   *     out-of-bounds value
   */
  public static List<Params> expand(
      StrategyDescriptor strategy, Map<String, ? extends List<? extends Number>> candidates) {
    List<String> names = new ArrayList<>(candidates.keySet());
    for (String name : names) {
      ParamSpec spec = strategy.param(name);
      List<? extends Number> values = candidates.get(name);
      if (values.isEmpty()) {
        throw new IllegalArgumentException("parameter " + name + ": no values to sweep");
      }
      values.forEach(spec::validate);
    }
    List<Params> out = new ArrayList<>();
    expand(strategy, candidates, names, 0, new LinkedHashMap<>(), out);
    return out;
  }

  private static void expand(
      StrategyDescriptor strategy,
      Map<String, ? extends List<? extends Number>> candidates,
      List<String> names,
      int depth,
      Map<String, Number> current,
      List<Params> out) {
    if (depth == names.size()) {
      try {
        out.add(strategy.resolve(current));
      } catch (IllegalArgumentException constraintViolated) {
        // skipped by design: e.g. fast >= slow is not a valid sma-cross
      }
      return;
    }
    String name = names.get(depth);
    for (Number v : candidates.get(name)) {
      current.put(name, v);
      expand(strategy, candidates, names, depth + 1, current, out);
    }
    current.remove(name);
  }

  /** {@code from, from+step, ..., <= to} (inclusive), as integers when all three are whole. */
  public static List<Number> range(double from, double to, double step) {
    if (!(step > 0)) {
      throw new IllegalArgumentException("range step must be > 0, was " + step);
    }
    if (!(from <= to)) {
      throw new IllegalArgumentException("range from " + from + " must be <= to " + to);
    }
    boolean whole = from == Math.rint(from) && to == Math.rint(to) && step == Math.rint(step);
    List<Number> values = new ArrayList<>();
    long count = (long) Math.floor((to - from) / step + 1e-9) + 1;
    if (count > 10_000_000) {
      throw new IllegalArgumentException("range has " + count + " values; at most 10,000,000");
    }
    for (long k = 0; k < count; k++) {
      double v = from + k * step;
      values.add(whole ? (Number) Integer.valueOf((int) v) : (Number) Double.valueOf(v));
    }
    return values;
  }
}
