package dev.alphapulse.bench;

import dev.alphapulse.research.montecarlo.MonteCarloModel;
import dev.alphapulse.research.montecarlo.MonteCarloWorkloads;
import dev.alphapulse.research.montecarlo.PathBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A whole Monte Carlo simulation per operation: {@code paths} stationary block-bootstrap paths of
 * {@code steps} steps ({@link MonteCarloWorkloads#referenceBlockBootstrap}: 2,520 seeded daily
 * returns, mean block length 10, no fan curves), simulated in {@link #BATCHES} batches of
 * consecutive path indices on a pool of two threads and merged into one {@link PathBatch} (paths
 * are seeded by index, so the merged result does not depend on the batching).
 *
 * <h2>Measurement</h2>
 *
 * {@code SingleShotTime}, one simulation per operation; warm-up and measurement counts are set by
 * the suite ({@link ResearchSuite}).
 *
 * <h2>Running</h2>
 *
 * {@code ./alphapulse bench research}, or {@code java -cp <bench classpath> org.openjdk.jmh.Main
 * 'dev.alphapulse.bench.MonteCarloBench' -f 1 -wi 3 -i 5}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@State(Scope.Benchmark)
public class MonteCarloBench {
  /** Batches per simulation (several per thread, so that both threads finish together). */
  static final int BATCHES = 16;

  static final long SEED = 11;

  @Param("100000")
  public int paths;

  @Param("2520")
  public int steps;

  private MonteCarloModel model;
  private ExecutorService pool;

  @Setup(Level.Trial)
  public void setUp() {
    model = MonteCarloWorkloads.referenceBlockBootstrap(steps, SEED);
    pool = Executors.newFixedThreadPool(2);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    pool.shutdownNow();
  }

  @Benchmark
  public PathBatch simulate() throws InterruptedException, ExecutionException {
    return run(model, paths, pool);
  }

  static PathBatch run(MonteCarloModel model, int paths, ExecutorService pool)
      throws InterruptedException, ExecutionException {
    List<Future<PathBatch>> futures = new ArrayList<>(BATCHES);
    for (int b = 0; b < BATCHES; b++) {
      long from = (long) paths * b / BATCHES;
      long to = (long) paths * (b + 1) / BATCHES;
      futures.add(pool.submit(() -> model.simulate(from, to)));
    }
    PathBatch all = PathBatch.empty();
    for (Future<PathBatch> f : futures) {
      all = all.merge(f.get());
    }
    if (all.size() != paths) {
      throw new IllegalStateException("simulated " + all.size() + " paths, expected " + paths);
    }
    return all;
  }
}
