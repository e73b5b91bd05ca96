package dev.alphapulse.cluster.util;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;

/**
 * CPU and memory of this machine and JVM, on OSHI: the latest sample, a bounded history, and an
 * availability check against thresholds (the seed's {@code ResourceMonitor}).
 *
 * <h2>Sampling</h2>
 *
 * The system CPU load is measured between two consecutive calls of {@link #sample()} (OSHI's tick
 * counters), so the first sample reads NaN; the cluster samples on status queries and on {@link
 * #sample()} calls by whoever wants a fresh figure. Memory is the machine's physical memory and
 * this JVM's heap.
 *
 * <p>Thread-safe (methods are synchronized; sampling is cheap).
 */
public final class ResourceMonitor {

  /**
   * One measurement.
   *
   * @param timeMillis wall-clock time, epoch millis
   * @param cpuLoad system-wide CPU load since the previous sample, in [0, 1], or NaN at first
   * @param processors logical processors
   * @param memoryUsedBytes physical memory in use
   * @param memoryTotalBytes physical memory
   * @param heapUsedBytes this JVM's heap in use
   * @param heapMaxBytes this JVM's maximum heap
   */
  public record Sample(
      long timeMillis,
      double cpuLoad,
      int processors,
      long memoryUsedBytes,
      long memoryTotalBytes,
      long heapUsedBytes,
      long heapMaxBytes) {

    /** Physical memory in use as a fraction of the total. */
    public double memoryFraction() {
      return memoryTotalBytes <= 0 ? 0 : (double) memoryUsedBytes / memoryTotalBytes;
    }

    /** Heap in use as a fraction of the maximum heap. */
    public double heapFraction() {
      return heapMaxBytes <= 0 ? 0 : (double) heapUsedBytes / heapMaxBytes;
    }
  }

  private final CentralProcessor cpu;
  private final GlobalMemory memory;
  private final double cpuThreshold;
  private final double memoryThreshold;
  private final int historySize;
  private final Deque<Sample> history = new ArrayDeque<>();
  private long[] previousTicks;

  /**
   * A monitor.
   *
   * @param cpuThreshold CPU load in (0, 1] above which the node is not {@link #isAvailable}
   * @param memoryThreshold memory (physical or heap) fraction in (0, 1] above which it is not
   * @param historySize samples kept, at least 1
   */
  public ResourceMonitor(double cpuThreshold, double memoryThreshold, int historySize) {
    if (!(cpuThreshold > 0 && cpuThreshold <= 1)) {
      throw new IllegalArgumentException("cpuThreshold: must be in (0, 1], was " + cpuThreshold);
    }
    if (!(memoryThreshold > 0 && memoryThreshold <= 1)) {
      throw new IllegalArgumentException(
          "memoryThreshold: must be in (0, 1], was " + memoryThreshold);
    }
    if (historySize < 1) {
      throw new IllegalArgumentException("historySize: must be >= 1, was " + historySize);
    }
    SystemInfo si = new SystemInfo();
    this.cpu = si.getHardware().getProcessor();
    this.memory = si.getHardware().getMemory();
    this.cpuThreshold = cpuThreshold;
    this.memoryThreshold = memoryThreshold;
    this.historySize = historySize;
    this.previousTicks = cpu.getSystemCpuLoadTicks();
  }

  /** Thresholds 0.95 CPU and 0.9 memory, 60 samples of history. */
  public static ResourceMonitor createDefault() {
    return new ResourceMonitor(0.95, 0.9, 60);
  }

  /** Takes a sample and adds it to the history. */
  public synchronized Sample sample() {
    long[] ticks = cpu.getSystemCpuLoadTicks();
    double load = cpu.getSystemCpuLoadBetweenTicks(previousTicks);
    previousTicks = ticks;
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    long total = memory.getTotal();
    Sample s =
        new Sample(
            System.currentTimeMillis(),
            load > 0 || load == 0 ? load : Double.NaN,
            cpu.getLogicalProcessorCount(),
            total - memory.getAvailable(),
            total,
            heap.getUsed(),
            heap.getMax() > 0 ? heap.getMax() : heap.getCommitted());
    history.addLast(s);
    while (history.size() > historySize) {
      history.removeFirst();
    }
    return s;
  }

  /** The samples taken, oldest first (at most the history size). */
  public synchronized List<Sample> history() {
    return List.copyOf(new ArrayList<>(history));
  }

  /** Whether a sample is under both thresholds (an unknown CPU load counts as under). */
  public boolean isAvailable(Sample s) {
    boolean cpuOk = Double.isNaN(s.cpuLoad()) || s.cpuLoad() <= cpuThreshold;
    return cpuOk && s.memoryFraction() <= memoryThreshold && s.heapFraction() <= memoryThreshold;
  }

  /** Whether the latest sample (taking one now) is under both thresholds. */
  public boolean isAvailable() {
    return isAvailable(sample());
  }

  public double cpuThreshold() {
    return cpuThreshold;
  }

  public double memoryThreshold() {
    return memoryThreshold;
  }
}
