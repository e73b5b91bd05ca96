package dev.alphapulse.engine.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * One symbol's bars as columns: {@code long[] time} and {@code double[]} open, high, low, close,
 * volume. There is no object per bar; a series of {@code n} bars holds exactly {@code 6 * 8 * n}
 * bytes of payload (48 bytes a bar).
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li>Times are epoch milliseconds (UTC, or the exchange's local wall time read as UTC when the
 *       source has no zone), strictly increasing. A bar's time is the label the source gives it
 *       (daily bars: midnight of the trading day).
 *   <li>Prices are finite; volume is finite and non-negative ({@code NaN} is allowed for sources
 *       without volume and is treated as unknown).
 *   <li>The arrays are owned by the series once passed in and must not be changed afterwards; the
 *       accessors return them without copying so hot loops stay allocation-free. Callers must treat
 *       them as read-only.
 * </ul>
 *
 * <p>Instances are immutable and thread-safe under that contract. Validation of raw input (OHLC
 * order, non-positive prices, ...) is the importer's job; this class only checks shape and order.
 */
public final class BarSeries {
  private final String symbol;
  private final long[] time;
  private final double[] open;
  private final double[] high;
  private final double[] low;
  private final double[] close;
  private final double[] volume;

  /**
   * Wraps the given columns (no copy).
   *
   * @throws IllegalArgumentException if the columns differ in length or times are not strictly
   *     increasing
   */
  public BarSeries(
      String symbol,
      long[] time,
      double[] open,
      double[] high,
      double[] low,
      double[] close,
      double[] volume) {
    this.symbol = Objects.requireNonNull(symbol, "symbol");
    this.time = Objects.requireNonNull(time, "time");
    this.open = Objects.requireNonNull(open, "open");
    this.high = Objects.requireNonNull(high, "high");
    this.low = Objects.requireNonNull(low, "low");
    this.close = Objects.requireNonNull(close, "close");
    this.volume = Objects.requireNonNull(volume, "volume");
    int n = time.length;
    if (open.length != n
        || high.length != n
        || low.length != n
        || close.length != n
        || volume.length != n) {
      throw new IllegalArgumentException(
          "columns of "
              + symbol
              + " differ in length: time="
              + n
              + " open="
              + open.length
              + " high="
              + high.length
              + " low="
              + low.length
              + " close="
              + close.length
              + " volume="
              + volume.length);
    }
    for (int i = 1; i < n; i++) {
      if (time[i] <= time[i - 1]) {
        throw new IllegalArgumentException(
            "times of " + symbol + " are not strictly increasing at bar " + i);
      }
    }
  }

  /** A series whose open, high, low and close are all {@code close} (close-only data). */
  public static BarSeries ofCloses(String symbol, long[] time, double[] close) {
    double[] volume = new double[close.length];
    Arrays.fill(volume, Double.NaN);
    return new BarSeries(symbol, time, close, close, close, close, volume);
  }

  public String symbol() {
    return symbol;
  }

  /** Number of bars. */
  public int size() {
    return time.length;
  }

  public long time(int i) {
    return time[i];
  }

  public double open(int i) {
    return open[i];
  }

  public double high(int i) {
    return high[i];
  }

  public double low(int i) {
    return low[i];
  }

  public double close(int i) {
    return close[i];
  }

  public double volume(int i) {
    return volume[i];
  }

  /** The time column itself (read-only by contract). */
  public long[] times() {
    return time;
  }

  /** The open column itself (read-only by contract). */
  public double[] opens() {
    return open;
  }

  /** The high column itself (read-only by contract). */
  public double[] highs() {
    return high;
  }

  /** The low column itself (read-only by contract). */
  public double[] lows() {
    return low;
  }

  /** The close column itself (read-only by contract). */
  public double[] closes() {
    return close;
  }

  /** The volume column itself (read-only by contract). */
  public double[] volumes() {
    return volume;
  }

  /** Bars {@code [from, to)} as a new series (copies the columns). */
  public BarSeries slice(int from, int to) {
    Objects.checkFromToIndex(from, to, size());
    return new BarSeries(
        symbol,
        Arrays.copyOfRange(time, from, to),
        Arrays.copyOfRange(open, from, to),
        Arrays.copyOfRange(high, from, to),
        Arrays.copyOfRange(low, from, to),
        Arrays.copyOfRange(close, from, to),
        Arrays.copyOfRange(volume, from, to));
  }

  /** Payload bytes held by the columns (48 a bar). */
  public long payloadBytes() {
    return 48L * size();
  }

  @Override
  public String toString() {
    return "BarSeries[" + symbol + ", " + size() + " bars]";
  }
}
