package dev.alphapulse.engine.metrics;

/**
 * The natural logarithm every statistic uses (Beta's log returns, the geometric means): a
 * polynomial near 1, where nearly all bar-to-bar equity and price ratios fall, and {@link Math#log}
 * elsewhere.
 *
 * <h2>Why not {@code Math.log} everywhere</h2>
 *
 * A sweep needs one log per bar per parameter set, and {@code Math.log} (a call into the JVM's
 * library stub, about 10 ns here) was the largest single cost of a sweep. The polynomial is plain
 * Java arithmetic, so the JIT inlines it and, in {@link #log1p(double[], double[], int)}, evaluates
 * it for several bars per instruction (about 1 ns a bar). Every statistic, in the plain {@code
 * Metrics.compute} and in the sweep path alike, takes its logs from here, so both give the same
 * bits.
 *
 * <h2>Definition and accuracy</h2>
 *
 * For {@code |x - 1| < 1/16}: with {@code u = x - 1} (exact, by Sterbenz's lemma), {@code log(x) =
 * u + u^2 P(u)}, {@code P} the Taylor series of {@code (log1p(u) - u) / u^2} up to {@code u^14}
 * (coefficients {@code (-1)^(k+1)/k} for {@code u^k}, k = 2..16) by Horner's rule with fused
 * multiply-adds, and the result {@code fma(u*u, P, u)}. The truncation error is below {@code
 * |u|^17/17 < 2^-68 |u|}; the correction {@code u^2 P} is at most {@code |u|/30} so its rounding
 * errors add less than 0.1 ulp to the final rounding: the result is within 1 ulp of the true
 * logarithm (faithfully rounded) and exactly 0 at 1. It differs from {@code Math.log} (itself
 * within 1 ulp by its contract) by one ulp in about 0.3% of inputs (those close to a rounding
 * midpoint) and never by more ({@code FastLogTest}). Elsewhere (and for NaN and infinities) it is
 * {@code Math.log}.
 *
 * <p>Pure Java arithmetic (strict IEEE semantics), so the polynomial part gives the same bits on
 * every JVM and CPU, vectorized or not.
 */
final class FastLog {
  /** Inputs within this distance of 1 take the polynomial. */
  static final double RADIUS = 0.0625;

  private static final double C3 = 1.0 / 3;
  private static final double C4 = -1.0 / 4;
  private static final double C5 = 1.0 / 5;
  private static final double C6 = -1.0 / 6;
  private static final double C7 = 1.0 / 7;
  private static final double C8 = -1.0 / 8;
  private static final double C9 = 1.0 / 9;
  private static final double C10 = -1.0 / 10;
  private static final double C11 = 1.0 / 11;
  private static final double C12 = -1.0 / 12;
  private static final double C13 = 1.0 / 13;
  private static final double C14 = -1.0 / 14;
  private static final double C15 = 1.0 / 15;
  private static final double C16 = -1.0 / 16;

  private FastLog() {}

  /** The natural logarithm of {@code x}. */
  static double log(double x) {
    double u = x - 1;
    return Math.abs(u) < RADIUS ? log1p(u) : Math.log(x);
  }

  /** True when {@link #log} takes the polynomial for {@code x} (false for NaN). */
  static boolean nearOne(double x) {
    return Math.abs(x - 1) < RADIUS;
  }

  /**
   * {@code out[k] = log1p(x[k] - 1)} for {@code k < count} by the polynomial, whatever {@code
   * x[k]}: the caller must replace the entries whose {@code x[k]} is not {@link #nearOne} by {@code
   * Math.log(x[k])} (what {@link #log} gives). Straight-line arithmetic over arrays, which the JIT
   * vectorizes.
   */
  static void log1p(double[] x, double[] out, int count) {
    for (int k = 0; k < count; k++) {
      out[k] = log1p(x[k] - 1);
    }
  }

  /**
   * The polynomial {@code log(1 + u)} for {@code |u| < 1/16}; exactly {@code +0.0} for {@code u =
   * 0}.
   */
  static double log1p(double u) {
    double p = C16;
    p = Math.fma(p, u, C15);
    p = Math.fma(p, u, C14);
    p = Math.fma(p, u, C13);
    p = Math.fma(p, u, C12);
    p = Math.fma(p, u, C11);
    p = Math.fma(p, u, C10);
    p = Math.fma(p, u, C9);
    p = Math.fma(p, u, C8);
    p = Math.fma(p, u, C7);
    p = Math.fma(p, u, C6);
    p = Math.fma(p, u, C5);
    p = Math.fma(p, u, C4);
    p = Math.fma(p, u, C3);
    p = Math.fma(p, u, -0.5);
    return Math.fma(u * u, p, u);
  }
}
