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
import dev.alphapulse.research.optimize.ResearchSpecException;
import dev.alphapulse.research.portfolio.Allocation;
import dev.alphapulse.research.portfolio.CoMoments;
import dev.alphapulse.research.portfolio.EquityStatistics;
import dev.alphapulse.research.portfolio.MomentSummary;
import dev.alphapulse.research.portfolio.Rebalance;
import dev.alphapulse.research.portfolio.SleeveCombination;
import dev.alphapulse.research.portfolio.SleevePortfolio;
import dev.alphapulse.research.portfolio.SymbolSummaries;
import dev.alphapulse.research.portfolio.UniverseReturns;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code type: portfolio}: several strategies (sleeves) sharing one account, combined with an
 * allocation and periodic rebalancing ({@link SleevePortfolio#combine}: weights from trailing
 * returns only, no look-ahead).
 *
 * <pre>
 * portfolio:
 *   sleeves:
 *     - {strategy: sma-cross, params: {fast: 10, slow: 30}, symbols: [SYN00]}
 *     - {name: rotation, strategy: momentum}
 *   allocation: risk-parity    # fixed | equal | inverse-volatility | minimum-variance | risk-parity
 *   weights: [0.6, 0.4]        # fixed only
 *   rebalance: 21              # bars between rebalances, 0 = never after bar 0
 *   lookback: 63               # trailing return rows the weights are estimated on
 *   capital: 100000            # default backtest.cash
 * </pre>
 *
 * <p>One chunk per sleeve: the node backtests the sleeve ({@link BatchSections#backtest}, as {@link
 * dev.alphapulse.research.portfolio.PortfolioBacktest#runSleeve}) with the portfolio's capital and
 * returns its per-bar returns on the job's calendar and its statistics. Assembling combines the
 * sleeves exactly as {@link dev.alphapulse.research.portfolio.PortfolioBacktest#run} would on one
 * node.
 */
final class PortfolioKind implements ResearchKind {
  static final List<String> KEYS =
      List.of("sleeves", "allocation", "weights", "rebalance", "lookback", "capital");
  static final List<String> SLEEVE_KEYS = List.of("name", "strategy", "params", "symbols");

  /** Most sleeves a portfolio may have. */
  static final int MAX_SLEEVES = 200;

  /** Most points of the equity curve in the result (see {@link #equityCurve}). */
  static final int MAX_POINTS = 2000;

  /** Return rows per block of the chunked co-moment and symbol-summary accumulation. */
  static final int BLOCK_ROWS = 256;

  /** One sleeve, checked. */
  record Sleeve(int index, String name, BatchSections.StrategyRun run) {}

  /** A chunk's task: one sleeve. */
  record Task(
      int sleeve, String name, String strategy, Map<String, Number> params, List<String> symbols) {}

  /**
   * A chunk's payload.
   *
   * @param returns the sleeve's per-bar simple returns on the job's calendar ({@code returns[0] =
   *     0})
   */
  record Payload(int sleeve, double[] returns, Map<String, Double> stats) {}

  private final JobSpec spec;
  private final StrategyRegistry registry;
  private final List<Sleeve> sleeves;
  private final String allocation;
  private final double[] weights;
  private final int rebalance;
  private final int lookback;
  private final double capital;

  private PortfolioKind(
      JobSpec spec,
      StrategyRegistry registry,
      List<Sleeve> sleeves,
      String allocation,
      double[] weights,
      int rebalance,
      int lookback,
      double capital) {
    this.spec = spec;
    this.registry = registry;
    this.sleeves = List.copyOf(sleeves);
    this.allocation = allocation;
    this.weights = weights;
    this.rebalance = rebalance;
    this.lookback = lookback;
    this.capital = capital;
  }

  static ResearchKind create(
      JobSpec spec, JsonNode research, DatasetRef dataset, StrategyRegistry registry) {
    JsonNode p = Sections.section(research, "portfolio");
    Sections.checkKeys(p, "portfolio", KEYS);
    JsonNode list = BatchSections.list(p, "sleeves", "portfolio", MAX_SLEEVES);
    List<Sleeve> sleeves = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<Boolean> explicit = new ArrayList<>();
    List<BatchSections.StrategyRun> runs = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String path = "portfolio.sleeves[" + i + "]";
      JsonNode s = list.get(i);
      Sections.checkKeys(s, path, SLEEVE_KEYS);
      BatchSections.StrategyRun run = BatchSections.strategyRun(s, path, registry, dataset);
      String name = Sections.text(s, "name", path, null);
      if (name != null && name.isBlank()) {
        throw new ResearchSpecException(path + ".name", "must not be blank");
      }
      explicit.add(name != null);
      names.add(name == null ? run.strategy() : name.trim());
      runs.add(run);
    }
    // default names are the strategy's; repeated ones get their sleeve index
    Map<String, Integer> counts = new HashMap<>();
    names.forEach(n -> counts.merge(n, 1, Integer::sum));
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < names.size(); i++) {
      String n = names.get(i);
      if (!explicit.get(i) && counts.get(n) > 1) {
        n = n + "#" + i;
      }
      if (!seen.add(n)) {
        throw new ResearchSpecException(
            "portfolio.sleeves[" + i + "].name", "sleeve name " + n + " is used twice");
      }
      sleeves.add(new Sleeve(i, n, runs.get(i)));
    }
    JsonNode w = p.get("weights");
    boolean hasWeights = w != null && !w.isNull();
    String allocation =
        Sections.text(p, "allocation", "portfolio", hasWeights ? "fixed" : "equal")
            .trim()
            .toLowerCase(Locale.ROOT);
    double[] weights = null;
    if (allocation.equals("fixed")) {
      if (!hasWeights || !w.isArray() || w.size() != sleeves.size()) {
        throw new ResearchSpecException(
            "portfolio.weights",
            "allocation: fixed needs one weight per sleeve (" + sleeves.size() + "), was " + w);
      }
      weights = new double[w.size()];
      for (int i = 0; i < weights.length; i++) {
        if (!w.get(i).isNumber()) {
          throw new ResearchSpecException(
              "portfolio.weights[" + i + "]", "must be a number, was " + w.get(i));
        }
        weights[i] = w.get(i).doubleValue();
      }
    } else if (hasWeights) {
      throw new ResearchSpecException(
          "portfolio.weights", "is only for allocation: fixed, not " + allocation);
    }
    try {
      allocation(allocation, weights);
    } catch (IllegalArgumentException bad) {
      throw new ResearchSpecException(
          allocation.equals("fixed") ? "portfolio.weights" : "portfolio.allocation",
          bad.getMessage());
    }
    int rebalance = Sections.integer(p, "rebalance", "portfolio", 21, 0);
    int lookback = Sections.integer(p, "lookback", "portfolio", 63, 2);
    double capital = Sections.number(p, "capital", "portfolio", spec.backtest().cash());
    if (!(capital > 0)) {
      throw new ResearchSpecException("portfolio.capital", "must be positive, was " + capital);
    }
    return new PortfolioKind(
        spec, registry, sleeves, allocation, weights, rebalance, lookback, capital);
  }

  /** The allocation of that name. */
  static Allocation allocation(String name, double[] weights) {
    return switch (name) {
      case "fixed" -> Allocation.fixed(weights);
      case "equal" -> Allocation.equal();
      case "inverse-volatility" -> Allocation.inverseVolatility();
      case "minimum-variance" -> Allocation.minimumVariance();
      case "risk-parity" -> Allocation.riskParity();
      default ->
          throw new IllegalArgumentException(
              "unknown allocation '"
                  + name
                  + "'; expected fixed, equal, inverse-volatility, minimum-variance or"
                  + " risk-parity");
    };
  }

  private BacktestConfig config() {
    return spec.backtest().toConfig().withCash(capital);
  }

  @Override
  public ResearchDriver driver() {
    List<String> tasks = new ArrayList<>();
    for (Sleeve s : sleeves) {
      BatchSections.StrategyRun r = s.run();
      tasks.add(
          Json.write(
              new Task(
                  s.index(),
                  s.name(),
                  r.strategy(),
                  BatchSections.paramMap(r.params()),
                  r.symbols())));
    }
    return new StaticDriver(tasks);
  }

  @Override
  public String execute(String task, Universe universe) {
    Task t = Json.read(task, Task.class);
    BacktestResult r =
        BatchSections.backtest(
            universe,
            t.strategy(),
            t.params(),
            t.symbols(),
            config(),
            registry,
            new IndicatorCache());
    double[] equity = BatchSections.onCalendar(r, universe.calendar());
    return Json.write(
        new Payload(
            t.sleeve(),
            SleevePortfolio.returns(equity),
            Metrics.compute(r, ChunkExecutor.CONVENTION).values()));
  }

  @Override
  public ObjectNode assemble(
      SortedMap<Integer, String> payloads, SortedMap<Integer, String> failures, Universe universe) {
    TreeMap<Integer, Payload> done = new TreeMap<>();
    for (String p : payloads.values()) {
      Payload x = Json.read(p, Payload.class);
      done.put(x.sleeve(), x);
    }
    ObjectNode out = Json.object();
    out.put("type", "portfolio");
    out.put("allocation", allocation);
    if (weights != null) {
      out.set("weights", Json.MAPPER.valueToTree(weights));
    }
    out.put("rebalance", rebalance);
    out.put("lookback", lookback);
    out.put("capital", capital);
    ArrayNode sl = out.putArray("sleeves");
    ArrayNode failed = out.putArray("failures");
    List<Sleeve> used = new ArrayList<>();
    int pending = 0;
    for (Sleeve s : sleeves) {
      ObjectNode n = Json.object();
      n.put("index", s.index());
      n.put("name", s.name());
      n.put("strategy", s.run().strategy());
      n.set("params", Json.MAPPER.valueToTree(s.run().params().values()));
      n.set("symbols", Json.MAPPER.valueToTree(s.run().symbols()));
      Payload p = done.get(s.index());
      if (p != null) {
        n.put("status", "ok");
        n.set("stats", Json.MAPPER.valueToTree(p.stats()));
        used.add(s);
      } else if (failures.containsKey(s.index())) {
        n.put("status", "failed");
        n.put("error", failures.get(s.index()));
        ObjectNode f = Json.object();
        f.put("index", s.index());
        f.put("name", s.name());
        f.put("error", failures.get(s.index()));
        failed.add(f);
      } else {
        n.put("status", "pending");
        pending++;
      }
      sl.add(n);
    }
    String status =
        pending > 0
            ? "pending"
            : used.isEmpty() ? "failed" : failed.isEmpty() ? "complete" : "partial";
    out.put("status", status);
    if (pending == 0 && !used.isEmpty() && universe != null) {
      combine(out, sl, used, done, universe);
    } else {
      out.putNull("portfolio");
    }
    out.set("symbols", symbolSummaries(universe));
    return out;
  }

  /** Combines the completed sleeves (failed ones left out; fixed weights renormalised). */
  private void combine(
      ObjectNode out,
      ArrayNode sleeveNodes,
      List<Sleeve> used,
      Map<Integer, Payload> done,
      Universe universe) {
    int k = used.size();
    long[] calendar = universe.calendar();
    int t0 = calendar.length;
    double[][] returns = new double[t0][k];
    for (int i = 0; i < k; i++) {
      double[] r = done.get(used.get(i).index()).returns();
      if (r.length != t0) {
        throw new IllegalArgumentException(
            "sleeve " + used.get(i).name() + " has " + r.length + " returns, the data " + t0);
      }
      for (int t = 0; t < t0; t++) {
        returns[t][i] = r[t];
      }
    }
    Allocation alloc;
    if (weights != null) {
      double[] w = new double[k];
      double sum = 0;
      for (int i = 0; i < k; i++) {
        w[i] = weights[used.get(i).index()];
        sum += w[i];
      }
      if (!(sum > 0)) {
        out.putNull("portfolio");
        out.put("note", "the completed sleeves all have weight 0");
        return;
      }
      alloc = Allocation.fixed(w);
    } else {
      alloc = allocation(allocation, null);
    }
    SleeveCombination c = SleevePortfolio.combine(returns, alloc, rebalance, lookback, capital);
    ObjectNode p = Json.object();
    p.set(
        "statistics",
        Json.MAPPER.valueToTree(
            EquityStatistics.of(universe, c.equity(), config(), ChunkExecutor.CONVENTION)
                .values()));
    p.set("equity", equityCurve(calendar, c.equity()));
    List<String> names = used.stream().map(Sleeve::name).toList();
    ArrayNode schedule = p.putArray("schedule");
    for (Rebalance r : c.schedule()) {
      ObjectNode e = Json.object();
      e.put("bar", r.bar());
      e.put("time", calendar[r.bar()]);
      e.put("warmup", r.warmup());
      e.set("weights", Json.MAPPER.valueToTree(r.weights()));
      schedule.add(e);
    }
    double[] avg = c.averageWeights();
    p.set("averageWeights", Json.MAPPER.valueToTree(avg));
    for (int i = 0; i < k; i++) {
      ((ObjectNode) sleeveNodes.get(used.get(i).index())).put("averageWeight", avg[i]);
    }
    // co-moments of the return rows 1..T-1, accumulated block by block and merged in order
    CoMoments all = CoMoments.empty(k);
    int blocks = 0;
    for (int from = Math.min(1, t0); from < t0; from += BLOCK_ROWS) {
      all = all.merge(CoMoments.of(returns, from, Math.min(t0, from + BLOCK_ROWS)));
      blocks++;
    }
    ObjectNode corr = Json.object();
    corr.set("sleeves", Json.MAPPER.valueToTree(names));
    corr.set("matrix", Json.MAPPER.valueToTree(all.correlation()));
    corr.put("rows", all.count());
    corr.put("blocks", blocks);
    p.set("correlation", corr);
    p.put(
        "diversificationRatio",
        all.count() < 2 ? Double.NaN : SleevePortfolio.diversificationRatio(avg, all.covariance()));
    p.set("sleeves", Json.MAPPER.valueToTree(names));
    out.set("portfolio", p);
  }

  /**
   * The equity curve for the result: every {@code stride}-th bar from bar 0, plus the last bar,
   * with {@code stride = ceil(T / (MAX_POINTS - 1))} when there are more than {@link #MAX_POINTS}
   * bars (else every bar); values are the curve's own, not averaged.
   */
  static ObjectNode equityCurve(long[] time, double[] equity) {
    int t0 = equity.length;
    int stride = t0 <= MAX_POINTS ? 1 : (t0 + MAX_POINTS - 2) / (MAX_POINTS - 1);
    List<Integer> idx = new ArrayList<>();
    for (int i = 0; i < t0; i += stride) {
      idx.add(i);
    }
    if (idx.get(idx.size() - 1) != t0 - 1) {
      idx.add(t0 - 1);
    }
    ObjectNode n = Json.object();
    n.put("bars", t0);
    n.put("stride", stride);
    n.put("points", idx.size());
    ArrayNode ts = n.putArray("time");
    ArrayNode vs = n.putArray("value");
    for (int i : idx) {
      ts.add(time[i]);
      vs.add(equity[i]);
    }
    return n;
  }

  /**
   * Summary statistics of each symbol's per-bar close-to-close returns over the whole data,
   * accumulated block by block and merged ({@link SymbolSummaries#merge}).
   */
  static JsonNode symbolSummaries(Universe universe) {
    if (universe == null) {
      return Json.MAPPER.nullNode();
    }
    SymbolSummaries s = SymbolSummaries.empty();
    for (int from = 0; from < universe.size(); from += BLOCK_ROWS) {
      s =
          s.merge(
              UniverseReturns.summaries(
                  universe, from, Math.min(universe.size(), from + BLOCK_ROWS)));
    }
    ObjectNode out = Json.object();
    for (int i = 0; i < universe.symbolCount(); i++) {
      String sym = universe.symbol(i);
      MomentSummary m = s.bySymbol().get(sym);
      ObjectNode n = Json.object();
      n.put("count", m == null ? 0 : m.count());
      n.put("mean", m == null ? Double.NaN : m.mean());
      n.put("std", m == null ? Double.NaN : m.std());
      n.put("min", m == null ? Double.NaN : m.min());
      n.put("max", m == null ? Double.NaN : m.max());
      n.put("skewness", m == null ? Double.NaN : m.skewness());
      n.put("kurtosis", m == null ? Double.NaN : m.kurtosis());
      out.set(sym, n);
    }
    return out;
  }
}
