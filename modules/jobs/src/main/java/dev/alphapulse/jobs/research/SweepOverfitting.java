package dev.alphapulse.jobs.research;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alphapulse.engine.backtest.Backtest;
import dev.alphapulse.engine.backtest.BacktestConfig;
import dev.alphapulse.engine.data.Universe;
import dev.alphapulse.engine.indicator.IndicatorCache;
import dev.alphapulse.engine.strategy.StrategyDescriptor;
import dev.alphapulse.engine.strategy.StrategyRegistry;
import dev.alphapulse.jobs.JobPlan;
import dev.alphapulse.jobs.JobResult;
import dev.alphapulse.jobs.RunResult;
import dev.alphapulse.research.overfit.DeflatedSharpe;
import dev.alphapulse.research.overfit.DeflatedSharpeRatio;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * The overfitting statistics of a finished {@code type: sweep} job: the Deflated Sharpe Ratio of
 * the best run and the Probability of Backtest Overfitting by CSCV (see {@code
 * docs/research-overfitting.md}, "Sweeps").
 *
 * <h2>Trials</h2>
 *
 * A sweep's {@code best} is chosen among all of its runs (every parameter set on every symbol), so
 * the job-level figures take every run as a trial: the DSR of the best run deflates by {@code N} =
 * the number of runs, and PBO asks how often the run best in sample falls below the median out of
 * sample, all runs sharing the dataset's calendar. With several symbols, {@code bySymbol} repeats
 * the figures per symbol with the parameter sets as trials (the question "is the best parameter set
 * on this symbol overfit?"). A multi-symbol strategy has one run per parameter set ({@code "*"}).
 *
 * <h2>Cost: a deterministic subset</h2>
 *
 * The runs' per-bar returns are not kept by the workers, so they are recomputed here (runs are
 * pure: same bits as the workers'). At most {@code maxRuns} runs ({@value #MAX_RUNS} by default)
 * are recomputed: {@code m = min(P, max(2, maxRuns / S))} of the {@code P} parameter sets, on each
 * of the {@code S} symbols; when {@code m < P} they are drawn without looking at any result, by a
 * partial Fisher-Yates shuffle of the parameter indices seeded with the job seed, then sorted. PBO
 * and the variance {@code V} of the trials' Sharpe ratios are computed on that subset ({@code
 * trialsUsed}); the DSR still counts every run in {@code N} ({@code trials}) and uses the best
 * run's own returns (recomputed if it is not in the subset). For PBO, a history longer than {@value
 * #MAX_ROWS} returns is compounded into {@value #MAX_ROWS} consecutive periods of (almost) equal
 * bar counts ({@code barsPerPeriod}), which bounds memory by the number of runs (about 15 MB for
 * 250: the columns and the matrices CSCV reads) whatever the history; CSCV costs about {@code C(16,
 * 8) * 2 * 16 * trialsUsed} steps, job-level and per symbol. The DSR always uses per-bar returns.
 *
 * <h2>Threads</h2>
 *
 * The backtests and the CSCV passes run in parallel on the common fork-join pool; their results are
 * read back in a fixed order, so the JSON does not depend on the number of cores. Stateless and
 * deterministic (same runs, data and seed give the same JSON); each call uses its own indicator
 * cache, so calls may run concurrently.
 */
public final class SweepOverfitting {
  private SweepOverfitting() {}

  /**
   * Most runs whose returns are recomputed by default (bounded below by two per symbol): enough
   * trials for CSCV (the paper's examples use N = 100 to 1,000), few enough that a sweep of
   * thousands of runs pays a few hundred backtests, not a second sweep.
   */
  public static final int MAX_RUNS = 250;

  /** Most rows (periods) of the return matrix PBO runs on. */
  public static final int MAX_ROWS = 2048;

  /** Indicator columns kept while recomputing before the cache is cleared (bounds memory). */
  private static final int CACHE_ENTRIES = 64;

  /** Salt of the subset's random stream, so it is not the stream of anything else seeded alike. */
  private static final long SALT = 0x5eed_0f_5a_3b1eL;

  /** Recomputes one run's equity curve (one value per bar of the dataset's calendar). */
  @FunctionalInterface
  interface EquitySource {
    double[] equity(int paramIndex, int symbolIndex);
  }

  /**
   * The statistics of a finished sweep.
   *
   * @param plan the job's plan (its parameter sets index the runs)
   * @param universe the job's data, loaded
   * @param runs the job's runs in their final order (parameter index, then symbol index)
   * @param objective the statistic {@code best} is ranked by
   * @param maximize whether larger is better
   * @param registry the strategies (the plan's must be there)
   * @return the {@code overfitting} object of the job's JSON
   */
  public static ObjectNode compute(
      JobPlan plan,
      Universe universe,
      List<RunResult> runs,
      String objective,
      boolean maximize,
      StrategyRegistry registry) {
    StrategyDescriptor strategy = registry.get(plan.spec().strategy());
    BacktestConfig config = plan.spec().backtest().toConfig();
    IndicatorCache cache = new IndicatorCache();
    Universe[] singles = new Universe[universe.symbolCount()];
    for (RunResult r : runs) {
      if (r.symbolIndex() >= 0 && singles[r.symbolIndex()] == null) {
        singles[r.symbolIndex()] = Universe.of(universe.series(r.symbolIndex()));
      }
    }
    EquitySource source =
        (p, s) -> {
          Universe u = s < 0 ? universe : singles[s];
          if (cache.size() > CACHE_ENTRIES) {
            cache.clear();
          }
          return Backtest.run(u, strategy.create(plan.paramSets().get(p)), config, cache).equity();
        };
    return of(
        runs,
        plan.paramSets().size(),
        objective,
        maximize,
        plan.spec().seed(),
        MAX_RUNS,
        universe.size(),
        source);
  }

  /** One symbol's (or the universe's) runs and what was recomputed of them. */
  private static final class Group {
    final int symbolIndex;
    final String symbol;
    final List<RunResult> runs = new ArrayList<>();
    final List<double[]> columns = new ArrayList<>();
    final List<Double> sharpes = new ArrayList<>();
    RunResult best;
    double[] bestReturns;

    Group(int symbolIndex, String symbol) {
      this.symbolIndex = symbolIndex;
      this.symbol = symbol;
    }
  }

  /** One run to recompute: a trial of the subset, its group's best, or both. */
  private record Recompute(Group group, RunResult run, boolean used) {
    /** Its column and Sharpe ratio (and returns if best); null if the curve is not finite. */
    Recomputed run(EquitySource source, int periods, int rows) {
      double[] returns = Overfitting.returns(source.equity(run.paramIndex(), group.symbolIndex));
      if (returns.length != periods || !allFinite(returns)) {
        return null;
      }
      return new Recomputed(
          used ? compound(returns, rows) : null,
          sharpe(returns),
          run == group.best ? returns : null);
    }
  }

  private record Recomputed(double[] column, double sharpe, double[] returns) {}

  /**
   * The statistics from runs and a source of their equity curves (the testable core of {@link
   * #compute}).
   *
   * @param paramSets number of parameter sets of the job ({@code P})
   * @param maxRuns most runs to recompute (at least two per symbol are)
   * @param bars length of every equity curve (the dataset's bars)
   * @param source the runs' equity curves; called from several threads at once
   */
  static ObjectNode of(
      List<RunResult> runs,
      int paramSets,
      String objective,
      boolean maximize,
      long seed,
      int maxRuns,
      int bars,
      EquitySource source) {
    Map<Integer, Group> groups = new TreeMap<>();
    for (RunResult r : runs) {
      groups.computeIfAbsent(r.symbolIndex(), s -> new Group(s, r.symbol())).runs.add(r);
    }
    int symbols = groups.size();
    int m = Math.min(paramSets, Math.max(2, maxRuns / Math.max(1, symbols)));
    boolean[] sampled = sample(paramSets, m, seed);

    ObjectNode out = Json.object();
    out.put(
        "method",
        "Deflated Sharpe Ratio of the best run (trials: every run) and PBO by CSCV over the"
            + " recomputed runs' returns; bySymbol: the same with the parameter sets as trials");
    out.put("objective", objective);
    out.put("trials", runs.size());
    out.put("parameterSets", paramSets);
    out.put("parameterSetsUsed", m);
    out.put("symbols", symbols);
    out.put("sampled", m < paramSets);
    if (m < paramSets) {
      out.put("sampleSeed", seed);
    }
    int periods = Math.max(0, bars - 1);
    int rows = Math.min(periods, MAX_ROWS);
    List<Recompute> tasks = new ArrayList<>();
    for (Group g : groups.values()) {
      g.best = JobResult.best(g.runs, objective, maximize).orElse(null);
      for (RunResult r : g.runs) {
        boolean used = r.paramIndex() < paramSets && sampled[r.paramIndex()];
        if (used || r == g.best) {
          tasks.add(new Recompute(g, r, used));
        }
      }
    }
    // Backtests in parallel; each keeps only its compounded column (and the best's returns), so
    // memory is bounded by the columns, not by runs times bars. Results are read in task order.
    Recomputed[] done = new Recomputed[tasks.size()];
    IntStream.range(0, tasks.size())
        .parallel()
        .forEach(i -> done[i] = tasks.get(i).run(source, periods, rows));
    for (int i = 0; i < done.length; i++) {
      Recompute t = tasks.get(i);
      Recomputed d = done[i];
      if (d == null) {
        continue; // a broken curve cannot be a trial; it stays out of trialsUsed
      }
      if (t.run == t.group.best) {
        t.group.bestReturns = d.returns;
      }
      if (t.used) {
        t.group.columns.add(d.column);
        t.group.sharpes.add(d.sharpe);
      }
    }
    List<double[]> all = new ArrayList<>();
    List<Double> allSharpes = new ArrayList<>();
    for (Group g : groups.values()) {
      all.addAll(g.columns);
      allSharpes.addAll(g.sharpes);
    }
    out.put("trialsUsed", all.size());
    out.put("periods", rows);
    out.put("barsPerPeriod", rows > 0 ? (double) periods / rows : Double.NaN);
    RunResult best = JobResult.best(runs, objective, maximize).orElse(null);
    Group bestGroup = best == null ? null : groups.get(best.symbolIndex());
    if (best == null) {
      out.putNull("best");
    } else {
      ObjectNode bestNode = out.putObject("best");
      bestNode.put("paramIndex", best.paramIndex());
      bestNode.set("params", Json.MAPPER.valueToTree(best.params()));
      bestNode.put("symbol", best.symbol());
    }
    // PBO of the job and of each symbol, in parallel (each is one pass over C(16, 8) block sets)
    List<List<double[]>> sets = new ArrayList<>();
    sets.add(all);
    if (symbols > 1) {
      for (Group g : groups.values()) {
        sets.add(g.columns);
      }
    }
    ObjectNode[] pbos = new ObjectNode[sets.size()];
    IntStream.range(0, sets.size())
        .parallel()
        .forEach(
            i ->
                pbos[i] =
                    sets.get(i).size() < 2 ? null : Overfitting.pbo(byRow(sets.get(i), rows)));
    putStatistics(
        out, runs.size(), bestGroup == null ? null : bestGroup.bestReturns, allSharpes, pbos[0]);
    if (symbols > 1) {
      ArrayNode by = out.putArray("bySymbol");
      int k = 1;
      for (Group g : groups.values()) {
        ObjectNode n = by.addObject();
        n.put("symbol", g.symbol);
        n.put("trials", g.runs.size());
        n.put("trialsUsed", g.columns.size());
        if (g.best == null) {
          n.putNull("bestParamIndex");
        } else {
          n.put("bestParamIndex", g.best.paramIndex());
        }
        putStatistics(n, g.runs.size(), g.bestReturns, g.sharpes, pbos[k++]);
      }
    }
    return out;
  }

  /** Puts {@code deflatedSharpe} and {@code pbo} (each null when there is not enough). */
  private static void putStatistics(
      ObjectNode out, int trials, double[] bestReturns, List<Double> sharpes, ObjectNode pbo) {
    Optional<DeflatedSharpeRatio> dsr = deflated(bestReturns, trials, sharpes);
    if (dsr.isPresent()) {
      out.set("deflatedSharpe", Json.MAPPER.valueToTree(dsr.get()));
    } else {
      out.putNull("deflatedSharpe");
    }
    if (pbo == null) {
      out.putNull("pbo");
    } else {
      out.set("pbo", pbo);
    }
    if (dsr.isEmpty() || pbo == null) {
      out.put(
          "note",
          "DSR needs 2 recomputed trials and 2 returns; PBO needs 2 trials and "
              + 2 * Overfitting.BLOCKS
              + " periods");
    }
  }

  /** DSR of the best run's returns, {@code N} every trial, {@code V} over the recomputed ones. */
  static Optional<DeflatedSharpeRatio> deflated(
      double[] bestReturns, int trials, List<Double> sharpes) {
    if (bestReturns == null || bestReturns.length < 2 || sharpes.size() < 2 || trials < 2) {
      return Optional.empty();
    }
    return Optional.of(
        DeflatedSharpe.fromReturns(bestReturns, trials, Overfitting.sampleVariance(sharpes)));
  }

  /**
   * Which of {@code n} parameter indices are used: all if {@code m >= n}, else {@code m} drawn by a
   * partial Fisher-Yates shuffle from a stream seeded with {@code seed}.
   */
  static boolean[] sample(int n, int m, long seed) {
    boolean[] used = new boolean[n];
    if (m >= n) {
      Arrays.fill(used, true);
      return used;
    }
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    SplittableRandom rng = new SplittableRandom(seed ^ SALT);
    for (int i = 0; i < m; i++) {
      int j = i + rng.nextInt(n - i);
      int t = idx[i];
      idx[i] = idx[j];
      idx[j] = t;
      used[idx[i]] = true;
    }
    return used;
  }

  /**
   * Per-bar returns compounded into {@code rows} consecutive periods, period {@code i} holding
   * returns {@code [floor(i T / rows), floor((i + 1) T / rows))}; the returns themselves when
   * {@code rows == T}.
   */
  static double[] compound(double[] returns, int rows) {
    int t = returns.length;
    if (rows == t) {
      return returns.clone();
    }
    double[] out = new double[rows];
    for (int i = 0; i < rows; i++) {
      int from = (int) ((long) i * t / rows);
      int to = (int) ((long) (i + 1) * t / rows);
      double g = 1;
      for (int k = from; k < to; k++) {
        g *= 1 + returns[k];
      }
      out[i] = g - 1;
    }
    return out;
  }

  /** Per-period Sharpe ratio {@code mean / sd} (sample sd); 0 when sd is 0, as in the DSR. */
  static double sharpe(double[] r) {
    return Overfitting.periodSharpe(r, 0);
  }

  private static double[][] byRow(List<double[]> columns, int rows) {
    double[][] m = new double[rows][columns.size()];
    for (int n = 0; n < columns.size(); n++) {
      double[] c = columns.get(n);
      for (int i = 0; i < rows; i++) {
        m[i][n] = c[i];
      }
    }
    return m;
  }

  private static boolean allFinite(double[] r) {
    for (double x : r) {
      if (!Double.isFinite(x)) {
        return false;
      }
    }
    return true;
  }
}
