package dev.alphapulse.engine.indicator;

import static dev.alphapulse.engine.indicator.TestBars.maxRelativeError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.alphapulse.engine.data.BarSeries;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class SmaTest {

  /** pandas 1.5.3: {@code pd.Series(TEXTBOOK_CLOSES).rolling(10).mean()} from bar 9 on. */
  private static final double[] PANDAS_SMA10 = {
    44.77913, 44.93455, 45.12881, 45.275240000000004, 45.542199999999994, 45.73762, 45.85526,
    45.94899, 46.0477, 46.085589999999996, 46.04172, 46.073629999999994, 46.09556, 46.10553,
    46.12248, 46.072630000000004, 46.00783, 45.807430000000004, 45.5841, 45.38369, 45.27602,
    44.99685, 44.63792, 44.37969
  };

  @Test
  void matchesPandasRollingMean() {
    double[] sma = IndicatorColumns.compute(new Sma(10), TestBars.closes(TestBars.TEXTBOOK_CLOSES));
    for (int i = 0; i < 9; i++) {
      assertThat(sma[i]).isNaN();
    }
    for (int i = 9; i < sma.length; i++) {
      assertThat(sma[i]).as("bar %d", i).isCloseTo(PANDAS_SMA10[i - 9], within(1e-12));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 7, 30, 200})
  void matchesDirectWindowSumOnRandomData(int period) {
    BarSeries s = TestBars.random(period, 3_000, 100.0);
    for (PriceField f : PriceField.values()) {
      double[] expected = TestBars.naiveMean(TestBars.field(s, f), period);
      double[] actual = IndicatorColumns.compute(new Sma(f, period), s);
      assertThat(maxRelativeError(actual, expected, 1e-300)).as("%s", f).isLessThan(1e-12);
    }
  }

  @Test
  void doesNotDriftOverAMillionBars() {
    // High level, small moves and a slow trend: an uncompensated running sum drifts here.
    int n = 1_000_000;
    SplittableRandom r = new SplittableRandom(11);
    double[] c = new double[n];
    double p = 10_000.0;
    for (int i = 0; i < n; i++) {
      p += 0.01 * (r.nextDouble() - 0.49);
      c[i] = p + 1e-3 * r.nextDouble();
    }
    BarSeries s = TestBars.closes(c);
    for (int period : new int[] {20, 64}) {
      double[] expected = TestBars.naiveMean(c, period);
      double[] actual = IndicatorColumns.compute(new Sma(period), s);
      assertThat(maxRelativeError(actual, expected, 1e-300)).isLessThan(1e-12);
    }
  }

  @Test
  void windowOfEqualValuesGivesThatValueExactly() {
    double[] c = new double[50];
    for (int i = 0; i < c.length; i++) {
      c[i] = i < 20 ? 1.0 + i * 0.37 : 0.1;
    }
    double[] sma = IndicatorColumns.compute(new Sma(7), TestBars.closes(c));
    for (int i = 26; i < c.length; i++) {
      assertThat(sma[i]).isEqualTo(0.1);
    }
  }

  @ParameterizedTest
  @EnumSource(PriceField.class)
  void warmupIsPeriodMinusOne(PriceField field) {
    Sma sma = new Sma(field, 12);
    assertThat(sma.warmup()).isEqualTo(11);
    double[] col = IndicatorColumns.compute(sma, TestBars.random(3, 100, 50.0));
    assertThat(TestBars.firstValid(col)).isEqualTo(11);
  }

  @Test
  void typicalPriceIsTheMeanOfHighLowClose() {
    BarSeries s = TestBars.ohlc(new double[] {12}, new double[] {9}, new double[] {10.5});
    assertThat(PriceField.TYPICAL.of(s, 0)).isEqualTo(10.5);
    assertThat(new Sma(PriceField.TYPICAL, 1).update(s, 0)).isEqualTo(10.5);
  }

  @Test
  void rejectsNonPositivePeriod() {
    assertThatThrownBy(() -> new Sma(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("period must be >= 1, was 0");
  }
}
