package dev.alphapulse.research.portfolio;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded test matrices and chunkings. */
final class TestData {
  private TestData() {}

  /** {@code t x k} correlated returns: a common factor plus idiosyncratic noise, skewed. */
  static double[][] returns(int t, int k, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[][] m = new double[t][k];
    for (int i = 0; i < t; i++) {
      double f = gaussian(rnd);
      for (int j = 0; j < k; j++) {
        double e = gaussian(rnd);
        double skew = rnd.nextDouble() < 0.05 ? -3 * Math.abs(gaussian(rnd)) : 0;
        m[i][j] = 0.0004 * (j + 1) + 0.01 * (1 + 0.3 * j) * (0.5 * f + e + skew);
      }
    }
    return m;
  }

  static double gaussian(SplittableRandom rnd) {
    // Box-Muller
    double u = rnd.nextDouble();
    double v = rnd.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
  }

  /** Uneven cut points {@code 0 = c0 < c1 < ... = n} (some chunks of one row). */
  static List<int[]> unevenChunks(int n, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<int[]> out = new ArrayList<>();
    int from = 0;
    while (from < n) {
      int len = rnd.nextInt(5) == 0 ? 1 : 1 + rnd.nextInt(Math.max(1, n / 4));
      int to = Math.min(n, from + len);
      out.add(new int[] {from, to});
      from = to;
    }
    return out;
  }

  /** Fisher-Yates with a seed. */
  static <T> List<T> shuffled(List<T> in, long seed) {
    List<T> l = new ArrayList<>(in);
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int i = l.size() - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      T tmp = l.get(i);
      l.set(i, l.get(j));
      l.set(j, tmp);
    }
    return l;
  }
}
