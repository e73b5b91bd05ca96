package dev.alphapulse.jobs;

import dev.alphapulse.engine.strategy.ParamSpec;
import dev.alphapulse.engine.strategy.ParamType;
import dev.alphapulse.engine.strategy.Params;
import dev.alphapulse.engine.strategy.StrategyDescriptor;
import dev.alphapulse.engine.strategy.StrategyRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a validated job into chunks.
 *
 * <h2>Strategies</h2>
 *
 * <ul>
 *   <li><b>PARAMETER_BASED</b>: chunk {@code k} runs parameter sets {@code [k*c, (k+1)*c)} on every
 *       symbol ({@code c} = chunk size).
 *   <li><b>SYMBOL_BASED</b>: chunk {@code k} runs every parameter set on symbols {@code [k*c,
 *       (k+1)*c)}.
 *   <li><b>TIME_BASED</b>: one parameter set; for each symbol in order, chunk after chunk covers
 *       bars {@code [k*c, (k+1)*c)} of the calendar, with a warm-up overlap of {@code min(barFrom,
 *       W)} bars where {@code W = 1 + the largest INT parameter value} (periods and windows are INT
 *       parameters in bars, and an indicator of period {@code p} is valid from bar {@code p - 1} or
 *       {@code p}, so this bounds the built-ins' warm-up; 1 when the strategy has no INT
 *       parameter). The bound only sizes chunks and data references: {@link TimeStitcher} is exact
 *       whatever the warm-up really is.
 *   <li><b>AUTO</b>: PARAMETER_BASED for multi-symbol strategies (their symbols cannot be split)
 *       and for sweeps with more parameter sets than symbols, else SYMBOL_BASED. Never TIME_BASED,
 *       which is exact but does not make a backtest faster (see {@link TimeStitcher}).
 * </ul>
 *
 * <h2>Chunk size</h2>
 *
 * An explicit {@code chunk-size} is used as given. {@code auto} uses {@link
 * PartitionSizing#optimizePartitionSize} over the strategy's work items with bounds [1, {@value
 * #MAX_AUTO_PARAMS_PER_CHUNK}] parameter sets, [1, all] symbols, or [{@code min(bars, max(}{@value
 * #MIN_AUTO_TIME_CHUNK}{@code , 2W))}, bars] bars. A plan has at most {@value #MAX_CHUNKS} chunks.
 *
 * <p>Pure and deterministic: the same spec, dataset and worker count give an equal plan.
 */
public final class JobPlanner {
  /** Most chunks a plan may have. */
  public static final int MAX_CHUNKS = 100_000;

  /** Largest automatic PARAMETER_BASED chunk, in parameter sets. */
  public static final int MAX_AUTO_PARAMS_PER_CHUNK = 1_000;

  /** Smallest automatic TIME_BASED chunk, in bars (unless the series is shorter). */
  public static final int MIN_AUTO_TIME_CHUNK = 1_000;

  private JobPlanner() {}

  /**
   * Validates {@code spec} ({@link JobSpecs#validate}) and splits it into chunks over {@code
   * dataset}.
   *
   * @param dataset the loaded data's reference; must be the spec's data (same synthetic location,
   *     or the listed symbols in order)
   * @param workers worker slots the job will run on, {@code >= 1} (only used by {@code auto})
   * @throws JobSpecException as {@link JobSpecs#validate}, or on {@code parallelization.chunk-size}
   *     when the plan would have more than {@value #MAX_CHUNKS} chunks
   * @throws IllegalArgumentException if {@code dataset} is not the spec's data or {@code workers <
   *     1}
   */
  public static JobPlan plan(
      JobSpec spec, DatasetRef dataset, StrategyRegistry registry, int workers) {
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be >= 1, was " + workers);
    }
    List<Params> sets = JobSpecs.validate(spec, registry);
    StrategyDescriptor strategy = registry.get(spec.strategy());
    checkDataset(spec, dataset);
    int params = sets.size();
    int symbols = dataset.symbols().size();
    int bars = dataset.bars();
    ParallelizationStrategy split =
        resolve(spec.parallelization().strategy(), spec.type(), strategy, params, symbols);
    boolean auto = spec.parallelization().autoChunkSize();
    int size = spec.parallelization().chunkSize();
    List<ChunkSpec> chunks = new ArrayList<>();
    switch (split) {
      case PARAMETER_BASED -> {
        if (auto) {
          size =
              PartitionSizing.optimizePartitionSize(params, workers, 1, MAX_AUTO_PARAMS_PER_CHUNK);
        }
        checkCount(ceilDiv(params, size), size);
        for (long p = 0; p < params; p += size) {
          chunks.add(
              new ChunkSpec(chunks.size(), (int) p, end(p, size, params), 0, symbols, 0, bars, 0));
        }
      }
      case SYMBOL_BASED -> {
        if (auto) {
          size = PartitionSizing.optimizePartitionSize(symbols, workers, 1, symbols);
        }
        checkCount(ceilDiv(symbols, size), size);
        for (long s = 0; s < symbols; s += size) {
          chunks.add(
              new ChunkSpec(chunks.size(), 0, params, (int) s, end(s, size, symbols), 0, bars, 0));
        }
      }
      case TIME_BASED -> {
        int w = warmupBound(sets.get(0), strategy);
        if (auto) {
          int min = (int) Math.min(bars, Math.max(MIN_AUTO_TIME_CHUNK, 2L * w));
          size = PartitionSizing.optimizePartitionSize(bars, workers, min, bars);
        }
        checkCount((long) symbols * ceilDiv(bars, size), size);
        for (int s = 0; s < symbols; s++) {
          for (long b = 0; b < bars; b += size) {
            chunks.add(
                new ChunkSpec(
                    chunks.size(),
                    0,
                    1,
                    s,
                    s + 1,
                    (int) b,
                    end(b, size, bars),
                    (int) Math.min(b, w)));
          }
        }
      }
      default -> throw new IllegalStateException("unresolved strategy " + split);
    }
    return new JobPlan(spec, dataset, sets, chunks, split);
  }

  /**
   * What a spec's parallelization resolves to: the given strategy, or for {@code AUTO}
   * PARAMETER_BASED when the strategy is multi-symbol or a sweep has more parameter sets than
   * symbols, else SYMBOL_BASED.
   */
  public static ParallelizationStrategy resolve(
      ParallelizationStrategy given,
      JobType type,
      StrategyDescriptor strategy,
      int paramSets,
      int symbols) {
    if (given != ParallelizationStrategy.AUTO) {
      return given;
    }
    if (strategy.multiSymbol() || (type == JobType.SWEEP && paramSets > symbols)) {
      return ParallelizationStrategy.PARAMETER_BASED;
    }
    return ParallelizationStrategy.SYMBOL_BASED;
  }

  /**
   * The planner's bound on a strategy's warm-up in bars: {@code 1 +} the largest value of its INT
   * parameters in {@code params}, or 1 without INT parameters.
   */
  public static int warmupBound(Params params, StrategyDescriptor strategy) {
    long w = 0;
    for (ParamSpec p : strategy.params()) {
      if (p.type() == ParamType.INT && params.values().containsKey(p.name())) {
        w = Math.max(w, params.getInt(p.name()));
      }
    }
    return (int) Math.min(Integer.MAX_VALUE, w + 1);
  }

  private static void checkDataset(JobSpec spec, DatasetRef dataset) {
    if (spec.data() instanceof DataSpec.Synthetic s) {
      if (!dataset.location().equals(s.location())
          || dataset.symbols().size() != s.symbols()
          || dataset.bars() != s.bars()) {
        throw new IllegalArgumentException(
            "dataset " + dataset.location() + " is not the job's data " + s.location());
      }
    } else if (spec.data() instanceof DataSpec.Files f
        && !f.symbols().isEmpty()
        && !f.symbols().equals(dataset.symbols())) {
      throw new IllegalArgumentException(
          "dataset symbols " + dataset.symbols() + " are not the job's symbols " + f.symbols());
    }
  }

  private static void checkCount(long chunks, int size) {
    if (chunks > MAX_CHUNKS) {
      throw new JobSpecException(
          "parallelization.chunk-size",
          "a chunk size of "
              + size
              + " gives "
              + chunks
              + " chunks; at most "
              + MAX_CHUNKS
              + " (use a larger size or auto)");
    }
  }

  private static int end(long from, int size, int limit) {
    return (int) Math.min(limit, from + size);
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }
}
