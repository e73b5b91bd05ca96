package dev.alphapulse.research.optimize;

import dev.alphapulse.engine.strategy.ParamSpec;
import dev.alphapulse.engine.strategy.ParamType;
import dev.alphapulse.engine.strategy.Params;
import dev.alphapulse.engine.strategy.StrategyDescriptor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The search space of a study: an ordered map from parameter name to {@link Domain}. The order is
 * the order of the job file; the grid searcher varies the first parameter slowest.
 *
 * <h2>Parsing</h2>
 *
 * {@link #parse(Map)} takes the generic tree Jackson makes of YAML, e.g. {@code {fast: {randint:
 * [5, 50]}, slow: {loguniform: [20, 400]}, fill: next-open, period: {grid: [10, 20]}}}: a map with
 * exactly one key among {@code uniform, quniform, loguniform, lograndint, randint, choice, grid,
 * fixed} is that domain; a scalar (number, string, boolean) is a fixed value; anything else is an
 * error. Errors are {@link ResearchSpecException}s with paths such as {@code
 * search-space.fast.randint}.
 *
 * <h2>Validation against a strategy</h2>
 *
 * {@link #validateFor(StrategyDescriptor)} checks every name is a declared parameter, bounds and
 * values lie inside its declared range, and types fit: an INT parameter accepts {@code randint},
 * {@code lograndint}, {@code quniform} with whole {@code lo} and {@code q}, {@code loguniform}
 * (turned into {@code lograndint}: drawn on a log scale and rounded, as Optuna's {@code
 * suggest_int(log=True)}), and whole-number {@code choice}/{@code grid}/fixed values; it rejects
 * {@code uniform}, because a uniform integer is exactly what {@code randint} says and silent
 * rounding of a real draw hides mistakes. Declared parameters the space leaves out keep the
 * strategy's defaults.
 *
 * @param domains parameter name to domain, in search-space order; copied, unmodifiable
 */
public record ParameterSpace(Map<String, Domain> domains) {

  static final String ROOT = "search-space";

  public ParameterSpace {
    Objects.requireNonNull(domains, "domains");
    if (domains.isEmpty()) {
      throw new ResearchSpecException(ROOT, "needs at least one parameter");
    }
    domains.forEach(
        (k, v) -> {
          if (k == null || k.isBlank()) {
            throw new ResearchSpecException(ROOT, "parameter names must not be blank, got " + k);
          }
          Objects.requireNonNull(v, () -> "domain of " + k);
        });
    domains = Collections.unmodifiableMap(new LinkedHashMap<>(domains));
  }

  /** A space from alternating name/domain pairs, in that order. */
  public static ParameterSpace of(Object... nameDomainPairs) {
    if (nameDomainPairs.length % 2 != 0) {
      throw new IllegalArgumentException("ParameterSpace.of needs name/domain pairs");
    }
    Map<String, Domain> m = new LinkedHashMap<>();
    for (int k = 0; k < nameDomainPairs.length; k += 2) {
      m.put((String) nameDomainPairs[k], (Domain) nameDomainPairs[k + 1]);
    }
    return new ParameterSpace(m);
  }

  /**
   * Parses a generic tree (as Jackson reads YAML or JSON).
   *
   * @throws ResearchSpecException naming {@code search-space.<name>[.<kind>]} and the bad value
   */
  public static ParameterSpace parse(Map<String, ?> raw) {
    if (raw == null || raw.isEmpty()) {
      throw new ResearchSpecException(ROOT, "needs at least one parameter");
    }
    Map<String, Domain> m = new LinkedHashMap<>();
    for (Map.Entry<String, ?> e : raw.entrySet()) {
      String path = ROOT + "." + e.getKey();
      try {
        m.put(e.getKey(), parseDomain(e.getValue()));
      } catch (ResearchSpecException ex) {
        throw ex.under(path);
      }
    }
    return new ParameterSpace(m);
  }

  /** Parses then validates against the strategy's declared parameters. */
  public static ParameterSpace parse(Map<String, ?> raw, StrategyDescriptor strategy) {
    return parse(raw).validateFor(strategy);
  }

  private static Domain parseDomain(Object node) {
    if (node instanceof Map<?, ?> map) {
      if (map.size() != 1) {
        throw new ResearchSpecException(
            "kind",
            "a domain is a map with exactly one of uniform, quniform, loguniform, lograndint,"
                + " randint, choice, grid, fixed; got keys "
                + map.keySet());
      }
      Map.Entry<?, ?> e = map.entrySet().iterator().next();
      String kind = String.valueOf(e.getKey());
      Object arg = e.getValue();
      try {
        switch (kind) {
          case "uniform":
            {
              double[] a = numbers(arg, 2, "[lo, hi]");
              return new Domain.Uniform(a[0], a[1]);
            }
          case "quniform":
            {
              double[] a = numbers(arg, 3, "[lo, hi, q]");
              return new Domain.QUniform(a[0], a[1], a[2]);
            }
          case "loguniform":
            {
              double[] a = numbers(arg, 2, "[lo, hi]");
              return new Domain.LogUniform(a[0], a[1], false);
            }
          case "lograndint":
            {
              double[] a = numbers(arg, 2, "[lo, hi]");
              return new Domain.LogUniform(a[0], a[1], true);
            }
          case "randint":
            {
              double[] a = numbers(arg, 2, "[lo, hi]");
              return new Domain.RandInt(whole(a[0], "lo"), whole(a[1], "hi"));
            }
          case "choice":
            return new Domain.Choice(list(arg));
          case "grid":
            return new Domain.Grid(list(arg));
          case "fixed":
            return new Domain.Fixed(arg);
          default:
            throw new ResearchSpecException(
                kind,
                "unknown domain kind; expected uniform, quniform, loguniform, lograndint, randint,"
                    + " choice, grid or fixed");
        }
      } catch (ResearchSpecException ex) {
        // constructors name their kind already; argument errors are about the kind's value
        throw ex.field().startsWith(kind) ? ex : new ResearchSpecException(kind, ex.reason());
      }
    }
    if (node instanceof List<?> l) {
      throw new ResearchSpecException(
          "value", "a bare list " + l + " is ambiguous: write {grid: [...]} or {choice: [...]}");
    }
    return new Domain.Fixed(node);
  }

  private static double[] numbers(Object arg, int n, String shape) {
    if (!(arg instanceof List<?> l) || l.size() != n) {
      throw new ResearchSpecException("value", "expected " + shape + ", got " + arg);
    }
    double[] out = new double[n];
    for (int k = 0; k < n; k++) {
      if (!(l.get(k) instanceof Number num)) {
        throw new ResearchSpecException(
            "value", "expected " + shape + " of numbers, got " + l.get(k) + " in " + arg);
      }
      out[k] = num.doubleValue();
    }
    return out;
  }

  private static int whole(double v, String what) {
    if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
      throw new ResearchSpecException("value", what + " " + v + " is not a whole number");
    }
    return (int) v;
  }

  private static List<Object> list(Object arg) {
    if (!(arg instanceof List<?> l)) {
      throw new ResearchSpecException("value", "expected a list of values, got " + arg);
    }
    return new ArrayList<>(l);
  }

  /**
   * Checks this space against a strategy's declared parameters and returns it normalised: values of
   * INT parameters become {@link Integer}, of DOUBLE parameters {@link Double}; {@code loguniform}
   * on an INT parameter becomes {@code lograndint}.
   *
   * @throws ResearchSpecException for an unknown parameter, a type mismatch or a value or bound
   *     outside the declared range, naming {@code search-space.<name>.<kind>} and the value
   */
  public ParameterSpace validateFor(StrategyDescriptor strategy) {
    Map<String, Domain> out = new LinkedHashMap<>();
    for (Map.Entry<String, Domain> e : domains.entrySet()) {
      String name = e.getKey();
      String path = ROOT + "." + name;
      ParamSpec spec =
          strategy.params().stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
      if (spec == null) {
        throw new ResearchSpecException(
            path,
            "unknown parameter '"
                + name
                + "' for strategy "
                + strategy.name()
                + "; known: "
                + strategy.paramNames());
      }
      out.put(name, validateDomain(e.getValue(), spec, path + "." + e.getValue().kind()));
    }
    return new ParameterSpace(out);
  }

  private static Domain validateDomain(Domain d, ParamSpec spec, String path) {
    boolean isInt = spec.type() == ParamType.INT;
    if (d instanceof Domain.Uniform u) {
      if (isInt) {
        throw new ResearchSpecException(
            path,
            "parameter "
                + spec.name()
                + " is INT but uniform ["
                + u.lo()
                + ", "
                + u.hi()
                + "] draws real numbers; use randint, lograndint or quniform with a whole q");
      }
      checkBounds(u.lo(), u.hi(), spec, path);
      return u;
    }
    if (d instanceof Domain.QUniform q) {
      if (isInt && !q.integral()) {
        throw new ResearchSpecException(
            path,
            "parameter "
                + spec.name()
                + " is INT but quniform lo "
                + q.lo()
                + " and q "
                + q.q()
                + " are not both whole numbers");
      }
      checkBounds(q.lo(), q.lo() + (q.count() - 1) * q.q(), spec, path);
      return q;
    }
    if (d instanceof Domain.LogUniform l) {
      checkBounds(l.lo(), l.hi(), spec, path);
      if (isInt && !l.integer()) {
        try {
          return new Domain.LogUniform(l.lo(), l.hi(), true);
        } catch (ResearchSpecException ex) {
          throw new ResearchSpecException(
              path, "parameter " + spec.name() + " is INT: " + ex.reason());
        }
      }
      return l;
    }
    if (d instanceof Domain.RandInt r) {
      checkBounds(r.lo(), r.hi(), spec, path);
      return r;
    }
    if (d instanceof Domain.Choice c) {
      return new Domain.Choice(convertValues(c.values(), spec, path));
    }
    if (d instanceof Domain.Grid g) {
      return new Domain.Grid(convertValues(g.values(), spec, path));
    }
    Domain.Fixed f = (Domain.Fixed) d;
    return new Domain.Fixed(convertValue(f.value(), spec, path));
  }

  private static List<Object> convertValues(List<Object> values, ParamSpec spec, String path) {
    List<Object> out = new ArrayList<>();
    for (int k = 0; k < values.size(); k++) {
      out.add(convertValue(values.get(k), spec, path + "[" + k + "]"));
    }
    return out;
  }

  private static Object convertValue(Object v, ParamSpec spec, String path) {
    if (!(v instanceof Number n)) {
      throw new ResearchSpecException(
          path, "parameter " + spec.name() + " is " + spec.type() + " but got '" + v + "'");
    }
    try {
      return spec.validate(n);
    } catch (IllegalArgumentException ex) {
      throw new ResearchSpecException(path, ex.getMessage());
    }
  }

  private static void checkBounds(double lo, double hi, ParamSpec spec, String path) {
    if (lo < spec.min() || hi > spec.max()) {
      throw new ResearchSpecException(
          path,
          "["
              + fmt(lo)
              + ", "
              + fmt(hi)
              + "] is outside the declared range ["
              + fmt(spec.min())
              + ", "
              + fmt(spec.max())
              + "] of parameter "
              + spec.name());
    }
  }

  private static String fmt(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  /** Parameter names in search-space order. */
  public List<String> names() {
    return List.copyOf(domains.keySet());
  }

  /** The domain of a parameter. */
  public Domain domain(String name) {
    Domain d = domains.get(name);
    if (d == null) {
      throw new IllegalArgumentException("no parameter " + name + " in " + domains.keySet());
    }
    return d;
  }

  /** One independent draw of every parameter, in search-space order. */
  public Map<String, Object> sample(SplittableRandom rng) {
    Map<String, Object> m = new LinkedHashMap<>();
    domains.forEach((k, d) -> m.put(k, d.sample(rng)));
    return Collections.unmodifiableMap(m);
  }

  /**
   * Turns sampled values into validated strategy parameters (defaults filled in, constraints such
   * as fast &lt; slow checked).
   *
   * @throws IllegalArgumentException for a non-numeric value or one the strategy rejects
   */
  public static Params toParams(Map<String, ?> values, StrategyDescriptor strategy) {
    Map<String, Number> raw = new TreeMap<>();
    values.forEach(
        (k, v) -> {
          if (!(v instanceof Number n)) {
            throw new IllegalArgumentException(
                "parameter " + k + ": '" + v + "' is not a number; strategies take numbers only");
          }
          raw.put(k, n);
        });
    return strategy.resolve(raw);
  }
}
