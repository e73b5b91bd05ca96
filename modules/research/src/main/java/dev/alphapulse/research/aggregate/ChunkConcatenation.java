package dev.alphapulse.research.aggregate;

import dev.alphapulse.engine.metrics.MetricsConvention;
import dev.alphapulse.research.portfolio.EquityStatistics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The mergeable partial of a concatenation of consecutive time chunks of one strategy (e.g. the
 * segments of a time-split backtest or the test windows of a walk-forward), and its compounding
 * into one equity curve.
 *
 * <h2>Semantics</h2>
 *
 * Chunks are ordered by their first timestamp whatever order they were added or merged in; they
 * must not overlap (a chunk's first timestamp is after the previous chunk's last). The concatenated
 * curve starts with the first chunk's curve; each later chunk {@code k} is rescaled by {@code
 * E_prev_end / E_k[0]}, so it compounds its own growth {@code E_k[t] / E_k[0]} onto the value
 * reached so far. Any return between one chunk's last bar and the next chunk's first bar is not
 * seen by either chunk and is not in the result. Statistics are recomputed on the concatenated
 * curve by {@link EquityStatistics} (the engine's conventions).
 *
 * <p>{@link #empty()} is the identity of {@link #merge}, which is associative and commutative.
 * Immutable and thread-safe.
 */
public final class ChunkConcatenation {
  private final TreeMap<Long, StrategyOutcome> byStart;

  private ChunkConcatenation(TreeMap<Long, StrategyOutcome> byStart) {
    this.byStart = byStart;
  }

  /** No chunks. */
  public static ChunkConcatenation empty() {
    return new ChunkConcatenation(new TreeMap<>());
  }

  /** One chunk. */
  public static ChunkConcatenation of(StrategyOutcome chunk) {
    return empty().merge(chunk);
  }

  /** Several chunks, in any order. */
  public static ChunkConcatenation of(List<StrategyOutcome> chunks) {
    ChunkConcatenation c = empty();
    for (StrategyOutcome o : chunks) {
      c = c.merge(o);
    }
    return c;
  }

  /** This partial plus one chunk. */
  public ChunkConcatenation merge(StrategyOutcome chunk) {
    TreeMap<Long, StrategyOutcome> m = new TreeMap<>(byStart);
    put(m, chunk);
    return new ChunkConcatenation(m);
  }

  /**
   * The union of both partials' chunks; neither input changes.
   *
   * @throws IllegalArgumentException if two chunks overlap in time, naming both
   */
  public ChunkConcatenation merge(ChunkConcatenation other) {
    TreeMap<Long, StrategyOutcome> m = new TreeMap<>(byStart);
    for (StrategyOutcome o : other.byStart.values()) {
      put(m, o);
    }
    return new ChunkConcatenation(m);
  }

  private static void put(TreeMap<Long, StrategyOutcome> m, StrategyOutcome o) {
    long[] t = o.timestamps();
    long first = t[0];
    long last = t[t.length - 1];
    Map.Entry<Long, StrategyOutcome> before = m.floorEntry(first);
    Map.Entry<Long, StrategyOutcome> after = m.ceilingEntry(first);
    if (before != null && lastTime(before.getValue()) >= first) {
      throw overlap(before.getValue(), o);
    }
    if (after != null && after.getKey() <= last) {
      throw overlap(o, after.getValue());
    }
    m.put(first, o);
  }

  private static long lastTime(StrategyOutcome o) {
    long[] t = o.timestamps();
    return t[t.length - 1];
  }

  private static IllegalArgumentException overlap(StrategyOutcome a, StrategyOutcome b) {
    return new IllegalArgumentException(
        "chunks "
            + a.name()
            + " (ends at "
            + lastTime(a)
            + ") and "
            + b.name()
            + " (starts at "
            + b.timestamps()[0]
            + ") overlap in time");
  }

  /** Number of chunks. */
  public int chunkCount() {
    return byStart.size();
  }

  /** The chunks in time order. */
  public List<StrategyOutcome> chunks() {
    return List.copyOf(byStart.values());
  }

  /**
   * The concatenated outcome: named after the chunks' common name (or {@code concat(a, b, ...)}
   * when they differ), with the compounded curve and its equity statistics.
   *
   * @throws IllegalStateException if there are no chunks
   */
  public StrategyOutcome concatenate(MetricsConvention convention) {
    if (byStart.isEmpty()) {
      throw new IllegalStateException("no chunks to concatenate");
    }
    int total = byStart.values().stream().mapToInt(StrategyOutcome::size).sum();
    double[] equity = new double[total];
    long[] time = new long[total];
    int at = 0;
    double level = Double.NaN;
    for (StrategyOutcome o : byStart.values()) {
      double[] e = o.equity();
      long[] t = o.timestamps();
      double scale = at == 0 ? 1 : level / e[0];
      for (int i = 0; i < e.length; i++) {
        equity[at + i] = e[i] * scale;
        time[at + i] = t[i];
      }
      at += e.length;
      level = equity[at - 1];
    }
    List<String> names = new ArrayList<>();
    byStart.values().forEach(o -> names.add(o.name()));
    String name =
        names.stream().distinct().count() == 1
            ? names.get(0)
            : names.stream().collect(Collectors.joining(", ", "concat(", ")"));
    return new StrategyOutcome(
        name, EquityStatistics.of(time, equity, convention).values(), equity, time);
  }
}
