package dev.alphapulse.jobs.research;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alphapulse.engine.backtest.BacktestConfig;
import dev.alphapulse.engine.backtest.BacktestResult;
import dev.alphapulse.engine.data.Universe;
import dev.alphapulse.engine.indicator.IndicatorCache;
import dev.alphapulse.engine.metrics.Metrics;
import dev.alphapulse.engine.strategy.StrategyRegistry;
import dev.alphapulse.jobs.ChunkExecutor;
import dev.alphapulse.jobs.DatasetRef;
import dev.alphapulse.jobs.JobSpec;
import dev.alphapulse.research.aggregate.AggregatorRegistry;
import dev.alphapulse.research.aggregate.ConfidenceInterval;
import dev.alphapulse.research.aggregate.MetricSamples;
import dev.alphapulse.research.aggregate.ResultAggregator;
import dev.alphapulse.research.aggregate.StrategyOutcome;
import dev.alphapulse.research.optimize.ResearchSpecException;
import dev.alphapulse.research.portfolio.EquityStatistics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code type: batch}: a list of (strategy, params, symbols) runs on the job's data, each
 * backtested once; the result lists every run's statistics, per-metric aggregates with confidence
 * intervals, the best run by Sharpe Ratio and the overfitting statistics of the batch.
 *
 * <pre>
 * batch:
 *   runs:
 *     - {strategy: sma-cross, params: {fast: 10, slow: 30}, priority: 5}
 *     - {strategy: momentum, symbols: [SYN0, SYN1]}
 *   aggregate: {Sharpe Ratio: mean, Return [%]: median}
 *   confidence: 0.95
 *   runs-per-chunk: 4
 *   overfitting: true
 * </pre>
 *
 * <p>Chunks are fixed up front: the runs ordered by priority (higher first, then file order), cut
 * into groups of {@code runs-per-chunk}. A run's statistics are those of a sweep run ({@link
 * ChunkExecutor#CONVENTION}); a single-symbol strategy on several symbols is run per symbol with an
 * equal share of the cash and summarised as one account ({@link BatchSections#backtest}).
 */
final class BatchKind implements ResearchKind {
  static final List<String> KEYS =
      List.of("runs", "aggregate", "confidence", "runs-per-chunk", "overfitting");
  static final List<String> RUN_KEYS = List.of("strategy", "params", "priority", "symbols");

  /** Most runs a batch may have. */
  static final int MAX_RUNS = 100_000;

  /** The metric the best run is chosen by (largest). */
  static final String BEST_METRIC = "Sharpe Ratio";

  /** Resamples of the bootstrap intervals (those of {@link ResultAggregator}). */
  static final int BOOTSTRAP_RESAMPLES = 10_000;

  /** One run of the batch, checked. */
  record Run(int index, BatchSections.StrategyRun run, int priority) {}

  /** A chunk's task: the runs it computes. */
  record Task(List<TaskRun> runs) {}

  /** One run of a task. */
  record TaskRun(int index, String strategy, Map<String, Number> params, List<String> symbols) {}

  /** A chunk's payload: one outcome per run of its task. */
  record Payload(List<Outcome> runs) {}

  /** A run's statistics, or the error it failed with (then {@code stats} is null). */
  record Outcome(int index, Map<String, Double> stats, String error) {}

  private final JobSpec spec;
  private final StrategyRegistry registry;
  private final List<Run> runs;
  private final Map<String, String> aggregate;
  private final double confidence;
  private final boolean overfitting;
  private final List<List<Integer>> chunks;

  private BatchKind(
      JobSpec spec,
      StrategyRegistry registry,
      List<Run> runs,
      Map<String, String> aggregate,
      double confidence,
      int perChunk,
      boolean overfitting) {
    this.spec = spec;
    this.registry = registry;
    this.runs = List.copyOf(runs);
    this.aggregate = aggregate;
    this.confidence = confidence;
    this.overfitting = overfitting;
    List<Run> ordered = new ArrayList<>(runs);
    ordered.sort(Comparator.comparingInt(Run::priority).reversed().thenComparingInt(Run::index));
    List<List<Integer>> c = new ArrayList<>();
    for (int from = 0; from < ordered.size(); from += perChunk) {
      c.add(
          ordered.subList(from, Math.min(ordered.size(), from + perChunk)).stream()
              .map(Run::index)
              .toList());
    }
    this.chunks = List.copyOf(c);
  }

  static ResearchKind create(
      JobSpec spec, JsonNode research, DatasetRef dataset, StrategyRegistry registry) {
    JsonNode batch = Sections.section(research, "batch");
    Sections.checkKeys(batch, "batch", KEYS);
    JsonNode list = BatchSections.list(batch, "runs", "batch", MAX_RUNS);
    List<Run> runs = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String path = "batch.runs[" + i + "]";
      JsonNode r = list.get(i);
      Sections.checkKeys(r, path, RUN_KEYS);
      BatchSections.StrategyRun run = BatchSections.strategyRun(r, path, registry, dataset);
      int priority = Sections.integer(r, "priority", path, 0, Integer.MIN_VALUE);
      runs.add(new Run(i, run, priority));
    }
    Map<String, String> aggregate = aggregate(batch);
    double confidence = Sections.number(batch, "confidence", "batch", 0.95);
    if (!(confidence > 0 && confidence < 1)) {
      throw new ResearchSpecException(
          "batch.confidence", "must be in (0, 1), e.g. 0.95; was " + confidence);
    }
    int perChunk = Sections.integer(batch, "runs-per-chunk", "batch", 4, 1);
    boolean overfitting = Sections.bool(batch, "overfitting", "batch", true);
    return new BatchKind(spec, registry, runs, aggregate, confidence, perChunk, overfitting);
  }

  /** The default per-metric aggregates. */
  static Map<String, String> defaultAggregate() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("Return [%]", "mean");
    m.put("Sharpe Ratio", "mean");
    m.put("Max. Drawdown [%]", "mean");
    return m;
  }

  private static Map<String, String> aggregate(JsonNode batch) {
    JsonNode a = batch.get("aggregate");
    if (a == null || a.isNull()) {
      return defaultAggregate();
    }
    if (!a.isObject() || a.isEmpty()) {
      throw new ResearchSpecException(
          "batch.aggregate", "must be a mapping of metric to method, was " + a);
    }
    AggregatorRegistry methods = AggregatorRegistry.standard();
    TreeSet<String> known = knownMetrics();
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : a.properties()) {
      String field = "batch.aggregate." + e.getKey();
      if (!known.contains(e.getKey())) {
        throw new ResearchSpecException(
            field, "unknown metric '" + e.getKey() + "'; known: " + String.join(", ", known));
      }
      String method = e.getValue().isTextual() ? e.getValue().asText().trim() : "";
      try {
        methods.get(method);
      } catch (IllegalArgumentException bad) {
        throw new ResearchSpecException(field, bad.getMessage());
      }
      out.put(e.getKey(), method);
    }
    return out;
  }

  /** Every statistic a run can report (those of a flat curve plus the trade statistics). */
  static TreeSet<String> knownMetrics() {
    long[] t = {0, 86_400_000L, 2 * 86_400_000L};
    double[] e = {1, 1, 1};
    TreeSet<String> known =
        new TreeSet<>(
            Metrics.compute(t, e, List.of(), e, 0, ChunkExecutor.CONVENTION).values().keySet());
    known.addAll(EquityStatistics.TRADE_KEYS);
    return known;
  }

  @Override
  public ResearchDriver driver() {
    List<String> tasks = new ArrayList<>();
    for (List<Integer> c : chunks) {
      List<TaskRun> t = new ArrayList<>();
      for (int i : c) {
        BatchSections.StrategyRun r = runs.get(i).run();
        t.add(new TaskRun(i, r.strategy(), BatchSections.paramMap(r.params()), r.symbols()));
      }
      tasks.add(Json.write(new Task(t)));
    }
    return new StaticDriver(tasks);
  }

  private BacktestConfig config() {
    return spec.backtest().toConfig();
  }

  @Override
  public String execute(String task, Universe universe) {
    Task t = Json.read(task, Task.class);
    IndicatorCache cache = new IndicatorCache();
    List<Outcome> out = new ArrayList<>();
    for (TaskRun r : t.runs()) {
      try {
        BacktestResult b =
            BatchSections.backtest(
                universe, r.strategy(), r.params(), r.symbols(), config(), registry, cache);
        out.add(
            new Outcome(r.index(), Metrics.compute(b, ChunkExecutor.CONVENTION).values(), null));
      } catch (RuntimeException e) {
        // a backtest is a pure function of its inputs: retrying the chunk would fail again
        out.add(new Outcome(r.index(), null, e.toString()));
      }
    }
    return Json.write(new Payload(out));
  }

  @Override
  public ObjectNode assemble(
      SortedMap<Integer, String> payloads, SortedMap<Integer, String> failures, Universe universe) {
    TreeMap<Integer, Outcome> outcomes = new TreeMap<>();
    TreeMap<Integer, Integer> chunkOf = new TreeMap<>();
    for (int c = 0; c < chunks.size(); c++) {
      for (int i : chunks.get(c)) {
        chunkOf.put(i, c);
      }
    }
    payloads.forEach(
        (chunk, p) -> {
          for (Outcome o : Json.read(p, Payload.class).runs()) {
            outcomes.put(o.index(), o);
          }
        });
    failures.forEach(
        (chunk, reason) -> {
          if (chunk < chunks.size() && !payloads.containsKey(chunk)) {
            for (int i : chunks.get(chunk)) {
              outcomes.putIfAbsent(i, new Outcome(i, null, "chunk given up: " + reason));
            }
          }
        });

    ObjectNode out = Json.object();
    out.put("type", "batch");
    out.put("runs", runs.size());
    out.put("chunks", chunks.size());
    ArrayNode results = out.putArray("results");
    ArrayNode failed = out.putArray("failures");
    List<StrategyOutcome> ok = new ArrayList<>();
    List<Run> okRuns = new ArrayList<>();
    int pending = 0;
    for (Run r : runs) {
      ObjectNode n = describe(r);
      n.put("chunk", chunkOf.get(r.index()));
      Outcome o = outcomes.get(r.index());
      if (o == null) {
        n.put("status", "pending");
        pending++;
      } else if (o.stats() == null) {
        n.put("status", "failed");
        n.put("error", o.error());
        ObjectNode f = describe(r);
        f.put("error", o.error());
        failed.add(f);
      } else {
        n.put("status", "ok");
        n.set("stats", Json.MAPPER.valueToTree(o.stats()));
        ok.add(outcome(r.index(), o.stats()));
        okRuns.add(r);
      }
      results.add(n);
    }
    out.put("completed", ok.size());
    out.put("failed", failed.size());
    out.put("pending", pending);
    out.set("aggregate", aggregates(ok));
    ResultAggregator agg = ResultAggregator.standard();
    if (ok.stream().anyMatch(o -> !Double.isNaN(o.stat(BEST_METRIC)))) {
      StrategyOutcome b = agg.best(ok, BEST_METRIC, ResultAggregator.Mode.MAX);
      Run r = runs.get(Integer.parseInt(b.name().substring(4)));
      ObjectNode best = describe(r);
      best.put("metric", BEST_METRIC);
      best.put("value", b.stat(BEST_METRIC));
      out.set("best", best);
    } else {
      out.putNull("best");
    }
    out.set("overfitting", overfitting(okRuns, universe));
    return out;
  }

  private static ObjectNode describe(Run r) {
    ObjectNode n = Json.object();
    n.put("index", r.index());
    n.put("strategy", r.run().strategy());
    n.set("params", Json.MAPPER.valueToTree(r.run().params().values()));
    n.set("symbols", Json.MAPPER.valueToTree(r.run().symbols()));
    n.put("priority", r.priority());
    return n;
  }

  /** A run's statistics as an outcome for the aggregator (named so that names sort by index). */
  private static StrategyOutcome outcome(int index, Map<String, Double> stats) {
    return new StrategyOutcome(
        String.format(java.util.Locale.ROOT, "run-%09d", index),
        stats,
        new double[] {1},
        new long[] {0});
  }

  private ObjectNode aggregates(List<StrategyOutcome> ok) {
    ResultAggregator agg = ResultAggregator.standard();
    MetricSamples samples = MetricSamples.of(ok);
    Map<String, Double> values = agg.aggregate(samples, aggregate);
    ObjectNode out = Json.object();
    aggregate.forEach(
        (metric, method) -> {
          ObjectNode m = Json.object();
          m.put("method", method);
          m.put("n", samples.count(metric));
          m.put("value", values.get(metric));
          ObjectNode ci = Json.object();
          ci.put("level", confidence);
          ci.set("t", interval(samples, metric, ResultAggregator.IntervalMethod.T, 2));
          ci.set(
              "bootstrap", interval(samples, metric, ResultAggregator.IntervalMethod.BOOTSTRAP, 1));
          m.set("meanConfidence", ci);
          out.set(metric, m);
        });
    return out;
  }

  private JsonNode interval(
      MetricSamples samples, String metric, ResultAggregator.IntervalMethod method, int minN) {
    if (samples.count(metric) < minN) {
      return Json.MAPPER.nullNode();
    }
    ConfidenceInterval ci =
        ResultAggregator.standard()
            .meanInterval(samples, metric, confidence, method, spec.seed() ^ metric.hashCode());
    return Json.MAPPER.valueToTree(ci);
  }

  /**
   * DSR and PBO over the completed runs' per-bar returns on the job's calendar, recomputed here
   * (runs are pure, so they give the workers' results) for at most {@link Overfitting#MAX_TRIALS}
   * runs in file order.
   */
  private ObjectNode overfitting(List<Run> ok, Universe universe) {
    if (!overfitting || universe == null) {
      ObjectNode n = Overfitting.of(List.of(), ok.size());
      n.put("note", overfitting ? "no data to recompute returns" : "disabled (overfitting: false)");
      return n;
    }
    IndicatorCache cache = new IndicatorCache();
    long[] calendar = universe.calendar();
    List<double[]> returns = new ArrayList<>();
    for (Run r : ok) {
      if (returns.size() >= Overfitting.MAX_TRIALS) {
        break;
      }
      BatchSections.StrategyRun s = r.run();
      BacktestResult b =
          BatchSections.backtest(
              universe, s.strategy(), s.params().values(), s.symbols(), config(), registry, cache);
      returns.add(Overfitting.returns(BatchSections.onCalendar(b, calendar)));
    }
    ObjectNode n = Overfitting.of(returns, ok.size());
    n.put("returns", "recomputed per-bar returns of the completed runs on the job's calendar");
    return n;
  }
}
