package dev.alphapulse.research.portfolio;

/**
 * Count, mean, standard deviation, minimum, maximum, skewness and kurtosis of a stream of values,
 * accumulated one value at a time and mergeable across chunks.
 *
 * <h2>Algorithm</h2>
 *
 * Keeps {@code n}, the mean and the central moment sums {@code M2, M3, M4} ({@code Mp = sum (x -
 * mean)^p}). {@link #add(double)} is Terriberry's one-pass update, {@link #merge(MomentSummary)}
 * Pébay's pairwise formulas (see {@code docs/research-aggregation.md}); {@link #empty()} is the
 * identity of merge, and merge is associative and commutative up to rounding.
 *
 * <h2>Definitions</h2>
 *
 * Those of commons-math's {@code DescriptiveStatistics}: sample variance {@code M2 / (n - 1)} (0
 * for one value); skewness {@code n M3 / ((n - 1)(n - 2) s^3)} ({@code NaN} below 3 values); excess
 * kurtosis {@code (n (n + 1) M4 - 3 M2^2 (n - 1)) / ((n - 1)(n - 2)(n - 3) s^4)} ({@code NaN} below
 * 4 values); both 0 when the variance is below {@code 1e-19}. Every statistic is {@code NaN} when
 * empty.
 *
 * <p>{@code add} mutates; {@code merge} returns a new summary. Not thread-safe.
 */
public final class MomentSummary {
  private long n;
  private double mean;
  private double m2;
  private double m3;
  private double m4;
  private double min = Double.NaN;
  private double max = Double.NaN;

  private MomentSummary() {}

  /** The summary of no values. */
  public static MomentSummary empty() {
    return new MomentSummary();
  }

  /** The summary of {@code values[from..to)}. */
  public static MomentSummary of(double[] values, int from, int to) {
    MomentSummary s = empty();
    for (int i = from; i < to; i++) {
      s.add(values[i]);
    }
    return s;
  }

  /** The summary of all values. */
  public static MomentSummary of(double... values) {
    return of(values, 0, values.length);
  }

  /**
   * Adds one value.
   *
   * @return this summary
   * @throws IllegalArgumentException if {@code x} is not finite
   */
  public MomentSummary add(double x) {
    if (!Double.isFinite(x)) {
      throw new IllegalArgumentException("value must be finite, was " + x);
    }
    long n1 = n;
    n++;
    double nn = n;
    double delta = x - mean;
    double deltaN = delta / nn;
    double deltaN2 = deltaN * deltaN;
    double term1 = delta * deltaN * n1;
    mean += deltaN;
    m4 += term1 * deltaN2 * (nn * nn - 3 * nn + 3) + 6 * deltaN2 * m2 - 4 * deltaN * m3;
    m3 += term1 * deltaN * (nn - 2) - 3 * deltaN * m2;
    m2 += term1;
    min = n1 == 0 ? x : Math.min(min, x);
    max = n1 == 0 ? x : Math.max(max, x);
    return this;
  }

  /** The summary of both inputs' values; neither input changes. */
  public MomentSummary merge(MomentSummary o) {
    if (o.n == 0) {
      return copy();
    }
    if (n == 0) {
      return o.copy();
    }
    double na = n;
    double nb = o.n;
    double nt = na + nb;
    double delta = o.mean - mean;
    double d2 = delta * delta;
    MomentSummary r = new MomentSummary();
    r.n = n + o.n;
    r.mean = mean + delta * nb / nt;
    r.m2 = m2 + o.m2 + d2 * na * nb / nt;
    r.m3 =
        m3
            + o.m3
            + d2 * delta * na * nb * (na - nb) / (nt * nt)
            + 3 * delta * (na * o.m2 - nb * m2) / nt;
    r.m4 =
        m4
            + o.m4
            + d2 * d2 * na * nb * (na * na - na * nb + nb * nb) / (nt * nt * nt)
            + 6 * d2 * (na * na * o.m2 + nb * nb * m2) / (nt * nt)
            + 4 * delta * (na * o.m3 - nb * m3) / nt;
    r.min = Math.min(min, o.min);
    r.max = Math.max(max, o.max);
    return r;
  }

  /** An independent copy. */
  public MomentSummary copy() {
    MomentSummary r = new MomentSummary();
    r.n = n;
    r.mean = mean;
    r.m2 = m2;
    r.m3 = m3;
    r.m4 = m4;
    r.min = min;
    r.max = max;
    return r;
  }

  /** Number of values. */
  public long count() {
    return n;
  }

  /** The mean; {@code NaN} when empty. */
  public double mean() {
    return n == 0 ? Double.NaN : mean;
  }

  /** The sample variance {@code M2 / (n - 1)}; 0 for one value, {@code NaN} when empty. */
  public double variance() {
    return n == 0 ? Double.NaN : n == 1 ? 0 : m2 / (n - 1.0);
  }

  /** The sample standard deviation. */
  public double std() {
    return Math.sqrt(variance());
  }

  /** The smallest value; {@code NaN} when empty. */
  public double min() {
    return min;
  }

  /** The largest value; {@code NaN} when empty. */
  public double max() {
    return max;
  }

  /** Bias-corrected sample skewness (commons-math's definition). */
  public double skewness() {
    if (n < 3) {
      return Double.NaN;
    }
    double var = m2 / (n - 1.0);
    if (var < 10e-20) {
      return 0;
    }
    double nn = n;
    return nn * m3 / ((nn - 1) * (nn - 2) * Math.sqrt(var) * var);
  }

  /** Bias-corrected sample excess kurtosis (commons-math's definition). */
  public double kurtosis() {
    if (n < 4) {
      return Double.NaN;
    }
    double var = m2 / (n - 1.0);
    if (var < 10e-20) {
      return 0;
    }
    double nn = n;
    return (nn * (nn + 1) * m4 - 3 * m2 * m2 * (nn - 1))
        / ((nn - 1) * (nn - 2) * (nn - 3) * var * var);
  }

  @Override
  public String toString() {
    return "MomentSummary[n="
        + n
        + ", mean="
        + mean()
        + ", std="
        + std()
        + ", min="
        + min
        + ", max="
        + max
        + "]";
  }
}
