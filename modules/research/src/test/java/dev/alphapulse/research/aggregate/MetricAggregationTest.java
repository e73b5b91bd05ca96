package dev.alphapulse.research.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.junit.jupiter.api.Test;

class MetricAggregationTest {
  private static final ResultAggregator AGG = ResultAggregator.standard();

  private static List<StrategyOutcome> withSharpe(double... values) {
    List<StrategyOutcome> l = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      l.add(
          new StrategyOutcome(
              "o" + i,
              Map.of("Sharpe Ratio", values[i]),
              new double[] {1},
              new long[] {Outcomes.T0}));
    }
    return l;
  }

  @Test
  void builtInsOnHandValues() {
    List<StrategyOutcome> o = withSharpe(3, 1, Double.NaN, 4, 2);
    Map<String, Double> r = new LinkedHashMap<>();
    for (String m : List.of("mean", "median", "min", "max", "sum", "std", "weighted-mean")) {
      r.put(
          m,
          AGG.aggregate(o, new double[] {1, 1, 1, 1, 5}, Map.of("Sharpe Ratio", m))
              .get("Sharpe Ratio"));
    }
    assertThat(r.get("mean")).isEqualTo(2.5);
    assertThat(r.get("median")).isEqualTo(2.5);
    assertThat(r.get("min")).isEqualTo(1.0);
    assertThat(r.get("max")).isEqualTo(4.0);
    assertThat(r.get("sum")).isEqualTo(10.0);
    assertThat(r.get("std"))
        .isCloseTo(
            new DescriptiveStatistics(new double[] {3, 1, 4, 2}).getStandardDeviation(),
            within(1e-15));
    assertThat(r.get("weighted-mean")).isCloseTo((3 + 1 + 4 + 2 * 5) / 8.0, within(1e-15));
    assertThat(AGG.aggregate(withSharpe(5, 1, 3), Map.of("Sharpe Ratio", "median")))
        .containsEntry("Sharpe Ratio", 3.0);
    assertThat(
            AGG.aggregate(withSharpe(Double.NaN), Map.of("Sharpe Ratio", "mean"))
                .get("Sharpe Ratio"))
        .isNaN();
    assertThat(AGG.aggregate(withSharpe(1), Map.of("Sharpe Ratio", "std")).get("Sharpe Ratio"))
        .isNaN();
  }

  @Test
  void methodsChosenPerMetricAndAbsentMetricsSkipped() {
    List<StrategyOutcome> o = Outcomes.many(30, 1);
    Map<String, String> methods = new LinkedHashMap<>();
    methods.put("Sharpe Ratio", "median");
    methods.put("# Trades", "sum");
    methods.put("Commissions [$]", "max");
    methods.put("Unknown Metric", "mean");
    Map<String, Double> r = AGG.aggregate(o, methods);
    assertThat(r.keySet()).containsExactlyElementsOf(methods.keySet());
    double trades = o.stream().mapToDouble(x -> x.stat("# Trades")).sum();
    assertThat(r.get("# Trades")).isEqualTo(trades);
    double maxComm =
        o.stream()
            .mapToDouble(x -> x.stat("Commissions [$]"))
            .filter(v -> !Double.isNaN(v))
            .max()
            .getAsDouble();
    assertThat(r.get("Commissions [$]")).isEqualTo(maxComm);
    assertThat(r.get("Unknown Metric")).isNaN();
  }

  @Test
  void customAggregatorsByName() {
    ResultAggregator a =
        AGG.register("range", (v, w) -> v.length == 0 ? Double.NaN : v[v.length - 1] - v[0]);
    assertThat(a.aggregate(withSharpe(3, -1, 2), Map.of("Sharpe Ratio", "range")))
        .containsEntry("Sharpe Ratio", 4.0);
    assertThat(a.registry().names()).contains("range", "mean", "weighted-mean");
    assertThat(AGG.registry().names()).doesNotContain("range"); // registering made a new registry
    assertThatThrownBy(() -> AGG.aggregate(withSharpe(1), Map.of("Sharpe Ratio", "p99")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown aggregator 'p99'")
        .hasMessageContaining("known: max, mean, median, min, std, sum, weighted-mean");
    assertThatThrownBy(() -> a.register("range", Aggregator.MEAN))
        .hasMessageContaining("'range' is already registered");
    assertThatThrownBy(() -> a.register(" ", Aggregator.MEAN))
        .hasMessageContaining("name must not be blank");
  }

  @Test
  void partialsMergedInAnyOrderGiveExactlyTheOnePassResult() {
    List<StrategyOutcome> o = Outcomes.many(97, 2);
    double[] w = new double[o.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = 1 + (i % 5);
    }
    Map<String, String> methods = new LinkedHashMap<>();
    for (String m : List.of("Sharpe Ratio", "Return [%]", "Win Rate [%]", "Commissions [$]")) {
      methods.put(m, "weighted-mean");
    }
    methods.put("# Trades", "std");
    Map<String, Double> whole = AGG.aggregate(o, w, methods);
    List<MetricSamples> parts = new ArrayList<>();
    int[] cuts = {0, 1, 13, 14, 50, 97};
    for (int c = 0; c + 1 < cuts.length; c++) {
      MetricSamples p = MetricSamples.empty();
      for (int i = cuts[c]; i < cuts[c + 1]; i++) {
        p.add(o.get(i), w[i]);
      }
      parts.add(p);
    }
    for (long seed = 0; seed < 20; seed++) {
      List<MetricSamples> shuffled = new ArrayList<>(parts);
      Collections.shuffle(shuffled, new Random(seed));
      MetricSamples left = MetricSamples.empty();
      for (MetricSamples p : shuffled) {
        left = left.merge(p);
      }
      MetricSamples right = MetricSamples.empty();
      for (int i = shuffled.size() - 1; i >= 0; i--) {
        right = shuffled.get(i).merge(right);
      }
      assertThat(AGG.aggregate(left, methods)).isEqualTo(whole); // bit for bit
      assertThat(AGG.aggregate(right, methods)).isEqualTo(whole);
      ConfidenceInterval ci =
          AGG.meanInterval(left, "Sharpe Ratio", 0.9, ResultAggregator.IntervalMethod.BOOTSTRAP, 7);
      assertThat(ci)
          .isEqualTo(
              AGG.meanInterval(
                  o, "Sharpe Ratio", 0.9, ResultAggregator.IntervalMethod.BOOTSTRAP, 7));
    }
    assertThat(MetricSamples.empty().merge(parts.get(1)).values("Sharpe Ratio"))
        .containsExactly(parts.get(1).values("Sharpe Ratio"));
    assertThat(parts.get(0).count("Win Rate [%]")).isEqualTo(0); // outcome 0 has a NaN win rate
  }

  @Test
  void weightsAreValidated() {
    assertThatThrownBy(() -> AGG.aggregate(withSharpe(1, 2), new double[] {1}, Map.of()))
        .hasMessageContaining("one value per outcome (2), had 1");
    assertThatThrownBy(() -> MetricSamples.empty().add(Map.of("x", 1.0), -1))
        .hasMessageContaining("weight must be finite and >= 0, was -1.0");
  }
}
