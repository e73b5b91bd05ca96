package dev.alphapulse.bench;

import dev.alphapulse.engine.data.Universe;
import dev.alphapulse.engine.indicator.IndicatorCache;
import dev.alphapulse.engine.strategy.StrategyRegistry;
import dev.alphapulse.jobs.ChunkExecutor;
import dev.alphapulse.jobs.ChunkResult;
import dev.alphapulse.jobs.DataSpec;
import dev.alphapulse.jobs.DatasetFingerprint;
import dev.alphapulse.jobs.JobPlan;
import dev.alphapulse.jobs.JobPlanner;
import dev.alphapulse.jobs.JobResult;
import dev.alphapulse.jobs.JobSpec;
import dev.alphapulse.jobs.JobSpecs;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * A whole parameter sweep of {@code sma-cross} per operation, through the product's own path: the
 * job is a YAML spec parsed by {@link JobSpecs}, split by {@link JobPlanner} into PARAMETER_BASED
 * chunks of {@link #CHUNK_SIZE} parameter sets, and every chunk is computed by {@link
 * ChunkExecutor} (a full {@code Backtest.run} plus all statistics per parameter set, as a worker
 * does; the runs of a chunk reuse one equity array and one {@code Metrics.Workspace}, so a run
 * allocates no per-bar array) on a pool of {@link #THREADS} threads sharing one {@link
 * IndicatorCache}; the chunk results are merged into a {@link JobResult}. The embedded cluster node
 * adds its actors, journal and serialization on top of exactly this work; it is not used here.
 *
 * <h2>Workload</h2>
 *
 * One synthetic symbol ({@code SyntheticMarket}, seed {@value #SEED}) of {@code bars} daily bars,
 * generated before measuring; parameter sets {@code fast} in 1..{@code fastCount} by 1 times {@code
 * slow} in 101..100+{@code slowCount} by 1 (10,000 sets by default, all valid for {@code fast <
 * slow}). The indicator cache is new for every operation, so the SMA columns (one per distinct
 * period, 200 by default) are computed inside the measured work, once each, and shared by every
 * parameter set that needs them.
 *
 * <h2>Measurement</h2>
 *
 * {@code SingleShotTime}: one sweep is one operation and takes seconds, so its wall time is the
 * figure; the suite sets warm-up and measurement counts explicitly. The forked JVM runs with {@code
 * -Xmx512m}: completing at all proves the sweep fits in 512 MB of heap. {@link HeapPeak} also
 * samples the used heap during each operation (its peak, and its peak right after collections: the
 * data the sweep retains). {@code -XX:+UseParallelGC}: the 1.6 MB columns and per-chunk working
 * arrays would be humongous objects under G1 with a 512 MB heap (1 MB regions), which wastes up to
 * a fifth of the heap on them and triggers extra collections; ParallelGC has no such class and is
 * the throughput collector a batch sweep would use.
 *
 * <h2>Running</h2>
 *
 * {@code ./alphapulse bench research [--quick] [--json]} (see {@link ResearchSuite}), or directly
 * {@code java -cp <bench classpath> org.openjdk.jmh.Main 'dev.alphapulse.bench.SweepBench' -f 1 -wi
 * 1 -i 3}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgs = {"-Xms512m", "-Xmx512m", "-XX:+UseParallelGC", "-XX:+UseTransparentHugePages"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@State(Scope.Benchmark)
public class SweepBench {
  /** Seed of the synthetic market. */
  static final long SEED = 42;

  /** Threads computing chunks (the machine's two cores). */
  static final int THREADS = 2;

  /** Parameter sets per chunk. */
  static final int CHUNK_SIZE = 100;

  /** First slow period. */
  static final int SLOW_FROM = 101;

  @Param("200000")
  public int bars;

  @Param("100")
  public int fastCount;

  @Param("100")
  public int slowCount;

  private Universe universe;
  private JobPlan plan;
  private StrategyRegistry registry;
  private ExecutorService pool;

  @Setup(Level.Trial)
  public void setUp() {
    DataSpec.Synthetic data = new DataSpec.Synthetic(1, bars, SEED);
    universe = data.generate();
    registry = StrategyRegistry.load();
    JobSpec spec = JobSpecs.parseYaml(yaml(bars, fastCount, slowCount));
    plan =
        JobPlanner.plan(spec, DatasetFingerprint.ref(data.location(), universe), registry, THREADS);
    int expected = fastCount * slowCount;
    if (plan.paramSets().size() != expected) {
      throw new IllegalStateException(
          "planned " + plan.paramSets().size() + " parameter sets, expected " + expected);
    }
    pool = Executors.newFixedThreadPool(THREADS);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    pool.shutdownNow();
  }

  /** The sweep's job file. */
  static String yaml(int bars, int fastCount, int slowCount) {
    return String.format(
        Locale.ROOT,
        "type: sweep%n"
            + "data: {synthetic: {symbols: 1, bars: %d, seed: %d}}%n"
            + "strategy: sma-cross%n"
            + "params: {fast: {range: [1, %d, 1]}, slow: {range: [%d, %d, 1]}}%n"
            + "parallelization: {strategy: PARAMETER_BASED, chunk-size: %d}%n"
            + "seed: 1%n",
        bars,
        SEED,
        fastCount,
        SLOW_FROM,
        SLOW_FROM + slowCount - 1,
        CHUNK_SIZE);
  }

  /** Runs the whole sweep; the result holds one run per parameter set. */
  @Benchmark
  public JobResult sweep(HeapPeak heap) throws InterruptedException, ExecutionException {
    JobResult result = run(plan, universe, registry, pool);
    if (result.runs().size() != plan.paramSets().size()) {
      throw new IllegalStateException("the sweep lost runs: " + result.runs().size());
    }
    heap.record();
    return result;
  }

  /** Computes every chunk of {@code plan} on {@code pool} with one fresh indicator cache. */
  static JobResult run(
      JobPlan plan, Universe universe, StrategyRegistry registry, ExecutorService pool)
      throws InterruptedException, ExecutionException {
    IndicatorCache cache = new IndicatorCache();
    List<Future<ChunkResult>> futures = new ArrayList<>(plan.chunkCount());
    for (int c = 0; c < plan.chunkCount(); c++) {
      var chunk = plan.chunk(c);
      futures.add(pool.submit(() -> ChunkExecutor.execute(plan, chunk, universe, cache, registry)));
    }
    List<ChunkResult> chunks = new ArrayList<>(futures.size());
    for (Future<ChunkResult> f : futures) {
      chunks.add(f.get());
    }
    return JobResult.of(plan.chunkCount(), chunks);
  }

  /**
   * The heap of one operation, in MB, sampled every {@link #SAMPLE_MILLIS} ms by a daemon thread
   * that starts (after a GC) just before the operation and stops after it.
   *
   * <ul>
   *   <li>{@code peakHeapMb}: the largest used heap seen (garbage not yet collected included; at
   *       most the heap's maximum by construction, so it shows how much of the 512 MB was taken);
   *   <li>{@code liveHeapMb}: the largest heap occupancy right after a collection (each heap pool's
   *       usage after its last collection, summed), i.e. what the sweep really retains.
   * </ul>
   */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class HeapPeak {
    static final long SAMPLE_MILLIS = 5;

    /** The last operation's peak used heap, MB. */
    public double peakHeapMb;

    /** The last operation's peak heap after a collection, MB. */
    public double liveHeapMb;

    private volatile boolean sampling;
    private Thread sampler;
    private long peakUsed;
    private long peakLive;

    @Setup(Level.Invocation)
    public void start() {
      System.gc();
      peakUsed = 0;
      peakLive = 0;
      sampling = true;
      sampler = new Thread(this::sample, "heap-sampler");
      sampler.setDaemon(true);
      sampler.start();
    }

    private void sample() {
      MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
      List<MemoryPoolMXBean> pools = new ArrayList<>();
      for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
        if (p.getType() == MemoryType.HEAP) {
          pools.add(p);
        }
      }
      while (sampling) {
        long live = 0;
        for (MemoryPoolMXBean p : pools) {
          MemoryUsage after = p.getCollectionUsage();
          live += after == null ? 0 : after.getUsed();
        }
        peakUsed = Math.max(peakUsed, memory.getHeapMemoryUsage().getUsed());
        peakLive = Math.max(peakLive, live);
        try {
          Thread.sleep(SAMPLE_MILLIS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }

    void record() throws InterruptedException {
      sampling = false;
      sampler.join();
      peakHeapMb = peakUsed / (1024.0 * 1024.0);
      liveHeapMb = peakLive / (1024.0 * 1024.0);
    }
  }
}
