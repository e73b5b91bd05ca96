package dev.alphapulse.engine.indicator;

import static dev.alphapulse.engine.indicator.TestBars.maxRelativeError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.alphapulse.engine.data.BarSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmaTest {

  /**
   * pandas 1.5.3, TA-Lib's seeding: the SMA of the first 10 closes followed by the remaining
   * closes, through {@code ewm(span=10, adjust=False).mean()}; bars 9.. of TEXTBOOK_CLOSES.
   */
  private static final double[] PANDAS_SEEDED_EMA10 = {
    44.77913,
    44.98167,
    45.17278454545454,
    45.25300553719008,
    45.440095439519155,
    45.59316899597022,
    45.66764736033926,
    45.73403874936848,
    45.85723170402875,
    45.923589576023524,
    45.87273692583742,
    45.934457484776075,
    45.992210669362244,
    45.941572365841836,
    46.03428648114332,
    45.98868893911726,
    45.8734364047323,
    45.53804796750825,
    45.29082106432492,
    45.095780870811296,
    44.99967525793651,
    44.71255248376623,
    44.33987021399055,
    44.12014835690136
  };

  @Test
  void matchesPandasWithTaLibSeeding() {
    double[] ema = IndicatorColumns.compute(new Ema(10), TestBars.closes(TestBars.TEXTBOOK_CLOSES));
    assertThat(TestBars.firstValid(ema)).isEqualTo(9);
    for (int i = 9; i < ema.length; i++) {
      assertThat(ema[i]).as("bar %d", i).isCloseTo(PANDAS_SEEDED_EMA10[i - 9], within(1e-12));
    }
  }

  @Test
  void handWorkedPeriodThree() {
    // alpha = 0.5; seed = (1 + 2 + 3) / 3 = 2; then 2 + (6 - 2) / 2 = 4; 4 + (1 - 4) / 2 = 2.5
    double[] ema = IndicatorColumns.compute(new Ema(3), TestBars.closes(1, 2, 3, 6, 1));
    assertThat(ema[0]).isNaN();
    assertThat(ema[1]).isNaN();
    assertThat(ema[2]).isEqualTo(2.0);
    assertThat(ema[3]).isEqualTo(4.0);
    assertThat(ema[4]).isEqualTo(2.5);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 5, 26, 100})
  void matchesClosedFormWeightedSum(int period) {
    BarSeries s = TestBars.random(100 + period, 1_500, 80.0);
    double[] x = s.closes();
    double alpha = 2.0 / (period + 1);
    double seed = 0;
    for (int j = 0; j < period; j++) {
      seed += x[j];
    }
    seed /= period;
    double[] expected = TestBars.nans(x.length);
    for (int t = period - 1; t < x.length; t++) {
      // ema_t = (1-a)^(t-p+1) * seed + sum_{j=p..t} a (1-a)^(t-j) x_j
      double v = Math.pow(1 - alpha, t - period + 1) * seed;
      for (int j = period; j <= t; j++) {
        v += alpha * Math.pow(1 - alpha, t - j) * x[j];
      }
      expected[t] = v;
    }
    double[] actual = IndicatorColumns.compute(new Ema(period), s);
    assertThat(maxRelativeError(actual, expected, 1e-300)).isLessThan(1e-11);
  }

  @Test
  void periodOneFollowsThePrice() {
    BarSeries s = TestBars.random(5, 200, 10.0);
    assertThat(IndicatorColumns.compute(new Ema(1), s)).containsExactly(s.closes());
  }

  @Test
  void exposesAlphaAndWarmup() {
    Ema ema = new Ema(PriceField.HIGH, 19);
    assertThat(ema.alpha()).isEqualTo(0.1);
    assertThat(ema.warmup()).isEqualTo(18);
    assertThat(ema.field()).isEqualTo(PriceField.HIGH);
  }
}
