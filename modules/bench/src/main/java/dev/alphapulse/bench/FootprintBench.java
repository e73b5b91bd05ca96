package dev.alphapulse.bench;

import dev.alphapulse.engine.data.BarSeries;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Memory a {@link BarSeries} of 1,000,000 bars allocates: each operation builds one from primitive
 * columns (copying them, as an importer hands over fresh arrays). Run with JMH's GC profiler,
 * {@code gc.alloc.rate.norm} (bytes per operation) divided by {@value #BARS} is the allocated bytes
 * per bar; the payload is 48 by construction. The retained size is measured by {@link Footprint}
 * with JOL.
 *
 * <h2>Running</h2>
 *
 * Part of {@code BenchMain engine}; alone: {@code java -cp <bench classpath> org.openjdk.jmh.Main
 * 'dev.alphapulse.bench.FootprintBench' -prof gc}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
    value = 1,
    jvmArgs = {"-Xms1g", "-Xmx4g", "-XX:+UseTransparentHugePages"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class FootprintBench {
  /** Bars per series built. */
  static final int BARS = 1_000_000;

  private BarSeries source;

  @Setup(Level.Trial)
  public void setUp() {
    source = SyntheticBars.randomWalk("SYN", BARS, BenchData.SYNTHETIC_SEED);
  }

  @Benchmark
  public BarSeries bytesPerBar() {
    return new BarSeries(
        source.symbol(),
        Arrays.copyOf(source.times(), BARS),
        Arrays.copyOf(source.opens(), BARS),
        Arrays.copyOf(source.highs(), BARS),
        Arrays.copyOf(source.lows(), BARS),
        Arrays.copyOf(source.closes(), BARS),
        Arrays.copyOf(source.volumes(), BARS));
  }
}
