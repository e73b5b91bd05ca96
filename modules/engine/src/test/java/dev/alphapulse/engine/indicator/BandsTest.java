package dev.alphapulse.engine.indicator;

import static dev.alphapulse.engine.indicator.TestBars.maxRelativeError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.alphapulse.engine.data.BarSeries;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link RollingZScore} and {@link BollingerBands}. */
class BandsTest {

  /** pandas 1.5.3: {@code s.rolling(10).std()} of TEXTBOOK_CLOSES, bars 9... */
  private static final double[] PANDAS_STD10 = {
    0.8151268122881923, 0.8682970833764202, 0.875678472766497, 0.8140195591425706,
    0.623565286611328, 0.493305169916829, 0.37885159275544794, 0.27042945865995943,
    0.2356245695545926, 0.22948851556840028, 0.2687047441999572, 0.2680408760286974,
    0.2732496628035099, 0.2549316729810125, 0.27296560141447374, 0.2858131792700493,
    0.36569809056714025, 0.7240281210775694, 0.8503744769871161, 0.9168407997635728,
    0.9456562598416894, 1.0453895842114418, 1.1747048724395943, 1.1955870900477612
  };

  /** pandas 1.5.3: {@code (s - s.rolling(10).mean()) / s.rolling(10).std()}, bars 9... */
  private static final double[] PANDAS_Z10 = {
    1.5991008765138603, 1.1039424390009716, 1.0323309617787677, 0.4161570765656034,
    1.1864034382355286, 1.1035359716416087, 0.3894400942778607, 0.3099144612990673,
    1.5444060043818473, 0.5952803331428026, -1.480509773597288, 0.5169733887348313,
    0.5728826831620483, -1.5370000730712758, 1.205353342307819, -1.0116048557957646,
    -1.7857079838378545, -2.4565758541986957, -1.6531540374785947, -1.271311224697433,
    -0.7495535429741301, -1.5079067400399606, -1.6813755065969291, -1.044081196920695
  };

  @Test
  void matchesPandas() {
    BarSeries s = TestBars.closes(TestBars.TEXTBOOK_CLOSES);
    double[] z = IndicatorColumns.compute(new RollingZScore(10), s);
    BollingerBands bb = new BollingerBands(10, 2.0);
    bb.reset();
    for (int i = 0; i < s.size(); i++) {
      bb.update(s, i);
      if (i < 9) {
        assertThat(z[i]).isNaN();
        assertThat(bb.upper()).isNaN();
        assertThat(bb.lower()).isNaN();
        assertThat(bb.percentB()).isNaN();
        continue;
      }
      assertThat(z[i]).as("z at bar %d", i).isCloseTo(PANDAS_Z10[i - 9], within(1e-10));
      assertThat(bb.stdDev()).as("std at bar %d", i).isCloseTo(PANDAS_STD10[i - 9], within(1e-12));
      assertThat(bb.upper() - bb.middle()).isCloseTo(2 * PANDAS_STD10[i - 9], within(1e-11));
      assertThat(bb.middle() - bb.lower()).isCloseTo(2 * PANDAS_STD10[i - 9], within(1e-11));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3, 10, 50})
  void matchesTwoPassRecomputationOnRandomData(int window) {
    BarSeries s = TestBars.random(300 + window, 3_000, 120.0);
    double[] x = s.closes();
    double[] mean = TestBars.naiveMean(x, window);
    double[] std = TestBars.naiveStd(x, window);
    double[] z = TestBars.nans(x.length);
    for (int i = window - 1; i < x.length; i++) {
      z[i] = std[i] == 0 ? 0 : (x[i] - mean[i]) / std[i];
    }
    assertThat(maxRelativeError(IndicatorColumns.compute(new RollingZScore(window), s), z, 1.0))
        .isLessThan(1e-9);
    BollingerBands bb = new BollingerBands(window, 1.5);
    double[] upper = TestBars.nans(x.length);
    double[] lower = TestBars.nans(x.length);
    double[] pctB = TestBars.nans(x.length);
    double[] gotUpper = TestBars.nans(x.length);
    double[] gotLower = TestBars.nans(x.length);
    double[] gotPctB = TestBars.nans(x.length);
    double[] gotStd = TestBars.nans(x.length);
    for (int i = 0; i < x.length; i++) {
      bb.update(s, i);
      gotUpper[i] = bb.upper();
      gotLower[i] = bb.lower();
      gotPctB[i] = bb.percentB();
      gotStd[i] = bb.stdDev();
      if (i >= window - 1) {
        upper[i] = mean[i] + 1.5 * std[i];
        lower[i] = mean[i] - 1.5 * std[i];
        pctB[i] = upper[i] == lower[i] ? 0.5 : (x[i] - lower[i]) / (upper[i] - lower[i]);
      }
    }
    assertThat(maxRelativeError(gotStd, std, 1e-3)).isLessThan(1e-9);
    assertThat(maxRelativeError(gotUpper, upper, 1.0)).isLessThan(1e-12);
    assertThat(maxRelativeError(gotLower, lower, 1.0)).isLessThan(1e-12);
    assertThat(maxRelativeError(gotPctB, pctB, 1.0)).isLessThan(1e-9);
  }

  @Test
  void quietWindowsAfterVolatileOnesStayAccurateOverAMillionBars() {
    // Alternating stretches of huge and tiny moves around a high level: Welford add/remove alone
    // carries absolute error from the volatile stretches into the quiet ones; the periodic resync
    // must bound it.
    int n = 1_000_000;
    int window = 30;
    SplittableRandom r = new SplittableRandom(5);
    double[] c = new double[n];
    for (int i = 0; i < n; i++) {
      double scale = (i / 5_000) % 2 == 0 ? 50.0 : 1e-4;
      c[i] = 10_000.0 + scale * r.nextGaussian();
    }
    BarSeries s = TestBars.closes(c);
    BollingerBands bb = new BollingerBands(window, 2.0);
    double[] std = TestBars.naiveStd(c, window);
    double[] got = TestBars.nans(n);
    for (int i = 0; i < n; i++) {
      bb.update(s, i);
      got[i] = bb.stdDev();
    }
    assertThat(maxRelativeError(got, std, 1e-300)).isLessThan(1e-6);
  }

  @Test
  void flatWindowHasZeroDeviationExactly() {
    double[] c = {5, 6, 7, 3.3, 3.3, 3.3, 3.3};
    BarSeries s = TestBars.closes(c);
    double[] z = IndicatorColumns.compute(new RollingZScore(4), s);
    assertThat(z[6]).isEqualTo(0.0);
    BollingerBands bb = new BollingerBands(4, 2.0);
    IndicatorColumns.compute(bb, s);
    assertThat(bb.stdDev()).isEqualTo(0.0);
    assertThat(bb.upper()).isEqualTo(3.3);
    assertThat(bb.lower()).isEqualTo(3.3);
    assertThat(bb.percentB()).isEqualTo(0.5);
  }

  @Test
  void middleBandIsBitIdenticalToSma() {
    BarSeries s = TestBars.random(9, 5_000, 70.0);
    assertThat(IndicatorColumns.compute(new BollingerBands(PriceField.TYPICAL, 20, 2.0), s))
        .containsExactly(IndicatorColumns.compute(new Sma(PriceField.TYPICAL, 20), s));
  }

  @Test
  void validatesArguments() {
    assertThatThrownBy(() -> new RollingZScore(1)).hasMessage("window must be >= 2, was 1");
    assertThatThrownBy(() -> new BollingerBands(20, -1))
        .hasMessage("k must be finite and >= 0, was -1.0");
    assertThatThrownBy(() -> new BollingerBands(20, Double.NaN))
        .hasMessage("k must be finite and >= 0, was NaN");
  }
}
