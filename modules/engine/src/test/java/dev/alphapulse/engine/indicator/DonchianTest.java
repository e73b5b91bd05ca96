package dev.alphapulse.engine.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alphapulse.engine.data.BarSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link RollingHigh}, {@link RollingLow} and {@link Donchian} against brute force. */
class DonchianTest {

  @Test
  void matchesPandasRollingMaxAndMin() {
    // pandas 1.5.3: s.rolling(5).max() / .min() of TEXTBOOK_CLOSES, bars 4..
    double[] max5 = {
      44.3389, 44.8264, 45.0955, 45.4245, 45.8433, 46.0826, 46.0826, 46.0826, 46.0826, 46.282,
      46.282, 46.282, 46.282, 46.4116, 46.4116, 46.4116, 46.4116, 46.4116, 46.2521, 46.4515,
      46.4515, 46.4515, 46.4515, 46.4515, 45.7835, 45.3548, 44.5672, 44.5672, 44.5672
    };
    double[] min5 = {
      43.6124, 43.6124, 43.6124, 43.6124, 44.3278, 44.8264, 45.0955, 45.4245, 45.614, 45.614,
      45.614, 45.614, 45.614, 46.0028, 46.0028, 45.6439, 45.6439, 45.6439, 45.6439, 45.6439,
      45.7137, 45.3548, 44.0288, 44.0288, 44.0288, 44.0288, 43.4205, 42.6628, 42.6628
    };
    BarSeries s = TestBars.closes(TestBars.TEXTBOOK_CLOSES);
    double[] hi = IndicatorColumns.compute(new RollingHigh(PriceField.CLOSE, 5), s);
    double[] lo = IndicatorColumns.compute(new RollingLow(PriceField.CLOSE, 5), s);
    assertThat(TestBars.firstValid(hi)).isEqualTo(4);
    assertThat(TestBars.firstValid(lo)).isEqualTo(4);
    for (int i = 4; i < s.size(); i++) {
      assertThat(hi[i]).isEqualTo(max5[i - 4]);
      assertThat(lo[i]).isEqualTo(min5[i - 4]);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 5, 20, 55, 300})
  void matchesBruteForceOnRandomDataWithTies(int period) {
    BarSeries s = TestBars.random(400 + period, 5_000, 10.0);
    assertThat(IndicatorColumns.compute(new RollingHigh(period), s))
        .containsExactly(TestBars.naiveMax(s.highs(), period));
    assertThat(IndicatorColumns.compute(new RollingLow(period), s))
        .containsExactly(TestBars.naiveMin(s.lows(), period));
    for (PriceField f : PriceField.values()) {
      double[] x = TestBars.field(s, f);
      assertThat(IndicatorColumns.compute(new RollingHigh(f, period), s))
          .containsExactly(TestBars.naiveMax(x, period));
      assertThat(IndicatorColumns.compute(new RollingLow(f, period), s))
          .containsExactly(TestBars.naiveMin(x, period));
    }
  }

  @Test
  void monotonicRunsFillAndDrainTheDeque() {
    // a strictly falling run keeps every value in the max-deque (it fills to capacity), a rising
    // run pops everything each bar; alternate them with a constant run
    double[] c = new double[400];
    for (int i = 0; i < c.length; i++) {
      int phase = (i / 50) % 3;
      c[i] = phase == 0 ? 1000 - i : phase == 1 ? i : 42;
    }
    BarSeries s = TestBars.closes(c);
    for (int period : new int[] {1, 7, 50, 51, 120}) {
      assertThat(IndicatorColumns.compute(new RollingHigh(PriceField.CLOSE, period), s))
          .containsExactly(TestBars.naiveMax(c, period));
      assertThat(IndicatorColumns.compute(new RollingLow(PriceField.CLOSE, period), s))
          .containsExactly(TestBars.naiveMin(c, period));
    }
  }

  @Test
  void channelIsHighestHighLowestLowAndTheirMidpoint() {
    BarSeries s = TestBars.random(77, 2_000, 25.0);
    int period = 20;
    double[] hi = TestBars.naiveMax(s.highs(), period);
    double[] lo = TestBars.naiveMin(s.lows(), period);
    Donchian d = new Donchian(period);
    assertThat(d.warmup()).isEqualTo(period - 1);
    for (int i = 0; i < s.size(); i++) {
      double v = d.update(s, i);
      if (i < period - 1) {
        assertThat(v).isNaN();
        assertThat(d.upper()).isNaN();
        assertThat(d.lower()).isNaN();
        continue;
      }
      assertThat(d.upper()).isEqualTo(hi[i]);
      assertThat(d.lower()).isEqualTo(lo[i]);
      assertThat(d.middle()).isEqualTo((hi[i] + lo[i]) / 2).isEqualTo(v).isEqualTo(d.value());
    }
  }
}
