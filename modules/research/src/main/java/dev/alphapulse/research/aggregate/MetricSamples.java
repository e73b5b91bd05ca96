package dev.alphapulse.research.aggregate;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The weighted values of every metric across a set of results: the mergeable partial behind
 * per-metric aggregation and confidence intervals, so results aggregated per chunk and merged give
 * exactly what aggregating all of them at once gives.
 *
 * <h2>Order independence</h2>
 *
 * A partial is a multiset of {@code (value, weight)} pairs per metric; {@link
 * #merge(MetricSamples)} is multiset union and {@link #empty()} its identity, so merge is
 * associative and commutative exactly. Readers ({@link #values}, {@link #weights}) return the pairs
 * sorted by value then weight, and every aggregate is computed from that canonical order, so even
 * floating-point rounding does not depend on arrival order.
 *
 * <p>{@code NaN} values and absent metrics are skipped (a metric may be missing from some results,
 * e.g. {@code "Commissions [$]"}). Memory is {@code O(results x metrics)}. {@code add} mutates;
 * {@code merge} returns a new partial. Not thread-safe.
 */
public final class MetricSamples {
  private final TreeMap<String, Column> columns;

  private MetricSamples(TreeMap<String, Column> columns) {
    this.columns = columns;
  }

  /** No results. */
  public static MetricSamples empty() {
    return new MetricSamples(new TreeMap<>());
  }

  /** The samples of the given outcomes, each with weight 1. */
  public static MetricSamples of(Iterable<StrategyOutcome> outcomes) {
    MetricSamples s = empty();
    for (StrategyOutcome o : outcomes) {
      s.add(o, 1);
    }
    return s;
  }

  /**
   * Adds every statistic of one outcome with the given weight.
   *
   * @return this
   * @throws IllegalArgumentException if the weight is negative or not finite
   */
  public MetricSamples add(StrategyOutcome outcome, double weight) {
    return add(outcome.stats(), weight);
  }

  /** Adds one result's statistics with the given weight ({@code NaN} values skipped). */
  public MetricSamples add(Map<String, Double> stats, double weight) {
    if (!(weight >= 0) || Double.isInfinite(weight)) {
      throw new IllegalArgumentException("weight must be finite and >= 0, was " + weight);
    }
    stats.forEach(
        (metric, v) -> {
          if (!Double.isNaN(v)) {
            columns.computeIfAbsent(metric, m -> new Column()).add(v, weight);
          }
        });
    return this;
  }

  /** The union of both partials; neither input changes. */
  public MetricSamples merge(MetricSamples other) {
    TreeMap<String, Column> m = new TreeMap<>();
    columns.forEach((k, c) -> m.put(k, c.copy()));
    other.columns.forEach((k, c) -> m.computeIfAbsent(k, x -> new Column()).addAll(c));
    return new MetricSamples(m);
  }

  /** The metrics with at least one value, sorted. */
  public Set<String> metrics() {
    return Collections.unmodifiableSet(columns.keySet());
  }

  /** Number of values of a metric. */
  public int count(String metric) {
    Column c = columns.get(metric);
    return c == null ? 0 : c.n;
  }

  /** The values of a metric, ascending (ties by weight); empty if none. */
  public double[] values(String metric) {
    Column c = columns.get(metric);
    return c == null ? new double[0] : c.sorted()[0];
  }

  /** The weights of a metric's values, at the positions of {@link #values}. */
  public double[] weights(String metric) {
    Column c = columns.get(metric);
    return c == null ? new double[0] : c.sorted()[1];
  }

  /** Applies an aggregator to a metric's canonical values and weights. */
  public double aggregate(String metric, Aggregator aggregator) {
    Column c = columns.get(metric);
    double[][] vw = c == null ? new double[2][0] : c.sorted();
    return aggregator.apply(vw[0], vw[1]);
  }

  private static final class Column {
    double[] v = new double[8];
    double[] w = new double[8];
    int n;

    void add(double value, double weight) {
      if (n == v.length) {
        v = Arrays.copyOf(v, 2 * n);
        w = Arrays.copyOf(w, 2 * n);
      }
      v[n] = value;
      w[n] = weight;
      n++;
    }

    void addAll(Column o) {
      for (int i = 0; i < o.n; i++) {
        add(o.v[i], o.w[i]);
      }
    }

    Column copy() {
      Column c = new Column();
      c.v = Arrays.copyOf(v, Math.max(8, n));
      c.w = Arrays.copyOf(w, Math.max(8, n));
      c.n = n;
      return c;
    }

    double[][] sorted() {
      Integer[] idx = new Integer[n];
      for (int i = 0; i < n; i++) {
        idx[i] = i;
      }
      Arrays.sort(
          idx,
          (a, b) -> {
            int c = Double.compare(v[a], v[b]);
            return c != 0 ? c : Double.compare(w[a], w[b]);
          });
      double[][] out = new double[2][n];
      for (int i = 0; i < n; i++) {
        out[0][i] = v[idx[i]];
        out[1][i] = w[idx[i]];
      }
      return out;
    }
  }
}
