package dev.alphapulse.research.walkforward;

import java.util.List;
import java.util.Objects;

/**
 * The summary of a walk-forward analysis.
 *
 * @param windows number of windows
 * @param outOfSampleReturn total return of the out-of-sample segments compounded in window order
 * @param outOfSampleBars total out-of-sample bars
 * @param outOfSampleAnnualisedReturn {@code outOfSampleReturn} annualised over {@code
 *     outOfSampleBars}
 * @param inSampleAnnualisedReturn mean over windows of the annualised in-sample return
 * @param efficiency walk-forward efficiency of the whole analysis: {@code
 *     outOfSampleAnnualisedReturn / inSampleAnnualisedReturn}, {@code NaN} when the latter is not
 *     positive
 * @param meanInSampleSharpe mean in-sample Sharpe ratio over the windows where it is defined (NaN
 *     if none)
 * @param meanOutOfSampleSharpe mean out-of-sample Sharpe ratio likewise
 * @param profitableWindows fraction of windows with a positive out-of-sample return
 */
public record WalkForwardSummary(
    int windows,
    double outOfSampleReturn,
    long outOfSampleBars,
    double outOfSampleAnnualisedReturn,
    double inSampleAnnualisedReturn,
    double efficiency,
    double meanInSampleSharpe,
    double meanOutOfSampleSharpe,
    double profitableWindows) {

  public WalkForwardSummary {
    if (windows < 1) {
      throw new IllegalArgumentException("windows must be at least 1, was " + windows);
    }
    if (outOfSampleBars < 1) {
      throw new IllegalArgumentException(
          "outOfSampleBars must be at least 1, was " + outOfSampleBars);
    }
    if (!(profitableWindows >= 0 && profitableWindows <= 1)) {
      throw new IllegalArgumentException(
          "profitableWindows must be in [0, 1], was " + profitableWindows);
    }
  }

  /**
   * Summarises per-window results.
   *
   * @param results at least one window's result, in any order (sorted by window index here)
   * @param periodsPerYear bars per year for annualising
   */
  public static WalkForwardSummary of(
      List<WalkForwardWindowResult> results, double periodsPerYear) {
    Objects.requireNonNull(results, "results");
    if (results.isEmpty()) {
      throw new IllegalArgumentException("results must hold at least one window, was empty");
    }
    List<WalkForwardWindowResult> sorted =
        results.stream()
            .sorted(java.util.Comparator.comparingInt(WalkForwardWindowResult::index))
            .toList();
    double growth = 1;
    long bars = 0;
    double isAnn = 0;
    double isSharpe = 0;
    int isSharpeN = 0;
    double oosSharpe = 0;
    int oosSharpeN = 0;
    int profitable = 0;
    for (WalkForwardWindowResult r : sorted) {
      growth *= 1 + r.outOfSampleReturn();
      bars += r.window().outOfSampleBars();
      isAnn +=
          WalkForwardStitching.annualise(
              r.inSampleReturn(), r.window().inSampleBars(), periodsPerYear);
      if (!Double.isNaN(r.inSampleSharpe())) {
        isSharpe += r.inSampleSharpe();
        isSharpeN++;
      }
      if (!Double.isNaN(r.outOfSampleSharpe())) {
        oosSharpe += r.outOfSampleSharpe();
        oosSharpeN++;
      }
      if (r.outOfSampleReturn() > 0) {
        profitable++;
      }
    }
    int n = sorted.size();
    double total = growth - 1;
    double oosAnn = WalkForwardStitching.annualise(total, bars, periodsPerYear);
    double meanIsAnn = isAnn / n;
    return new WalkForwardSummary(
        n,
        total,
        bars,
        oosAnn,
        meanIsAnn,
        meanIsAnn > 0 ? oosAnn / meanIsAnn : Double.NaN,
        isSharpeN > 0 ? isSharpe / isSharpeN : Double.NaN,
        oosSharpeN > 0 ? oosSharpe / oosSharpeN : Double.NaN,
        (double) profitable / n);
  }
}
