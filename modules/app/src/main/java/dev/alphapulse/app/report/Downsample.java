package dev.alphapulse.app.report;

import java.util.List;

/**
 * Picks the points of a long chart worth drawing.
 *
 * <h2>Method</h2>
 *
 * Min/max per bucket: the interior points are cut into equal buckets of consecutive indices, and in
 * each bucket the index of every series' smallest and largest finite value is kept (the first one
 * on ties); a bucket with no finite value keeps its first index so the gap still shows. The first
 * and the last point are always kept, and so is every forced index (e.g. trade exits). All series
 * share the kept indices, so they stay aligned on one time axis. The result is deterministic,
 * sorted and keeps every series' global minimum and maximum.
 */
final class Downsample {

  private Downsample() {}

  /**
   * The indices to keep of {@code n} points.
   *
   * @param n number of points of every series
   * @param series the series, each of length {@code n}
   * @param maxPoints the budget, at least 2; forced indices come on top of it
   * @param forced indices that must be kept (out-of-range ones are ignored)
   * @return ascending indices: all of {@code 0..n-1} if {@code n <= maxPoints}
   */
  static int[] indices(int n, List<double[]> series, int maxPoints, int[] forced) {
    if (maxPoints < 2) {
      throw new IllegalArgumentException("maxPoints must be at least 2, got " + maxPoints);
    }
    if (n <= maxPoints) {
      int[] all = new int[n];
      for (int i = 0; i < n; i++) {
        all[i] = i;
      }
      return all;
    }
    boolean[] keep = new boolean[n];
    keep[0] = true;
    keep[n - 1] = true;
    for (int f : forced) {
      if (f >= 0 && f < n) {
        keep[f] = true;
      }
    }
    int interior = n - 2;
    int buckets = Math.max(1, (maxPoints - 2) / (2 * Math.max(1, series.size())));
    for (int b = 0; b < buckets; b++) {
      int from = 1 + (int) ((long) b * interior / buckets);
      int to = 1 + (int) ((long) (b + 1) * interior / buckets);
      if (from >= to) {
        continue;
      }
      for (double[] v : series) {
        int lo = -1;
        int hi = -1;
        for (int i = from; i < to; i++) {
          double x = v[i];
          if (!Double.isFinite(x)) {
            continue;
          }
          if (lo < 0 || x < v[lo]) {
            lo = i;
          }
          if (hi < 0 || x > v[hi]) {
            hi = i;
          }
        }
        if (lo < 0) {
          keep[from] = true;
        } else {
          keep[lo] = true;
          keep[hi] = true;
        }
      }
    }
    int count = 0;
    for (boolean k : keep) {
      count += k ? 1 : 0;
    }
    int[] out = new int[count];
    int j = 0;
    for (int i = 0; i < n; i++) {
      if (keep[i]) {
        out[j++] = i;
      }
    }
    return out;
  }
}
