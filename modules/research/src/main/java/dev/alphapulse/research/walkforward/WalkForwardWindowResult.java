package dev.alphapulse.research.walkforward;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What one walk-forward window produced: the parameters chosen in sample and the performance of
 * those parameters in and out of sample. Returns are total simple returns over the segment
 * (fractions); Sharpe ratios are annualised with the caller's convention (they are only averaged
 * here).
 *
 * @param window the window (its index and bar ranges)
 * @param parameters the chosen parameters by name, copied into an unmodifiable sorted map; values
 *     non-null
 * @param inSampleReturn total return of the chosen parameters over the in-sample bars, at least -1
 * @param inSampleSharpe their Sharpe ratio over the in-sample bars (may be NaN)
 * @param outOfSampleReturn total return over the out-of-sample bars, at least -1
 * @param outOfSampleSharpe Sharpe ratio over the out-of-sample bars (may be NaN)
 */
public record WalkForwardWindowResult(
    WalkForwardWindow window,
    Map<String, Object> parameters,
    double inSampleReturn,
    double inSampleSharpe,
    double outOfSampleReturn,
    double outOfSampleSharpe) {

  public WalkForwardWindowResult {
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(parameters, "parameters");
    parameters.forEach(
        (k, v) -> {
          Objects.requireNonNull(k, "parameter name");
          Objects.requireNonNull(v, () -> "value of parameter " + k);
        });
    parameters = Collections.unmodifiableMap(new TreeMap<>(parameters));
    if (!(inSampleReturn >= -1) || Double.isInfinite(inSampleReturn)) {
      throw new IllegalArgumentException(
          "inSampleReturn must be finite and at least -1, was " + inSampleReturn);
    }
    if (!(outOfSampleReturn >= -1) || Double.isInfinite(outOfSampleReturn)) {
      throw new IllegalArgumentException(
          "outOfSampleReturn must be finite and at least -1, was " + outOfSampleReturn);
    }
  }

  /** The window's index. */
  public int index() {
    return window.index();
  }

  /**
   * This window's walk-forward efficiency ({@link WalkForwardStitching#efficiency}) with {@code
   * periodsPerYear} bars per year.
   */
  public double efficiency(double periodsPerYear) {
    return WalkForwardStitching.efficiency(
        inSampleReturn,
        window.inSampleBars(),
        outOfSampleReturn,
        window.outOfSampleBars(),
        periodsPerYear);
  }
}
