package dev.alphapulse.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Objects;

/**
 * The figures of the engine suite and their two renderings: a table for people and one JSON object
 * for programs.
 *
 * <h2>Figures</h2>
 *
 * Speeds are bars per second (bars of the data set divided by the mean time of one backtest);
 * allocations are bytes allocated per bar of one backtest (JMH's {@code gc.alloc.rate.norm}). A
 * ratio compares AlphaPulse's speed with another implementation's on the same data set; the
 * headline ratio is the smaller of the two data sets' (the goals must hold on both). A figure that
 * was not measured is {@code NaN} here and {@code null} in JSON.
 *
 * @param quick whether the shortened JMH settings were used
 * @param jmhMode JMH's mode label ({@code avgt})
 * @param jmhSettings forks, warm-up and measurement as run
 * @param googBars bars in GOOG
 * @param syntheticBars bars in the synthetic series
 * @param alphapulse {@code Backtest.run} with a fresh indicator cache
 * @param alphapulseWarmCache {@code Backtest.run} with a filled indicator cache
 * @param minimalLoop the hand-written loop
 * @param ta4j ta4j 0.17 with {@code DoubleNum}
 * @param memory bytes per bar of the data
 */
record EngineReport(
    boolean quick,
    String jmhMode,
    String jmhSettings,
    int googBars,
    int syntheticBars,
    Impl alphapulse,
    Impl alphapulseWarmCache,
    Impl minimalLoop,
    Impl ta4j,
    Memory memory) {

  static final double GOAL_VS_TA4J = 30;
  static final double GOAL_VS_MINIMAL_LOOP = 0.5;
  static final double GOAL_BYTES_PER_BAR = 48;

  EngineReport {
    Objects.requireNonNull(jmhMode, "jmhMode");
    Objects.requireNonNull(jmhSettings, "jmhSettings");
    Objects.requireNonNull(alphapulse, "alphapulse");
    Objects.requireNonNull(alphapulseWarmCache, "alphapulseWarmCache");
    Objects.requireNonNull(minimalLoop, "minimalLoop");
    Objects.requireNonNull(ta4j, "ta4j");
    Objects.requireNonNull(memory, "memory");
  }

  /**
   * One implementation's speed and allocation on both data sets.
   *
   * @param barsPerSecondGoog bars per second on GOOG
   * @param barsPerSecond1m bars per second on the synthetic series
   * @param allocatedBytesPerBarGoog bytes allocated per bar on GOOG
   * @param allocatedBytesPerBar1m bytes allocated per bar on the synthetic series
   */
  record Impl(
      double barsPerSecondGoog,
      double barsPerSecond1m,
      double allocatedBytesPerBarGoog,
      double allocatedBytesPerBar1m) {

    static Impl missing() {
      return new Impl(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
  }

  /**
   * Memory per bar of a {@code BarSeries}, and of ta4j's series for comparison.
   *
   * @param payloadBytesPerBar the columns' payload by construction (48)
   * @param bytesPerBar retained bytes each additional bar costs (JOL; the slope between an empty
   *     and a 1,000,000-bar series)
   * @param fixedBytesPerSeries retained bytes of an empty series (object, array headers, symbol)
   * @param retainedBytesPerBar1m retained bytes of the 1,000,000-bar series divided by its bars
   * @param allocatedBytesPerBar bytes allocated per bar building a 1,000,000-bar series (JMH)
   * @param heapDeltaBytesPerBar used-heap growth per bar keeping a copy (collector-dependent)
   * @param ta4jBytesPerBar retained bytes each additional bar costs in ta4j's {@code BaseBarSeries}
   *     of {@code DoubleNum}
   */
  record Memory(
      double payloadBytesPerBar,
      double bytesPerBar,
      double fixedBytesPerSeries,
      double retainedBytesPerBar1m,
      double allocatedBytesPerBar,
      double heapDeltaBytesPerBar,
      double ta4jBytesPerBar) {}

  double vsTa4jGoog() {
    return alphapulse.barsPerSecondGoog() / ta4j.barsPerSecondGoog();
  }

  double vsTa4j1m() {
    return alphapulse.barsPerSecond1m() / ta4j.barsPerSecond1m();
  }

  double vsMinimalLoopGoog() {
    return alphapulse.barsPerSecondGoog() / minimalLoop.barsPerSecondGoog();
  }

  double vsMinimalLoop1m() {
    return alphapulse.barsPerSecond1m() / minimalLoop.barsPerSecond1m();
  }

  /** The smaller of the two data sets' ratios to ta4j. */
  double vsTa4j() {
    return Math.min(vsTa4jGoog(), vsTa4j1m());
  }

  /** The smaller of the two data sets' ratios to the minimal loop. */
  double vsMinimalLoop() {
    return Math.min(vsMinimalLoopGoog(), vsMinimalLoop1m());
  }

  /** One JSON object (see {@code BenchMain} for the keys). */
  ObjectNode toJson(ObjectMapper mapper) {
    ObjectNode o = mapper.createObjectNode();
    o.put("suite", "engine");
    o.put("quick", quick);
    o.put("jmh_mode", jmhMode);
    o.put("jmh_settings", jmhSettings);
    o.put("strategy", "SmaCross(10,30)");
    o.put("bars_goog", googBars);
    o.put("bars_1m", syntheticBars);
    num(o, "alphapulse_vs_ta4j", vsTa4j());
    num(o, "alphapulse_vs_ta4j_goog", vsTa4jGoog());
    num(o, "alphapulse_vs_ta4j_1m", vsTa4j1m());
    num(o, "alphapulse_vs_minimal_loop", vsMinimalLoop());
    num(o, "alphapulse_vs_minimal_loop_goog", vsMinimalLoopGoog());
    num(o, "alphapulse_vs_minimal_loop_1m", vsMinimalLoop1m());
    num(o, "bytes_per_bar", memory.bytesPerBar());
    num(o, "bytes_per_bar_payload", memory.payloadBytesPerBar());
    num(o, "bytes_per_series_fixed", memory.fixedBytesPerSeries());
    num(o, "bytes_per_bar_retained_1m", memory.retainedBytesPerBar1m());
    num(o, "bytes_per_bar_allocated", memory.allocatedBytesPerBar());
    num(o, "bytes_per_bar_heap_delta", memory.heapDeltaBytesPerBar());
    num(o, "ta4j_bytes_per_bar", memory.ta4jBytesPerBar());
    impl(o, "alphapulse", alphapulse);
    impl(o, "alphapulse_warm_cache", alphapulseWarmCache);
    impl(o, "minimal_loop", minimalLoop);
    impl(o, "ta4j", ta4j);
    ObjectNode goals = o.putObject("goals_met");
    goal(goals, "alphapulse_vs_ta4j_ge_30", vsTa4j(), vsTa4j() >= GOAL_VS_TA4J);
    goal(
        goals,
        "alphapulse_vs_minimal_loop_ge_0_5",
        vsMinimalLoop(),
        vsMinimalLoop() >= GOAL_VS_MINIMAL_LOOP);
    goal(
        goals,
        "bytes_per_bar_le_48",
        memory.bytesPerBar(),
        memory.bytesPerBar() <= GOAL_BYTES_PER_BAR);
    return o;
  }

  /** A table for people, ending with a newline. */
  String toTable() {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "AlphaPulse engine benchmark: SmaCross(10,30), one backtest per operation%n"
                + "JMH %s, %s%s%n%n",
            jmhMode,
            jmhSettings,
            quick ? " (quick)" : ""));
    b.append(
        String.format(
            Locale.ROOT,
            "%-26s %27s   %27s%n",
            "",
            "GOOG, " + grouped(googBars) + " bars",
            "synthetic, " + grouped(syntheticBars) + " bars"));
    b.append(
        String.format(
            Locale.ROOT,
            "%-26s %14s %12s   %14s %12s%n",
            "implementation",
            "bars/s",
            "alloc B/bar",
            "bars/s",
            "alloc B/bar"));
    row(b, "alphapulse", alphapulse);
    row(b, "alphapulse (warm cache)", alphapulseWarmCache);
    row(b, "minimal loop", minimalLoop);
    row(b, "ta4j 0.17 (DoubleNum)", ta4j);
    if (Double.isNaN(alphapulseWarmCache.barsPerSecondGoog())
        && Double.isNaN(alphapulseWarmCache.barsPerSecond1m())) {
      b.append("(alphapulse with a warm indicator cache is measured in the full run only)")
          .append(System.lineSeparator());
    }
    b.append(System.lineSeparator());
    b.append(
        String.format(
            Locale.ROOT,
            "%-30s %8s  (GOOG %s, 1M %s)  goal >= %sx: %s%n",
            "AlphaPulse vs ta4j:",
            ratio(vsTa4j()),
            ratio(vsTa4jGoog()),
            ratio(vsTa4j1m()),
            plain(GOAL_VS_TA4J),
            verdict(vsTa4j(), vsTa4j() >= GOAL_VS_TA4J)));
    b.append(
        String.format(
            Locale.ROOT,
            "%-30s %8s  (GOOG %s, 1M %s)  goal >= %sx: %s%n",
            "AlphaPulse vs minimal loop:",
            ratio(vsMinimalLoop()),
            ratio(vsMinimalLoopGoog()),
            ratio(vsMinimalLoop1m()),
            plain(GOAL_VS_MINIMAL_LOOP),
            verdict(vsMinimalLoop(), vsMinimalLoop() >= GOAL_VS_MINIMAL_LOOP)));
    b.append(
        String.format(
            Locale.ROOT,
            "%-30s %8s  (+%s B per series; payload %s; 1M series %s retained, %s allocated,"
                + " %s heap delta)  goal <= %s: %s%n",
            "BarSeries bytes per bar:",
            bytes(memory.bytesPerBar()),
            bytes(memory.fixedBytesPerSeries()),
            bytes(memory.payloadBytesPerBar()),
            bytes(memory.retainedBytesPerBar1m()),
            bytes(memory.allocatedBytesPerBar()),
            bytes(memory.heapDeltaBytesPerBar()),
            plain(GOAL_BYTES_PER_BAR),
            verdict(memory.bytesPerBar(), memory.bytesPerBar() <= GOAL_BYTES_PER_BAR)));
    b.append(
        String.format(
            Locale.ROOT,
            "%-30s %8s%n",
            "ta4j BaseBarSeries bytes/bar:",
            bytes(memory.ta4jBytesPerBar())));
    return b.toString();
  }

  private static void row(StringBuilder b, String label, Impl impl) {
    b.append(
        String.format(
            Locale.ROOT,
            "%-26s %14s %12s   %14s %12s%n",
            label,
            speed(impl.barsPerSecondGoog()),
            bytes(impl.allocatedBytesPerBarGoog()),
            speed(impl.barsPerSecond1m()),
            bytes(impl.allocatedBytesPerBar1m())));
  }

  private static void impl(ObjectNode o, String prefix, Impl impl) {
    num(o, prefix + "_bars_per_second_goog", impl.barsPerSecondGoog());
    num(o, prefix + "_bars_per_second_1m", impl.barsPerSecond1m());
    num(o, prefix + "_allocated_bytes_per_bar_goog", impl.allocatedBytesPerBarGoog());
    num(o, prefix + "_allocated_bytes_per_bar_1m", impl.allocatedBytesPerBar1m());
  }

  private static void goal(ObjectNode goals, String name, double value, boolean met) {
    if (Double.isNaN(value)) {
      goals.putNull(name);
    } else {
      goals.put(name, met);
    }
  }

  private static void num(ObjectNode o, String key, double value) {
    if (Double.isFinite(value)) {
      o.put(key, value);
    } else {
      o.putNull(key);
    }
  }

  private static String verdict(double value, boolean met) {
    return Double.isNaN(value) ? "not measured" : met ? "met" : "NOT met";
  }

  private static String speed(double barsPerSecond) {
    if (!Double.isFinite(barsPerSecond)) {
      return "-";
    }
    if (barsPerSecond >= 1e9) {
      return String.format(Locale.ROOT, "%.2f G", barsPerSecond / 1e9);
    }
    if (barsPerSecond >= 1e6) {
      return String.format(Locale.ROOT, "%.1f M", barsPerSecond / 1e6);
    }
    if (barsPerSecond >= 1e3) {
      return String.format(Locale.ROOT, "%.1f k", barsPerSecond / 1e3);
    }
    return String.format(Locale.ROOT, "%.0f", barsPerSecond);
  }

  private static String ratio(double r) {
    return Double.isFinite(r) ? String.format(Locale.ROOT, "%.2fx", r) : "-";
  }

  private static String bytes(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f", v) : "-";
  }

  private static String plain(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  private static String grouped(int n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
