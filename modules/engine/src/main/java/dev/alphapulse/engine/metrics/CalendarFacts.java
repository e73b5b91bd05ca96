package dev.alphapulse.engine.metrics;

/**
 * What the statistics need to know about a calendar, derived from its bar times only: the bar
 * period (median of the last 99 intervals), the periods per year it implies, the unit durations are
 * rounded up to, and whether every bar falls in a period of its own (daily bars, one per day), in
 * which case the per-period returns are the bar-to-bar returns and need no grouping.
 *
 * @param period the data period in millis
 * @param freqDays whole days of the period
 * @param annualPeriods 52, 12, 1, 365 or 252 (backtesting.py's rule)
 * @param unit the smallest non-zero unit of the period (day, hour, minute, second, milli)
 * @param eachBarOwnPeriod every bar starts a new return period
 */
record CalendarFacts(
    long period, long freqDays, int annualPeriods, long unit, boolean eachBarOwnPeriod) {

  private static final IdentityMemo<long[], CalendarFacts> MEMO = new IdentityMemo<>();

  /** The facts of {@code time}, remembered for the last few calendars seen. */
  static CalendarFacts of(long[] time) {
    return MEMO.get(time, CalendarFacts::compute);
  }

  /** The facts of {@code time}, computed now. */
  static CalendarFacts compute(long[] time) {
    int n = time.length;
    long period = Metrics.dataPeriod(time);
    long freqDays = period / Metrics.DAY;
    int weekendBars = 0;
    for (long t : time) {
      int dow = (int) Math.floorMod(Math.floorDiv(t, Metrics.DAY) + 3, 7L); // 0 = Monday
      weekendBars += dow >= 5 ? 1 : 0;
    }
    boolean weekends = (double) weekendBars / n > 2.0 / 7 * 0.6;
    int annualPeriods =
        freqDays == 7 ? 52 : freqDays == 31 ? 12 : freqDays == 365 ? 1 : weekends ? 365 : 252;
    boolean own = true;
    for (int t = 1; t < n && own; t++) {
      own = Metrics.periodKey(time[t], freqDays) != Metrics.periodKey(time[t - 1], freqDays);
    }
    return new CalendarFacts(period, freqDays, annualPeriods, Metrics.resolution(period), own);
  }
}
