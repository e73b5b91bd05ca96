package dev.alphapulse.research.montecarlo;

/**
 * Sample percentiles by linear interpolation between order statistics (Hyndman and Fan's type 7,
 * numpy's and R's default, commons-math {@code Percentile.EstimationType.R_7}): for sorted values
 * {@code x_0 <= ... <= x_(n-1)} and percentile {@code p} in [0, 100], {@code h = (n - 1) p / 100}
 * and the value is {@code x_floor(h) + (h - floor(h)) (x_(floor(h)+1) - x_floor(h))}.
 */
final class Quantiles {
  private Quantiles() {}

  /**
   * Percentile {@code p} (in [0, 100]) of ascending, NaN-free {@code sorted[0..n)}; NaN if n = 0.
   */
  static double ofSorted(double[] sorted, int n, double p) {
    if (n == 0) {
      return Double.NaN;
    }
    double h = (n - 1) * (p / 100);
    int lo = (int) Math.floor(h);
    if (lo >= n - 1) {
      return sorted[n - 1];
    }
    double frac = h - lo;
    return frac == 0 ? sorted[lo] : sorted[lo] + frac * (sorted[lo + 1] - sorted[lo]);
  }

  /** Copies the non-NaN values of {@code values}, sorted ascending. */
  static double[] sortedWithoutNaN(double[] values) {
    double[] out = new double[values.length];
    int n = 0;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        out[n++] = v;
      }
    }
    double[] trimmed = n == out.length ? out : java.util.Arrays.copyOf(out, n);
    java.util.Arrays.sort(trimmed);
    return trimmed;
  }

  static void checkPercentile(String field, double p) {
    if (!(p >= 0 && p <= 100)) {
      throw new IllegalArgumentException(field + " must be in [0, 100], was " + p);
    }
  }
}
