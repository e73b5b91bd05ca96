package dev.alphapulse.engine.indicator;

import java.util.Objects;

/**
 * Static factories for the indicators of this package and the canonical keys that name their
 * columns in an {@link IndicatorCache}.
 *
 * <p>Every factory {@code x(args)} has a key function {@code xKey(args)}, and the indicator's
 * {@code toString()} equals that key, so a sweep reads a shared column as {@code
 * cache.column(series, Indicators.smaKey(10), () -> Indicators.sma(10))}. Keys have the form {@code
 * name(field,params)} with lower-case field names and periods in decimal, e.g. {@code
 * "sma(close,10)"}, {@code "max(high,20)"}, {@code "bb.upper(close,20,2.0)"} (a {@code double}
 * parameter is written by {@link Double#toString(double)}).
 */
public final class Indicators {
  private Indicators() {}

  /** SMA of the close; warm-up {@code period - 1}. */
  public static Sma sma(int period) {
    return new Sma(period);
  }

  /** SMA of {@code field}; warm-up {@code period - 1}. */
  public static Sma sma(PriceField field, int period) {
    return new Sma(field, period);
  }

  /** {@code "sma(close,<period>)"}. */
  public static String smaKey(int period) {
    return smaKey(PriceField.CLOSE, period);
  }

  /** {@code "sma(<field>,<period>)"}. */
  public static String smaKey(PriceField field, int period) {
    return key("sma", field, period);
  }

  /** EMA of the close; warm-up {@code period - 1}. */
  public static Ema ema(int period) {
    return new Ema(period);
  }

  /** EMA of {@code field}; warm-up {@code period - 1}. */
  public static Ema ema(PriceField field, int period) {
    return new Ema(field, period);
  }

  /** {@code "ema(close,<period>)"}. */
  public static String emaKey(int period) {
    return emaKey(PriceField.CLOSE, period);
  }

  /** {@code "ema(<field>,<period>)"}. */
  public static String emaKey(PriceField field, int period) {
    return key("ema", field, period);
  }

  /** RSI of the close; warm-up {@code period}. */
  public static Rsi rsi(int period) {
    return new Rsi(period);
  }

  /** RSI of {@code field}; warm-up {@code period}. */
  public static Rsi rsi(PriceField field, int period) {
    return new Rsi(field, period);
  }

  /** {@code "rsi(close,<period>)"}. */
  public static String rsiKey(int period) {
    return rsiKey(PriceField.CLOSE, period);
  }

  /** {@code "rsi(<field>,<period>)"}. */
  public static String rsiKey(PriceField field, int period) {
    return key("rsi", field, period);
  }

  /** Rolling z-score of the close (sample deviation); warm-up {@code window - 1}. */
  public static RollingZScore zScore(int window) {
    return new RollingZScore(window);
  }

  /** Rolling z-score of {@code field} (sample deviation); warm-up {@code window - 1}. */
  public static RollingZScore zScore(PriceField field, int window) {
    return new RollingZScore(field, window);
  }

  /** {@code "zscore(close,<window>)"}. */
  public static String zScoreKey(int window) {
    return zScoreKey(PriceField.CLOSE, window);
  }

  /** {@code "zscore(<field>,<window>)"}. */
  public static String zScoreKey(PriceField field, int window) {
    return key("zscore", field, window);
  }

  /** Bollinger bands of the close (value = middle band); warm-up {@code window - 1}. */
  public static BollingerBands bollinger(int window, double k) {
    return new BollingerBands(window, k);
  }

  /** Bollinger bands of {@code field} (value = middle band); warm-up {@code window - 1}. */
  public static BollingerBands bollinger(PriceField field, int window, double k) {
    return new BollingerBands(field, window, k);
  }

  /** {@code "bb(<field>,<window>,<k>)"}: the middle band (equal to the SMA's column). */
  public static String bollingerKey(PriceField field, int window, double k) {
    return key("bb", field, window, k);
  }

  /** The upper Bollinger band of the close as an indicator of its own. */
  public static Indicator bollingerUpper(int window, double k) {
    return new Projection<>(
        new BollingerBands(window, k), BollingerBands::upper, bollingerUpperKey(window, k));
  }

  /** {@code "bb.upper(close,<window>,<k>)"}. */
  public static String bollingerUpperKey(int window, double k) {
    return key("bb.upper", PriceField.CLOSE, window, k);
  }

  /** The lower Bollinger band of the close as an indicator of its own. */
  public static Indicator bollingerLower(int window, double k) {
    return new Projection<>(
        new BollingerBands(window, k), BollingerBands::lower, bollingerLowerKey(window, k));
  }

  /** {@code "bb.lower(close,<window>,<k>)"}. */
  public static String bollingerLowerKey(int window, double k) {
    return key("bb.lower", PriceField.CLOSE, window, k);
  }

  /** Bollinger %B of the close as an indicator of its own. */
  public static Indicator bollingerPercentB(int window, double k) {
    return new Projection<>(
        new BollingerBands(window, k), BollingerBands::percentB, bollingerPercentBKey(window, k));
  }

  /** {@code "bb.pctb(close,<window>,<k>)"}. */
  public static String bollingerPercentBKey(int window, double k) {
    return key("bb.pctb", PriceField.CLOSE, window, k);
  }

  /** Highest high over {@code period} bars (upper Donchian); warm-up {@code period - 1}. */
  public static RollingHigh rollingHigh(int period) {
    return new RollingHigh(period);
  }

  /** Highest {@code field} over {@code period} bars; warm-up {@code period - 1}. */
  public static RollingHigh rollingHigh(PriceField field, int period) {
    return new RollingHigh(field, period);
  }

  /** {@code "max(high,<period>)"}. */
  public static String rollingHighKey(int period) {
    return rollingHighKey(PriceField.HIGH, period);
  }

  /** {@code "max(<field>,<period>)"}. */
  public static String rollingHighKey(PriceField field, int period) {
    return key("max", field, period);
  }

  /** Lowest low over {@code period} bars (lower Donchian); warm-up {@code period - 1}. */
  public static RollingLow rollingLow(int period) {
    return new RollingLow(period);
  }

  /** Lowest {@code field} over {@code period} bars; warm-up {@code period - 1}. */
  public static RollingLow rollingLow(PriceField field, int period) {
    return new RollingLow(field, period);
  }

  /** {@code "min(low,<period>)"}. */
  public static String rollingLowKey(int period) {
    return rollingLowKey(PriceField.LOW, period);
  }

  /** {@code "min(<field>,<period>)"}. */
  public static String rollingLowKey(PriceField field, int period) {
    return key("min", field, period);
  }

  /**
   * Donchian channel (value = middle line; its upper and lower lines are the columns of {@link
   * #rollingHigh(int)} and {@link #rollingLow(int)}); warm-up {@code period - 1}.
   */
  public static Donchian donchian(int period) {
    return new Donchian(period);
  }

  /** {@code "donchian(<period>)"}: the middle line. */
  public static String donchianKey(int period) {
    return "donchian(" + period + ")";
  }

  /** True range; warm-up 0. */
  public static TrueRange trueRange() {
    return new TrueRange();
  }

  /** {@code "tr"}. */
  public static String trueRangeKey() {
    return "tr";
  }

  /** ATR with Wilder's smoothing (TA-Lib convention); warm-up {@code period}. */
  public static Atr atr(int period) {
    return new Atr(period);
  }

  /** {@code "atr(<period>)"}. */
  public static String atrKey(int period) {
    return "atr(" + period + ")";
  }

  private static String key(String name, PriceField field, int period) {
    return name + "(" + field.key() + "," + period + ")";
  }

  private static String key(String name, PriceField field, int window, double k) {
    return name + "(" + field.key() + "," + window + "," + k + ")";
  }

  static PriceField requireField(PriceField field) {
    return Objects.requireNonNull(field, "field");
  }

  static int requirePeriod(String name, int value, int min) {
    if (value < min) {
      throw new IllegalArgumentException(name + " must be >= " + min + ", was " + value);
    }
    return value;
  }
}
