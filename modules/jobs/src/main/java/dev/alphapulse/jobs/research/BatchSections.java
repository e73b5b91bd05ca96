package dev.alphapulse.jobs.research;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alphapulse.engine.backtest.BacktestConfig;
import dev.alphapulse.engine.backtest.BacktestResult;
import dev.alphapulse.engine.data.Universe;
import dev.alphapulse.engine.indicator.IndicatorCache;
import dev.alphapulse.engine.strategy.ParamSpec;
import dev.alphapulse.engine.strategy.Params;
import dev.alphapulse.engine.strategy.StrategyDescriptor;
import dev.alphapulse.engine.strategy.StrategyRegistry;
import dev.alphapulse.jobs.DatasetRef;
import dev.alphapulse.research.optimize.ResearchSpecException;
import dev.alphapulse.research.portfolio.PortfolioBacktest;
import dev.alphapulse.research.portfolio.SleeveSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the batch and portfolio job types share: reading one {@code {strategy, params, symbols}}
 * entry of a list (a batch run, a portfolio sleeve) against the strategies, and backtesting it on
 * the job's universe.
 */
final class BatchSections {
  private BatchSections() {}

  /**
   * One strategy run as written in a job file, checked.
   *
   * @param strategy registry name
   * @param params resolved parameters (defaults filled in, constraints checked)
   * @param symbols the symbols it trades, empty for the whole universe
   */
  record StrategyRun(String strategy, Params params, List<String> symbols) {
    StrategyRun {
      symbols = List.copyOf(symbols);
    }
  }

  /**
   * Reads {@code strategy}, {@code params} and {@code symbols} of {@code node} (at {@code path},
   * e.g. {@code batch.runs[2]}).
   *
   * @param dataset the job's data, or {@code null} (symbols are then checked against it later)
   * @throws ResearchSpecException naming e.g. {@code batch.runs[2].params.fast}
   */
  static StrategyRun strategyRun(
      JsonNode node, String path, StrategyRegistry registry, DatasetRef dataset) {
    JsonNode nameNode = node.get("strategy");
    if (nameNode == null || !nameNode.isTextual() || nameNode.asText().isBlank()) {
      throw new ResearchSpecException(
          path + ".strategy", "is missing: name a strategy, e.g. sma-cross; was " + nameNode);
    }
    StrategyDescriptor d = ResearchJobs.strategy(nameNode.asText(), path + ".strategy", registry);
    Map<String, Number> raw = new TreeMap<>();
    JsonNode params = node.get("params");
    if (params != null && !params.isNull()) {
      if (!params.isObject()) {
        throw new ResearchSpecException(
            path + ".params", "must be a mapping of parameter to value, was " + params);
      }
      for (Map.Entry<String, JsonNode> e : params.properties()) {
        String field = path + ".params." + e.getKey();
        ParamSpec p;
        try {
          p = d.param(e.getKey());
        } catch (IllegalArgumentException unknown) {
          throw new ResearchSpecException(field, unknown.getMessage());
        }
        JsonNode v = e.getValue();
        if (!v.isNumber()) {
          throw new ResearchSpecException(field, "must be one number, was " + v);
        }
        try {
          raw.put(e.getKey(), p.validate(v.numberValue()));
        } catch (IllegalArgumentException bad) {
          throw new ResearchSpecException(field, bad.getMessage());
        }
      }
    }
    Params resolved;
    try {
      resolved = d.resolve(raw);
    } catch (IllegalArgumentException bad) {
      throw new ResearchSpecException(path + ".params", bad.getMessage());
    }
    return new StrategyRun(d.name(), resolved, symbols(node, path, dataset));
  }

  private static List<String> symbols(JsonNode node, String path, DatasetRef dataset) {
    JsonNode s = node.get("symbols");
    if (s == null || s.isNull()) {
      return List.of();
    }
    if (!s.isArray() || s.isEmpty()) {
      throw new ResearchSpecException(
          path + ".symbols", "must be a non-empty list of symbols (or left out for all), was " + s);
    }
    List<String> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < s.size(); i++) {
      JsonNode v = s.get(i);
      String field = path + ".symbols[" + i + "]";
      if (!v.isValueNode() || v.isNull() || v.asText().isBlank()) {
        throw new ResearchSpecException(field, "must be a symbol name, was " + v);
      }
      String sym = v.asText();
      if (!seen.add(sym)) {
        throw new ResearchSpecException(field, "symbol " + sym + " is listed twice");
      }
      if (dataset != null && !dataset.symbols().contains(sym)) {
        throw new ResearchSpecException(
            field, "symbol " + sym + " is not in the job's data " + dataset.symbols());
      }
      out.add(sym);
    }
    return out;
  }

  /** The list at {@code section.key}, non-empty, of mappings. */
  static JsonNode list(JsonNode section, String key, String path, int max) {
    JsonNode l = section.get(key);
    if (l == null || !l.isArray() || l.isEmpty()) {
      throw new ResearchSpecException(
          path + "." + key, "must be a non-empty list of {strategy, params, ...}, was " + l);
    }
    if (l.size() > max) {
      throw new ResearchSpecException(
          path + "." + key, "has " + l.size() + " entries; at most " + max);
    }
    for (int i = 0; i < l.size(); i++) {
      if (!l.get(i).isObject()) {
        throw new ResearchSpecException(
            path + "." + key + "[" + i + "]", "must be a mapping, was " + l.get(i));
      }
    }
    return l;
  }

  /**
   * Backtests one run on {@code universe} as a portfolio sleeve does ({@link
   * PortfolioBacktest#runSleeve}): a multi-symbol strategy once on its symbols, a single-symbol
   * strategy once per symbol with an equal share of the cash, the equity summed.
   */
  static BacktestResult backtest(
      Universe universe,
      String strategy,
      Map<String, Number> params,
      List<String> symbols,
      BacktestConfig config,
      StrategyRegistry registry,
      IndicatorCache cache) {
    return PortfolioBacktest.runSleeve(
        universe, new SleeveSpec(strategy, strategy, params, symbols), config, registry, cache);
  }

  /**
   * A run's equity on the job's calendar: the value at the latest bar of the run at or before each
   * calendar bar (the first value before the run's first bar).
   */
  static double[] onCalendar(BacktestResult r, long[] calendar) {
    long[] t = r.universe().calendar();
    double[] e = r.equity();
    if (t.length == calendar.length && java.util.Arrays.equals(t, calendar)) {
      return e;
    }
    double[] out = new double[calendar.length];
    int j = 0;
    double last = e[0];
    for (int i = 0; i < calendar.length; i++) {
      while (j < t.length && t[j] <= calendar[i]) {
        last = e[j];
        j++;
      }
      out[i] = last;
    }
    return out;
  }

  /** The parameters as JSON-friendly map (sorted by name). */
  static Map<String, Number> paramMap(Params p) {
    return new LinkedHashMap<>(p.values());
  }
}
