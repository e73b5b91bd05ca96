package dev.alphapulse.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * The figures of the research suite ({@link ResearchSuite}): seconds are wall seconds per operation
 * (a whole sweep, study or simulation), the mean over the measured iterations unless named {@code
 * _best}; unmeasured figures are NaN (null in JSON).
 *
 * @param quick whether this was the quick run
 * @param reps warm-up and measurement iterations
 * @param sizes the workloads
 * @param tpeTrials trials of the TPE study
 * @param sweepSeconds one warm sweep: the mean of the measured iterations after the first
 * @param sweepSecondsBest the fastest of those
 * @param sweepColdSeconds the first measured sweep, in a fresh JVM (JIT compilation and the SMA
 *     columns included)
 * @param sweepHeapMb peak used heap of a sweep (the largest over the measured iterations), MB
 * @param sweepLiveHeapMb peak heap occupancy right after a collection during a sweep, MB
 * @param trialsSeconds one random-search study
 * @param trialsSecondsBest the fastest one
 * @param tpeSeconds one TPE study of {@code tpeTrials} trials
 * @param monteCarloSeconds one simulation
 * @param monteCarloSecondsBest the fastest one
 */
record ResearchReport(
    boolean quick,
    ResearchSuite.Repetitions reps,
    ResearchSuite.Sizes sizes,
    int tpeTrials,
    double sweepSeconds,
    double sweepSecondsBest,
    double sweepColdSeconds,
    double sweepHeapMb,
    double sweepLiveHeapMb,
    double trialsSeconds,
    double trialsSecondsBest,
    double tpeSeconds,
    double monteCarloSeconds,
    double monteCarloSecondsBest) {

  /** The goals. */
  static final double GOAL_SWEEP_SECONDS = 5;

  static final double GOAL_SWEEP_HEAP_MB = 512;
  static final double GOAL_TRIALS_SECONDS = 5;
  static final double GOAL_MONTE_CARLO_SECONDS = 2;

  int sweepRuns() {
    return sizes.fastCount() * sizes.slowCount();
  }

  ObjectNode toJson(ObjectMapper mapper) {
    ObjectNode o = mapper.createObjectNode();
    o.put("suite", "research");
    o.put("quick", quick);
    o.put("jmh_mode", "ss");
    o.put(
        "jmh_settings",
        String.format(
            Locale.ROOT,
            "forks %d; warmup/measurement: sweep %d/%d, trials %d/%d, tpe %d/%d, monte carlo %d/%d",
            reps.forks(),
            reps.sweepWarmup(),
            reps.sweepMeasure(),
            reps.trialsWarmup(),
            reps.trialsMeasure(),
            reps.tpeWarmup(),
            reps.tpeMeasure(),
            reps.monteCarloWarmup(),
            reps.monteCarloMeasure()));
    num(o, "sweep_seconds", sweepSeconds);
    num(o, "sweep_seconds_best", sweepSecondsBest);
    num(o, "sweep_cold_seconds", sweepColdSeconds);
    num(o, "sweep_heap_mb", sweepHeapMb);
    num(o, "sweep_live_heap_mb", sweepLiveHeapMb);
    o.put("sweep_max_heap_mb", 512);
    o.put("sweep_runs", sweepRuns());
    o.put("sweep_bars", sizes.bars());
    num(o, "sweep_runs_per_second", sweepRuns() / sweepSeconds);
    num(o, "sweep_bar_steps_per_second", (double) sweepRuns() * sizes.bars() / sweepSeconds);
    o.put("sweep_path", "JobPlanner + ChunkExecutor, 2 threads, shared IndicatorCache");
    num(o, "trials_seconds", trialsSeconds);
    num(o, "trials_seconds_best", trialsSecondsBest);
    o.put("trials", sizes.trials());
    num(o, "trials_per_second", sizes.trials() / trialsSeconds);
    num(o, "tpe_trials_seconds", tpeSeconds);
    o.put("tpe_trials", tpeTrials);
    num(o, "monte_carlo_seconds", monteCarloSeconds);
    num(o, "monte_carlo_seconds_best", monteCarloSecondsBest);
    o.put("monte_carlo_paths", sizes.paths());
    o.put("monte_carlo_steps", sizes.steps());
    ObjectNode goals = o.putObject("goals");
    goals.put("sweep_seconds", GOAL_SWEEP_SECONDS);
    goals.put("sweep_heap_mb", GOAL_SWEEP_HEAP_MB);
    goals.put("trials_seconds", GOAL_TRIALS_SECONDS);
    goals.put("monte_carlo_seconds", GOAL_MONTE_CARLO_SECONDS);
    ObjectNode met = o.putObject("goals_met");
    met.put("sweep_seconds", sweepSeconds <= GOAL_SWEEP_SECONDS);
    met.put("sweep_heap_mb", sweepHeapMb <= GOAL_SWEEP_HEAP_MB);
    met.put("trials_seconds", trialsSeconds <= GOAL_TRIALS_SECONDS);
    met.put("monte_carlo_seconds", monteCarloSeconds <= GOAL_MONTE_CARLO_SECONDS);
    return o;
  }

  String toTable() {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "research suite%s (JMH single-shot; mean of the measured iterations, best in"
                + " brackets; the sweep's are those after its cold first one)%n",
            quick ? " --quick" : ""));
    b.append(String.format(Locale.ROOT, "%-52s %16s %10s%n", "workload", "seconds", "goal"));
    row(
        b,
        String.format(
            Locale.ROOT, "sweep: %,d sma-cross sets x %,d bars", sweepRuns(), sizes.bars()),
        sweepSeconds,
        sweepSecondsBest,
        "<= 5 s");
    row(b, "  cold: the first sweep of a fresh JVM", sweepColdSeconds, Double.NaN, "-");
    b.append(
        String.format(
            Locale.ROOT,
            "%-52s %16s %10s%n",
            "  heap: peak used (after a GC), -Xmx512m",
            Double.isNaN(sweepHeapMb)
                ? "-"
                : String.format(Locale.ROOT, "%.0f (%.0f) MB", sweepHeapMb, sweepLiveHeapMb),
            "<= 512 MB"));
    row(
        b,
        String.format(Locale.ROOT, "trials: %,d, random search, FIFO", sizes.trials()),
        trialsSeconds,
        trialsSecondsBest,
        "<= 5 s");
    row(
        b,
        String.format(Locale.ROOT, "trials: %,d, TPE, FIFO", tpeTrials),
        tpeSeconds,
        Double.NaN,
        "-");
    row(
        b,
        String.format(
            Locale.ROOT,
            "monte carlo: %,d block-bootstrap paths x %,d steps",
            sizes.paths(),
            sizes.steps()),
        monteCarloSeconds,
        monteCarloSecondsBest,
        "<= 2 s");
    return b.toString();
  }

  private static void row(StringBuilder b, String name, double mean, double best, String goal) {
    String value =
        Double.isNaN(mean)
            ? "-"
            : Double.isNaN(best)
                ? String.format(Locale.ROOT, "%.2f", mean)
                : String.format(Locale.ROOT, "%.2f (%.2f)", mean, best);
    b.append(String.format(Locale.ROOT, "%-52s %16s %10s%n", name, value, goal));
  }

  private static void num(ObjectNode o, String key, double value) {
    if (Double.isFinite(value)) {
      o.put(key, value);
    } else {
      o.putNull(key);
    }
  }
}
