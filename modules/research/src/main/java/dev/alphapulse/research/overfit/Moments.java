package dev.alphapulse.research.overfit;

import java.util.Objects;

/** Sample statistics of a return series, with messages naming the field and the bad value. */
final class Moments {
  private Moments() {}

  static void checkFinite(String field, double[] values, int minLength) {
    Objects.requireNonNull(values, field);
    if (values.length < minLength) {
      throw new IllegalArgumentException(
          field + " must hold at least " + minLength + " values, had " + values.length);
    }
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException(field + "[" + i + "] must be finite, was " + values[i]);
      }
    }
  }

  static double mean(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s / x.length;
  }

  /** Per-period Sharpe ratio {@code mean / sd} (sample sd, divisor n - 1); 0 when sd is 0. */
  static double sharpe(double[] x) {
    double m = mean(x);
    double ss = 0;
    for (double v : x) {
      ss += (v - m) * (v - m);
    }
    double sd = x.length > 1 ? Math.sqrt(ss / (x.length - 1)) : 0;
    return sd > 0 ? m / sd : 0;
  }

  /** Population skewness {@code m3 / m2^1.5}; 0 when m2 is 0. */
  static double skewness(double[] x) {
    double m = mean(x);
    double m2 = 0;
    double m3 = 0;
    for (double v : x) {
      double d = v - m;
      m2 += d * d;
      m3 += d * d * d;
    }
    m2 /= x.length;
    m3 /= x.length;
    return m2 > 0 ? m3 / Math.pow(m2, 1.5) : 0;
  }

  /** Population (non-excess) kurtosis {@code m4 / m2^2}; 3 (normal) when m2 is 0. */
  static double kurtosis(double[] x) {
    double m = mean(x);
    double m2 = 0;
    double m4 = 0;
    for (double v : x) {
      double d = v - m;
      m2 += d * d;
      m4 += d * d * d * d;
    }
    m2 /= x.length;
    m4 /= x.length;
    return m2 > 0 ? m4 / (m2 * m2) : 3;
  }
}
