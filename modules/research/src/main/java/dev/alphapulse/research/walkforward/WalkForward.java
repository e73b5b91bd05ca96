package dev.alphapulse.research.walkforward;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs a walk-forward analysis through two hooks, so that the window logic stays independent of the
 * optimiser and of the backtest engine: for each window, in order, the {@link Optimizer} picks
 * parameters looking at the in-sample bars only, then the {@link Evaluator} measures those
 * parameters on the in-sample and on the out-of-sample bars. Windows are independent, so a caller
 * may as well run them in parallel itself from {@link WalkForwardWindows#generate} and assemble
 * {@link WalkForwardWindowResult}s; this class is the sequential reference.
 */
public final class WalkForward {
  private WalkForward() {}

  /** Chooses parameters for a window, using only its in-sample bars. */
  @FunctionalInterface
  public interface Optimizer {
    /**
     * @param window the window; only {@code [inSampleFrom, inSampleTo)} may be looked at
     * @return the chosen parameters by name
     */
    Map<String, Object> choose(WalkForwardWindow window);
  }

  /** Measures parameters on a range of bars. */
  @FunctionalInterface
  public interface Evaluator {
    /**
     * @param parameters the parameters to run
     * @param fromBar first bar of the range
     * @param toBar end bar (exclusive) of the range
     * @return the performance over the range
     */
    SegmentPerformance evaluate(Map<String, Object> parameters, int fromBar, int toBar);
  }

  /**
   * The performance of parameters over a range of bars.
   *
   * @param totalReturn total simple return over the range, finite and at least -1
   * @param sharpe Sharpe ratio over the range (NaN allowed)
   */
  public record SegmentPerformance(double totalReturn, double sharpe) {
    public SegmentPerformance {
      if (!(totalReturn >= -1) || Double.isInfinite(totalReturn)) {
        throw new IllegalArgumentException(
            "totalReturn must be finite and at least -1, was " + totalReturn);
      }
    }
  }

  /**
   * Runs every window of {@code spec} over {@code dataLength} bars.
   *
   * @return one result per window, in window order
   */
  public static List<WalkForwardWindowResult> run(
      WalkForwardSpec spec, int dataLength, Optimizer optimizer, Evaluator evaluator) {
    Objects.requireNonNull(optimizer, "optimizer");
    Objects.requireNonNull(evaluator, "evaluator");
    List<WalkForwardWindowResult> out = new ArrayList<>();
    for (WalkForwardWindow w : WalkForwardWindows.generate(spec, dataLength)) {
      Map<String, Object> params =
          Objects.requireNonNull(optimizer.choose(w), () -> "parameters of window " + w.index());
      SegmentPerformance is =
          Objects.requireNonNull(
              evaluator.evaluate(params, w.inSampleFrom(), w.inSampleTo()),
              () -> "in-sample performance of window " + w.index());
      SegmentPerformance oos =
          Objects.requireNonNull(
              evaluator.evaluate(params, w.outOfSampleFrom(), w.outOfSampleTo()),
              () -> "out-of-sample performance of window " + w.index());
      out.add(
          new WalkForwardWindowResult(
              w, params, is.totalReturn(), is.sharpe(), oos.totalReturn(), oos.sharpe()));
    }
    return List.copyOf(out);
  }
}
