package dev.alphapulse.bench;

import dev.alphapulse.engine.data.BarSeries;
import java.io.PrintStream;
import java.lang.ref.Reference;
import java.util.Arrays;
import java.util.function.Supplier;
import org.openjdk.jol.info.GraphLayout;

/**
 * Heap taken by a bar series, per bar.
 *
 * <h2>Measures</h2>
 *
 * <ul>
 *   <li>{@link #retainedBytes(BarSeries, PrintStream)}: JOL's deep size of the series (every object
 *       reachable from it: the series object, its six column arrays with their headers, the
 *       symbol). Exact for this JVM's object layout, independent of the collector; the difference
 *       between a series and an empty one, divided by its bars, is what each bar costs.
 *   <li>{@link #heapDeltaBytesPerBar}: growth of the used heap, after full collections, when a copy
 *       of the series is made and kept. Includes what the collector wastes around the objects (G1
 *       rounds each array larger than half a region up to whole regions), so it reads a little
 *       above the retained size under G1 and close to it under the parallel collector.
 * </ul>
 *
 * JOL prints a warning on {@code System.out} the first time it inspects the VM; the methods here
 * send {@code System.out} to the given stream meanwhile, so a caller's JSON on standard output
 * stays clean. Not for concurrent use with other code that writes to {@code System.out}.
 */
public final class Footprint {
  private Footprint() {}

  /** JOL's deep size of {@code series} in bytes; JOL's warnings go to {@code log}. */
  public static long retainedBytes(BarSeries series, PrintStream log) {
    return quietly(log, () -> GraphLayout.parseInstance(series).totalSize());
  }

  /** JOL's deep size of a ta4j series in bytes, for comparison. */
  public static long retainedBytes(org.ta4j.core.BarSeries series, PrintStream log) {
    return quietly(log, () -> GraphLayout.parseInstance(series).totalSize());
  }

  /** Used-heap growth per bar when a copy of {@code series} is made and kept (see above). */
  public static double heapDeltaBytesPerBar(BarSeries series) {
    int n = series.size();
    Runtime runtime = Runtime.getRuntime();
    fullGc();
    long before = runtime.totalMemory() - runtime.freeMemory();
    BarSeries copy =
        new BarSeries(
            series.symbol(),
            Arrays.copyOf(series.times(), n),
            Arrays.copyOf(series.opens(), n),
            Arrays.copyOf(series.highs(), n),
            Arrays.copyOf(series.lows(), n),
            Arrays.copyOf(series.closes(), n),
            Arrays.copyOf(series.volumes(), n));
    fullGc();
    long after = runtime.totalMemory() - runtime.freeMemory();
    Reference.reachabilityFence(copy);
    return (after - before) / (double) Math.max(1, n);
  }

  private static void fullGc() { // explicit collections are the point of this measurement
    for (int k = 0; k < 3; k++) {
      System.gc();
    }
  }

  private static <T> T quietly(PrintStream log, Supplier<T> work) {
    synchronized (System.class) {
      PrintStream saved = System.out;
      System.setOut(log);
      try {
        return work.get();
      } finally {
        System.setOut(saved);
      }
    }
  }
}
