package dev.alphapulse.research.aggregate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Seeded test outcomes. */
final class Outcomes {
  static final long DAY = 86_400_000L;
  static final long T0 = 946_857_600_000L; // 2000-01-03

  private Outcomes() {}

  /** A random-walk equity curve of {@code n} daily bars from bar {@code start}. */
  static StrategyOutcome walk(
      String name, int start, int n, double vol, long seed, Map<String, Double> stats) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] e = new double[n];
    long[] t = new long[n];
    e[0] = 10_000;
    for (int i = 0; i < n; i++) {
      t[i] = T0 + (start + i) * DAY;
      if (i > 0) {
        e[i] = e[i - 1] * (1 + 0.0003 + vol * (rnd.nextDouble() - 0.5) * 3.4);
      }
    }
    return new StrategyOutcome(name, stats, e, t);
  }

  /** {@code n} outcomes with seeded statistics (some NaN, some absent). */
  static List<StrategyOutcome> many(int n, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<StrategyOutcome> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Map<String, Double> s = new java.util.LinkedHashMap<>();
      s.put("Sharpe Ratio", rnd.nextDouble() * 2 - 0.5);
      s.put("Return [%]", rnd.nextDouble() * 40 - 10);
      s.put("# Trades", (double) rnd.nextInt(100));
      s.put("Win Rate [%]", i % 7 == 0 ? Double.NaN : rnd.nextDouble() * 100);
      if (i % 3 == 0) {
        s.put("Commissions [$]", rnd.nextDouble() * 50);
      }
      out.add(new StrategyOutcome("s" + i, s, new double[] {1, 1 + i}, new long[] {T0, T0 + DAY}));
    }
    return out;
  }
}
