package dev.alphapulse.engine.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alphapulse.engine.data.BarSeries;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@link Indicator} contract, checked for every indicator the package offers. */
class IndicatorContractTest {

  static Stream<Arguments> indicators() {
    return Stream.of(
        of(Indicators.smaKey(10), () -> Indicators.sma(10), 9),
        of(Indicators.smaKey(PriceField.VOLUME, 5), () -> Indicators.sma(PriceField.VOLUME, 5), 4),
        of(Indicators.smaKey(1), () -> Indicators.sma(1), 0),
        of(Indicators.emaKey(12), () -> Indicators.ema(12), 11),
        of(Indicators.emaKey(PriceField.OPEN, 3), () -> Indicators.ema(PriceField.OPEN, 3), 2),
        of(Indicators.rsiKey(14), () -> Indicators.rsi(14), 14),
        of(
            Indicators.rsiKey(PriceField.TYPICAL, 2),
            () -> Indicators.rsi(PriceField.TYPICAL, 2),
            2),
        of(Indicators.zScoreKey(20), () -> Indicators.zScore(20), 19),
        of(Indicators.zScoreKey(PriceField.LOW, 2), () -> Indicators.zScore(PriceField.LOW, 2), 1),
        of(
            Indicators.bollingerKey(PriceField.CLOSE, 20, 2.0),
            () -> Indicators.bollinger(20, 2.0),
            19),
        of(
            Indicators.bollingerKey(PriceField.HIGH, 5, 1.5),
            () -> Indicators.bollinger(PriceField.HIGH, 5, 1.5),
            4),
        of(Indicators.bollingerUpperKey(20, 2.0), () -> Indicators.bollingerUpper(20, 2.0), 19),
        of(Indicators.bollingerLowerKey(20, 2.0), () -> Indicators.bollingerLower(20, 2.0), 19),
        of(
            Indicators.bollingerPercentBKey(20, 2.0),
            () -> Indicators.bollingerPercentB(20, 2.0),
            19),
        of(Indicators.rollingHighKey(20), () -> Indicators.rollingHigh(20), 19),
        of(
            Indicators.rollingHighKey(PriceField.CLOSE, 3),
            () -> Indicators.rollingHigh(PriceField.CLOSE, 3),
            2),
        of(Indicators.rollingLowKey(20), () -> Indicators.rollingLow(20), 19),
        of(
            Indicators.rollingLowKey(PriceField.CLOSE, 3),
            () -> Indicators.rollingLow(PriceField.CLOSE, 3),
            2),
        of(Indicators.donchianKey(55), () -> Indicators.donchian(55), 54),
        of(Indicators.trueRangeKey(), Indicators::trueRange, 0),
        of(Indicators.atrKey(14), () -> Indicators.atr(14), 14));
  }

  private static Arguments of(String key, Supplier<Indicator> factory, int warmup) {
    return Arguments.of(key, factory, warmup);
  }

  private static final BarSeries SERIES = TestBars.random(2024, 2_000, 40.0);

  @ParameterizedTest(name = "{0}")
  @MethodSource("indicators")
  void warmupIsDeclaredAndExact(String key, Supplier<Indicator> factory, int warmup) {
    Indicator ind = factory.get();
    assertThat(ind.warmup()).isEqualTo(warmup);
    assertThat(ind.value()).isNaN();
    double[] col = IndicatorColumns.compute(ind, SERIES);
    assertThat(TestBars.firstValid(col)).isEqualTo(warmup);
    for (int i = warmup; i < col.length; i++) {
      assertThat(col[i]).as("bar %d", i).isFinite();
    }
    assertThat(ind.value()).isEqualTo(col[col.length - 1]);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("indicators")
  void keyIsTheIndicatorsName(String key, Supplier<Indicator> factory, int warmup) {
    assertThat(factory.get()).hasToString(key);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("indicators")
  void resetReproducesAFreshInstance(String key, Supplier<Indicator> factory, int warmup) {
    double[] fresh = IndicatorColumns.compute(factory.get(), SERIES);
    Indicator used = factory.get();
    for (int i = 0; i < 777; i++) {
      used.update(SERIES, i);
    }
    used.reset();
    assertThat(used.value()).isNaN();
    double[] again = new double[SERIES.size()];
    for (int i = 0; i < again.length; i++) {
      again[i] = used.update(SERIES, i);
    }
    assertThat(again).containsExactly(fresh);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("indicators")
  void nanInputRestartsTheWarmup(String key, Supplier<Indicator> factory, int warmup) {
    // as a Universe's bars before a symbol starts trading, and a gap in the middle
    int leadEnd = 100;
    int gapFrom = 900;
    int gapTo = 905;
    BarSeries holed = TestBars.withNaNs(TestBars.withNaNs(SERIES, 0, leadEnd), gapFrom, gapTo);
    double[] col = IndicatorColumns.compute(factory.get(), holed);
    double[] afterLead = IndicatorColumns.compute(factory.get(), SERIES.slice(leadEnd, gapFrom));
    double[] afterGap = IndicatorColumns.compute(factory.get(), SERIES.slice(gapTo, SERIES.size()));
    assertThat(Arrays.copyOfRange(col, 0, leadEnd)).containsOnly(Double.NaN);
    assertThat(Arrays.copyOfRange(col, leadEnd, gapFrom)).containsExactly(afterLead);
    assertThat(Arrays.copyOfRange(col, gapFrom, gapTo)).containsOnly(Double.NaN);
    assertThat(Arrays.copyOfRange(col, gapTo, col.length)).containsExactly(afterGap);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("indicators")
  void updateDoesNotAllocate(String key, Supplier<Indicator> factory, int warmup) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    Indicator ind = factory.get();
    double sink = 0;
    for (int round = 0; round < 3; round++) {
      ind.reset();
      long before = threads.getCurrentThreadAllocatedBytes();
      for (int i = 0; i < SERIES.size(); i++) {
        sink += ind.update(SERIES, i);
      }
      long allocated = threads.getCurrentThreadAllocatedBytes() - before;
      if (round == 2) {
        // a few bytes of slack for the measurement itself; one object per bar would be 32,000+
        assertThat(allocated).as("bytes allocated over %d bars", SERIES.size()).isLessThan(1_000);
      }
    }
    assertThat(sink).isNotNull();
  }
}
