package dev.alphapulse.jobs;

import dev.alphapulse.engine.broker.Trade;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The results of a job so far: an immutable accumulator of chunk results.
 *
 * <h2>Algebra</h2>
 *
 * {@link #empty} is the identity, {@link #with} adds one chunk result, {@link #merge} joins two
 * accumulators; merge is associative, commutative and idempotent, so the order and grouping in
 * which results arrive, and duplicates, never change the outcome. A chunk counts once, by id:
 * delivering it again is a no-op. Should two deliveries of a chunk differ (they cannot when every
 * node computes the same bits, but {@code Math.log} may differ in the last bit between JVMs), the
 * smaller under a fixed total order of contents is kept, which keeps merge commutative.
 *
 * <h2>Cost</h2>
 *
 * Chunk results live in a two-level array of blocks of {@value #BLOCK} slots that accumulators
 * share: {@code with} copies the top level and one block ({@code totalChunks / 64 + 64}
 * references), {@code merge} walks both block by block. {@link #runs()} sorts the runs once per
 * accumulator and caches them; {@link #best} is one pass over the runs. For a sweep of 10,000 runs
 * in 500 chunks, adding a chunk copies about 70 references.
 *
 * <h2>Serialising</h2>
 *
 * Not a record: persist or send {@link #totalChunks()} and {@link #chunks()}, and rebuild with
 * {@link #of(int, Collection)}.
 *
 * <p>Immutable and thread-safe.
 */
public final class JobResult {
  static final int BLOCK = 64;
  private static final int SHIFT = 6;
  private static final Comparator<RunResult> RUN_ORDER =
      Comparator.comparingInt(RunResult::paramIndex).thenComparingInt(RunResult::symbolIndex);

  private final int totalChunks;
  private final ChunkResult[][] blocks;
  private final int completed;
  private volatile List<RunResult> runs;

  private JobResult(int totalChunks, ChunkResult[][] blocks, int completed) {
    this.totalChunks = totalChunks;
    this.blocks = blocks;
    this.completed = completed;
  }

  /**
   * No results yet, for a job of {@code totalChunks} chunks.
   *
   * @throws IllegalArgumentException if {@code totalChunks < 1}
   */
  public static JobResult empty(int totalChunks) {
    if (totalChunks < 1) {
      throw new IllegalArgumentException("a job has at least one chunk, not " + totalChunks);
    }
    return new JobResult(totalChunks, new ChunkResult[(totalChunks + BLOCK - 1) >> SHIFT][], 0);
  }

  /** No results yet, for {@code plan}'s chunks. */
  public static JobResult empty(JobPlan plan) {
    return empty(plan.chunkCount());
  }

  /** The accumulator holding {@code chunks} (in any order, duplicates counting once). */
  public static JobResult of(int totalChunks, Collection<ChunkResult> chunks) {
    JobResult r = empty(totalChunks);
    for (ChunkResult c : chunks) {
      r = r.with(c);
    }
    return r;
  }

  /**
   * This plus {@code result}; {@code this} itself if that chunk is already here with the same (or a
   * preferred) content.
   *
   * @throws IllegalArgumentException if the chunk id is not below {@link #totalChunks()}
   */
  public JobResult with(ChunkResult result) {
    int id = result.chunkId();
    if (id >= totalChunks) {
      throw new IllegalArgumentException(
          "chunk id " + id + " is outside a job of " + totalChunks + " chunks");
    }
    ChunkResult[] block = blocks[id >> SHIFT];
    ChunkResult present = block == null ? null : block[id & (BLOCK - 1)];
    if (present != null && preferred(present, result) == present) {
      return this;
    }
    ChunkResult[][] top = blocks.clone();
    ChunkResult[] copy = block == null ? new ChunkResult[BLOCK] : block.clone();
    copy[id & (BLOCK - 1)] = result;
    top[id >> SHIFT] = copy;
    return new JobResult(totalChunks, top, completed + (present == null ? 1 : 0));
  }

  /**
   * The union of both accumulators' chunks (associative, commutative, idempotent).
   *
   * @throws IllegalArgumentException if the two are for jobs of different sizes
   */
  public JobResult merge(JobResult other) {
    if (other.totalChunks != totalChunks) {
      throw new IllegalArgumentException(
          "cannot merge results of " + totalChunks + " and " + other.totalChunks + " chunks");
    }
    ChunkResult[][] top = null;
    int count = 0;
    for (int b = 0; b < blocks.length; b++) {
      ChunkResult[] mine = blocks[b];
      ChunkResult[] theirs = other.blocks[b];
      ChunkResult[] merged = mergeBlock(mine, theirs);
      if (merged != mine) {
        if (top == null) {
          top = blocks.clone();
        }
        top[b] = merged;
      }
      if (merged != null) {
        for (ChunkResult c : merged) {
          count += c == null ? 0 : 1;
        }
      }
    }
    return top == null ? this : new JobResult(totalChunks, top, count);
  }

  private static ChunkResult[] mergeBlock(ChunkResult[] mine, ChunkResult[] theirs) {
    if (theirs == null || theirs == mine) {
      return mine;
    }
    if (mine == null) {
      return theirs;
    }
    ChunkResult[] out = null;
    for (int k = 0; k < BLOCK; k++) {
      ChunkResult a = mine[k];
      ChunkResult b = theirs[k];
      ChunkResult keep = a == null ? b : b == null ? a : preferred(a, b);
      if (keep != a) {
        if (out == null) {
          out = mine.clone();
        }
        out[k] = keep;
      }
    }
    return out == null ? mine : out;
  }

  /** Number of chunks of the job. */
  public int totalChunks() {
    return totalChunks;
  }

  /** Number of distinct chunks with a result. */
  public int completedChunks() {
    return completed;
  }

  /** Whether every chunk has a result. */
  public boolean isComplete() {
    return completed == totalChunks;
  }

  /** Whether chunk {@code id} has a result. */
  public boolean contains(int id) {
    return chunk(id).isPresent();
  }

  /** The result of chunk {@code id}, if any. */
  public Optional<ChunkResult> chunk(int id) {
    if (id < 0 || id >= totalChunks) {
      return Optional.empty();
    }
    ChunkResult[] block = blocks[id >> SHIFT];
    return Optional.ofNullable(block == null ? null : block[id & (BLOCK - 1)]);
  }

  /** The chunk results, in chunk id order. */
  public List<ChunkResult> chunks() {
    List<ChunkResult> out = new ArrayList<>(completed);
    for (ChunkResult[] block : blocks) {
      if (block != null) {
        for (ChunkResult c : block) {
          if (c != null) {
            out.add(c);
          }
        }
      }
    }
    return out;
  }

  /** Ids of the chunks without a result, ascending: what to (re)issue. */
  public List<Integer> missingChunkIds() {
    List<Integer> out = new ArrayList<>(totalChunks - completed);
    for (int id = 0; id < totalChunks; id++) {
      if (!contains(id)) {
        out.add(id);
      }
    }
    return out;
  }

  /**
   * Every run of the chunks so far, ordered by parameter index, then symbol index (the order of the
   * final result, whatever the chunking). TIME_BASED chunks carry no runs; their runs come from
   * {@link TimeStitcher}.
   */
  public List<RunResult> runs() {
    List<RunResult> r = runs;
    if (r == null) {
      List<RunResult> all = new ArrayList<>();
      for (ChunkResult c : chunks()) {
        all.addAll(c.runs());
      }
      all.sort(RUN_ORDER);
      r = List.copyOf(all);
      runs = r;
    }
    return r;
  }

  /** The best run so far by {@code metric}; see {@link #best(List, String, boolean)}. */
  public Optional<RunResult> best(String metric, boolean maximize) {
    return best(runs(), metric, maximize);
  }

  /**
   * The best of {@code runs} by statistic {@code metric}: largest if {@code maximize}, else
   * smallest. A {@code NaN} (or missing) value is never best; among equal values the earliest run
   * in the list wins (for {@link #runs()}: the lowest parameter index, then symbol index). Empty if
   * no run has a number for {@code metric}.
   */
  public static Optional<RunResult> best(List<RunResult> runs, String metric, boolean maximize) {
    RunResult best = null;
    double bestValue = Double.NaN;
    for (RunResult r : runs) {
      double v = r.stat(metric);
      if (Double.isNaN(v)) {
        continue;
      }
      if (best == null || (maximize ? v > bestValue : v < bestValue)) {
        best = r;
        bestValue = v;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Equal when for jobs of the same size with equal chunk results. */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof JobResult other)
        || other.totalChunks != totalChunks
        || other.completed != completed) {
      return false;
    }
    for (int b = 0; b < blocks.length; b++) {
      if (blocks[b] != other.blocks[b]
          && !Arrays.equals(orEmpty(blocks[b]), orEmpty(other.blocks[b]))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return 31 * totalChunks + chunks().hashCode();
  }

  @Override
  public String toString() {
    return "JobResult[" + completed + "/" + totalChunks + " chunks]";
  }

  private static ChunkResult[] orEmpty(ChunkResult[] block) {
    return block == null ? new ChunkResult[BLOCK] : block;
  }

  // -------------------------------------------------------------- preferring one of two deliveries

  /** Of two results for one chunk, the one to keep: {@code a} if equal, else the smaller. */
  static ChunkResult preferred(ChunkResult a, ChunkResult b) {
    if (a == b || a.equals(b)) {
      return a;
    }
    return CONTENT.compare(a, b) <= 0 ? a : b;
  }

  private static final Comparator<Number> NUMBER =
      Comparator.<Number>comparingDouble(Number::doubleValue)
          .thenComparing(n -> n.getClass().getName());

  private static final Comparator<RunResult> RUN =
      Comparator.comparingInt(RunResult::paramIndex)
          .thenComparingInt(RunResult::symbolIndex)
          .thenComparing(RunResult::symbol)
          .thenComparing(RunResult::convention)
          .thenComparingLong(RunResult::start)
          .thenComparingLong(RunResult::end)
          .thenComparing(r -> new TreeMap<>(r.params()), mapOrder(NUMBER))
          .thenComparing(r -> new TreeMap<>(r.stats()), mapOrder(Double::compare));

  private static final Comparator<Trade> TRADE =
      Comparator.comparing(Trade::symbol)
          .thenComparingDouble(Trade::size)
          .thenComparingInt(Trade::entryBar)
          .thenComparingInt(Trade::exitBar)
          .thenComparingDouble(Trade::entryPrice)
          .thenComparingDouble(Trade::exitPrice)
          .thenComparingDouble(Trade::stopLoss)
          .thenComparingDouble(Trade::takeProfit)
          .thenComparingDouble(Trade::pnl)
          .thenComparingDouble(Trade::commission)
          .thenComparingDouble(Trade::returnPct)
          .thenComparingLong(Trade::entryTime)
          .thenComparingLong(Trade::exitTime)
          .thenComparing(Trade::tag, Comparator.nullsFirst(Comparator.naturalOrder()));

  private static final Comparator<TimeSegment> SEGMENT =
      Comparator.comparingInt(TimeSegment::barFrom)
          .thenComparingInt(TimeSegment::barTo)
          .thenComparing(TimeSegment::computed)
          .thenComparingInt(TimeSegment::warmup)
          .thenComparing(TimeSegment::equity, Arrays::compare)
          .thenComparing(TimeSegment::trades, listOrder(TRADE))
          .thenComparing(TimeSegment::flatAtEnd)
          .thenComparingDouble(TimeSegment::cashAtEnd)
          .thenComparing(TimeSegment::ordersPendingAtEnd);

  /** A total order on chunk results that is zero exactly for equal ones. */
  static final Comparator<ChunkResult> CONTENT =
      Comparator.comparingInt(ChunkResult::chunkId)
          .thenComparing(ChunkResult::runs, listOrder(RUN))
          .thenComparing(ChunkResult::segment, Comparator.nullsFirst(SEGMENT));

  private static <T> Comparator<List<T>> listOrder(Comparator<T> element) {
    return (x, y) -> {
      for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
        int c = element.compare(x.get(i), y.get(i));
        if (c != 0) {
          return c;
        }
      }
      return Integer.compare(x.size(), y.size());
    };
  }

  private static <V> Comparator<TreeMap<String, V>> mapOrder(Comparator<? super V> value) {
    return (x, y) -> {
      var i = x.entrySet().iterator();
      var j = y.entrySet().iterator();
      while (i.hasNext() && j.hasNext()) {
        Map.Entry<String, V> a = i.next();
        Map.Entry<String, V> b = j.next();
        int c = a.getKey().compareTo(b.getKey());
        if (c == 0) {
          c = value.compare(a.getValue(), b.getValue());
        }
        if (c != 0) {
          return c;
        }
      }
      return Boolean.compare(i.hasNext(), j.hasNext());
    };
  }
}
