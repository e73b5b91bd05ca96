package dev.alphapulse.bench;

import dev.alphapulse.engine.data.BarSeries;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The "engine" suite: runs {@link SmaCrossBench} and {@link FootprintBench} through the JMH Runner
 * API with the GC profiler, measures retained bytes per bar with JOL, and turns it all into an
 * {@link EngineReport}.
 *
 * <h2>Settings</h2>
 *
 * The full run uses the benchmarks' annotations (2 forks of 5 x 1 s warm-up, 10 for ta4j, and 5 x 1
 * s measurement; about five minutes on two cores). The quick run (about 90 seconds) uses {@link
 * #QUICK_FORKS} fork, {@link #QUICK_WARMUP} warm-up ({@link #QUICK_TA4J_WARMUP} for ta4j) and
 * {@link #QUICK_MEASUREMENT} measurement iterations of one second, leaves out the warm-cache
 * variant, and builds the footprint series for one iteration only (its allocation per operation is
 * exact at once). The engine's loop needs three to four warm-up seconds on a two-core machine
 * before C2's code is in place and the heap's pages are touched (see {@link SmaCrossBench}), ta4j
 * about eight on the long series; with fewer, a run measures tier-3 code and page faults. The
 * forked JVMs get the parent's class path (JMH's default) and the data root as {@code
 * -Dalphapulse.data}.
 */
final class EngineSuite {
  static final int QUICK_FORKS = 1;
  static final int QUICK_WARMUP = 4;
  static final int QUICK_MEASUREMENT = 3;
  static final int QUICK_TA4J_WARMUP = 10;

  /** Bars of the ta4j series whose retained size is measured (JOL walks every object). */
  static final int TA4J_FOOTPRINT_BARS = 100_000;

  private EngineSuite() {}

  /**
   * Runs the suite; JMH's log and the forks' output go to {@code log}.
   *
   * @throws RunnerException if JMH fails or a benchmark throws
   * @throws IllegalStateException if the market data or the benchmark list cannot be found
   */
  static EngineReport run(boolean quick, PrintStream log) throws RunnerException {
    if (EngineSuite.class.getClassLoader().getResource("META-INF/BenchmarkList") == null) {
      throw new IllegalStateException(
          "META-INF/BenchmarkList is not on the class path: the bench jar, compiled with JMH's"
              + " annotation processor, must be on it (JMH's forked JVMs reuse the class path)");
    }
    Path dataRoot = BenchData.dataRoot();
    BarSeries goog = BenchData.goog(); // fail here, with the path, rather than in every fork
    String smaCross = "^" + Pattern.quote(SmaCrossBench.class.getName() + ".");
    ChainedOptionsBuilder speed = common(dataRoot).include(smaCross + ".*");
    ChainedOptionsBuilder ta4j = null;
    ChainedOptionsBuilder memory =
        common(dataRoot).include("^" + Pattern.quote(FootprintBench.class.getName() + ".") + ".*");
    if (quick) {
      speed
          .exclude("\\.alphapulseWarmCache$")
          .exclude("\\.ta4j$")
          .forks(QUICK_FORKS)
          .warmupIterations(QUICK_WARMUP)
          .warmupTime(TimeValue.seconds(1))
          .measurementIterations(QUICK_MEASUREMENT)
          .measurementTime(TimeValue.seconds(1));
      ta4j =
          common(dataRoot)
              .include(smaCross + "ta4j$")
              .forks(QUICK_FORKS)
              .warmupIterations(QUICK_TA4J_WARMUP)
              .warmupTime(TimeValue.seconds(1))
              .measurementIterations(QUICK_MEASUREMENT)
              .measurementTime(TimeValue.seconds(1));
      // allocation per operation is exact after one operation; no need to wait for the JIT
      memory
          .forks(1)
          .warmupIterations(1)
          .warmupTime(TimeValue.seconds(1))
          .measurementIterations(1)
          .measurementTime(TimeValue.seconds(1));
    }
    List<RunResult> results = new ArrayList<>();
    results.addAll(runner(speed, log).run());
    if (ta4j != null) {
      results.addAll(runner(ta4j, log).run());
    }
    results.addAll(runner(memory, log).run());
    return report(quick, results, goog.size(), BenchData.synthetic1m(), log);
  }

  private static ChainedOptionsBuilder common(Path dataRoot) {
    return new OptionsBuilder()
        .addProfiler(GCProfiler.class)
        .jvmArgsAppend("-D" + BenchData.DATA_PROPERTY + "=" + dataRoot)
        .shouldFailOnError(true);
  }

  private static Runner runner(ChainedOptionsBuilder options, PrintStream log) {
    return new Runner(
        options.build(), OutputFormatFactory.createFormatInstance(log, VerboseMode.NORMAL));
  }

  static EngineReport report(
      boolean quick,
      Collection<RunResult> results,
      int googBars,
      BarSeries synthetic,
      PrintStream log) {
    int bars1m = synthetic.size();
    String mode = "avgt";
    String settings = "not run";
    for (RunResult r : results) {
      BenchmarkParams p = r.getParams();
      if (p.getBenchmark().startsWith(SmaCrossBench.class.getName())) {
        mode = p.getMode().shortLabel();
        settings = settings(p);
        break;
      }
    }
    BarSeries empty = synthetic.slice(0, 0);
    long fixed = Footprint.retainedBytes(empty, log);
    long total = Footprint.retainedBytes(synthetic, log);
    org.ta4j.core.BarSeries ta4jSeries =
        Ta4jSmaCross.toTa4j(synthetic.slice(0, Math.min(TA4J_FOOTPRINT_BARS, bars1m)));
    // ta4j's series reaches its logger; with logback on the class path (the app's launcher) JOL
    // cannot walk logback's hidden lambda classes, so the comparison figure is best effort.
    double ta4jPerBar;
    try {
      long ta4jFixed = Footprint.retainedBytes(Ta4jSmaCross.toTa4j(empty), log);
      long ta4jTotal = Footprint.retainedBytes(ta4jSeries, log);
      ta4jPerBar = (ta4jTotal - ta4jFixed) / (double) ta4jSeries.getBarCount();
    } catch (RuntimeException e) {
      log.println("bench: ta4j footprint not measured: " + e.getMessage());
      ta4jPerBar = Double.NaN;
    }
    RunResult footprint = find(results, FootprintBench.class.getName() + ".bytesPerBar", null);
    EngineReport.Memory memory =
        new EngineReport.Memory(
            synthetic.payloadBytes() / (double) bars1m,
            (total - fixed) / (double) bars1m,
            fixed,
            total / (double) bars1m,
            footprint == null ? Double.NaN : allocatedPerOp(footprint) / FootprintBench.BARS,
            Footprint.heapDeltaBytesPerBar(synthetic),
            ta4jPerBar);
    return new EngineReport(
        quick,
        mode,
        settings,
        googBars,
        bars1m,
        impl(results, "alphapulse", googBars, bars1m),
        impl(results, "alphapulseWarmCache", googBars, bars1m),
        impl(results, "minimalLoop", googBars, bars1m),
        impl(results, "ta4j", googBars, bars1m),
        memory);
  }

  private static EngineReport.Impl impl(
      Collection<RunResult> results, String method, int googBars, int bars1m) {
    String name = SmaCrossBench.class.getName() + "." + method;
    RunResult goog = find(results, name, BenchData.GOOG);
    RunResult oneM = find(results, name, BenchData.SYNTHETIC_1M);
    if (goog == null && oneM == null) {
      return EngineReport.Impl.missing();
    }
    return new EngineReport.Impl(
        barsPerSecond(goog, googBars),
        barsPerSecond(oneM, bars1m),
        goog == null ? Double.NaN : allocatedPerOp(goog) / googBars,
        oneM == null ? Double.NaN : allocatedPerOp(oneM) / bars1m);
  }

  private static RunResult find(Collection<RunResult> results, String benchmark, String dataset) {
    for (RunResult r : results) {
      BenchmarkParams p = r.getParams();
      if (p.getBenchmark().equals(benchmark)
          && (dataset == null || dataset.equals(p.getParam("dataset")))) {
        return r;
      }
    }
    return null;
  }

  /** Bars divided by the mean seconds per operation (the score is in the params' time unit). */
  private static double barsPerSecond(RunResult r, int bars) {
    if (r == null) {
      return Double.NaN;
    }
    double score = r.getPrimaryResult().getScore();
    TimeUnit unit = r.getParams().getTimeUnit();
    double secondsPerOp = score * unit.toNanos(1) / 1e9;
    return bars / secondsPerOp;
  }

  /** JMH GC profiler's bytes allocated per operation, or NaN. */
  private static double allocatedPerOp(RunResult r) {
    for (Map.Entry<String, Result<?>> e : secondary(r).entrySet()) {
      if (e.getKey().endsWith("gc.alloc.rate.norm")) {
        return e.getValue().getScore();
      }
    }
    return Double.NaN;
  }

  @SuppressWarnings({"unchecked", "rawtypes"}) // JMH declares the map with the raw Result type
  private static Map<String, Result<?>> secondary(RunResult r) {
    return (Map) r.getSecondaryResults();
  }

  private static String settings(BenchmarkParams p) {
    return String.format(
        java.util.Locale.ROOT,
        "forks %d, warmup %d x %s, measurement %d x %s",
        p.getForks(),
        p.getWarmup().getCount(),
        p.getWarmup().getTime(),
        p.getMeasurement().getCount(),
        p.getMeasurement().getTime());
  }
}
