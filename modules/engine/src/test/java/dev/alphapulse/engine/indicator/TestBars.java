package dev.alphapulse.engine.indicator;

import dev.alphapulse.engine.data.BarSeries;
import java.util.Arrays;
import java.util.SplittableRandom;

/** Small series builders and brute-force reference computations for indicator tests. */
final class TestBars {
  static final long DAY = 86_400_000L;

  /** The StockCharts / Wilder RSI teaching series (33 closes). */
  static final double[] TEXTBOOK_CLOSES = {
    44.3389, 44.0902, 44.1497, 43.6124, 44.3278, 44.8264, 45.0955, 45.4245, 45.8433, 46.0826,
    45.8931, 46.0328, 45.6140, 46.2820, 46.2820, 46.0028, 46.0328, 46.4116, 46.2222, 45.6439,
    46.2122, 46.2521, 45.7137, 46.4515, 45.7835, 45.3548, 44.0288, 44.1783, 44.2181, 44.5672,
    43.4205, 42.6628, 43.1314
  };

  private TestBars() {}

  static long[] times(int n) {
    long[] t = new long[n];
    for (int i = 0; i < n; i++) {
      t[i] = i * DAY;
    }
    return t;
  }

  static BarSeries closes(double... close) {
    return BarSeries.ofCloses("T", times(close.length), close.clone());
  }

  static BarSeries ohlc(double[] high, double[] low, double[] close) {
    double[] volume = new double[close.length];
    Arrays.fill(volume, 1.0);
    return new BarSeries(
        "T", times(close.length), close.clone(), high.clone(), low.clone(), close.clone(), volume);
  }

  /**
   * A seeded random walk of OHLCV bars around {@code level}, with prices rounded to cents so that
   * equal highs and lows (ties) occur.
   */
  static BarSeries random(long seed, int n, double level) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] o = new double[n];
    double[] h = new double[n];
    double[] l = new double[n];
    double[] c = new double[n];
    double[] v = new double[n];
    double p = level;
    for (int i = 0; i < n; i++) {
      double open = cents(p * (1 + 0.003 * (r.nextDouble() - 0.5)));
      double close = cents(open * (1 + 0.02 * (r.nextDouble() - 0.5)));
      o[i] = open;
      c[i] = close;
      h[i] = cents(Math.max(open, close) * (1 + 0.01 * r.nextDouble()));
      l[i] = cents(Math.min(open, close) * (1 - 0.01 * r.nextDouble()));
      v[i] = Math.rint(1000 + 9000 * r.nextDouble());
      p = close;
    }
    return new BarSeries("R" + seed, times(n), o, h, l, c, v);
  }

  /** A copy of {@code s} whose bars in {@code [from, to)} are all {@code NaN}. */
  static BarSeries withNaNs(BarSeries s, int from, int to) {
    double[] o = s.opens().clone();
    double[] h = s.highs().clone();
    double[] l = s.lows().clone();
    double[] c = s.closes().clone();
    double[] v = s.volumes().clone();
    for (double[] col : new double[][] {o, h, l, c, v}) {
      Arrays.fill(col, from, to, Double.NaN);
    }
    return new BarSeries(s.symbol(), s.times(), o, h, l, c, v);
  }

  private static double cents(double x) {
    return Math.rint(x * 100) / 100;
  }

  static double[] field(BarSeries s, PriceField f) {
    double[] x = new double[s.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = f.of(s, i);
    }
    return x;
  }

  static double[] nans(int n) {
    double[] x = new double[n];
    Arrays.fill(x, Double.NaN);
    return x;
  }

  /** Window mean by direct summation. */
  static double[] naiveMean(double[] x, int n) {
    double[] out = nans(x.length);
    for (int i = n - 1; i < x.length; i++) {
      double s = 0;
      for (int j = i - n + 1; j <= i; j++) {
        s += x[j];
      }
      out[i] = s / n;
    }
    return out;
  }

  /** Window sample standard deviation, two-pass. */
  static double[] naiveStd(double[] x, int n) {
    double[] mean = naiveMean(x, n);
    double[] out = nans(x.length);
    for (int i = n - 1; i < x.length; i++) {
      double s = 0;
      for (int j = i - n + 1; j <= i; j++) {
        double d = x[j] - mean[i];
        s += d * d;
      }
      out[i] = Math.sqrt(s / (n - 1));
    }
    return out;
  }

  static double[] naiveMax(double[] x, int n) {
    double[] out = nans(x.length);
    for (int i = n - 1; i < x.length; i++) {
      double m = Double.NEGATIVE_INFINITY;
      for (int j = i - n + 1; j <= i; j++) {
        m = Math.max(m, x[j]);
      }
      out[i] = m;
    }
    return out;
  }

  static double[] naiveMin(double[] x, int n) {
    double[] out = nans(x.length);
    for (int i = n - 1; i < x.length; i++) {
      double m = Double.POSITIVE_INFINITY;
      for (int j = i - n + 1; j <= i; j++) {
        m = Math.min(m, x[j]);
      }
      out[i] = m;
    }
    return out;
  }

  /** Index of the first non-NaN element, or -1. */
  static int firstValid(double[] x) {
    for (int i = 0; i < x.length; i++) {
      if (!Double.isNaN(x[i])) {
        return i;
      }
    }
    return -1;
  }

  /** Largest |a - b| / max(|b|, floor) over the elements, requiring equal NaN positions. */
  static double maxRelativeError(double[] actual, double[] expected, double floor) {
    if (actual.length != expected.length) {
      throw new AssertionError("lengths " + actual.length + " != " + expected.length);
    }
    double worst = 0;
    for (int i = 0; i < actual.length; i++) {
      if (Double.isNaN(expected[i]) || Double.isNaN(actual[i])) {
        if (Double.isNaN(expected[i]) != Double.isNaN(actual[i])) {
          throw new AssertionError(
              "NaN mismatch at " + i + ": actual " + actual[i] + ", expected " + expected[i]);
        }
        continue;
      }
      worst =
          Math.max(
              worst, Math.abs(actual[i] - expected[i]) / Math.max(Math.abs(expected[i]), floor));
    }
    return worst;
  }
}
