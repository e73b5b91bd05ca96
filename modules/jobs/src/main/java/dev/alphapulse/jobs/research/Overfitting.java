package dev.alphapulse.jobs.research;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alphapulse.research.overfit.BacktestOverfitting;
import dev.alphapulse.research.overfit.DeflatedSharpe;
import dev.alphapulse.research.overfit.PerformanceMetric;
import java.util.List;

/**
 * The overfitting statistics every sweep, optimisation and walk-forward result reports: the
 * Deflated Sharpe Ratio of the best trial (Bailey and Lopez de Prado 2014) and, with at least two
 * trials and {@code 2 * 16} return observations, the Probability of Backtest Overfitting by CSCV
 * with 16 blocks (Bailey, Borwein, Lopez de Prado and Zhu 2015). Both work on per-bar returns of
 * the trials over the same history (see {@code docs/research-overfitting.md}).
 */
final class Overfitting {
  private Overfitting() {}

  /** CSCV blocks (the paper's choice). */
  static final int BLOCKS = 16;

  /** Most trials whose returns are recomputed for DSR and PBO; more are reported as capped. */
  static final int MAX_TRIALS = 2000;

  /**
   * The statistics of trials given their per-bar returns (equal lengths), in trial order.
   *
   * @param totalTrials how many trials the search ran (at least {@code returns.size()})
   */
  static ObjectNode of(List<double[]> returns, int totalTrials) {
    ObjectNode out = Json.object();
    out.put("trials", totalTrials);
    out.put("trialsUsed", returns.size());
    if (returns.size() < 2 || returns.get(0).length < 3) {
      out.putNull("deflatedSharpe");
      out.putNull("pbo");
      out.put("note", "needs at least 2 trials with returns");
      return out;
    }
    double[][] byTrial = returns.toArray(double[][]::new);
    out.set("deflatedSharpe", Json.MAPPER.valueToTree(DeflatedSharpe.fromTrials(byTrial)));
    int t = byTrial[0].length;
    double[][] byRow = new double[t][byTrial.length];
    for (int n = 0; n < byTrial.length; n++) {
      for (int i = 0; i < t; i++) {
        byRow[i][n] = byTrial[n][i];
      }
    }
    JsonNode pbo = pbo(byRow);
    out.set("pbo", pbo == null ? Json.MAPPER.nullNode() : pbo);
    return out;
  }

  /**
   * PBO by CSCV with {@value #BLOCKS} blocks and the per-period Sharpe ratio as performance, as
   * {@code {"probability", "blocks", "combinations", "degradationSlope", "probabilityOfOosLoss"}};
   * null with fewer than 2 trials or {@code 2 * BLOCKS} rows.
   *
   * @param byRow {@code byRow[t][n]}: return of trial {@code n} in period {@code t}
   */
  static ObjectNode pbo(double[][] byRow) {
    if (byRow.length == 0 || byRow[0].length < 2) {
      return null;
    }
    return BacktestOverfitting.compute(byRow, BLOCKS, PerformanceMetric.SHARPE)
        .map(
            p -> {
              ObjectNode pbo = Json.object();
              pbo.put("probability", p.probability());
              pbo.put("blocks", p.blocks());
              pbo.put("combinations", p.logits().size());
              pbo.put("degradationSlope", p.degradationSlope());
              pbo.put("probabilityOfOosLoss", p.probabilityOfOosLoss());
              return pbo;
            })
        .orElse(null);
  }

  /**
   * Per-period Sharpe ratio {@code mean / sd} of {@code r} (sample standard deviation, two passes),
   * or {@code undefined} with fewer than two returns or a zero deviation.
   */
  static double periodSharpe(double[] r, double undefined) {
    if (r.length < 2) {
      return undefined;
    }
    double mean = 0;
    for (double x : r) {
      mean += x;
    }
    mean /= r.length;
    double ss = 0;
    for (double x : r) {
      ss += (x - mean) * (x - mean);
    }
    double sd = Math.sqrt(ss / (r.length - 1));
    return sd > 0 ? mean / sd : undefined;
  }

  /** Sample variance (divisor n - 1, two passes) of at least two values. */
  static double sampleVariance(List<Double> xs) {
    double mean = 0;
    for (double x : xs) {
      mean += x;
    }
    mean /= xs.size();
    double ss = 0;
    for (double x : xs) {
      ss += (x - mean) * (x - mean);
    }
    return ss / (xs.size() - 1);
  }

  /** Per-bar simple returns of an equity curve (0 where the equity was not positive). */
  static double[] returns(double[] equity) {
    double[] r = new double[Math.max(0, equity.length - 1)];
    for (int i = 1; i < equity.length; i++) {
      r[i - 1] = equity[i - 1] > 0 ? equity[i] / equity[i - 1] - 1 : 0;
    }
    return r;
  }
}
