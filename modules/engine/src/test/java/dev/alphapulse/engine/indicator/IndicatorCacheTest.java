package dev.alphapulse.engine.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alphapulse.engine.data.BarSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IndicatorCacheTest {
  private final BarSeries series = TestBars.random(1, 1_000, 20.0);

  @Test
  void sameKeyGivesTheSameArrayInstance() {
    IndicatorCache cache = new IndicatorCache();
    double[] a = cache.column(series, Indicators.smaKey(10), () -> Indicators.sma(10));
    double[] b = cache.column(series, Indicators.smaKey(10), () -> Indicators.sma(10));
    assertThat(b).isSameAs(a);
    assertThat(a).containsExactly(IndicatorColumns.compute(new Sma(10), series));
    double[] c = cache.column(series, Indicators.smaKey(20), () -> Indicators.sma(20));
    assertThat(c).isNotSameAs(a);
    assertThat(cache.size()).isEqualTo(2);
  }

  @Test
  void seriesAreKeyedByIdentity() {
    IndicatorCache cache = new IndicatorCache();
    BarSeries copy = series.slice(0, series.size());
    double[] a = cache.column(series, "sma(close,5)", () -> Indicators.sma(5));
    double[] b = cache.column(copy, "sma(close,5)", () -> Indicators.sma(5));
    assertThat(b).isNotSameAs(a).containsExactly(a);
    assertThat(cache.size()).isEqualTo(2);
    cache.clear();
    assertThat(cache.size()).isZero();
    assertThat(cache.column(series, "sma(close,5)", () -> Indicators.sma(5))).isNotSameAs(a);
  }

  @Test
  void aSweepComputesEachColumnOnceAcrossThreads() throws Exception {
    IndicatorCache cache = new IndicatorCache();
    int[] periods = {5, 10, 20, 50};
    AtomicInteger[] calls = new AtomicInteger[periods.length];
    for (int k = 0; k < periods.length; k++) {
      calls[k] = new AtomicInteger();
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<double[]>> results = new ArrayList<>();
      for (int task = 0; task < 400; task++) {
        int k = task % periods.length;
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return cache.column(
                      series,
                      Indicators.smaKey(periods[k]),
                      () -> {
                        calls[k].incrementAndGet();
                        return Indicators.sma(periods[k]);
                      });
                }));
      }
      start.countDown();
      for (int task = 0; task < results.size(); task++) {
        int k = task % periods.length;
        assertThat(results.get(task).get(30, TimeUnit.SECONDS))
            .isSameAs(results.get(k).get(30, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
    for (AtomicInteger c : calls) {
      assertThat(c.get()).isEqualTo(1);
    }
  }

  @Test
  void aFailedComputationIsRetriedByTheNextCaller() {
    IndicatorCache cache = new IndicatorCache();
    assertThatThrownBy(
            () ->
                cache.column(
                    series,
                    "atr(14)",
                    () -> {
                      throw new IllegalStateException("boom");
                    }))
        .hasMessage("boom");
    assertThat(cache.column(series, "atr(14)", () -> Indicators.atr(14)))
        .containsExactly(IndicatorColumns.compute(new Atr(14), series));
  }

  @Test
  void keysAreCanonical() {
    assertThat(Indicators.smaKey(10)).isEqualTo("sma(close,10)");
    assertThat(Indicators.smaKey(PriceField.TYPICAL, 3)).isEqualTo("sma(typical,3)");
    assertThat(Indicators.emaKey(26)).isEqualTo("ema(close,26)");
    assertThat(Indicators.rsiKey(14)).isEqualTo("rsi(close,14)");
    assertThat(Indicators.zScoreKey(20)).isEqualTo("zscore(close,20)");
    assertThat(Indicators.bollingerUpperKey(20, 2)).isEqualTo("bb.upper(close,20,2.0)");
    assertThat(Indicators.rollingHighKey(55)).isEqualTo("max(high,55)");
    assertThat(Indicators.rollingLowKey(55)).isEqualTo("min(low,55)");
    assertThat(Indicators.donchianKey(20)).isEqualTo("donchian(20)");
    assertThat(Indicators.atrKey(14)).isEqualTo("atr(14)");
    assertThat(Indicators.trueRangeKey()).isEqualTo("tr");
  }

  @Test
  void columnsIntoAnArrayOfTheWrongLengthAreRejected() {
    assertThatThrownBy(() -> IndicatorColumns.computeInto(new Sma(3), series, new double[3]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3 elements")
        .hasMessageContaining("1000 bars");
  }
}
