package dev.alphapulse.jobs;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A job as written in a YAML job file (see {@code docs/jobs.md}); parse it with {@link
 * JobSpecs#parseYaml} and check it against the strategies with {@link JobSpecs#validate}.
 *
 * <p>The compact constructor checks everything that needs no strategy registry and no file system
 * (so a spec built from protobuf or read back from a journal is held to the same rules as a parsed
 * one), failing with a {@link JobSpecException} that names the job-file field.
 *
 * @param type backtest (one value per parameter) or sweep
 * @param data where the bars come from
 * @param strategy registry name of the strategy, e.g. {@code sma-cross}
 * @param params candidate values per parameter, in file order (the first parameter varies slowest
 *     in the grid); a range is expanded inclusive, a fixed value is a one-element list; parameters
 *     not listed take their defaults. Values are {@link Integer} when whole and in int range, else
 *     {@link Double}; no duplicates within a list
 * @param backtest account and execution settings
 * @param parallelization how to split the job into chunks
 * @param maxRetries how often a failing chunk is retried before it is reported failed, {@code >= 0}
 * @param checkpointInterval events between snapshots of the job's coordinator, {@code >= 1}
 * @param seed the job seed per-item seeds derive from (Monte Carlo, issue #4)
 * @param ranges the parameters written as {@code {range: [from, to, step]}}, whose expansion is in
 *     {@code params}; used to name {@code params.NAME.range} in errors and to show the spec as
 *     written
 * @param research the research sections of the job file ({@code search-space}, {@code search},
 *     {@code scheduler}, {@code walk-forward}, {@code monte-carlo}, {@code batch}, {@code
 *     portfolio}) as one JSON object, checked by {@link dev.alphapulse.jobs.research.ResearchJobs};
 *     {@code null} for a backtest or sweep
 */
public record JobSpec(
    JobType type,
    DataSpec data,
    String strategy,
    Map<String, List<Number>> params,
    BacktestSettings backtest,
    Parallelization parallelization,
    int maxRetries,
    int checkpointInterval,
    long seed,
    Map<String, ParamRange> ranges,
    String research) {

  /** Largest parameter grid (product of the numbers of candidate values) a job may have. */
  public static final long MAX_GRID = 1_000_000;

  public JobSpec {
    if (type == null) {
      throw new JobSpecException("type", "is missing; expected backtest or sweep");
    }
    if (data == null) {
      throw new JobSpecException(
          "data", "is missing: give {synthetic: {...}} or {path: FILE_OR_DIR, symbols: [...]}");
    }
    boolean multiStrategy = type == JobType.BATCH || type == JobType.PORTFOLIO;
    if (strategy == null || strategy.isBlank()) {
      if (!multiStrategy) {
        throw new JobSpecException("strategy", "is missing: name a strategy, e.g. sma-cross");
      }
      strategy = "";
    }
    if (type.isResearch() && (research == null || research.isBlank())) {
      research = "{}";
    }
    if (!type.isResearch() && research != null) {
      throw new JobSpecException(
          "type", "a " + type.fileName() + " job has no research sections; " + research);
    }
    ranges = ranges == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(ranges));
    params = copyParams(params == null ? Map.of() : params, ranges);
    if (backtest == null) {
      throw new JobSpecException("backtest", "is missing");
    }
    if (parallelization == null) {
      throw new JobSpecException("parallelization", "is missing");
    }
    if (maxRetries < 0) {
      throw new JobSpecException("max-retries", "must be an integer >= 0, was " + maxRetries);
    }
    if (checkpointInterval < 1) {
      throw new JobSpecException(
          "checkpoint-interval", "must be an integer >= 1, was " + checkpointInterval);
    }
    long grid = gridSize(params);
    if (grid > MAX_GRID) {
      throw new JobSpecException(
          "params", "the grid has " + grid + " combinations; at most " + MAX_GRID);
    }
    if (type == JobType.BACKTEST || type == JobType.MONTE_CARLO) {
      for (Map.Entry<String, List<Number>> e : params.entrySet()) {
        if (e.getValue().size() > 1) {
          throw new JobSpecException(
              paramPath(e.getKey(), ranges),
              "a backtest takes one value per parameter, "
                  + e.getValue().size()
                  + " given; use type: sweep");
        }
      }
    }
    ParallelizationStrategy split = parallelization.strategy();
    if (split == ParallelizationStrategy.MONTE_CARLO && type != JobType.MONTE_CARLO) {
      throw new JobSpecException(
          "parallelization.strategy",
          "MONTE_CARLO splits the paths of a monte-carlo job; a "
              + type.fileName()
              + " job uses PARAMETER_BASED, SYMBOL_BASED, TIME_BASED or AUTO");
    }
    if (split == ParallelizationStrategy.TIME_BASED && grid > 1) {
      throw new JobSpecException(
          "parallelization.strategy",
          "TIME_BASED splits one backtest in time and needs exactly one parameter set, but the"
              + " grid has "
              + grid
              + "; give one value per parameter");
    }
  }

  /** A backtest or sweep (no research sections). */
  public JobSpec(
      JobType type,
      DataSpec data,
      String strategy,
      Map<String, List<Number>> params,
      BacktestSettings backtest,
      Parallelization parallelization,
      int maxRetries,
      int checkpointInterval,
      long seed,
      Map<String, ParamRange> ranges) {
    this(
        type,
        data,
        strategy,
        params,
        backtest,
        parallelization,
        maxRetries,
        checkpointInterval,
        seed,
        ranges,
        null);
  }

  /** The job without ranges (every parameter given as values). */
  public JobSpec(
      JobType type,
      DataSpec data,
      String strategy,
      Map<String, List<Number>> params,
      BacktestSettings backtest,
      Parallelization parallelization,
      int maxRetries,
      int checkpointInterval,
      long seed) {
    this(
        type,
        data,
        strategy,
        params,
        backtest,
        parallelization,
        maxRetries,
        checkpointInterval,
        seed,
        Map.of());
  }

  /** Number of combinations of the candidate values, before strategy constraints. */
  public long gridSize() {
    return gridSize(params);
  }

  /**
   * The field path of value {@code index} of parameter {@code name}: {@code params.NAME.range} for
   * a range, {@code params.NAME} for a single value, else {@code params.NAME[index]}.
   */
  public String valuePath(String name, int index) {
    return valuePath(name, index, params.getOrDefault(name, List.of()).size(), ranges);
  }

  /**
   * {@code n} as a parameter value: {@link Integer} when it is an integral type in int range, else
   * {@link Double}.
   */
  public static Number normalize(Number n) {
    if (n instanceof Integer) {
      return n;
    }
    if (n instanceof Long || n instanceof Short || n instanceof Byte || n instanceof BigInteger) {
      long v = n.longValue();
      if (n instanceof BigInteger b && b.bitLength() > 63) {
        return b.doubleValue();
      }
      return v == (int) v ? (Number) Integer.valueOf((int) v) : (Number) Double.valueOf(v);
    }
    return n.doubleValue();
  }

  private static Map<String, List<Number>> copyParams(
      Map<String, ? extends List<? extends Number>> raw, Map<String, ParamRange> ranges) {
    Map<String, List<Number>> out = new LinkedHashMap<>();
    for (Map.Entry<String, ? extends List<? extends Number>> e : raw.entrySet()) {
      String name = e.getKey();
      if (name == null || name.isBlank()) {
        throw new JobSpecException("params", "a parameter name is empty");
      }
      List<? extends Number> values = e.getValue();
      if (values == null || values.isEmpty()) {
        throw new JobSpecException("params." + name, "has no values");
      }
      List<Number> copy = new ArrayList<>(values.size());
      Set<Double> seen = new HashSet<>();
      for (int i = 0; i < values.size(); i++) {
        Number v = values.get(i);
        String path = valuePath(name, i, values.size(), ranges);
        if (v == null || !Double.isFinite(v.doubleValue())) {
          throw new JobSpecException(path, "must be a finite number, was " + v);
        }
        Number n = normalize(v);
        if (!seen.add(n.doubleValue())) {
          throw new JobSpecException(path, "duplicate value " + JobSpecs.format(n.doubleValue()));
        }
        copy.add(n);
      }
      ParamRange range = ranges.get(name);
      if (range != null && !range.values().equals(copy)) {
        throw new JobSpecException(
            "params." + name + ".range", "does not match its expansion " + copy);
      }
      out.put(name, List.copyOf(copy));
    }
    for (String name : ranges.keySet()) {
      if (!out.containsKey(name)) {
        throw new JobSpecException("params." + name + ".range", "has no expansion in params");
      }
    }
    return Collections.unmodifiableMap(out);
  }

  private static long gridSize(Map<String, List<Number>> params) {
    long g = 1;
    for (List<Number> values : params.values()) {
      g = Math.multiplyHigh(g, values.size()) != 0 ? Long.MAX_VALUE : g * values.size();
      if (g < 0) {
        g = Long.MAX_VALUE;
      }
    }
    return g;
  }

  private static String paramPath(String name, Map<String, ParamRange> ranges) {
    return ranges.containsKey(name) ? "params." + name + ".range" : "params." + name;
  }

  private static String valuePath(
      String name, int index, int size, Map<String, ParamRange> ranges) {
    if (ranges.containsKey(name)) {
      return "params." + name + ".range";
    }
    return size == 1 ? "params." + name : "params." + name + "[" + index + "]";
  }
}
