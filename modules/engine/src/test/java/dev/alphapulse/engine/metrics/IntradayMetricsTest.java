package dev.alphapulse.engine.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.alphapulse.engine.broker.Trade;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The frequency-dependent rules of the backtesting.py convention on intraday and weekly bars. */
class IntradayMetricsTest {
  static final long H = Metrics.HOUR;
  static final long D = Metrics.DAY;
  static final long MON = 1_577_664_000_000L; // Monday 2019-12-30 00:00 UTC

  @Test
  void hourlyBarsGiveOneReturnPerDayAndHourRoundedDurations() {
    // 3 weekdays x 8 hourly bars from 09:00
    long[] time = new long[24];
    double[] equity = new double[24];
    double[] close = new double[24];
    for (int k = 0; k < 24; k++) {
      time[k] = MON + (k / 8) * D + (9 + k % 8) * H;
      equity[k] = 100 + k;
      close[k] = 50 + k;
    }
    // a trade of 1h30m is rounded up to 2h
    Trade t =
        new Trade(
            "X",
            1,
            1,
            3,
            50,
            52,
            Double.NaN,
            Double.NaN,
            2,
            0,
            0.04,
            time[1],
            time[1] + 90 * 60_000L,
            null);
    Statistics s =
        Metrics.compute(time, equity, List.of(t), close, 0, MetricsConvention.BACKTESTING_PY);
    assertThat(Metrics.dataPeriod(time)).isEqualTo(H);
    assertThat(Metrics.resolution(H)).isEqualTo(H);
    assertThat(s.get("Duration")).isCloseTo((time[23] - time[0]) / (double) D, within(1e-12));
    assertThat(s.get("Max. Trade Duration")).isCloseTo(2.0 / 24, within(1e-12));
    double[] r = Metrics.periodReturns(time, equity, 0);
    assertThat(r).hasSize(3); // one per calendar day with bars
    assertThat(r[1]).isCloseTo(115.0 / 107 - 1, within(1e-15)); // last of day 2 / last of day 1
  }

  @Test
  void weekendBarsSwitchTo365PeriodsAndWeeklyDataTo52() {
    long[] daily = new long[70];
    double[] eq = new double[70];
    for (int k = 0; k < 70; k++) {
      daily[k] = MON + k * D; // every calendar day: 2/7 of bars on weekends
      eq[k] = 100 * Math.pow(1.001, k);
    }
    Statistics s = Metrics.compute(daily, eq, List.of(), eq, 0, MetricsConvention.BACKTESTING_PY);
    assertThat(s.get("Return (Ann.) [%]"))
        .isCloseTo((Math.pow(1.001, 365) - 1) * 100, within(1e-9));

    long[] weekly = new long[70];
    for (int k = 0; k < 70; k++) {
      weekly[k] = MON + k * 7 * D;
    }
    Statistics w = Metrics.compute(weekly, eq, List.of(), eq, 0, MetricsConvention.BACKTESTING_PY);
    assertThat(w.get("Return (Ann.) [%]")).isCloseTo((Math.pow(1.001, 52) - 1) * 100, within(1e-9));
  }

  @Test
  void noTradesGiveUndefinedTradeStatisticsNotZeros() {
    long[] time = {MON, MON + D, MON + 2 * D};
    double[] eq = {100, 100, 100};
    Statistics s = Metrics.compute(time, eq, List.of(), eq, 0, MetricsConvention.BACKTESTING_PY);
    assertThat(s.get("# Trades")).isZero();
    assertThat(s.get("Win Rate [%]")).isNaN();
    assertThat(s.get("SQN")).isNaN();
    assertThat(s.get("Max. Drawdown [%]")).isEqualTo(-0.0);
  }
}
