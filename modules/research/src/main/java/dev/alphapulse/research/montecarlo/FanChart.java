package dev.alphapulse.research.montecarlo;

import java.util.List;
import java.util.Objects;

/**
 * Per-step percentile bands of equity across the kept paths of a batch (those with index below the
 * spec's {@code fanPaths}), for a fan chart. Because the kept set is defined by path index, the
 * chart is the same however the paths were batched, once every path below {@code fanPaths} has been
 * merged. Immutable.
 */
public final class FanChart {
  private final List<Double> percentiles;
  private final int paths;
  private final double[][] bands;

  private FanChart(List<Double> percentiles, int paths, double[][] bands) {
    this.percentiles = percentiles;
    this.paths = paths;
    this.bands = bands;
  }

  /**
   * The fan chart of the curves kept in {@code batch} at 5, 50 and 95 plus {@code
   * extraPercentiles}.
   *
   * @throws IllegalArgumentException naming {@code batch} when it keeps no curve
   */
  public static FanChart of(PathBatch batch, double... extraPercentiles) {
    Objects.requireNonNull(batch, "batch");
    double[][] curves = batch.fanCurvesView();
    if (curves.length == 0) {
      throw new IllegalArgumentException(
          "batch must keep at least one equity curve (spec fanPaths > 0 and path 0 simulated)");
    }
    List<Double> ps = MonteCarloBands.percentileSet(extraPercentiles);
    int points = curves[0].length;
    int n = curves.length;
    double[][] out = new double[ps.size()][points];
    double[] column = new double[n];
    for (int t = 0; t < points; t++) {
      for (int i = 0; i < n; i++) {
        column[i] = curves[i][t];
      }
      java.util.Arrays.sort(column);
      for (int j = 0; j < ps.size(); j++) {
        out[j][t] = Quantiles.ofSorted(column, n, ps.get(j));
      }
    }
    return new FanChart(ps, n, out);
  }

  /** The percentiles of the bands, ascending, in percent. */
  public List<Double> percentiles() {
    return percentiles;
  }

  /** Number of paths the bands are computed from. */
  public int paths() {
    return paths;
  }

  /** Number of points per band ({@code steps + 1}, the starting equity first). */
  public int points() {
    return bands[0].length;
  }

  /** A copy of the band at percentile {@code p} (one of {@link #percentiles()}). */
  public double[] band(double p) {
    int i = percentiles.indexOf(p);
    if (i < 0) {
      throw new IllegalArgumentException("percentile " + p + " not in " + percentiles);
    }
    return bands[i].clone();
  }
}
