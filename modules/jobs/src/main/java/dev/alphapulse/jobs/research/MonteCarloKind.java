package dev.alphapulse.jobs.research;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alphapulse.engine.backtest.Backtest;
import dev.alphapulse.engine.backtest.BacktestResult;
import dev.alphapulse.engine.broker.Trade;
import dev.alphapulse.engine.data.Universe;
import dev.alphapulse.engine.metrics.Metrics;
import dev.alphapulse.engine.strategy.Params;
import dev.alphapulse.engine.strategy.StrategyDescriptor;
import dev.alphapulse.engine.strategy.StrategyRegistry;
import dev.alphapulse.jobs.ChunkExecutor;
import dev.alphapulse.jobs.DatasetRef;
import dev.alphapulse.jobs.JobSpec;
import dev.alphapulse.jobs.ParallelizationStrategy;
import dev.alphapulse.research.montecarlo.MonteCarloBands;
import dev.alphapulse.research.montecarlo.MonteCarloMethod;
import dev.alphapulse.research.montecarlo.MonteCarloModel;
import dev.alphapulse.research.montecarlo.MonteCarloSpec;
import dev.alphapulse.research.montecarlo.MonteCarloSummary;
import dev.alphapulse.research.montecarlo.PathBatch;
import dev.alphapulse.research.optimize.ResearchSpecException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * {@code type: monte-carlo}: one base backtest (the job's strategy and single parameter values),
 * whose per-bar returns (or per-trade returns for {@code trade-resample}) are resampled into many
 * equity paths. Chunks are batches of paths {@code [from, to)}; a worker recomputes the base
 * backtest from the data (nothing cached between tasks), simulates its paths with {@link
 * MonteCarloModel} and returns their statistics. Path {@code i} draws from a seed derived from
 * {@code (seed, i)} alone, so the result is the same bit for bit however the paths are chunked and
 * in whatever order the payloads arrive.
 *
 * <p>The input returns: per-bar simple returns of the base equity curve from the bar after the
 * strategy's warm-up on ({@code E_t / E_(t-1) - 1} for {@code t > warmup}), or the closed trades'
 * {@code returnPct} in closing order.
 */
final class MonteCarloKind implements ResearchKind {
  /** Paths per chunk when the chunk size is {@code auto}. */
  static final int AUTO_PATHS_PER_CHUNK = 2000;

  /** Target largest payload, in characters of JSON. */
  static final long PAYLOAD_BUDGET = 900_000;

  /** Estimated JSON characters of one path's statistics (5 doubles). */
  static final long PATH_CHARS = 130;

  /** Estimated JSON characters of one point of a kept equity curve. */
  static final long CURVE_POINT_CHARS = 24;

  /** One chunk's task: the paths {@code [from, to)}. */
  record Task(long from, long to) {}

  private final JobSpec spec;
  private final StrategyDescriptor strategy;
  private final Params params;
  private final MonteCarloSettings settings;
  private final DatasetRef dataset;

  private MonteCarloKind(
      JobSpec spec,
      StrategyDescriptor strategy,
      Params params,
      MonteCarloSettings settings,
      DatasetRef dataset) {
    this.spec = spec;
    this.strategy = strategy;
    this.params = params;
    this.settings = settings;
    this.dataset = dataset;
  }

  static ResearchKind create(
      JobSpec spec, JsonNode research, DatasetRef dataset, StrategyRegistry registry) {
    StrategyDescriptor strategy = ResearchJobs.strategy(spec, registry);
    Map<String, Number> raw = new LinkedHashMap<>();
    spec.params().forEach((k, v) -> raw.put(k, v.get(0)));
    Params params;
    try {
      params = strategy.resolve(raw);
    } catch (IllegalArgumentException e) {
      throw new ResearchSpecException("params", e.getMessage());
    }
    ParallelizationStrategy split = spec.parallelization().strategy();
    if (split != ParallelizationStrategy.AUTO && split != ParallelizationStrategy.MONTE_CARLO) {
      throw new ResearchSpecException(
          "parallelization.strategy",
          "a monte-carlo job splits its paths: use MONTE_CARLO or AUTO, was " + split);
    }
    MonteCarloSettings settings = MonteCarloSettings.parse(research);
    if (!settings.symbol().isEmpty()) {
      if (strategy.multiSymbol()) {
        throw new ResearchSpecException(
            "monte-carlo.symbol",
            "strategy " + spec.strategy() + " trades the whole universe; symbol must be absent");
      }
      if (dataset != null && !dataset.symbols().contains(settings.symbol())) {
        throw new ResearchSpecException(
            "monte-carlo.symbol",
            "unknown symbol '" + settings.symbol() + "'; the data has " + dataset.symbols());
      }
    }
    if (dataset != null && settings.method() != MonteCarloMethod.TRADE_RESAMPLE) {
      int min = settings.method().parametric() ? 3 : 2;
      if (dataset.bars() < min) {
        throw new ResearchSpecException(
            "data",
            "a monte-carlo job needs at least " + min + " bars, the data has " + dataset.bars());
      }
    }
    return new MonteCarloKind(spec, strategy, params, settings, dataset);
  }

  @Override
  public ResearchDriver driver() {
    if (dataset == null) {
      throw new IllegalStateException("a monte-carlo job needs its dataset to plan its chunks");
    }
    List<String> tasks = new ArrayList<>();
    for (long[] r : ranges(settings.paths(), pathsPerChunk(), settings.fanPaths(), stepsBound())) {
      tasks.add(Json.write(new Task(r[0], r[1])));
    }
    return new StaticDriver(tasks);
  }

  private int pathsPerChunk() {
    return spec.parallelization().autoChunkSize()
        ? AUTO_PATHS_PER_CHUNK
        : spec.parallelization().chunkSize();
  }

  /** Steps per path, or a bound for planning when they depend on the trades. */
  private int stepsBound() {
    if (settings.steps() > 0) {
      return settings.steps();
    }
    return settings.method() == MonteCarloMethod.TRADE_RESAMPLE
        ? dataset.bars() * Math.max(1, dataset.symbols().size())
        : dataset.bars() - 1;
  }

  /**
   * Cuts {@code [0, paths)} into ranges of at most {@code perChunk} paths whose estimated payload
   * stays within {@link #PAYLOAD_BUDGET} (at least one path each).
   */
  static List<long[]> ranges(int paths, int perChunk, int fanPaths, int steps) {
    List<long[]> out = new ArrayList<>();
    long curve = (steps + 1L) * CURVE_POINT_CHARS;
    int from = 0;
    while (from < paths) {
      int to = from;
      long size = 0;
      while (to < paths && to - from < perChunk) {
        long cost = PATH_CHARS + (to < fanPaths ? curve : 0);
        if (to > from && size + cost > PAYLOAD_BUDGET) {
          break;
        }
        size += cost;
        to++;
      }
      out.add(new long[] {from, to});
      from = to;
    }
    return out;
  }

  @Override
  public String execute(String task, Universe universe) {
    Task t = Json.read(task, Task.class);
    Inputs in = inputs(universe);
    MonteCarloModel model = MonteCarloModel.create(in.spec, in.returns);
    PathBatch b = model.simulate(t.from(), t.to());
    return Json.write(
        MonteCarloPayload.of(
            t.from(), t.to(), in.spec.steps(), in.returns.length, in.spec.periodsPerYear(), b));
  }

  /** The model's inputs on the job's data. */
  record Inputs(MonteCarloSpec spec, double[] returns, BacktestResult base) {}

  Inputs inputs(Universe universe) {
    BacktestResult r = base(universe);
    double[] returns;
    double ppy = settings.periodsPerYear();
    if (settings.method() == MonteCarloMethod.TRADE_RESAMPLE) {
      returns = r.trades().stream().mapToDouble(Trade::returnPct).toArray();
      if (returns.length == 0) {
        throw new IllegalArgumentException(
            "the base backtest made no trades; trade-resample needs at least one");
      }
      if (ppy == 0) {
        long[] cal = r.universe().calendar();
        double years = (cal[cal.length - 1] - cal[0]) / (365.25 * 86_400_000.0);
        ppy = years > 0 ? returns.length / years : returns.length;
      }
    } else {
      returns = barReturns(r);
      if (ppy == 0) {
        ppy = 252;
      }
    }
    int steps = settings.steps() > 0 ? settings.steps() : returns.length;
    MonteCarloSpec mc =
        new MonteCarloSpec(
            settings.method(),
            spec.seed(),
            spec.backtest().cash(),
            steps,
            ppy,
            settings.ruinThreshold(),
            settings.blockSize(),
            settings.degreesOfFreedom(),
            settings.fanPaths());
    return new Inputs(mc, returns, r);
  }

  /** The base backtest on the job's data (the chosen symbol, or the universe). */
  BacktestResult base(Universe universe) {
    Universe u = universe;
    if (!strategy.multiSymbol()) {
      int s = settings.symbol().isEmpty() ? 0 : universe.indexOf(settings.symbol());
      if (s < 0) {
        throw new IllegalArgumentException("the data has no symbol " + settings.symbol());
      }
      u = universe.symbolCount() == 1 ? universe : Universe.of(universe.series(s));
    }
    return Backtest.run(u, strategy.create(params), spec.backtest().toConfig());
  }

  /** Per-bar simple returns after the warm-up (0 where the equity was not positive). */
  static double[] barReturns(BacktestResult r) {
    double[] eq = r.equity();
    int first = Math.max(1, Math.min(eq.length - 1, r.warmup() + 1));
    double[] out = new double[Math.max(0, eq.length - first)];
    for (int t = first; t < eq.length; t++) {
      out[t - first] = eq[t - 1] > 0 ? eq[t] / eq[t - 1] - 1 : 0;
    }
    return out;
  }

  @Override
  public ObjectNode assemble(
      SortedMap<Integer, String> payloads, SortedMap<Integer, String> failures, Universe universe) {
    List<MonteCarloPayload> parts = new ArrayList<>();
    for (String p : payloads.values()) {
      parts.add(Json.read(p, MonteCarloPayload.class));
    }
    parts.sort(Comparator.comparingLong(MonteCarloPayload::from));
    ObjectNode out = Json.object();
    out.put("type", "monte-carlo");
    out.put("strategy", spec.strategy());
    out.set("params", Json.MAPPER.valueToTree(params.values()));
    out.put("method", settings.methodName());
    out.put("seed", spec.seed());
    out.put("requestedPaths", settings.paths());
    out.put("startingEquity", spec.backtest().cash());
    if (settings.method() == MonteCarloMethod.BLOCK_BOOTSTRAP) {
      out.put("blockSize", settings.blockSize());
    }
    if (settings.method() == MonteCarloMethod.STUDENT_T) {
      out.put("degreesOfFreedom", settings.degreesOfFreedom());
    }
    BacktestResult base = base(universe);
    if (!strategy.multiSymbol()) {
      out.put("symbol", base.universe().symbol(0));
    }
    out.set(
        "base", Json.MAPPER.valueToTree(Metrics.compute(base, ChunkExecutor.CONVENTION).values()));
    int n = 0;
    for (MonteCarloPayload p : parts) {
      n += p.size();
    }
    out.put("paths", n);
    out.put("complete", failures.isEmpty() && n == settings.paths());
    ObjectNode failed = out.putObject("failedChunks");
    failures.forEach((id, why) -> failed.put(String.valueOf(id), why));
    if (n == 0) {
      out.putNull("summary");
      return out;
    }
    MonteCarloPayload first = parts.get(0);
    out.put("steps", first.steps());
    out.put("inputs", first.inputs());
    out.put("periodsPerYear", first.periodsPerYear());
    double[] fe = concat(parts, MonteCarloPayload::finalEquity, n);
    double[] minEq = concat(parts, MonteCarloPayload::minEquity, n);
    MonteCarloSummary s =
        summary(
            fe,
            concat(parts, MonteCarloPayload::cagr, n),
            concat(parts, MonteCarloPayload::maxDrawdown, n),
            concat(parts, MonteCarloPayload::sharpe, n),
            minEq,
            spec.backtest().cash(),
            settings.ruinThreshold(),
            settings.varLevel(),
            settings.percentiles());
    out.set("finalEquity", bands(s.finalEquity()));
    out.set("cagr", bands(s.cagr()));
    out.set("maxDrawdown", bands(s.maxDrawdown()));
    out.set("sharpe", bands(s.sharpe()));
    out.put("varLevel", s.level());
    out.put("var", s.valueAtRisk());
    out.put("cvar", s.conditionalValueAtRisk());
    out.put("probabilityOfLoss", s.probabilityOfLoss());
    out.put("probabilityOfRuin", s.probabilityOfRuin());
    out.put("ruinThreshold", s.ruinThreshold());
    List<double[]> curves = new ArrayList<>();
    for (MonteCarloPayload p : parts) {
      curves.addAll(Arrays.asList(p.fanCurves()));
    }
    out.set("fan", curves.isEmpty() ? null : fan(curves, settings.percentiles()));
    return out;
  }

  private static double[] concat(
      List<MonteCarloPayload> parts,
      java.util.function.Function<MonteCarloPayload, double[]> column,
      int n) {
    double[] out = new double[n];
    int k = 0;
    for (MonteCarloPayload p : parts) {
      double[] c = column.apply(p);
      System.arraycopy(c, 0, out, k, c.length);
      k += c.length;
    }
    return out;
  }

  /**
   * {@link MonteCarloSummary#of} over per-path columns (the same definitions: VaR and CVaR of the
   * path returns over the {@code max(1, ceil(n (1 - level) - 1e-9))} worst paths, ruin when the
   * minimum equity fell strictly below {@code ruinThreshold * startingEquity}).
   */
  static MonteCarloSummary summary(
      double[] finalEquity,
      double[] cagr,
      double[] maxDrawdown,
      double[] sharpe,
      double[] minEquity,
      double startingEquity,
      double ruinThreshold,
      double level,
      double[] extraPercentiles) {
    int n = finalEquity.length;
    double[] returns = new double[n];
    int losses = 0;
    for (int i = 0; i < n; i++) {
      returns[i] = finalEquity[i] / startingEquity - 1;
      if (finalEquity[i] < startingEquity) {
        losses++;
      }
    }
    Arrays.sort(returns);
    int k = (int) Math.max(1, Math.min(n, Math.ceil(n * (1 - level) - 1e-9)));
    double tail = 0;
    for (int i = 0; i < k; i++) {
      tail += returns[i];
    }
    double ruinLevel = ruinThreshold * startingEquity;
    int ruined = 0;
    for (double m : minEquity) {
      if (m < ruinLevel) {
        ruined++;
      }
    }
    return new MonteCarloSummary(
        n,
        MonteCarloBands.of(finalEquity, extraPercentiles),
        MonteCarloBands.of(cagr, extraPercentiles),
        MonteCarloBands.of(maxDrawdown, extraPercentiles),
        MonteCarloBands.of(sharpe, extraPercentiles),
        level,
        -returns[k - 1],
        -tail / k,
        (double) losses / n,
        ruinThreshold,
        (double) ruined / n);
  }

  private static ObjectNode bands(MonteCarloBands b) {
    ObjectNode o = Json.object();
    o.set("percentiles", Json.MAPPER.valueToTree(b.percentiles()));
    o.set("values", Json.MAPPER.valueToTree(b.values()));
    return o;
  }

  /** Per-point percentile bands of the kept curves (as {@code FanChart.of}). */
  static ObjectNode fan(List<double[]> curves, double[] extraPercentiles) {
    int points = curves.get(0).length;
    double[] column = new double[curves.size()];
    List<double[]> bands = new ArrayList<>();
    List<Double> ps = null;
    for (int t = 0; t < points; t++) {
      for (int i = 0; i < column.length; i++) {
        column[i] = curves.get(i)[t];
      }
      MonteCarloBands b = MonteCarloBands.of(column, extraPercentiles);
      if (ps == null) {
        ps = b.percentiles();
        for (int j = 0; j < ps.size(); j++) {
          bands.add(new double[points]);
        }
      }
      for (int j = 0; j < ps.size(); j++) {
        bands.get(j)[t] = b.values().get(j);
      }
    }
    ObjectNode o = Json.object();
    o.set("percentiles", Json.MAPPER.valueToTree(ps));
    o.put("paths", curves.size());
    o.put("points", points);
    ArrayNode arr = o.putArray("bands");
    for (double[] band : bands) {
      arr.add(Json.MAPPER.valueToTree(band));
    }
    return o;
  }
}
