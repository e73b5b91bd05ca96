package dev.alphapulse.research.optimize;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The values one parameter may take in a search, and how to draw them.
 *
 * <h2>Kinds</h2>
 *
 * <ul>
 *   <li>{@link Uniform} {@code uniform: [lo, hi]}: real, uniform on {@code [lo, hi)}.
 *   <li>{@link QUniform} {@code quniform: [lo, hi, q]}: uniform over the finite set {@code lo,
 *       lo+q, lo+2q, ... <= hi} (Optuna's {@code step}); never leaves {@code [lo, hi]}, unlike
 *       Ray's {@code round(uniform/q)*q}. Values are integers when {@code lo} and {@code q} are
 *       whole.
 *   <li>{@link LogUniform} {@code loguniform: [lo, hi]}: {@code exp(uniform(log lo, log hi))},
 *       {@code lo > 0}. With {@code integer} (spelled {@code lograndint}, or a {@code loguniform}
 *       on an INT parameter) the draw is on {@code [log(lo-0.5), log(hi+0.5))} rounded to the
 *       nearest whole number, so every integer in {@code [lo, hi]} has the mass of its log-bin.
 *   <li>{@link RandInt} {@code randint: [lo, hi]}: an integer uniform on {@code [lo, hi]}, <b>both
 *       bounds inclusive</b> (as the strategies' declared ranges, {@code ParameterGrid.range} and
 *       Optuna's {@code suggest_int}; Ray's {@code randint} excludes {@code hi}).
 *   <li>{@link Choice} {@code choice: [a, b, ...]}: one of the values, uniformly; unordered.
 *   <li>{@link Grid} {@code grid: [a, b, ...]}: the grid searcher enumerates every value; other
 *       searchers treat it as a {@link Choice}.
 *   <li>{@link Fixed} {@code v}: always {@code v}.
 * </ul>
 *
 * Values are {@link Integer}, {@link Double}, {@link String} or {@link Boolean} (other numbers are
 * normalised to {@code Integer} when integral and to {@code Double} otherwise). Every record
 * validates in its compact constructor and throws a {@link ResearchSpecException} whose field is
 * the kind (e.g. {@code randint}); {@link ParameterSpace#parse} prefixes the parameter's path.
 */
public sealed interface Domain
    permits Domain.Uniform,
        Domain.QUniform,
        Domain.LogUniform,
        Domain.RandInt,
        Domain.Choice,
        Domain.Grid,
        Domain.Fixed {

  /** The spelling of this kind in a search space ({@code uniform}, {@code randint}, ...). */
  String kind();

  /** Draws one value; uses only {@code rng}. */
  Object sample(SplittableRandom rng);

  /** Whether {@code value} is one this domain can produce. */
  boolean contains(Object value);

  /** Real numbers uniform on {@code [lo, hi)}. */
  record Uniform(double lo, double hi) implements Domain {
    public Uniform {
      checkRange("uniform", lo, hi);
    }

    @Override
    public String kind() {
      return "uniform";
    }

    @Override
    public Object sample(SplittableRandom rng) {
      return lo + rng.nextDouble() * (hi - lo);
    }

    @Override
    public boolean contains(Object value) {
      return value instanceof Number n && n.doubleValue() >= lo && n.doubleValue() <= hi;
    }
  }

  /** Uniform over {@code lo, lo+q, ..., <= hi}. */
  record QUniform(double lo, double hi, double q) implements Domain {
    public QUniform {
      checkRange("quniform", lo, hi);
      if (!(q > 0) || !Double.isFinite(q)) {
        throw new ResearchSpecException("quniform", "q must be a positive number, was " + q);
      }
      if (q > hi - lo) {
        throw new ResearchSpecException(
            "quniform", "q " + q + " is larger than the range [" + lo + ", " + hi + "]");
      }
    }

    /** Number of values. */
    public int count() {
      return (int) Math.floor((hi - lo) / q + 1e-9) + 1;
    }

    /** Whether the values are whole numbers ({@code lo} and {@code q} whole). */
    public boolean integral() {
      return lo == Math.rint(lo) && q == Math.rint(q);
    }

    /** The {@code k}-th value, {@code 0 <= k < count()}. */
    public Object value(int k) {
      double v = lo + k * q;
      return integral() ? (Object) Integer.valueOf((int) Math.rint(v)) : (Object) Double.valueOf(v);
    }

    @Override
    public String kind() {
      return "quniform";
    }

    @Override
    public Object sample(SplittableRandom rng) {
      return value(rng.nextInt(count()));
    }

    @Override
    public boolean contains(Object value) {
      if (!(value instanceof Number n)) {
        return false;
      }
      double k = (n.doubleValue() - lo) / q;
      return Math.abs(k - Math.rint(k)) < 1e-9 && k >= -1e-9 && k < count() - 1 + 1e-9;
    }
  }

  /** {@code exp(uniform(log lo, log hi))}; rounded to whole numbers when {@code integer}. */
  record LogUniform(double lo, double hi, boolean integer) implements Domain {
    public LogUniform {
      String kind = integer ? "lograndint" : "loguniform";
      checkRange(kind, lo, hi);
      if (!(lo > 0)) {
        throw new ResearchSpecException(kind, "lo must be > 0 for a log scale, was " + lo);
      }
      if (integer && (lo != Math.rint(lo) || hi != Math.rint(hi))) {
        throw new ResearchSpecException(
            kind, "bounds must be whole numbers, were [" + lo + ", " + hi + "]");
      }
    }

    @Override
    public String kind() {
      return integer ? "lograndint" : "loguniform";
    }

    /** The log-scale interval draws are uniform on. */
    double logLo() {
      return integer ? Math.log(lo - 0.5) : Math.log(lo);
    }

    double logHi() {
      return integer ? Math.log(hi + 0.5) : Math.log(hi);
    }

    /** Maps a log-scale coordinate to a value of the domain (clipped, rounded when integer). */
    Object fromLog(double x) {
      double v = Math.exp(x);
      if (integer) {
        return (int) Math.max(lo, Math.min(hi, Math.rint(v)));
      }
      return Math.max(lo, Math.min(hi, v));
    }

    @Override
    public Object sample(SplittableRandom rng) {
      return fromLog(logLo() + rng.nextDouble() * (logHi() - logLo()));
    }

    @Override
    public boolean contains(Object value) {
      if (!(value instanceof Number n)) {
        return false;
      }
      double v = n.doubleValue();
      return v >= lo && v <= hi && (!integer || v == Math.rint(v));
    }
  }

  /** An integer uniform on {@code [lo, hi]}, both inclusive. */
  record RandInt(int lo, int hi) implements Domain {
    public RandInt {
      if (lo > hi) {
        throw new ResearchSpecException(
            "randint", "lo " + lo + " must be <= hi " + hi + " (both inclusive)");
      }
    }

    @Override
    public String kind() {
      return "randint";
    }

    @Override
    public Object sample(SplittableRandom rng) {
      return (int) (lo + rng.nextLong((long) hi - lo + 1));
    }

    @Override
    public boolean contains(Object value) {
      return value instanceof Number n
          && n.doubleValue() == Math.rint(n.doubleValue())
          && n.doubleValue() >= lo
          && n.doubleValue() <= hi;
    }
  }

  /** One of a list of values, uniformly; unordered for TPE, index-ordered for CMA-ES and PBT. */
  record Choice(List<Object> values) implements Domain {
    public Choice {
      values = checkValues("choice", values);
    }

    @Override
    public String kind() {
      return "choice";
    }

    @Override
    public Object sample(SplittableRandom rng) {
      return values.get(rng.nextInt(values.size()));
    }

    @Override
    public boolean contains(Object value) {
      return values.contains(normalize(value));
    }
  }

  /** Values the grid searcher enumerates (a {@link Choice} for the other searchers). */
  record Grid(List<Object> values) implements Domain {
    public Grid {
      values = checkValues("grid", values);
    }

    @Override
    public String kind() {
      return "grid";
    }

    @Override
    public Object sample(SplittableRandom rng) {
      return values.get(rng.nextInt(values.size()));
    }

    @Override
    public boolean contains(Object value) {
      return values.contains(normalize(value));
    }
  }

  /** Always the same value. */
  record Fixed(Object value) implements Domain {
    public Fixed {
      value = normalize(value);
    }

    @Override
    public String kind() {
      return "fixed";
    }

    @Override
    public Object sample(SplittableRandom rng) {
      return value;
    }

    @Override
    public boolean contains(Object v) {
      return value.equals(normalize(v));
    }
  }

  /** {@code uniform: [lo, hi]}. */
  static Domain uniform(double lo, double hi) {
    return new Uniform(lo, hi);
  }

  /** {@code quniform: [lo, hi, q]}. */
  static Domain quniform(double lo, double hi, double q) {
    return new QUniform(lo, hi, q);
  }

  /** {@code loguniform: [lo, hi]} (real). */
  static Domain loguniform(double lo, double hi) {
    return new LogUniform(lo, hi, false);
  }

  /** {@code lograndint: [lo, hi]}: whole numbers on a log scale, both bounds inclusive. */
  static Domain lograndint(int lo, int hi) {
    return new LogUniform(lo, hi, true);
  }

  /** {@code randint: [lo, hi]}, both bounds inclusive. */
  static Domain randint(int lo, int hi) {
    return new RandInt(lo, hi);
  }

  /** {@code choice: [...]}. */
  static Domain choice(Object... values) {
    return new Choice(List.of(values));
  }

  /** {@code grid: [...]}. */
  static Domain grid(Object... values) {
    return new Grid(List.of(values));
  }

  /** A fixed value. */
  static Domain fixed(Object value) {
    return new Fixed(value);
  }

  /**
   * Normalises a value: integral numbers of integral types become {@link Integer}, other numbers
   * {@link Double}; strings and booleans stay.
   *
   * @throws ResearchSpecException (field {@code value}) for null, non-finite numbers, integers
   *     outside the int range and other types
   */
  static Object normalize(Object value) {
    if (value == null) {
      throw new ResearchSpecException("value", "must not be null");
    }
    if (value instanceof Integer || value instanceof String || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Long || value instanceof Short || value instanceof Byte) {
      long l = ((Number) value).longValue();
      if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
        throw new ResearchSpecException("value", l + " is outside the int range");
      }
      return (int) l;
    }
    if (value instanceof java.math.BigInteger b) {
      return normalize(b.longValueExact());
    }
    if (value instanceof Number n) {
      double d = n.doubleValue();
      if (!Double.isFinite(d)) {
        throw new ResearchSpecException("value", value + " is not finite");
      }
      return d;
    }
    throw new ResearchSpecException(
        "value", value + " (" + value.getClass().getSimpleName() + ") is not a number or a string");
  }

  private static void checkRange(String kind, double lo, double hi) {
    if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
      throw new ResearchSpecException(kind, "bounds must be finite, were [" + lo + ", " + hi + "]");
    }
    if (!(lo < hi)) {
      throw new ResearchSpecException(
          kind, "lo " + lo + " must be < hi " + hi + " (empty or inverted range)");
    }
  }

  private static List<Object> checkValues(String kind, List<Object> values) {
    Objects.requireNonNull(values, kind);
    if (values.isEmpty()) {
      throw new ResearchSpecException(kind, "needs at least one value");
    }
    List<Object> out = new ArrayList<>(values.size());
    Set<Object> seen = new HashSet<>();
    for (int k = 0; k < values.size(); k++) {
      Object v;
      try {
        v = normalize(values.get(k));
      } catch (ResearchSpecException e) {
        throw new ResearchSpecException(kind + "[" + k + "]", e.reason());
      }
      if (!seen.add(v)) {
        throw new ResearchSpecException(kind + "[" + k + "]", "duplicate value " + v);
      }
      out.add(v);
    }
    return List.copyOf(out);
  }
}
