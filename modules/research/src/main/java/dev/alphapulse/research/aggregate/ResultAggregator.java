package dev.alphapulse.research.aggregate;

import dev.alphapulse.engine.metrics.MetricsConvention;
import dev.alphapulse.research.portfolio.Allocation;
import dev.alphapulse.research.portfolio.CoMoments;
import dev.alphapulse.research.portfolio.EquityStatistics;
import dev.alphapulse.research.portfolio.SleeveCombination;
import dev.alphapulse.research.portfolio.SleevePortfolio;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * Aggregates strategy results ({@link StrategyOutcome}s).
 *
 * <h2>Merging results into one</h2>
 *
 * <ul>
 *   <li>{@link #portfolio}: the outcomes as sleeves of one account on their common calendar, with
 *       fixed weights, rebalanced every {@code rebalance} bars or never ({@link
 *       SleevePortfolio#combine}); statistics by the engine's conventions ({@link
 *       EquityStatistics}) plus {@code "Diversification Ratio"}.
 *   <li>{@link #concatenate}: consecutive time chunks compounded ({@link ChunkConcatenation}).
 *   <li>{@link #best}: the outcome with the largest or smallest value of a metric.
 *   <li>{@link #mean}: per-metric means and the pointwise mean equity curve.
 * </ul>
 *
 * <h2>Common calendar</h2>
 *
 * The union of all outcomes' timestamps. An outcome's equity is carried forward over times it has
 * no bar for, and before its first bar it is held at its first value (capital not yet invested), so
 * its return there is 0.
 *
 * <h2>Per-metric aggregation</h2>
 *
 * {@link #aggregate} reduces each metric across outcomes by an aggregator chosen per metric name
 * from an {@link AggregatorRegistry}, through the order-independent {@link MetricSamples}; {@link
 * #meanInterval} gives a confidence interval for the mean of one metric.
 *
 * <p>Immutable and thread-safe.
 */
public final class ResultAggregator {
  /** The statistic the portfolio merge adds to the equity statistics. */
  public static final String DIVERSIFICATION_RATIO = "Diversification Ratio";

  private final AggregatorRegistry registry;
  private final MetricsConvention convention;

  private ResultAggregator(AggregatorRegistry registry, MetricsConvention convention) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.convention = Objects.requireNonNull(convention, "convention");
  }

  /** With the standard aggregators and the backtesting.py convention. */
  public static ResultAggregator standard() {
    return new ResultAggregator(AggregatorRegistry.standard(), MetricsConvention.BACKTESTING_PY);
  }

  /** With the given aggregators and statistics convention. */
  public static ResultAggregator of(AggregatorRegistry registry, MetricsConvention convention) {
    return new ResultAggregator(registry, convention);
  }

  /** This aggregator with one more named aggregator ({@link AggregatorRegistry#register}). */
  public ResultAggregator register(String name, Aggregator aggregator) {
    return new ResultAggregator(registry.register(name, aggregator), convention);
  }

  /** The aggregators by name. */
  public AggregatorRegistry registry() {
    return registry;
  }

  // ---- merging results into one ----

  /**
   * The outcomes as sleeves of one account with fixed weights.
   *
   * @param weights one per outcome, non-negative, normalised to sum 1
   * @param rebalance bars of the common calendar between rebalances to the weights; 0 = never (buy
   *     and hold: weights drift)
   * @return an outcome named {@code portfolio(a, b, ...)} starting at {@code sum w_i E_i[0]}
   */
  public StrategyOutcome portfolio(
      List<StrategyOutcome> outcomes, double[] weights, int rebalance) {
    checkNotEmpty(outcomes);
    checkWeights(outcomes, weights);
    Aligned a = align(outcomes);
    Allocation fixed = Allocation.fixed(weights);
    double[] w = fixed.weights(CoMoments.empty(outcomes.size()));
    double capital = 0;
    for (int i = 0; i < w.length; i++) {
      capital += w[i] * a.curves.get(i)[0];
    }
    double[][] returns = SleevePortfolio.returnMatrix(a.curves);
    SleeveCombination c = SleevePortfolio.combine(returns, fixed, rebalance, 2, capital);
    Map<String, Double> stats =
        new LinkedHashMap<>(EquityStatistics.of(a.time, c.equity(), convention).values());
    stats.put(DIVERSIFICATION_RATIO, diversificationRatio(returns, c.averageWeights()));
    return new StrategyOutcome(names("portfolio", outcomes), stats, c.equity(), a.time);
  }

  /**
   * The compounding concatenation of consecutive time chunks, given in any order.
   *
   * @throws IllegalArgumentException if chunks overlap in time
   */
  public StrategyOutcome concatenate(List<StrategyOutcome> chunks) {
    checkNotEmpty(chunks);
    return ChunkConcatenation.of(chunks).concatenate(convention);
  }

  /** Whether {@link #best} looks for the largest or the smallest value. */
  public enum Mode {
    MAX,
    MIN
  }

  /**
   * The outcome with the largest ({@code MAX}) or smallest ({@code MIN}) value of {@code metric}.
   * Outcomes where it is {@code NaN} or absent are never chosen; ties go to the smallest name, then
   * to the earliest in the list.
   *
   * @throws IllegalArgumentException if no outcome has a value for the metric
   */
  public StrategyOutcome best(List<StrategyOutcome> outcomes, String metric, Mode mode) {
    checkNotEmpty(outcomes);
    StrategyOutcome best = null;
    for (StrategyOutcome o : outcomes) {
      double v = o.stat(metric);
      if (Double.isNaN(v)) {
        continue;
      }
      if (best == null) {
        best = o;
        continue;
      }
      int c = Double.compare(v, best.stat(metric));
      if (mode == Mode.MIN) {
        c = -c;
      }
      if (c > 0 || (c == 0 && o.name().compareTo(best.name()) < 0)) {
        best = o;
      }
    }
    if (best == null) {
      throw new IllegalArgumentException(
          "no outcome has a value for metric '" + metric + "' among " + outcomes.size());
    }
    return best;
  }

  /**
   * The mean of the outcomes: each metric's arithmetic mean over the outcomes that define it, and
   * the pointwise mean of the equity curves (the equal-capital buy-and-hold basket when they start
   * equal) on the common calendar.
   */
  public StrategyOutcome mean(List<StrategyOutcome> outcomes) {
    checkNotEmpty(outcomes);
    Aligned a = align(outcomes);
    double[] eq = new double[a.time.length];
    for (double[] c : a.curves) {
      for (int t = 0; t < eq.length; t++) {
        eq[t] += c[t];
      }
    }
    for (int t = 0; t < eq.length; t++) {
      eq[t] /= outcomes.size();
    }
    MetricSamples s = MetricSamples.of(outcomes);
    Map<String, Double> stats = new LinkedHashMap<>();
    for (String m : metricOrder(outcomes)) {
      stats.put(m, s.aggregate(m, Aggregator.MEAN));
    }
    return new StrategyOutcome(names("mean", outcomes), stats, eq, a.time);
  }

  // ---- per-metric aggregation ----

  /**
   * Each metric of {@code methodByMetric} aggregated across the outcomes, all with weight 1.
   *
   * @param methodByMetric aggregator name by metric name (e.g. {@code "Sharpe Ratio" -> "median"})
   * @throws IllegalArgumentException naming an unknown aggregator
   */
  public Map<String, Double> aggregate(
      List<StrategyOutcome> outcomes, Map<String, String> methodByMetric) {
    double[] w = new double[outcomes.size()];
    Arrays.fill(w, 1);
    return aggregate(outcomes, w, methodByMetric);
  }

  /** As {@link #aggregate(List, Map)} with a weight per outcome (for {@code weighted-mean}). */
  public Map<String, Double> aggregate(
      List<StrategyOutcome> outcomes, double[] weights, Map<String, String> methodByMetric) {
    if (weights.length != outcomes.size()) {
      throw new IllegalArgumentException(
          "weights must have one value per outcome ("
              + outcomes.size()
              + "), had "
              + weights.length);
    }
    MetricSamples s = MetricSamples.empty();
    for (int i = 0; i < weights.length; i++) {
      s.add(outcomes.get(i), weights[i]);
    }
    return aggregate(s, methodByMetric);
  }

  /**
   * Each metric of {@code methodByMetric} aggregated from a (possibly merged) partial; in the map's
   * iteration order. A metric without values aggregates to what the aggregator gives for no values
   * (usually {@code NaN}).
   */
  public Map<String, Double> aggregate(MetricSamples samples, Map<String, String> methodByMetric) {
    Map<String, Double> out = new LinkedHashMap<>();
    methodByMetric.forEach(
        (metric, method) -> out.put(metric, samples.aggregate(metric, registry.get(method))));
    return out;
  }

  /** Which interval {@link #meanInterval} computes. */
  public enum IntervalMethod {
    /** {@link ConfidenceInterval#student}. */
    T,
    /** {@link ConfidenceInterval#bootstrap} with 10,000 resamples. */
    BOOTSTRAP
  }

  /**
   * A confidence interval at {@code level} for the mean of {@code metric} across the outcomes that
   * define it.
   *
   * @param seed the bootstrap's seed (unused by {@code T})
   */
  public ConfidenceInterval meanInterval(
      List<StrategyOutcome> outcomes,
      String metric,
      double level,
      IntervalMethod method,
      long seed) {
    return meanInterval(MetricSamples.of(outcomes), metric, level, method, seed);
  }

  /** As {@link #meanInterval(List, String, double, IntervalMethod, long)} from a partial. */
  public ConfidenceInterval meanInterval(
      MetricSamples samples, String metric, double level, IntervalMethod method, long seed) {
    double[] v = samples.values(metric);
    return method == IntervalMethod.T
        ? ConfidenceInterval.student(v, level)
        : ConfidenceInterval.bootstrap(v, level, 10_000, seed);
  }

  // ---- diversification ----

  /**
   * The diversification ratio {@code sum w_i σ_i / sqrt(w'Σw)} of the outcomes' per-bar returns on
   * the common calendar (sample covariance over bars 1..T-1), with the given weights normalised.
   */
  public double diversificationRatio(List<StrategyOutcome> outcomes, double[] weights) {
    checkNotEmpty(outcomes);
    checkWeights(outcomes, weights);
    Aligned a = align(outcomes);
    double[] w = Allocation.fixed(weights).weights(CoMoments.empty(outcomes.size()));
    return diversificationRatio(SleevePortfolio.returnMatrix(a.curves), w);
  }

  private static double diversificationRatio(double[][] returns, double[] w) {
    if (returns.length < 3) {
      return Double.NaN;
    }
    CoMoments m = CoMoments.of(returns, 1, returns.length);
    return SleevePortfolio.diversificationRatio(w, m.covariance());
  }

  // ---- helpers ----

  private record Aligned(long[] time, List<double[]> curves) {}

  /** The outcomes' curves on the union of their timestamps (see the class comment). */
  static Aligned align(List<StrategyOutcome> outcomes) {
    long[] time =
        outcomes.stream()
            .flatMapToLong(o -> LongStream.of(o.timestamps()))
            .sorted()
            .distinct()
            .toArray();
    List<double[]> curves = new ArrayList<>();
    for (StrategyOutcome o : outcomes) {
      long[] t = o.timestamps();
      double[] e = o.equity();
      double[] c = new double[time.length];
      int j = 0;
      double last = e[0];
      for (int i = 0; i < time.length; i++) {
        while (j < t.length && t[j] <= time[i]) {
          last = e[j];
          j++;
        }
        c[i] = last;
      }
      curves.add(c);
    }
    return new Aligned(time, curves);
  }

  private static List<String> metricOrder(List<StrategyOutcome> outcomes) {
    LinkedHashMap<String, Boolean> order = new LinkedHashMap<>();
    for (StrategyOutcome o : outcomes) {
      o.stats().keySet().forEach(k -> order.putIfAbsent(k, true));
    }
    return new ArrayList<>(order.keySet());
  }

  private static String names(String prefix, List<StrategyOutcome> outcomes) {
    return outcomes.stream()
        .map(StrategyOutcome::name)
        .collect(Collectors.joining(", ", prefix + "(", ")"));
  }

  private static void checkNotEmpty(List<StrategyOutcome> outcomes) {
    if (outcomes == null || outcomes.isEmpty()) {
      throw new IllegalArgumentException("outcomes must not be empty");
    }
  }

  private static void checkWeights(List<StrategyOutcome> outcomes, double[] weights) {
    if (weights.length != outcomes.size()) {
      throw new IllegalArgumentException(
          "weights must have one value per outcome ("
              + outcomes.size()
              + "), had "
              + weights.length);
    }
  }
}
