package dev.alphapulse.engine.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alphapulse.engine.data.BarSeries;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SMA column fast path gives exactly the bits of bar-by-bar updates. */
class SmaColumnPathTest {

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 10, 30, 97, 500})
  void columnPathEqualsIncrementalUpdates(int period) {
    SplittableRandom r = new SplittableRandom(period);
    int n = 20_000;
    long[] t = new long[n];
    double[] o = new double[n];
    double[] h = new double[n];
    double[] l = new double[n];
    double[] c = new double[n];
    double[] v = new double[n];
    double px = 100;
    for (int i = 0; i < n; i++) {
      t[i] = i;
      // random walk with flat stretches (exercises the exact-repeat rule) and NaN gaps (restarts)
      px = r.nextInt(10) == 0 ? px : px * Math.exp(r.nextGaussian() * 0.02);
      c[i] = r.nextInt(2000) == 0 ? Double.NaN : px;
      o[i] = px;
      h[i] = px * 1.01;
      l[i] = px * 0.99;
      v[i] = r.nextInt(1000);
    }
    BarSeries s = new BarSeries("X", t, o, h, l, c, v);
    for (PriceField f : new PriceField[] {PriceField.CLOSE, PriceField.HIGH, PriceField.TYPICAL}) {
      double[] fast = IndicatorColumns.compute(new Sma(f, period), s);
      Sma slow = new Sma(f, period);
      for (int i = 0; i < n; i++) {
        double expected = slow.update(s, i);
        assertThat(Double.doubleToRawLongBits(fast[i]))
            .as("%s period %d bar %d", f, period, i)
            .isEqualTo(Double.doubleToRawLongBits(expected));
      }
    }
  }
}
