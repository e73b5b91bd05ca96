package dev.alphapulse.jobs.research;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alphapulse.engine.strategy.StrategyDescriptor;
import dev.alphapulse.research.optimize.Mode;
import dev.alphapulse.research.optimize.ParameterSpace;
import dev.alphapulse.research.optimize.ResearchSpecException;
import dev.alphapulse.research.optimize.SchedulerSpec;
import dev.alphapulse.research.optimize.SearcherSpec;
import dev.alphapulse.research.optimize.StudySpec;
import java.util.List;
import java.util.Locale;

/**
 * Reads a study from the {@code search-space}, {@code search} and {@code scheduler} sections:
 *
 * <pre>
 * search-space: {fast: {randint: [5, 50]}, slow: {grid: [60, 100, 200]}}
 * search: {algorithm: tpe, num-samples: 64, batch-size: 8, metric: Sharpe Ratio, mode: max}
 * scheduler: {type: asha, grace-period: 0.25, reduction-factor: 3, max-budget: 1.0}
 * </pre>
 */
final class StudySections {
  private StudySections() {}

  static final List<String> SEARCH_KEYS =
      List.of(
          "algorithm",
          "num-samples",
          "batch-size",
          "metric",
          "mode",
          "startup-trials",
          "ei-candidates",
          "gamma",
          "population-size",
          "sigma0");
  static final List<String> SCHEDULER_KEYS =
      List.of(
          "type",
          "grace-period",
          "reduction-factor",
          "max-budget",
          "segments",
          "quantile",
          "resample-probability");

  /** The study of an optimize job (or of each walk-forward window, without a scheduler). */
  static StudySpec parse(
      JsonNode research, StrategyDescriptor strategy, long seed, boolean withScheduler) {
    try {
      return read(research, strategy, seed, withScheduler);
    } catch (ResearchSpecException e) {
      String f = e.field();
      if (f.startsWith("searcher.")) {
        throw new ResearchSpecException("search." + f.substring(9), e.reason());
      }
      if (List.of("num-samples", "batch-size", "metric", "mode").contains(f)) {
        throw e.under("search");
      }
      throw e;
    }
  }

  private static StudySpec read(
      JsonNode research, StrategyDescriptor strategy, long seed, boolean withScheduler) {
    ParameterSpace space;
    JsonNode raw = research.get("search-space");
    if (raw == null || !raw.isObject()) {
      throw new ResearchSpecException(
          "search-space", "must be a mapping of parameter to domain, was " + raw);
    }
    space = ParameterSpace.parse(Sections.map(raw), strategy);
    JsonNode search = Sections.section(research, "search");
    Sections.checkKeys(search, "search", SEARCH_KEYS);
    String algorithm =
        Sections.text(search, "algorithm", "search", "random").trim().toLowerCase(Locale.ROOT);
    SearcherSpec searcher =
        switch (algorithm) {
          case "grid" -> new SearcherSpec.Grid();
          case "random" -> new SearcherSpec.Random();
          case "tpe" -> {
            SearcherSpec.Tpe d = SearcherSpec.Tpe.defaults();
            yield new SearcherSpec.Tpe(
                Sections.integer(search, "startup-trials", "search", d.startupTrials(), 1),
                Sections.integer(search, "ei-candidates", "search", d.eiCandidates(), 1),
                Sections.number(search, "gamma", "search", d.gamma()));
          }
          case "cma-es", "cmaes" -> {
            SearcherSpec.CmaEs d = SearcherSpec.CmaEs.defaults();
            yield new SearcherSpec.CmaEs(
                Sections.integer(search, "population-size", "search", d.populationSize(), 0),
                Sections.number(search, "sigma0", "search", d.sigma0()));
          }
          default ->
              throw new ResearchSpecException(
                  "search.algorithm",
                  "unknown algorithm '" + algorithm + "'; expected grid, random, tpe or cma-es");
        };
    int numSamples = Sections.integer(search, "num-samples", "search", 32, 1);
    int batchSize = Sections.integer(search, "batch-size", "search", 8, 1);
    String metric = Sections.text(search, "metric", "search", "Sharpe Ratio");
    Mode mode = Mode.parse(Sections.text(search, "mode", "search", "max"));
    SchedulerSpec scheduler = new SchedulerSpec.Fifo();
    JsonNode sch = Sections.section(research, "scheduler");
    if (withScheduler) {
      Sections.checkKeys(sch, "scheduler", SCHEDULER_KEYS);
      String type = Sections.text(sch, "type", "scheduler", "fifo").trim().toLowerCase(Locale.ROOT);
      scheduler =
          switch (type) {
            case "fifo" -> new SchedulerSpec.Fifo();
            case "asha" ->
                new SchedulerSpec.Asha(
                    Sections.number(sch, "grace-period", "scheduler", 0.25),
                    Sections.number(sch, "reduction-factor", "scheduler", 3),
                    Sections.number(sch, "max-budget", "scheduler", 1.0));
            case "pbt" ->
                new SchedulerSpec.Pbt(
                    Sections.integer(sch, "segments", "scheduler", 4, 2),
                    Sections.number(sch, "quantile", "scheduler", 0.25),
                    Sections.number(sch, "resample-probability", "scheduler", 0.25));
            default ->
                throw new ResearchSpecException(
                    "scheduler.type",
                    "unknown scheduler '" + type + "'; expected fifo, asha or pbt");
          };
    }
    return new StudySpec(space, metric, mode, searcher, scheduler, numSamples, batchSize, seed);
  }
}
