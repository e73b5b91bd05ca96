package dev.alphapulse.cluster.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Ways to cut a dataset into parts (the seed's {@code DataPartitioner}): by time with a warm-up
 * overlap, by symbol, and by size in megabytes. Pure arithmetic over bar indices and symbol lists;
 * the job planner decides which one a job uses.
 */
public final class DataPartitioner {
  private DataPartitioner() {}

  /** Bytes per bar and symbol of the columnar bars (time + OHLCV, 8 bytes each). */
  public static final int BYTES_PER_BAR = 48;

  /**
   * A time slice: bars {@code [from, to)} are its own, computation starts at {@code warmupFrom}
   * ({@code <= from}) so that indicators are warm at {@code from}.
   */
  public record TimeSlice(int warmupFrom, int from, int to) {
    public TimeSlice {
      if (!(0 <= warmupFrom && warmupFrom <= from && from < to)) {
        throw new IllegalArgumentException(
            "time slice needs 0 <= warmupFrom <= from < to, was "
                + warmupFrom
                + ", "
                + from
                + ", "
                + to);
      }
    }

    /** Bars of its own. */
    public int size() {
      return to - from;
    }
  }

  /**
   * Splits bars {@code [0, bars)} into {@code parts} contiguous slices of near-equal size (the
   * first {@code bars % parts} one bar longer), each starting its computation {@code overlap} bars
   * early (clipped at 0). Fewer slices come back when there are fewer bars than parts.
   */
  public static List<TimeSlice> byTime(int bars, int parts, int overlap) {
    if (bars < 1) {
      throw new IllegalArgumentException("bars: must be >= 1, was " + bars);
    }
    if (parts < 1) {
      throw new IllegalArgumentException("parts: must be >= 1, was " + parts);
    }
    if (overlap < 0) {
      throw new IllegalArgumentException("overlap: must be >= 0, was " + overlap);
    }
    int n = Math.min(parts, bars);
    int base = bars / n;
    int extra = bars % n;
    List<TimeSlice> out = new ArrayList<>(n);
    int from = 0;
    for (int i = 0; i < n; i++) {
      int to = from + base + (i < extra ? 1 : 0);
      out.add(new TimeSlice(Math.max(0, from - overlap), from, to));
      from = to;
    }
    return out;
  }

  /**
   * Splits symbols into {@code groups} contiguous groups of near-equal size, order kept; fewer
   * groups when there are fewer symbols.
   */
  public static List<List<String>> bySymbol(List<String> symbols, int groups) {
    if (symbols.isEmpty()) {
      throw new IllegalArgumentException("symbols: must not be empty");
    }
    if (groups < 1) {
      throw new IllegalArgumentException("groups: must be >= 1, was " + groups);
    }
    int n = Math.min(groups, symbols.size());
    int base = symbols.size() / n;
    int extra = symbols.size() % n;
    List<List<String>> out = new ArrayList<>(n);
    int from = 0;
    for (int i = 0; i < n; i++) {
      int to = from + base + (i < extra ? 1 : 0);
      out.add(List.copyOf(symbols.subList(from, to)));
      from = to;
    }
    return out;
  }

  /**
   * Splits bars by size: as few time slices as keep each slice (warm-up included) at most {@code
   * megabytes} of bars over {@code symbols} symbols.
   *
   * @throws IllegalArgumentException if even one bar plus the overlap exceeds the size
   */
  public static List<TimeSlice> bySize(int bars, int symbols, double megabytes, int overlap) {
    if (symbols < 1) {
      throw new IllegalArgumentException("symbols: must be >= 1, was " + symbols);
    }
    if (!(megabytes > 0)) {
      throw new IllegalArgumentException("megabytes: must be > 0, was " + megabytes);
    }
    long bytesPerBar = (long) BYTES_PER_BAR * symbols;
    long maxBars = (long) Math.floor(megabytes * 1024 * 1024 / bytesPerBar) - overlap;
    if (maxBars < 1) {
      throw new IllegalArgumentException(
          megabytes + " MB holds fewer than " + (overlap + 1) + " bars of " + symbols + " symbols");
    }
    int parts = (int) Math.min(bars, (bars + maxBars - 1) / maxBars);
    return byTime(bars, parts, overlap);
  }
}
