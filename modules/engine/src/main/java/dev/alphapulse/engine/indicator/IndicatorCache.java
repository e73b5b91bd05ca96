package dev.alphapulse.engine.indicator;

import dev.alphapulse.engine.data.BarSeries;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Shares computed indicator columns between the parameter sets of a sweep, so that e.g. SMA(10) of
 * a series is computed once however many parameter sets (and threads) ask for it.
 *
 * <h2>Design</h2>
 *
 * Entries are keyed by the series' <em>identity</em> (not by its symbol or contents; two equal
 * copies are two entries) and a string naming the computation, which callers take from {@link
 * Indicators} ({@code Indicators.smaKey(10)} is {@code "sma(close,10)"}). The map's {@code
 * computeIfAbsent} only installs a small holder per key; the column itself is computed once, by the
 * first caller, under that holder's own lock. So a long computation blocks only callers of the same
 * key, never other keys sharing a hash bin, and a factory that throws leaves no entry behind that
 * would hide the failure: the next caller retries.
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li>Thread-safe. For one (series, key) every caller gets the same array instance.
 *   <li>The key must determine the computation: a second factory for a key already present is not
 *       called and its indicator would never be compared with the first.
 *   <li>Returned arrays are shared and must be treated as read-only.
 *   <li>The cache holds strong references to series and columns until {@link #clear()}: scope one
 *       cache to a job or run, not to the process.
 * </ul>
 */
public final class IndicatorCache {
  private final ConcurrentHashMap<Key, Column> columns = new ConcurrentHashMap<>();

  /**
   * The column for {@code key} of {@code series}, computing it with {@link
   * IndicatorColumns#compute} on an indicator from {@code factory} if absent.
   *
   * @throws NullPointerException if an argument is null or the factory returns null
   */
  public double[] column(BarSeries series, String key, Supplier<? extends Indicator> factory) {
    Objects.requireNonNull(series, "series");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(factory, "factory");
    return columns.computeIfAbsent(new Key(series, key), k -> new Column()).get(series, factory);
  }

  /** Number of (series, key) entries, including any whose column is still being computed. */
  public int size() {
    return columns.size();
  }

  /** Drops every entry; arrays already handed out stay valid. */
  public void clear() {
    columns.clear();
  }

  /** Series by identity plus key. */
  private static final class Key {
    private final BarSeries series;
    private final String name;
    private final int hash;

    Key(BarSeries series, String name) {
      this.series = series;
      this.name = name;
      this.hash = 31 * System.identityHashCode(series) + name.hashCode();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key && ((Key) o).series == series && ((Key) o).name.equals(name);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  /** Computes its column at most once (unless the computation fails). */
  private static final class Column {
    private volatile double[] values;

    double[] get(BarSeries series, Supplier<? extends Indicator> factory) {
      double[] v = values;
      if (v != null) {
        return v;
      }
      synchronized (this) {
        v = values;
        if (v == null) {
          Indicator indicator =
              Objects.requireNonNull(factory.get(), "factory returned no indicator");
          v = IndicatorColumns.compute(indicator, series);
          values = v;
        }
        return v;
      }
    }
  }
}
