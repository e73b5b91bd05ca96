package dev.alphapulse.jobs;

import dev.alphapulse.engine.backtest.Backtest;
import dev.alphapulse.engine.backtest.BacktestConfig;
import dev.alphapulse.engine.backtest.BacktestResult;
import dev.alphapulse.engine.broker.Trade;
import dev.alphapulse.engine.data.BarSeries;
import dev.alphapulse.engine.data.Universe;
import dev.alphapulse.engine.indicator.IndicatorCache;
import dev.alphapulse.engine.metrics.Metrics;
import dev.alphapulse.engine.metrics.Statistics;
import dev.alphapulse.engine.strategy.Params;
import dev.alphapulse.engine.strategy.StrategyDescriptor;
import dev.alphapulse.engine.strategy.StrategyRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns the time chunks of a TIME_BASED job into exactly the sequential backtest: equity at every
 * bar, every trade and every statistic equal, bit for bit, to {@code Backtest.run} over the whole
 * series.
 *
 * <h2>The assumption a chunk makes, and when it holds</h2>
 *
 * A chunk for bars {@code [barFrom, barTo)} assumes that at {@code barFrom} the account is flat,
 * holds the starting cash, has no pending order, and that the strategy has not been called yet.
 * Indicator columns are not part of the assumption: a chunk reads the columns of the whole series,
 * the same arrays the sequential run reads (see {@link ChunkExecutor}), because columns computed on
 * a slice are not bit-identical (EMA and RSI remember all history; compensated rolling sums round
 * differently) and a strategy may read any earlier bar. Under the assumption the chunk's run from
 * {@code barFrom} is the sequential run from {@code barFrom}, so its segment is exact.
 *
 * <p>The assumption can only be proven where the sequential run has not decided anything yet, that
 * is for {@code barFrom <= warm-up + 1}: a strategy is opaque, so once its {@code next} has been
 * called its state may differ from a fresh one, even if the account happens to be flat again; and
 * sizing all-in makes every later order depend on the exact cash, which after the first trade is
 * never the starting cash. So a chunk whose {@code barFrom} is after the strategy's first decision
 * could never be accepted; it does not run its loop at all and reports a <em>deferred</em> segment.
 *
 * <h2>The stitch pass</h2>
 *
 * Per symbol, in bar order: accept each computed segment while the true state at its {@code
 * barFrom}, which the accepted prefix determines, is the assumed one; from the first boundary where
 * it is not (or the first deferred or missing chunk), run {@code Backtest.run} on the whole series
 * with the same indicator cache, check that it agrees with the accepted prefix bit for bit (a
 * failure is a bug and throws), and take its bars from that boundary on. Statistics are computed
 * once from the stitched equity and trades.
 *
 * <h2>What this buys, honestly</h2>
 *
 * For a strategy that trades, the stitch pass recomputes everything after the chunk holding the
 * first decision, sequentially: TIME_BASED is exact, but it does not make one backtest faster. What
 * runs in parallel is the warm-up: the segments before the first decision and, where workers share
 * the stitcher's {@link IndicatorCache} (the embedded node), the indicator columns. Going further
 * would need the engine to prove that a strategy keeps no state between bars and to resume a run
 * from a saved broker state; even then all-in sizing ties each bar to the exact cash of the one
 * before, which is inherently sequential. For speed, split by parameters or symbols.
 *
 * <p>Pure and thread-safe.
 */
public final class TimeStitcher {
  private TimeStitcher() {}

  /**
   * Stitches every symbol of a TIME_BASED plan.
   *
   * @param plan a TIME_BASED plan
   * @param chunks the plan's chunk results in increasing chunk id order; a missing chunk (e.g. one
   *     that failed for good) is computed by the stitch pass
   * @param universe the plan's dataset, loaded
   * @param cache indicator columns (shared with the chunks when they ran in this process)
   * @return one stitched run per symbol, in symbol order, each equal to the sequential backtest
   * @throws IllegalArgumentException if the plan is not TIME_BASED, the chunk results are not in
   *     increasing id order, are not the plan's, or do not carry segments
   * @throws IllegalStateException if an accepted segment disagrees with the sequential run (a bug)
   */
  public static List<StitchedRun> stitch(
      JobPlan plan,
      List<ChunkResult> chunks,
      Universe universe,
      IndicatorCache cache,
      StrategyRegistry registry) {
    if (plan.strategy() != ParallelizationStrategy.TIME_BASED) {
      throw new IllegalArgumentException(
          "only TIME_BASED plans are stitched, not " + plan.strategy());
    }
    ChunkExecutor.checkUniverse(plan.dataset(), universe);
    TimeSegment[] segments = new TimeSegment[plan.chunkCount()];
    int previous = -1;
    for (ChunkResult r : chunks) {
      if (r.chunkId() <= previous || r.chunkId() >= plan.chunkCount()) {
        throw new IllegalArgumentException(
            "chunk results must be the plan's in increasing id order; got "
                + r.chunkId()
                + " after "
                + previous);
      }
      if (r.segment() == null) {
        throw new IllegalArgumentException("chunk " + r.chunkId() + " has no time segment");
      }
      ChunkSpec spec = plan.chunk(r.chunkId());
      if (r.segment().barFrom() != spec.barFrom() || r.segment().barTo() != spec.barTo()) {
        throw new IllegalArgumentException(
            "chunk " + r.chunkId() + "'s segment " + r.segment() + " is not its range " + spec);
      }
      segments[r.chunkId()] = r.segment();
      previous = r.chunkId();
    }
    StrategyDescriptor strategy = registry.get(plan.spec().strategy());
    BacktestConfig config = plan.spec().backtest().toConfig();
    Params params = plan.paramSets().get(0);
    List<StitchedRun> out = new ArrayList<>(universe.symbolCount());
    for (int s = 0; s < universe.symbolCount(); s++) {
      List<ChunkSpec> own = new ArrayList<>();
      for (ChunkSpec c : plan.chunks()) {
        if (c.symbolFrom() == s) {
          own.add(c);
        }
      }
      out.add(stitchSymbol(s, own, segments, universe, cache, strategy, params, config));
    }
    return out;
  }

  private static StitchedRun stitchSymbol(
      int s,
      List<ChunkSpec> own,
      TimeSegment[] segments,
      Universe universe,
      IndicatorCache cache,
      StrategyDescriptor strategy,
      Params params,
      BacktestConfig config) {
    BarSeries series = universe.series(s);
    int n = series.size();
    double[] equity = new double[n];
    List<Trade> trades = new ArrayList<>();
    int accepted = 0;
    int warmup = -1;
    int recomputeFrom = -1;
    boolean assumptionHolds = true; // the true state at the next boundary is the chunks' assumption
    for (ChunkSpec c : own) {
      TimeSegment seg = segments[c.id()];
      if (seg != null) {
        if (warmup >= 0 && seg.warmup() != warmup) {
          throw new IllegalStateException(
              "the segments of " + series.symbol() + " disagree on the warm-up: different data?");
        }
        warmup = seg.warmup();
      }
      if (!assumptionHolds
          || seg == null
          || !seg.computed()
          || seg.firstDecisionBar() < c.barFrom()) {
        recomputeFrom = c.barFrom();
        break;
      }
      seg.copyEquityInto(equity);
      trades.addAll(seg.trades());
      accepted++;
      assumptionHolds = seg.untouchedAtEnd(config.cash());
    }
    Universe single = Universe.of(series);
    if (recomputeFrom >= 0) {
      BacktestResult seq = Backtest.run(single, strategy.create(params), config, cache);
      checkPrefix(series.symbol(), seq, equity, trades, recomputeFrom, warmup);
      double[] full = seq.equity();
      System.arraycopy(full, recomputeFrom, equity, recomputeFrom, n - recomputeFrom);
      trades = new ArrayList<>(seq.trades());
      warmup = seq.warmup();
    }
    Statistics stats =
        Metrics.compute(
            single.calendar(), equity, trades, series.closes(), warmup, ChunkExecutor.CONVENTION);
    RunResult run = ChunkExecutor.toRun(0, s, series.symbol(), params, stats);
    return new StitchedRun(run, equity, trades, own.size(), accepted, recomputeFrom);
  }

  /**
   * The accepted prefix must be the sequential run's, bit for bit: else the stitch logic is wrong.
   */
  private static void checkPrefix(
      String symbol,
      BacktestResult seq,
      double[] equity,
      List<Trade> trades,
      int recomputeFrom,
      int warmup) {
    double[] full = seq.equity();
    int bad = Arrays.mismatch(equity, 0, recomputeFrom, full, 0, recomputeFrom);
    boolean tradesAgree =
        trades.size() <= seq.trades().size()
            && trades.equals(seq.trades().subList(0, trades.size()));
    if (bad >= 0 || !tradesAgree || (warmup >= 0 && warmup != seq.warmup())) {
      throw new IllegalStateException(
          "TIME_BASED stitch of "
              + symbol
              + ": the accepted segments before bar "
              + recomputeFrom
              + " differ from the sequential run"
              + (bad >= 0 ? " at bar " + bad : tradesAgree ? " in the warm-up" : " in the trades"));
    }
  }
}
