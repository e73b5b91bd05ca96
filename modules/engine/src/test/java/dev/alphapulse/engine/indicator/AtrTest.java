package dev.alphapulse.engine.indicator;

import static dev.alphapulse.engine.indicator.TestBars.maxRelativeError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.alphapulse.engine.data.BarSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link TrueRange} and {@link Atr}. */
class AtrTest {

  // bar  high  low   close  true range
  //  0   10.0  9.0   9.5    1.0 (high - low: no previous close)
  //  1   10.5  9.6  10.2    max(0.9, |10.5-9.5|=1.0, |9.6-9.5|=0.1)    = 1.0
  //  2   10.4  9.8   9.9    max(0.6, |10.4-10.2|=0.2, |9.8-10.2|=0.4)  = 0.6
  //  3   11.0 10.1  10.8    max(0.9, |11-9.9|=1.1, |10.1-9.9|=0.2)     = 1.1 (gap up)
  //  4   10.0  9.0   9.2    max(1.0, |10-10.8|=0.8, |9-10.8|=1.8)      = 1.8 (gap down)
  //  5    9.5  9.3   9.4    max(0.2, |9.5-9.2|=0.3, |9.3-9.2|=0.1)     = 0.3
  // ATR(3), TA-Lib convention: bar 3 = mean(TR1..TR3) = (1.0 + 0.6 + 1.1) / 3 = 0.9,
  // bar 4 = (0.9 * 2 + 1.8) / 3 = 1.2, bar 5 = (1.2 * 2 + 0.3) / 3 = 0.9
  private static final BarSeries HAND =
      TestBars.ohlc(
          new double[] {10.0, 10.5, 10.4, 11.0, 10.0, 9.5},
          new double[] {9.0, 9.6, 9.8, 10.1, 9.0, 9.3},
          new double[] {9.5, 10.2, 9.9, 10.8, 9.2, 9.4});

  @Test
  void trueRangeHandWorked() {
    double[] tr = IndicatorColumns.compute(new TrueRange(), HAND);
    double[] expected = {1.0, 1.0, 0.6, 1.1, 1.8, 0.3};
    for (int i = 0; i < tr.length; i++) {
      assertThat(tr[i]).as("bar %d", i).isCloseTo(expected[i], within(1e-12));
    }
  }

  @Test
  void atrHandWorked() {
    Atr atr = new Atr(3);
    double[] v = IndicatorColumns.compute(atr, HAND);
    assertThat(atr.warmup()).isEqualTo(3);
    assertThat(v[0]).isNaN();
    assertThat(v[1]).isNaN();
    assertThat(v[2]).isNaN();
    assertThat(v[3]).isCloseTo(0.9, within(1e-12));
    assertThat(v[4]).isCloseTo(1.2, within(1e-12));
    assertThat(v[5]).isCloseTo(0.9, within(1e-12));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 14, 40})
  void matchesArrayRecomputation(int period) {
    BarSeries s = TestBars.random(500 + period, 3_000, 60.0);
    int n = s.size();
    double[] tr = new double[n];
    for (int i = 1; i < n; i++) {
      double pc = s.close(i - 1);
      tr[i] =
          Math.max(
              s.high(i) - s.low(i), Math.max(Math.abs(s.high(i) - pc), Math.abs(s.low(i) - pc)));
    }
    double[] expected = TestBars.nans(n);
    double seed = 0;
    for (int i = 1; i <= period; i++) {
      seed += tr[i];
    }
    expected[period] = seed / period;
    for (int i = period + 1; i < n; i++) {
      expected[i] = (expected[i - 1] * (period - 1) + tr[i]) / period;
    }
    assertThat(maxRelativeError(IndicatorColumns.compute(new Atr(period), s), expected, 1e-9))
        .isLessThan(1e-13);
  }
}
