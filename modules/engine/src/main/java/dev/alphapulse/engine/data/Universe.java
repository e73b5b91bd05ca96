package dev.alphapulse.engine.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Several symbols aligned on one common calendar.
 *
 * <h2>Alignment</h2>
 *
 * The calendar is the sorted union of all symbols' bar times. Each symbol is re-indexed onto it:
 * before its first bar its prices are {@code NaN} (the symbol does not trade yet); on a calendar
 * time where it has no bar of its own (a holiday of its exchange, a suspension) its open, high, low
 * and close repeat the previous close and its volume is 0, so positions stay marked at the last
 * known price. {@link #hasBar(int, int)} tells real bars from filled ones; strategies should not
 * trade a symbol on a bar it does not have.
 *
 * <p>Immutable and thread-safe.
 */
public final class Universe {
  private final long[] calendar;
  private final List<BarSeries> aligned;
  private final List<BitSet> present;
  private final Map<String, Integer> indexBySymbol;

  private Universe(long[] calendar, List<BarSeries> aligned, List<BitSet> present) {
    this.calendar = calendar;
    this.aligned = List.copyOf(aligned);
    this.present = List.copyOf(present);
    Map<String, Integer> idx = new HashMap<>();
    for (int s = 0; s < aligned.size(); s++) {
      if (idx.put(aligned.get(s).symbol(), s) != null) {
        throw new IllegalArgumentException(
            "symbol " + aligned.get(s).symbol() + " appears twice in the universe");
      }
    }
    this.indexBySymbol = Map.copyOf(idx);
  }

  /** A universe of one symbol (no re-indexing). */
  public static Universe of(BarSeries series) {
    BitSet all = new BitSet(series.size());
    all.set(0, series.size());
    return new Universe(series.times(), List.of(series), List.of(all));
  }

  /**
   * Aligns the given series on the union of their times.
   *
   * @throws IllegalArgumentException if the list is empty or a symbol appears twice
   */
  public static Universe align(List<BarSeries> series) {
    if (series.isEmpty()) {
      throw new IllegalArgumentException("a universe needs at least one symbol");
    }
    if (series.size() == 1) {
      return of(series.get(0));
    }
    long[] calendar =
        series.stream().flatMapToLong(s -> Arrays.stream(s.times())).sorted().distinct().toArray();
    boolean sameCalendar = series.stream().allMatch(s -> Arrays.equals(s.times(), calendar));
    List<BarSeries> aligned = new ArrayList<>(series.size());
    List<BitSet> present = new ArrayList<>(series.size());
    for (BarSeries s : series) {
      BitSet has = new BitSet(calendar.length);
      if (sameCalendar) {
        has.set(0, calendar.length);
        aligned.add(s);
        present.add(has);
        continue;
      }
      int n = calendar.length;
      double[] o = new double[n];
      double[] h = new double[n];
      double[] l = new double[n];
      double[] c = new double[n];
      double[] v = new double[n];
      int j = 0;
      double last = Double.NaN;
      for (int i = 0; i < n; i++) {
        if (j < s.size() && s.time(j) == calendar[i]) {
          o[i] = s.open(j);
          h[i] = s.high(j);
          l[i] = s.low(j);
          c[i] = s.close(j);
          v[i] = s.volume(j);
          last = c[i];
          has.set(i);
          j++;
        } else {
          o[i] = last;
          h[i] = last;
          l[i] = last;
          c[i] = last;
          v[i] = Double.isNaN(last) ? Double.NaN : 0.0;
        }
      }
      aligned.add(new BarSeries(s.symbol(), calendar, o, h, l, c, v));
      present.add(has);
    }
    return new Universe(calendar, aligned, present);
  }

  /** Number of symbols. */
  public int symbolCount() {
    return aligned.size();
  }

  /** Number of calendar bars. */
  public int size() {
    return calendar.length;
  }

  /** The common calendar (read-only by contract). */
  public long[] calendar() {
    return calendar;
  }

  /** Symbol {@code s} aligned on the calendar. */
  public BarSeries series(int s) {
    return aligned.get(s);
  }

  /** All aligned series, in symbol order. */
  public List<BarSeries> series() {
    return aligned;
  }

  public String symbol(int s) {
    return aligned.get(s).symbol();
  }

  /** Index of a symbol, or -1. */
  public int indexOf(String symbol) {
    return indexBySymbol.getOrDefault(symbol, -1);
  }

  /** Whether symbol {@code s} has a bar of its own at calendar index {@code i}. */
  public boolean hasBar(int s, int i) {
    return present.get(s).get(i);
  }

  /** Whether symbol {@code s} has a bar of its own at every calendar index (no filled bar). */
  public boolean hasEveryBar(int s) {
    return present.get(s).nextClearBit(0) >= calendar.length;
  }
}
