package dev.alphapulse.research.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.alphapulse.engine.metrics.MetricsConvention;
import dev.alphapulse.research.portfolio.CoMoments;
import dev.alphapulse.research.portfolio.EquityStatistics;
import dev.alphapulse.research.portfolio.SleevePortfolio;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MergeTest {
  private static final ResultAggregator AGG = ResultAggregator.standard();
  private static final MetricsConvention CONV = MetricsConvention.BACKTESTING_PY;

  @Test
  void portfolioOfOneHundredPercentIsThatCurve() {
    StrategyOutcome a = Outcomes.walk("a", 0, 300, 0.01, 1, Map.of());
    StrategyOutcome b = Outcomes.walk("b", 0, 300, 0.02, 2, Map.of());
    StrategyOutcome p = AGG.portfolio(List.of(a, b), new double[] {1, 0}, 21);
    assertThat(p.name()).isEqualTo("portfolio(a, b)");
    assertThat(p.equity()).containsExactly(a.equity(), within(1e-8));
    assertThat(p.stat("Sharpe Ratio"))
        .isCloseTo(
            EquityStatistics.of(a.timestamps(), a.equity(), CONV).get("Sharpe Ratio"),
            within(1e-9));
    // identical sleeves: the same curve as one
    StrategyOutcome twice = AGG.portfolio(List.of(a, a), new double[] {0.3, 0.7}, 5);
    assertThat(twice.equity()).containsExactly(a.equity(), within(1e-8));
    assertThat(twice.stat(ResultAggregator.DIVERSIFICATION_RATIO)).isCloseTo(1, within(1e-9));
  }

  @Test
  void buyAndHoldPortfolioIsTheWeightedSumOfCurves() {
    StrategyOutcome a = Outcomes.walk("a", 0, 200, 0.01, 3, Map.of());
    StrategyOutcome b = Outcomes.walk("b", 0, 200, 0.01, 4, Map.of());
    StrategyOutcome p = AGG.portfolio(List.of(a, b), new double[] {3, 1}, 0);
    for (int t = 0; t < 200; t++) {
      assertThat(p.equity()[t])
          .isCloseTo(0.75 * a.equity()[t] + 0.25 * b.equity()[t], within(1e-8));
    }
    assertThat(p.stat(ResultAggregator.DIVERSIFICATION_RATIO)).isGreaterThan(1.1);
    assertThat(p.stats())
        .containsKeys(
            "Return [%]",
            "CAGR [%]", "Volatility (Ann.) [%]", "Sortino Ratio", "Max. Drawdown [%]");
  }

  @Test
  void commonCalendarHoldsLateStartersAsCash() {
    StrategyOutcome a = Outcomes.walk("a", 0, 100, 0.01, 5, Map.of());
    StrategyOutcome late = Outcomes.walk("late", 50, 100, 0.01, 6, Map.of());
    StrategyOutcome p = AGG.portfolio(List.of(a, late), new double[] {1, 1}, 0);
    assertThat(p.size()).isEqualTo(150);
    for (int t = 0; t < 50; t++) {
      assertThat(p.equity()[t]).isCloseTo(0.5 * a.equity()[t] + 5_000, within(1e-8));
    }
    // after a ends, its value is carried forward
    assertThat(p.equity()[149])
        .isCloseTo(0.5 * a.equity()[99] + 0.5 * late.equity()[99], within(1e-8));
  }

  @Test
  void diversificationRatioMatchesTheCovarianceFormula() {
    StrategyOutcome a = Outcomes.walk("a", 0, 500, 0.01, 7, Map.of());
    StrategyOutcome b = Outcomes.walk("b", 0, 500, 0.01, 8, Map.of());
    double[][] r = SleevePortfolio.returnMatrix(List.of(a.equity(), b.equity()));
    double[][] cov = CoMoments.of(r, 1, r.length).covariance();
    double expected = SleevePortfolio.diversificationRatio(new double[] {0.5, 0.5}, cov);
    assertThat(AGG.diversificationRatio(List.of(a, b), new double[] {2, 2})).isEqualTo(expected);
    assertThat(expected).isBetween(1.3, 1.5); // ~ sqrt(2) for independent equal-vol sleeves
  }

  @Test
  void concatenationCompoundsChunksInAnyOrder() {
    long d = Outcomes.DAY;
    long t0 = Outcomes.T0;
    StrategyOutcome c1 =
        new StrategyOutcome("x", Map.of(), new double[] {100, 110}, new long[] {t0, t0 + d});
    StrategyOutcome c2 =
        new StrategyOutcome(
            "x",
            Map.of(),
            new double[] {50, 40, 60},
            new long[] {t0 + 2 * d, t0 + 3 * d, t0 + 4 * d});
    StrategyOutcome c3 =
        new StrategyOutcome(
            "x", Map.of(), new double[] {10, 11}, new long[] {t0 + 5 * d, t0 + 6 * d});
    double[] expected = {100, 110, 110, 88, 132, 132, 145.2};
    List<StrategyOutcome> chunks = new ArrayList<>(List.of(c1, c2, c3));
    for (long seed = 0; seed < 6; seed++) {
      Collections.shuffle(chunks, new Random(seed));
      StrategyOutcome whole = AGG.concatenate(chunks);
      assertThat(whole.name()).isEqualTo("x");
      assertThat(whole.equity()).containsExactly(expected, within(1e-9));
      ChunkConcatenation tree =
          ChunkConcatenation.of(chunks.get(0))
              .merge(
                  ChunkConcatenation.empty()
                      .merge(chunks.get(1))
                      .merge(ChunkConcatenation.of(chunks.get(2))));
      assertThat(tree.concatenate(CONV)).isEqualTo(whole);
    }
    StrategyOutcome whole = AGG.concatenate(chunks);
    assertThat(whole.stat("Return [%]")).isCloseTo(45.2, within(1e-9));
    assertThat(whole.stat("Max. Drawdown [%]")).isCloseTo(-20, within(1e-9));
    assertThat(whole.stats())
        .isEqualTo(EquityStatistics.of(whole.timestamps(), whole.equity(), CONV).values());
    StrategyOutcome overlapping =
        new StrategyOutcome("y", Map.of(), new double[] {1, 2}, new long[] {t0 + d, t0 + 2 * d});
    assertThatThrownBy(() -> AGG.concatenate(List.of(c1, overlapping)))
        .hasMessageContaining(
            "chunks x (ends at " + (t0 + d) + ") and y (starts at " + (t0 + d) + ") overlap");
    assertThatThrownBy(() -> ChunkConcatenation.empty().concatenate(CONV))
        .hasMessageContaining("no chunks");
  }

  @Test
  void bestAndMean() {
    List<StrategyOutcome> o = Outcomes.many(20, 9);
    StrategyOutcome hi = AGG.best(o, "Sharpe Ratio", ResultAggregator.Mode.MAX);
    StrategyOutcome lo = AGG.best(o, "Sharpe Ratio", ResultAggregator.Mode.MIN);
    double max = o.stream().mapToDouble(x -> x.stat("Sharpe Ratio")).max().getAsDouble();
    double min = o.stream().mapToDouble(x -> x.stat("Sharpe Ratio")).min().getAsDouble();
    assertThat(hi.stat("Sharpe Ratio")).isEqualTo(max);
    assertThat(lo.stat("Sharpe Ratio")).isEqualTo(min);
    List<StrategyOutcome> reversed = new ArrayList<>(o);
    Collections.reverse(reversed);
    assertThat(AGG.best(reversed, "Sharpe Ratio", ResultAggregator.Mode.MAX)).isEqualTo(hi);
    // NaN never wins; ties go to the smallest name
    List<StrategyOutcome> ties =
        List.of(
            new StrategyOutcome("b", Map.of("m", 1.0), new double[] {1}, new long[] {0}),
            new StrategyOutcome("n", Map.of("m", Double.NaN), new double[] {1}, new long[] {0}),
            new StrategyOutcome("a", Map.of("m", 1.0), new double[] {1}, new long[] {0}));
    assertThat(AGG.best(ties, "m", ResultAggregator.Mode.MAX).name()).isEqualTo("a");
    assertThatThrownBy(() -> AGG.best(ties, "nope", ResultAggregator.Mode.MIN))
        .hasMessageContaining("no outcome has a value for metric 'nope'");

    StrategyOutcome a =
        new StrategyOutcome(
            "a", Map.of("m", 1.0, "k", 5.0), new double[] {100, 120}, new long[] {0, 1});
    StrategyOutcome b =
        new StrategyOutcome("b", Map.of("m", 3.0), new double[] {100, 80}, new long[] {0, 1});
    StrategyOutcome m = AGG.mean(List.of(a, b));
    assertThat(m.name()).isEqualTo("mean(a, b)");
    assertThat(m.stat("m")).isEqualTo(2.0);
    assertThat(m.stat("k")).isEqualTo(5.0);
    assertThat(m.equity()).containsExactly(100, 100);
  }

  @Test
  void outcomeValidation() {
    assertThatThrownBy(() -> new StrategyOutcome("", Map.of(), new double[] {1}, new long[] {0}))
        .hasMessageContaining("name must not be blank");
    assertThatThrownBy(
            () -> new StrategyOutcome("a", Map.of(), new double[] {1, 2}, new long[] {0}))
        .hasMessageContaining("same non-zero length, had 2 and 1");
    assertThatThrownBy(
            () -> new StrategyOutcome("a", Map.of(), new double[] {1, 2}, new long[] {5, 5}))
        .hasMessageContaining("timestamps[1]=5 after 5");
    assertThatThrownBy(
            () -> new StrategyOutcome("a", Map.of(), new double[] {1, -2}, new long[] {0, 1}))
        .hasMessageContaining("equity[1] of a must be finite and >= 0, was -2.0");
    assertThatThrownBy(() -> new StrategyOutcome("a", Map.of(), new double[] {0}, new long[] {0}))
        .hasMessageContaining("equity[0] of a must be positive");
    double[] e = {1, 2};
    StrategyOutcome o = new StrategyOutcome("a", Map.of(), e, new long[] {0, 1});
    e[0] = 99;
    assertThat(o.equity()[0]).isEqualTo(1.0);
  }
}
