package dev.alphapulse.engine.indicator;

import static dev.alphapulse.engine.indicator.TestBars.maxRelativeError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.alphapulse.engine.data.BarSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RsiTest {

  /** RSI(14) of TEXTBOOK_CLOSES from bar 14 on, as published (two decimals) by StockCharts. */
  private static final double[] TEXTBOOK_RSI14 = {
    70.53, 66.32, 66.55, 69.41, 66.36, 57.97, 62.93, 63.26, 56.06, 62.38, 54.71, 50.42, 39.99,
    41.46, 41.87, 45.46, 37.30, 33.08, 37.77
  };

  @Test
  void matchesTheTextbookExample() {
    double[] rsi = IndicatorColumns.compute(new Rsi(14), TestBars.closes(TestBars.TEXTBOOK_CLOSES));
    for (int i = 0; i < 14; i++) {
      assertThat(rsi[i]).isNaN();
    }
    for (int i = 14; i < rsi.length; i++) {
      assertThat(rsi[i]).as("bar %d", i).isCloseTo(TEXTBOOK_RSI14[i - 14], within(0.005));
    }
  }

  @Test
  void handWorkedPeriodTwo() {
    // changes: +2, -1 | +3 | -4
    // bar 2: avgGain = 2/2 = 1, avgLoss = 1/2 = 0.5 -> 100 * 1 / 1.5
    // bar 3: avgGain = (1 + 3) / 2 = 2, avgLoss = 0.5 / 2 = 0.25 -> 100 * 2 / 2.25
    // bar 4: avgGain = 2 / 2 = 1, avgLoss = (0.25 + 4) / 2 = 2.125 -> 100 * 1 / 3.125 = 32
    double[] rsi = IndicatorColumns.compute(new Rsi(2), TestBars.closes(10, 12, 11, 14, 10));
    assertThat(rsi[0]).isNaN();
    assertThat(rsi[1]).isNaN();
    assertThat(rsi[2]).isCloseTo(100.0 / 1.5, within(1e-12));
    assertThat(rsi[3]).isCloseTo(200.0 / 2.25, within(1e-12));
    assertThat(rsi[4]).isCloseTo(32.0, within(1e-12));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 9, 14, 50})
  void matchesStraightforwardRecomputation(int period) {
    BarSeries s = TestBars.random(200 + period, 2_000, 30.0);
    double[] x = s.closes();
    double[] expected = TestBars.nans(x.length);
    for (int t = period; t < x.length; t++) {
      // recompute from scratch for every bar: seed over changes 1..period, then smooth up to t
      double g = 0;
      double l = 0;
      for (int k = 1; k <= period; k++) {
        double d = x[k] - x[k - 1];
        g += Math.max(d, 0);
        l += Math.max(-d, 0);
      }
      g /= period;
      l /= period;
      for (int k = period + 1; k <= t; k++) {
        double d = x[k] - x[k - 1];
        g = (g * (period - 1) + Math.max(d, 0)) / period;
        l = (l * (period - 1) + Math.max(-d, 0)) / period;
      }
      expected[t] = g + l == 0 ? 50 : 100 * g / (g + l);
    }
    double[] actual = IndicatorColumns.compute(new Rsi(period), s);
    assertThat(maxRelativeError(actual, expected, 1.0)).isLessThan(1e-12);
    for (int t = period; t < x.length; t++) {
      assertThat(actual[t]).isBetween(0.0, 100.0);
    }
  }

  @Test
  void extremesAndFlatSeries() {
    assertThat(IndicatorColumns.compute(new Rsi(3), TestBars.closes(1, 2, 3, 4, 5))[4])
        .isEqualTo(100.0);
    assertThat(IndicatorColumns.compute(new Rsi(3), TestBars.closes(5, 4, 3, 2, 1))[4])
        .isEqualTo(0.0);
    assertThat(IndicatorColumns.compute(new Rsi(3), TestBars.closes(7, 7, 7, 7, 7))[4])
        .as("no change at all is neutral, not 'oversold'")
        .isEqualTo(50.0);
  }

  @Test
  void warmupIsPeriod() {
    assertThat(new Rsi(14).warmup()).isEqualTo(14);
  }
}
