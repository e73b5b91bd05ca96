package dev.alphapulse.research.walkforward;

import java.util.List;
import java.util.Objects;

/**
 * The stitched out-of-sample equity curve and walk-forward efficiency.
 *
 * <h2>Definitions</h2>
 *
 * <ul>
 *   <li>Stitched curve: equity starts at the given starting equity and compounds every
 *       out-of-sample return of every window in window order, {@code E_(t+1) = E_t (1 + r_t)}; the
 *       curve has one point per return plus the start. It describes a real account only when the
 *       out-of-sample segments tile the data (out-of-sample size equal to the step size).
 *   <li>Annualised return of a total return {@code R} over {@code n} bars: {@code (1 + R)^(ppy / n)
 *       - 1} ({@code ppy} bars per year).
 *   <li>Walk-forward efficiency (Pardo): annualised out-of-sample return divided by annualised
 *       in-sample return. It is defined only when the annualised in-sample return is positive (an
 *       optimisation that lost money in sample has nothing to be efficient about): otherwise it is
 *       {@code NaN}. Pardo reads values of about 0.5 and above as robust; it may exceed 1 or be
 *       negative (out-of-sample loss).
 * </ul>
 */
public final class WalkForwardStitching {
  private WalkForwardStitching() {}

  /**
   * The stitched out-of-sample equity curve.
   *
   * @param startingEquity equity before the first out-of-sample bar, positive and finite
   * @param outOfSampleReturns per window, its per-bar simple out-of-sample returns (finite), in
   *     window order
   * @return {@code 1 + total number of returns} equity points, the starting equity first; a return
   *     at or below -1 leaves the equity at 0 from there on
   */
  public static double[] stitch(double startingEquity, List<double[]> outOfSampleReturns) {
    if (!(startingEquity > 0) || Double.isInfinite(startingEquity)) {
      throw new IllegalArgumentException(
          "startingEquity must be positive and finite, was " + startingEquity);
    }
    Objects.requireNonNull(outOfSampleReturns, "outOfSampleReturns");
    int n = 0;
    for (int w = 0; w < outOfSampleReturns.size(); w++) {
      double[] seg = outOfSampleReturns.get(w);
      if (seg == null) {
        throw new NullPointerException("outOfSampleReturns[" + w + "]");
      }
      for (int i = 0; i < seg.length; i++) {
        if (!Double.isFinite(seg[i])) {
          throw new IllegalArgumentException(
              "outOfSampleReturns[" + w + "][" + i + "] must be finite, was " + seg[i]);
        }
      }
      n += seg.length;
    }
    double[] curve = new double[n + 1];
    double eq = startingEquity;
    curve[0] = eq;
    int t = 1;
    for (double[] seg : outOfSampleReturns) {
      for (double r : seg) {
        eq = r <= -1 ? 0 : eq * (1 + r);
        curve[t++] = eq;
      }
    }
    return curve;
  }

  /**
   * Annualised return {@code (1 + totalReturn)^(periodsPerYear / bars) - 1}.
   *
   * @param totalReturn total simple return, at least -1
   * @param bars number of bars it was earned over, at least 1
   * @param periodsPerYear bars per year, positive
   */
  public static double annualise(double totalReturn, long bars, double periodsPerYear) {
    if (!(totalReturn >= -1) || Double.isInfinite(totalReturn)) {
      throw new IllegalArgumentException(
          "totalReturn must be finite and at least -1, was " + totalReturn);
    }
    if (bars < 1) {
      throw new IllegalArgumentException("bars must be at least 1, was " + bars);
    }
    if (!(periodsPerYear > 0) || Double.isInfinite(periodsPerYear)) {
      throw new IllegalArgumentException(
          "periodsPerYear must be positive and finite, was " + periodsPerYear);
    }
    return Math.pow(1 + totalReturn, periodsPerYear / bars) - 1;
  }

  /**
   * Walk-forward efficiency: annualised out-of-sample return over annualised in-sample return;
   * {@code NaN} when the annualised in-sample return is not positive.
   */
  public static double efficiency(
      double inSampleReturn,
      long inSampleBars,
      double outOfSampleReturn,
      long outOfSampleBars,
      double periodsPerYear) {
    double is = annualise(inSampleReturn, inSampleBars, periodsPerYear);
    double oos = annualise(outOfSampleReturn, outOfSampleBars, periodsPerYear);
    return is > 0 ? oos / is : Double.NaN;
  }
}
