package dev.alphapulse.research.montecarlo;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Percentiles of one per-path statistic across paths. Percentiles are in percent (5 means the 5th
 * percentile), ascending and distinct; values use linear interpolation between order statistics
 * (type 7, numpy's default) over the paths whose value is not {@code NaN}.
 *
 * @param percentiles ascending distinct percentiles in [0, 100]
 * @param values the value at each percentile ({@code NaN} when no path had a value)
 */
public record MonteCarloBands(List<Double> percentiles, List<Double> values) {

  /** The percentiles every summary reports. */
  public static final List<Double> DEFAULT_PERCENTILES = List.of(5.0, 50.0, 95.0);

  public MonteCarloBands {
    percentiles = List.copyOf(Objects.requireNonNull(percentiles, "percentiles"));
    values = List.copyOf(Objects.requireNonNull(values, "values"));
    if (percentiles.size() != values.size()) {
      throw new IllegalArgumentException(
          "values must have one entry per percentile, had "
              + values.size()
              + " for "
              + percentiles.size());
    }
    double prev = Double.NEGATIVE_INFINITY;
    for (double p : percentiles) {
      Quantiles.checkPercentile("percentiles", p);
      if (!(p > prev)) {
        throw new IllegalArgumentException(
            "percentiles must be ascending and distinct, were " + percentiles);
      }
      prev = p;
    }
  }

  /**
   * Bands of {@code values} at the default percentiles plus {@code extraPercentiles}.
   *
   * @param values per-path values; {@code NaN}s are left out
   */
  public static MonteCarloBands of(double[] values, double... extraPercentiles) {
    List<Double> ps = percentileSet(extraPercentiles);
    double[] sorted = Quantiles.sortedWithoutNaN(values);
    List<Double> vs = new ArrayList<>(ps.size());
    for (double p : ps) {
      vs.add(Quantiles.ofSorted(sorted, sorted.length, p));
    }
    return new MonteCarloBands(ps, vs);
  }

  static List<Double> percentileSet(double... extra) {
    TreeSet<Double> set = new TreeSet<>(DEFAULT_PERCENTILES);
    for (double p : extra) {
      Quantiles.checkPercentile("percentiles", p);
      set.add(p == 0 ? 0.0 : p); // -0.0 and 0.0 are one percentile
    }
    return List.copyOf(set);
  }

  /**
   * The value at percentile {@code p}.
   *
   * @throws IllegalArgumentException when {@code p} is not one of {@link #percentiles()}
   */
  public double at(double p) {
    int i = percentiles.indexOf(p);
    if (i < 0) {
      throw new IllegalArgumentException("percentile " + p + " not in " + percentiles);
    }
    return values.get(i);
  }

  /** The 5th percentile. */
  public double p5() {
    return at(5);
  }

  /** The median. */
  public double p50() {
    return at(50);
  }

  /** The 95th percentile. */
  public double p95() {
    return at(95);
  }
}
