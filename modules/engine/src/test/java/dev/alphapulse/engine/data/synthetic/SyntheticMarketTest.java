package dev.alphapulse.engine.data.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.alphapulse.engine.data.BarSeries;
import dev.alphapulse.engine.data.Universe;
import dev.alphapulse.engine.data.synthetic.SyntheticMarket.Regime;
import dev.alphapulse.engine.data.synthetic.SyntheticMarket.Spec;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SyntheticMarketTest {

  /** Generated once and shared: 4 symbols in 2 sectors, 0.3 across and 0.6 within. */
  private static final SyntheticMarket MARKET =
      SyntheticMarket.generate(new Spec(4, 40_000, 7L, 0.3, 2, 0.6));

  @Test
  void sameSpecGivesBitIdenticalOutput() {
    Spec spec = Spec.of(3, 2_000, 99L);
    SyntheticMarket a = SyntheticMarket.generate(spec);
    SyntheticMarket b = SyntheticMarket.generate(spec);
    for (int s = 0; s < 3; s++) {
      assertSameBars(a.series(s), b.series(s));
    }
    for (int t = 0; t < 2_000; t++) {
      assertThat(a.regime(t)).isEqualTo(b.regime(t));
    }
  }

  /**
   * Pins the exact bits of a small market. StrictMath and SplittableRandom make them the same on
   * every platform; if this fails after a deliberate change to the model, the embedded default
   * dataset changed: update the constant and say so in the change.
   */
  @Test
  void outputIsPinned() {
    assertThat(fingerprint(SyntheticMarket.generate(Spec.of(3, 500, 7L))))
        .isEqualTo(-1917221355102002763L);
  }

  @Test
  void differentSeedsDiffer() {
    SyntheticMarket a = SyntheticMarket.generate(Spec.of(2, 500, 1L));
    SyntheticMarket b = SyntheticMarket.generate(Spec.of(2, 500, 2L));
    for (int s = 0; s < 2; s++) {
      assertThat(a.series(s).closes()).isNotEqualTo(b.series(s).closes());
      assertThat(a.series(s).volumes()).isNotEqualTo(b.series(s).volumes());
    }
    assertThat(fingerprint(a)).isNotEqualTo(fingerprint(b));
  }

  @Test
  void prefixesAreStableInBarsAndSymbols() {
    SyntheticMarket small = SyntheticMarket.generate(new Spec(2, 300, 5L, 0.3, 2, 0.6));
    SyntheticMarket longer = SyntheticMarket.generate(new Spec(2, 900, 5L, 0.3, 2, 0.6));
    SyntheticMarket wider = SyntheticMarket.generate(new Spec(6, 300, 5L, 0.3, 2, 0.6));
    for (int s = 0; s < 2; s++) {
      assertSameBars(small.series(s), longer.series(s).slice(0, 300));
      assertSameBars(small.series(s), wider.series(s));
    }
  }

  @Test
  void barsAreValidOhlcv() {
    for (BarSeries s : MARKET.series()) {
      String firstProblem = null;
      for (int i = 0; i < s.size() && firstProblem == null; i++) {
        double o = s.open(i);
        double h = s.high(i);
        double l = s.low(i);
        double c = s.close(i);
        double v = s.volume(i);
        boolean ok =
            l > 0
                && Double.isFinite(h)
                && h >= Math.max(o, c)
                && l <= Math.min(o, c)
                && v >= 1.0
                && v == Math.rint(v)
                && Double.isFinite(v);
        if (!ok) {
          firstProblem = "bar " + i + ": o=" + o + " h=" + h + " l=" + l + " c=" + c + " v=" + v;
        }
      }
      assertThat(firstProblem).as(s.symbol()).isNull();
    }
  }

  @Test
  void opensGapFromThePreviousClose() {
    BarSeries s = MARKET.series(0);
    int gaps = 0;
    for (int i = 1; i < s.size(); i++) {
      if (s.open(i) != s.close(i - 1)) {
        gaps++;
      }
    }
    assertThat(gaps).isGreaterThan(s.size() * 9 / 10);
  }

  @Test
  void calendarIsWeekdaysFromTheThirdOfJanuary2000() {
    long[] t = MARKET.series(0).times();
    assertThat(t[0]).isEqualTo(946_857_600_000L);
    assertThat(LocalDate.ofInstant(Instant.ofEpochMilli(t[0]), ZoneOffset.UTC))
        .isEqualTo(SyntheticMarket.FIRST_DAY)
        .isEqualTo(LocalDate.of(2000, 1, 3));
    LocalDate expected = SyntheticMarket.FIRST_DAY;
    for (int i = 0; i < t.length; i++) {
      assertThat(t[i] % 86_400_000L).isZero();
      LocalDate day = LocalDate.ofInstant(Instant.ofEpochMilli(t[i]), ZoneOffset.UTC);
      assertThat(day).as("bar %d", i).isEqualTo(expected);
      assertThat(day.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
      expected = day.getDayOfWeek() == DayOfWeek.FRIDAY ? day.plusDays(3) : day.plusDays(1);
    }
    for (BarSeries s : MARKET.series()) {
      assertThat(s.times()).isSameAs(t);
    }
  }

  @Test
  void symbolsAreNamedAndFormAUniverse() {
    assertThat(MARKET.series())
        .extracting(BarSeries::symbol)
        .containsExactly("SYN00", "SYN01", "SYN02", "SYN03");
    assertThat(SyntheticMarket.symbolName(123)).isEqualTo("SYN123");
    Universe u = MARKET.universe();
    assertThat(u).isSameAs(MARKET.universe());
    assertThat(u.symbolCount()).isEqualTo(4);
    assertThat(u.size()).isEqualTo(40_000);
    assertThat(u.indexOf("SYN02")).isEqualTo(2);
    assertThat(u.hasBar(3, 39_999)).isTrue();
  }

  @Test
  void targetCorrelationIsRecoveredFromReturns() {
    double[][] r = new double[4][];
    for (int s = 0; s < 4; s++) {
      r[s] = logReturns(MARKET.series(s).closes());
    }
    Spec spec = MARKET.spec();
    for (int a = 0; a < 4; a++) {
      for (int b = a + 1; b < 4; b++) {
        assertThat(correlation(r[a], r[b]))
            .as("SYN0%d vs SYN0%d", a, b)
            .isCloseTo(spec.targetCorrelation(a, b), within(0.04));
      }
    }
    assertThat(spec.targetCorrelation(0, 2)).isEqualTo(0.6);
    assertThat(spec.targetCorrelation(0, 1)).isEqualTo(0.3);
  }

  @Test
  void regimesArePresentAndDifferInDriftAndVolatility() {
    double[] r = logReturns(MARKET.series(0).closes());
    Map<Regime, double[]> stats = new EnumMap<>(Regime.class); // count, sum, sum of squares
    int switches = 0;
    for (int t = 1; t < MARKET.series(0).size(); t++) {
      Regime g = MARKET.regime(t);
      double[] acc = stats.computeIfAbsent(g, k -> new double[3]);
      acc[0]++;
      acc[1] += r[t - 1];
      acc[2] += r[t - 1] * r[t - 1];
      if (g != MARKET.regime(t - 1)) {
        switches++;
      }
    }
    assertThat(stats).containsOnlyKeys(Regime.values());
    assertThat(switches).as("regime changes").isBetween(100, 2_000);
    Map<Regime, Double> vol = new EnumMap<>(Regime.class);
    Map<Regime, Double> mean = new EnumMap<>(Regime.class);
    stats.forEach(
        (g, acc) -> {
          assertThat(acc[0]).as("bars in %s", g).isGreaterThan(1_000);
          mean.put(g, acc[1] / acc[0]);
          vol.put(g, Math.sqrt(acc[2] / acc[0] - (acc[1] / acc[0]) * (acc[1] / acc[0])));
        });
    assertThat(vol.get(Regime.HIGH_VOLATILITY)).isGreaterThan(2 * vol.get(Regime.BULL));
    assertThat(vol.get(Regime.HIGH_VOLATILITY)).isGreaterThan(2 * vol.get(Regime.SIDEWAYS));
    assertThat(vol.get(Regime.BEAR)).isGreaterThan(vol.get(Regime.BULL));
    assertThat(mean.get(Regime.BULL)).isPositive();
    assertThat(mean.get(Regime.BEAR)).isNegative();
  }

  @Test
  void volumeRisesWithAbsoluteReturns() {
    BarSeries s = MARKET.series(1);
    double[] r = logReturns(s.closes());
    double[] absReturn = new double[r.length];
    double[] logVolume = new double[r.length];
    for (int i = 0; i < r.length; i++) {
      absReturn[i] = Math.abs(r[i]);
      logVolume[i] = Math.log(s.volume(i + 1));
    }
    assertThat(correlation(absReturn, logVolume)).isGreaterThan(0.3);
  }

  @Test
  void largeMarketsStayFiniteAndPositive() {
    SyntheticMarket big = SyntheticMarket.generate(Spec.of(1, 1_000_000, 3L));
    BarSeries s = big.series(0);
    assertThat(s.size()).isEqualTo(1_000_000);
    assertThat(Arrays.stream(s.lows()).min().orElseThrow()).isGreaterThan(0.01);
    assertThat(Arrays.stream(s.highs()).max().orElseThrow()).isLessThan(1e5);
    SyntheticMarket wide = SyntheticMarket.generate(Spec.of(4, 200_000, 3L));
    assertThat(wide.series()).hasSize(4).allSatisfy(x -> assertThat(x.size()).isEqualTo(200_000));
  }

  @Test
  void defaultDatasetIsEightSymbolsFrom2000Through2019() {
    assertThat(Spec.DEFAULT).isEqualTo(new Spec(8, 5_217, 42L, 0.3, 2, 0.6));
    SyntheticMarket m = SyntheticMarket.generate(Spec.DEFAULT);
    long last = m.series(0).time(5_216);
    assertThat(LocalDate.ofInstant(Instant.ofEpochMilli(last), ZoneOffset.UTC))
        .isEqualTo(LocalDate.of(2019, 12, 31));
  }

  @Test
  void specDefaults() {
    assertThat(Spec.of(1, 10, 0L).sectors()).isEqualTo(1);
    assertThat(Spec.of(2, 10, 0L).sectors()).isEqualTo(2);
    assertThat(Spec.of(4, 10, 0L).sectors()).isEqualTo(2);
    assertThat(Spec.of(20, 10, 0L).sectors()).isEqualTo(5);
  }

  @Test
  void specValidationNamesTheFieldAndValue() {
    assertThatThrownBy(() -> Spec.of(0, 10, 1L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("symbols must be >= 1, was 0");
    assertThatThrownBy(() -> Spec.of(2, -5, 1L)).hasMessage("bars must be >= 1, was -5");
    assertThatThrownBy(() -> new Spec(2, 10, 1L, 1.5, 1, 1.0))
        .hasMessage("correlation must be in [0, 1], was 1.5");
    assertThatThrownBy(() -> new Spec(2, 10, 1L, Double.NaN, 1, 1.0))
        .hasMessage("correlation must be in [0, 1], was NaN");
    assertThatThrownBy(() -> new Spec(2, 10, 1L, 0.3, 3, 0.6))
        .hasMessage("sectors must be in [1, symbols=2], was 3");
    assertThatThrownBy(() -> new Spec(2, 10, 1L, 0.3, 1, 0.2))
        .hasMessage("sectorCorrelation must be in [correlation=0.3, 1], was 0.2");
  }

  @Test
  void extremeCorrelationsWork() {
    SyntheticMarket independent = SyntheticMarket.generate(new Spec(2, 20_000, 4L, 0, 2, 0));
    SyntheticMarket locked = SyntheticMarket.generate(new Spec(2, 2_000, 4L, 1, 1, 1));
    assertThat(
            correlation(
                logReturns(independent.series(0).closes()),
                logReturns(independent.series(1).closes())))
        .isCloseTo(0.0, within(0.05));
    assertThat(
            correlation(
                logReturns(locked.series(0).closes()), logReturns(locked.series(1).closes())))
        .isGreaterThan(0.95);
  }

  private static void assertSameBars(BarSeries a, BarSeries b) {
    assertThat(a.symbol()).isEqualTo(b.symbol());
    assertThat(a.times()).isEqualTo(b.times());
    // Arrays.equals on double[] compares bit patterns
    assertThat(Arrays.equals(a.opens(), b.opens())).isTrue();
    assertThat(Arrays.equals(a.highs(), b.highs())).isTrue();
    assertThat(Arrays.equals(a.lows(), b.lows())).isTrue();
    assertThat(Arrays.equals(a.closes(), b.closes())).isTrue();
    assertThat(Arrays.equals(a.volumes(), b.volumes())).isTrue();
  }

  private static long fingerprint(SyntheticMarket m) {
    long h = 1125899906842597L;
    for (BarSeries s : m.series()) {
      for (double[] col :
          new double[][] {s.opens(), s.highs(), s.lows(), s.closes(), s.volumes()}) {
        for (double x : col) {
          h = 31 * h + Double.doubleToLongBits(x);
        }
      }
    }
    for (int t = 0; t < m.series(0).size(); t++) {
      h = 31 * h + m.regime(t).ordinal();
    }
    return h;
  }

  private static double[] logReturns(double[] close) {
    double[] r = new double[close.length - 1];
    for (int i = 1; i < close.length; i++) {
      r[i - 1] = Math.log(close[i] / close[i - 1]);
    }
    return r;
  }

  private static double correlation(double[] x, double[] y) {
    double mx = Arrays.stream(x).average().orElseThrow();
    double my = Arrays.stream(y).average().orElseThrow();
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < x.length; i++) {
      double dx = x[i] - mx;
      double dy = y[i] - my;
      sxy += dx * dy;
      sxx += dx * dx;
      syy += dy * dy;
    }
    return sxy / Math.sqrt(sxx * syy);
  }
}
