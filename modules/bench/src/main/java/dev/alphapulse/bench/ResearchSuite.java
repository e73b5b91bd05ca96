package dev.alphapulse.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The "research" suite: {@link SweepBench} (a 10,000-set sweep of a 200,000-bar series), {@link
 * TrialsBench} (10,000 trivial trials through the optimiser, random search and TPE) and {@link
 * MonteCarloBench} (100,000 block-bootstrap paths of 2,520 steps), through the JMH Runner API in
 * {@code SingleShotTime} mode, turned into a {@link ResearchReport}.
 *
 * <h2>Settings</h2>
 *
 * Every workload runs in a forked JVM (the sweep's with {@code -Xmx512m}) with explicit warm-up and
 * measurement counts: full {@link #FULL}, quick {@link #QUICK}. The quick run executes the same
 * workloads with fewer repetitions and TPE on {@link Sizes#tpeTrialsQuick} trials; on two shared
 * cores it takes one to two minutes, most of it the sweep.
 */
final class ResearchSuite {

  /**
   * Workload sizes (the issue's figures by default; tests use tiny ones).
   *
   * @param bars bars of the swept series
   * @param fastCount fast periods 1..fastCount
   * @param slowCount slow periods 101..100+slowCount
   * @param trials trials of the random-search study
   * @param tpeTrials trials of the TPE study in the full run
   * @param tpeTrialsQuick trials of the TPE study in the quick run
   * @param paths Monte Carlo paths
   * @param steps steps per path
   */
  record Sizes(
      int bars,
      int fastCount,
      int slowCount,
      int trials,
      int tpeTrials,
      int tpeTrialsQuick,
      int paths,
      int steps) {
    static final Sizes ISSUE = new Sizes(200_000, 100, 100, 10_000, 10_000, 1_000, 100_000, 2_520);
  }

  /** Warm-up and measurement iterations per workload. */
  record Repetitions(
      int forks,
      int sweepWarmup,
      int sweepMeasure,
      int trialsWarmup,
      int trialsMeasure,
      int tpeWarmup,
      int tpeMeasure,
      int monteCarloWarmup,
      int monteCarloMeasure) {}

  /*
   * The sweep has no JMH warm-up iteration: its first measured iteration is the cold one (JIT
   * compilation and the SMA columns of a fresh JVM), reported apart as sweep_cold_seconds, and the
   * others are the warm figure (sweep_seconds), in both runs.
   */
  static final Repetitions FULL = new Repetitions(1, 0, 4, 2, 5, 0, 1, 3, 5);
  static final Repetitions QUICK = new Repetitions(1, 0, 2, 1, 2, 1, 1, 2, 3);

  /** In-process, single iterations: only for tests of the report's shape. */
  static final Repetitions SMOKE = new Repetitions(0, 0, 2, 0, 1, 0, 1, 0, 1);

  private ResearchSuite() {}

  /**
   * Runs the suite; JMH's log goes to {@code log}.
   *
   * @throws RunnerException if JMH fails or a benchmark throws
   */
  static ResearchReport run(boolean quick, PrintStream log) throws RunnerException {
    return run(quick, Sizes.ISSUE, quick ? QUICK : FULL, log);
  }

  static ResearchReport run(boolean quick, Sizes sizes, Repetitions reps, PrintStream log)
      throws RunnerException {
    if (ResearchSuite.class.getClassLoader().getResource("META-INF/BenchmarkList") == null) {
      throw new IllegalStateException(
          "META-INF/BenchmarkList is not on the class path: the bench jar, compiled with JMH's"
              + " annotation processor, must be on it (JMH's forked JVMs reuse the class path)");
    }
    int tpeTrials = quick ? sizes.tpeTrialsQuick() : sizes.tpeTrials();
    List<RunResult> results = new ArrayList<>();
    results.addAll(
        run(
            options(SweepBench.class, reps.forks(), reps.sweepWarmup(), reps.sweepMeasure())
                .param("bars", Integer.toString(sizes.bars()))
                .param("fastCount", Integer.toString(sizes.fastCount()))
                .param("slowCount", Integer.toString(sizes.slowCount())),
            log));
    results.addAll(
        run(
            options(TrialsBench.class, reps.forks(), reps.trialsWarmup(), reps.trialsMeasure())
                .param("searcher", "random")
                .param("trials", Integer.toString(sizes.trials())),
            log));
    results.addAll(
        run(
            options(TrialsBench.class, reps.forks(), reps.tpeWarmup(), reps.tpeMeasure())
                .param("searcher", "tpe")
                .param("trials", Integer.toString(tpeTrials)),
            log));
    results.addAll(
        run(
            options(
                    MonteCarloBench.class,
                    reps.forks(),
                    reps.monteCarloWarmup(),
                    reps.monteCarloMeasure())
                .param("paths", Integer.toString(sizes.paths()))
                .param("steps", Integer.toString(sizes.steps())),
            log));
    return report(quick, sizes, tpeTrials, reps, results);
  }

  private static ChainedOptionsBuilder options(
      Class<?> benchmark, int forks, int warmup, int measure) {
    return new OptionsBuilder()
        .include("^" + Pattern.quote(benchmark.getName() + ".") + ".*")
        .forks(forks)
        .warmupIterations(warmup)
        .measurementIterations(measure)
        .shouldFailOnError(true);
  }

  private static Collection<RunResult> run(ChainedOptionsBuilder options, PrintStream log)
      throws RunnerException {
    return new Runner(
            options.build(), OutputFormatFactory.createFormatInstance(log, VerboseMode.NORMAL))
        .run();
  }

  static ResearchReport report(
      boolean quick, Sizes sizes, int tpeTrials, Repetitions reps, Collection<RunResult> results) {
    RunResult sweep = find(results, SweepBench.class, null);
    RunResult random = find(results, TrialsBench.class, "random");
    RunResult tpe = find(results, TrialsBench.class, "tpe");
    RunResult mc = find(results, MonteCarloBench.class, null);
    return new ResearchReport(
        quick,
        reps,
        sizes,
        tpeTrials,
        warmSeconds(sweep, false),
        warmSeconds(sweep, true),
        coldSeconds(sweep),
        secondary(sweep, "peakHeapMb"),
        secondary(sweep, "liveHeapMb"),
        seconds(random, false),
        seconds(random, true),
        seconds(tpe, false),
        seconds(mc, false),
        seconds(mc, true));
  }

  private static RunResult find(Collection<RunResult> results, Class<?> bench, String searcher) {
    for (RunResult r : results) {
      if (r.getParams().getBenchmark().startsWith(bench.getName() + ".")
          && (searcher == null || searcher.equals(r.getParams().getParam("searcher")))) {
        return r;
      }
    }
    return null;
  }

  /** Mean (or best) seconds per operation, NaN if not run. */
  private static double seconds(RunResult r, boolean best) {
    if (r == null) {
      return Double.NaN;
    }
    Result<?> primary = r.getPrimaryResult();
    double score = best ? primary.getStatistics().getMin() : primary.getScore();
    TimeUnit unit = r.getParams().getTimeUnit();
    return score * unit.toNanos(1) / 1e9;
  }

  /** Seconds of each measured iteration, in order (one fork). */
  private static List<Double> iterationSeconds(RunResult r) {
    List<Double> seconds = new ArrayList<>();
    double unit = r.getParams().getTimeUnit().toNanos(1) / 1e9;
    for (BenchmarkResult b : r.getBenchmarkResults()) {
      for (IterationResult i : b.getIterationResults()) {
        seconds.add(i.getPrimaryResult().getScore() * unit);
      }
    }
    return seconds;
  }

  /**
   * Mean (or best) seconds of the iterations after the first (the warm ones); of the only one if
   * there is one; NaN if not run.
   */
  static double warmSeconds(RunResult r, boolean best) {
    if (r == null) {
      return Double.NaN;
    }
    List<Double> all = iterationSeconds(r);
    List<Double> warm = all.size() > 1 ? all.subList(1, all.size()) : all;
    return best
        ? warm.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN)
        : warm.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }

  /** Seconds of the first measured iteration (a fresh JVM's), NaN if not run. */
  static double coldSeconds(RunResult r) {
    if (r == null) {
      return Double.NaN;
    }
    List<Double> all = iterationSeconds(r);
    return all.isEmpty() ? Double.NaN : all.get(0);
  }

  /** The largest per-iteration value of an auxiliary counter, NaN if absent. */
  private static double secondary(RunResult r, String name) {
    if (r == null) {
      return Double.NaN;
    }
    for (Map.Entry<String, Result<?>> e : secondaryResults(r).entrySet()) {
      if (e.getKey().equals(name) || e.getKey().endsWith("." + name)) {
        return e.getValue().getStatistics().getMax();
      }
    }
    return Double.NaN;
  }

  @SuppressWarnings({"unchecked", "rawtypes"}) // JMH declares the map with the raw Result type
  private static Map<String, Result<?>> secondaryResults(RunResult r) {
    return (Map) r.getSecondaryResults();
  }
}
