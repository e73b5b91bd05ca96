package dev.alphapulse.research.aggregate;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * A two-sided confidence interval for the mean of a sample (e.g. a metric across results).
 *
 * <ul>
 *   <li>{@link #student} ({@code t}): {@code mean ± t_{n-1, 1 - α/2} s / sqrt(n)} with {@code s}
 *       the sample standard deviation and {@code α = 1 - level}; needs {@code n >= 2}.
 *   <li>{@link #bootstrap} ({@code bootstrap-percentile}): {@code B} resamples of {@code n} values
 *       drawn with replacement by a {@link SplittableRandom} of the given seed from the sample in
 *       ascending order; the bounds are the {@code α/2} and {@code 1 - α/2} quantiles of the {@code
 *       B} resample means, linearly interpolated ({@code h = (B - 1) p}, as numpy's default).
 * </ul>
 *
 * Both sort the sample first, so they do not depend on its order; the bootstrap is a pure function
 * of the sample, the level, {@code B} and the seed.
 *
 * @param method {@code t} or {@code bootstrap-percentile}
 * @param level the confidence level, in (0, 1)
 * @param n the sample size, {@code >= 1}
 * @param estimate the sample mean
 * @param lower the lower bound
 * @param upper the upper bound, {@code >= lower}
 */
public record ConfidenceInterval(
    String method, double level, int n, double estimate, double lower, double upper) {

  public ConfidenceInterval {
    if (method == null || method.isBlank()) {
      throw new IllegalArgumentException("method must not be blank, was '" + method + "'");
    }
    checkLevel(level);
    if (n < 1) {
      throw new IllegalArgumentException("n must be >= 1, was " + n);
    }
    if (!(lower <= upper)) {
      throw new IllegalArgumentException("lower must be <= upper, were " + lower + " and " + upper);
    }
  }

  /**
   * The Student t interval of the mean.
   *
   * @throws IllegalArgumentException if fewer than 2 values, a value is not finite, or the level is
   *     not in (0, 1)
   */
  public static ConfidenceInterval student(double[] sample, double level) {
    checkLevel(level);
    double[] x = sortedFinite(sample);
    int n = x.length;
    if (n < 2) {
      throw new IllegalArgumentException("a t interval needs at least 2 values, had " + n);
    }
    double mean = mean(x);
    double ss = 0;
    for (double v : x) {
      ss += (v - mean) * (v - mean);
    }
    double se = Math.sqrt(ss / (n - 1)) / Math.sqrt(n);
    // no random generator: the default one would be seeded from the clock (and is never used here)
    double q = new TDistribution(null, n - 1).inverseCumulativeProbability(1 - (1 - level) / 2);
    return new ConfidenceInterval("t", level, n, mean, mean - q * se, mean + q * se);
  }

  /**
   * The bootstrap percentile interval of the mean.
   *
   * @param resamples {@code B >= 10}
   * @param seed the seed of the resampling
   * @throws IllegalArgumentException if there are no values, a value is not finite, the level is
   *     not in (0, 1) or {@code B < 10}
   */
  public static ConfidenceInterval bootstrap(
      double[] sample, double level, int resamples, long seed) {
    checkLevel(level);
    if (resamples < 10) {
      throw new IllegalArgumentException("resamples must be >= 10, was " + resamples);
    }
    double[] x = sortedFinite(sample);
    int n = x.length;
    if (n < 1) {
      throw new IllegalArgumentException("a bootstrap interval needs at least 1 value, had 0");
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] means = new double[resamples];
    for (int b = 0; b < resamples; b++) {
      double s = 0;
      for (int i = 0; i < n; i++) {
        s += x[rnd.nextInt(n)];
      }
      means[b] = s / n;
    }
    Arrays.sort(means);
    double alpha = 1 - level;
    return new ConfidenceInterval(
        "bootstrap-percentile",
        level,
        n,
        mean(x),
        quantile(means, alpha / 2),
        quantile(means, 1 - alpha / 2));
  }

  /** Whether {@code value} lies within {@code [lower, upper]}. */
  public boolean contains(double value) {
    return value >= lower && value <= upper;
  }

  /** Linear-interpolation quantile of sorted values ({@code h = (m - 1) p}). */
  static double quantile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  private static void checkLevel(double level) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level must be in (0, 1), was " + level);
    }
  }

  private static double[] sortedFinite(double[] sample) {
    for (int i = 0; i < sample.length; i++) {
      if (!Double.isFinite(sample[i])) {
        throw new IllegalArgumentException("sample[" + i + "] must be finite, was " + sample[i]);
      }
    }
    double[] x = sample.clone();
    Arrays.sort(x);
    return x;
  }

  private static double mean(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s / x.length;
  }
}
