package dev.alphapulse.jobs.research;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alphapulse.engine.data.BarSeries;
import dev.alphapulse.engine.data.Universe;
import dev.alphapulse.engine.strategy.StrategyDescriptor;
import dev.alphapulse.engine.strategy.StrategyRegistry;
import dev.alphapulse.jobs.ChunkExecutor;
import dev.alphapulse.jobs.DatasetRef;
import dev.alphapulse.jobs.JobSpec;
import dev.alphapulse.research.optimize.ResearchSpecException;
import dev.alphapulse.research.optimize.Study;
import dev.alphapulse.research.optimize.StudySpec;
import dev.alphapulse.research.optimize.TrialEvaluator;
import dev.alphapulse.research.optimize.TrialOutcome;
import dev.alphapulse.research.optimize.TrialRecord;
import dev.alphapulse.research.optimize.TrialTask;
import dev.alphapulse.research.overfit.DeflatedSharpe;
import dev.alphapulse.research.walkforward.WalkForwardMode;
import dev.alphapulse.research.walkforward.WalkForwardSpec;
import dev.alphapulse.research.walkforward.WalkForwardSpecException;
import dev.alphapulse.research.walkforward.WalkForwardStitching;
import dev.alphapulse.research.walkforward.WalkForwardSummary;
import dev.alphapulse.research.walkforward.WalkForwardWindow;
import dev.alphapulse.research.walkforward.WalkForwardWindowResult;
import dev.alphapulse.research.walkforward.WalkForwardWindows;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/**
 * {@code type: walk-forward}: rolling or anchored windows over the history; in each, a whole study
 * (the {@code search-space} and {@code search} sections, FIFO) picks parameters on the in-sample
 * bars only, which are then run out of sample. One chunk per window; a window's result depends only
 * on the window, the data and the spec, so windows computed in parallel give the result of one
 * sequential loop.
 *
 * <h2>Bars</h2>
 *
 * <ul>
 *   <li>In sample: the study's trials are backtests on the universe cut to {@code [isFrom, isTo)}
 *       alone (every trial the whole window, no scheduler).
 *   <li>Out of sample: the chosen parameters are backtested on {@code [isFrom, oosTo)} and measured
 *       on {@code [oosFrom, oosTo)} only (as {@link TrialEvaluator} measures a later window): the
 *       in-sample and purged bars warm the indicators up, a position open at {@code oosFrom}
 *       carries in, and the out-of-sample returns start from the equity just before {@code
 *       oosFrom}. Nothing after {@code oosTo} is read.
 * </ul>
 *
 * <p>Every window's study uses the job seed (the same searcher stream in every window).
 */
final class WalkForwardKind implements ResearchKind {
  static final List<String> KEYS =
      List.of(
          "window-size",
          "step-size",
          "n-windows",
          "mode",
          "purge",
          "embargo",
          "test-size",
          "periods-per-year");

  private static final String P = "walk-forward";
  private static final String SHARPE = "Sharpe Ratio";
  private static final String RETURN = "Return [%]";

  private final JobSpec spec;
  private final StrategyDescriptor strategy;
  private final StudySpec study;
  private final WalkForwardSpec windows;
  private final double periodsPerYear;
  private final DatasetRef dataset;

  private WalkForwardKind(
      JobSpec spec,
      StrategyDescriptor strategy,
      StudySpec study,
      WalkForwardSpec windows,
      double periodsPerYear,
      DatasetRef dataset) {
    this.spec = spec;
    this.strategy = strategy;
    this.study = study;
    this.windows = windows;
    this.periodsPerYear = periodsPerYear;
    this.dataset = dataset;
  }

  static ResearchKind create(
      JobSpec spec, JsonNode research, DatasetRef dataset, StrategyRegistry registry) {
    StrategyDescriptor strategy = ResearchJobs.strategy(spec, registry);
    StudySpec study = StudySections.parse(research, strategy, spec.seed(), false);
    JsonNode wf = Sections.section(research, P);
    Sections.checkKeys(wf, P, KEYS);
    String m = Sections.text(wf, "mode", P, "rolling").trim().toLowerCase(Locale.ROOT);
    WalkForwardMode mode =
        switch (m) {
          case "rolling" -> WalkForwardMode.ROLLING;
          case "anchored" -> WalkForwardMode.ANCHORED;
          default ->
              throw new ResearchSpecException(
                  P + ".mode", "unknown mode '" + m + "'; expected rolling or anchored");
        };
    int windowSize = Sections.integer(wf, "window-size", P, 1000, 2);
    int stepSize = Sections.integer(wf, "step-size", P, 250, 1);
    int testSize = Sections.integer(wf, "test-size", P, stepSize, 2);
    WalkForwardSpec ws;
    try {
      ws =
          new WalkForwardSpec(
              windowSize,
              stepSize,
              Sections.integer(wf, "n-windows", P, 0, 1),
              mode,
              testSize,
              Sections.integer(wf, "purge", P, 0, 0),
              Sections.integer(wf, "embargo", P, 0, 0));
    } catch (WalkForwardSpecException e) {
      throw new ResearchSpecException(field(e.field()), e.getMessage());
    }
    double ppy = Sections.number(wf, "periods-per-year", P, 252);
    if (!(ppy > 0)) {
      throw new ResearchSpecException(P + ".periods-per-year", "must be positive, was " + ppy);
    }
    WalkForwardKind kind = new WalkForwardKind(spec, strategy, study, ws, ppy, dataset);
    if (dataset != null) {
      kind.windows(dataset.bars());
    }
    return kind;
  }

  /** The job-file field of a {@link WalkForwardSpec} field. */
  private static String field(String specField) {
    return switch (specField) {
      case "windowSize" -> P + ".window-size";
      case "stepSize" -> P + ".step-size";
      case "windows" -> P + ".n-windows";
      case "outOfSampleSize" -> P + ".test-size";
      case "purge" -> P + ".purge";
      case "embargo" -> P + ".embargo";
      case "mode" -> P + ".mode";
      default -> "data";
    };
  }

  /** The windows over {@code bars} bars, or an error naming the walk-forward field. */
  List<WalkForwardWindow> windows(int bars) {
    try {
      return WalkForwardWindows.generate(windows, bars);
    } catch (WalkForwardSpecException e) {
      throw new ResearchSpecException(field(e.field()), e.getMessage());
    }
  }

  @Override
  public ResearchDriver driver() {
    if (dataset == null) {
      throw new IllegalStateException("a walk-forward job needs its dataset to plan its windows");
    }
    List<String> tasks = new ArrayList<>();
    for (WalkForwardWindow w : windows(dataset.bars())) {
      tasks.add(Json.write(w));
    }
    return new StaticDriver(tasks);
  }

  @Override
  public String execute(String task, Universe universe) {
    return Json.write(run(Json.read(task, WalkForwardWindow.class), universe));
  }

  /** Runs one window: the in-sample study, then the chosen parameters out of sample. */
  WalkForwardPayload run(WalkForwardWindow w, Universe universe) {
    if (w.outOfSampleTo() > universe.size()) {
      throw new IllegalArgumentException(
          "window " + w + " does not fit the " + universe.size() + " bars of the data");
    }
    TrialEvaluator inSample =
        new TrialEvaluator(
            slice(universe, w.inSampleFrom(), w.inSampleTo()),
            strategy,
            spec.backtest().toConfig(),
            ChunkExecutor.CONVENTION);
    Study s = Study.create(study);
    Map<Long, double[]> returnsByTrial = new HashMap<>();
    while (!s.isFinished()) {
      List<TrialTask> pending = s.pendingTasks();
      if (pending.isEmpty()) {
        throw new IllegalStateException("the study of window " + w.index() + " is stuck");
      }
      for (TrialTask t : pending) {
        TrialOutcome o =
            inSample.run(new TrialTask(t.trialId(), t.step(), t.params(), t.from(), t.to(), true));
        if (!o.isFailure()) {
          returnsByTrial.put(
              t.trialId(),
              Overfitting.returns(o.equity().stream().mapToDouble(Double::doubleValue).toArray()));
        }
        s.report(new TrialOutcome(o.trialId(), o.step(), o.metrics(), o.failure(), List.of()));
      }
    }
    TrialRecord best =
        s.bestTrial()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "no in-sample trial of window " + w.index() + " has a " + study.metric()));
    List<TrialRecord> trials = s.trials();
    double[] trialSharpes = new double[trials.size()];
    List<Double> periodSharpes = new ArrayList<>();
    int failed = 0;
    for (int i = 0; i < trials.size(); i++) {
      TrialRecord t = trials.get(i);
      Double v = t.metrics().get(SHARPE);
      trialSharpes[i] = v == null ? Double.NaN : v;
      double[] r = returnsByTrial.get(t.trialId());
      if (r == null) {
        failed++;
      } else {
        double ps = periodSharpe(r);
        if (Double.isFinite(ps)) {
          periodSharpes.add(ps);
        }
      }
    }
    JsonNode dsr = null;
    double[] bestReturns = returnsByTrial.get(best.trialId());
    if (periodSharpes.size() >= 2 && bestReturns != null && bestReturns.length >= 2) {
      dsr =
          Json.MAPPER.valueToTree(
              DeflatedSharpe.fromReturns(
                  bestReturns, periodSharpes.size(), Overfitting.sampleVariance(periodSharpes)));
    }
    // PBO of the window's selection: CSCV over its in-sample trials' returns (trial order)
    List<double[]> columns = new ArrayList<>();
    for (TrialRecord t : trials) {
      double[] r = returnsByTrial.get(t.trialId());
      if (r != null && r.length == w.inSampleBars() - 1) {
        columns.add(r);
      }
    }
    JsonNode pbo = null;
    if (columns.size() >= 2) {
      double[][] byRow = new double[columns.get(0).length][columns.size()];
      for (int j = 0; j < columns.size(); j++) {
        double[] c = columns.get(j);
        for (int i = 0; i < c.length; i++) {
          byRow[i][j] = c[i];
        }
      }
      pbo = Overfitting.pbo(byRow);
    }
    Map<String, Double> isStats = best.metrics();
    // Out of sample: backtest [isFrom, oosTo), measured on [oosFrom, oosTo).
    int n = w.outOfSampleTo() - w.inSampleFrom();
    int start = w.outOfSampleFrom() - w.inSampleFrom();
    double from = (double) start / n;
    if ((int) Math.round(from * n) != start) {
      throw new IllegalStateException("cannot place the out-of-sample window at bar " + start);
    }
    TrialEvaluator outOfSample =
        new TrialEvaluator(
            slice(universe, w.inSampleFrom(), w.outOfSampleTo()),
            strategy,
            spec.backtest().toConfig(),
            ChunkExecutor.CONVENTION);
    TrialOutcome oos =
        outOfSample.run(new TrialTask(best.trialId(), 0, best.params(), from, 1.0, true));
    if (oos.isFailure()) {
      throw new IllegalStateException("out-of-sample run of window " + w.index() + ": " + oos);
    }
    double[] eq = oos.equity().stream().mapToDouble(Double::doubleValue).toArray();
    double[] oosReturns = Overfitting.returns(eq);
    long[] cal = universe.calendar();
    return new WalkForwardPayload(
        w,
        cal[w.inSampleFrom()],
        cal[w.inSampleTo() - 1],
        cal[w.outOfSampleFrom()],
        cal[w.outOfSampleTo() - 1],
        best.trialId(),
        best.params(),
        isStats.getOrDefault(RETURN, Double.NaN) / 100,
        isStats.getOrDefault(SHARPE, Double.NaN),
        eq[0] > 0 ? eq[eq.length - 1] / eq[0] - 1 : 0,
        oos.metrics().getOrDefault(SHARPE, Double.NaN),
        oos.metrics(),
        oosReturns,
        trialSharpes,
        failed,
        dsr,
        pbo);
  }

  /** Bars {@code [from, to)} of every symbol (re-aligned when there are several). */
  static Universe slice(Universe u, int from, int to) {
    if (from == 0 && to == u.size()) {
      return u;
    }
    List<BarSeries> cut = new ArrayList<>(u.symbolCount());
    for (BarSeries s : u.series()) {
      cut.add(s.slice(from, to));
    }
    return cut.size() == 1 ? Universe.of(cut.get(0)) : Universe.align(cut);
  }

  /** Per-period Sharpe ratio: mean over sample standard deviation; NaN if undefined. */
  static double periodSharpe(double[] r) {
    return Overfitting.periodSharpe(r, Double.NaN);
  }

  @Override
  public ObjectNode assemble(
      SortedMap<Integer, String> payloads, SortedMap<Integer, String> failures, Universe universe) {
    List<WalkForwardPayload> parts = new ArrayList<>();
    for (String p : payloads.values()) {
      parts.add(Json.read(p, WalkForwardPayload.class));
    }
    parts.sort(Comparator.comparingInt(p -> p.window().index()));
    ObjectNode out = Json.object();
    out.put("type", "walk-forward");
    out.put("strategy", spec.strategy());
    out.put("metric", study.metric());
    out.put("mode", study.mode().name().toLowerCase(Locale.ROOT));
    out.put("windowMode", windows.mode().name().toLowerCase(Locale.ROOT));
    out.put("algorithm", study.searcher().name());
    out.put("numSamples", study.numSamples());
    out.put("windowSize", windows.windowSize());
    out.put("stepSize", windows.stepSize());
    out.put("testSize", windows.effectiveOutOfSampleSize());
    out.put("purge", windows.purge());
    out.put("embargo", windows.embargo());
    out.put("periodsPerYear", periodsPerYear);
    out.put("startingEquity", spec.backtest().cash());
    int planned = universe == null ? -1 : windows(universe.size()).size();
    out.put("plannedWindows", planned);
    out.put("windowsCompleted", parts.size());
    out.put("complete", failures.isEmpty() && parts.size() == planned);
    ObjectNode failed = out.putObject("failedChunks");
    failures.forEach((id, why) -> failed.put(String.valueOf(id), why));
    ArrayNode ws = out.putArray("windows");
    List<WalkForwardWindowResult> results = new ArrayList<>();
    List<double[]> oosReturns = new ArrayList<>();
    ArrayNode dsrs = Json.MAPPER.createArrayNode();
    ArrayNode pbos = Json.MAPPER.createArrayNode();
    double pboSum = 0;
    int pboN = 0;
    double dsrSum = 0;
    int dsrN = 0;
    int trialsTotal = 0;
    for (WalkForwardPayload p : parts) {
      WalkForwardWindowResult r =
          new WalkForwardWindowResult(
              p.window(),
              p.params(),
              p.inSampleReturn(),
              p.inSampleSharpe(),
              p.outOfSampleReturn(),
              p.outOfSampleSharpe());
      results.add(r);
      oosReturns.add(p.outOfSampleReturns());
      trialsTotal += p.trialSharpes().length;
      ObjectNode o = ws.addObject();
      WalkForwardWindow w = p.window();
      o.put("index", w.index());
      o.put("inSampleFrom", w.inSampleFrom());
      o.put("inSampleTo", w.inSampleTo());
      o.put("outOfSampleFrom", w.outOfSampleFrom());
      o.put("outOfSampleTo", w.outOfSampleTo());
      o.put("inSampleStart", p.inSampleStart());
      o.put("inSampleEnd", p.inSampleEnd());
      o.put("outOfSampleStart", p.outOfSampleStart());
      o.put("outOfSampleEnd", p.outOfSampleEnd());
      o.put("bestTrialId", p.bestTrialId());
      o.set("params", Json.MAPPER.valueToTree(p.params()));
      o.put("inSampleReturn", p.inSampleReturn());
      o.put("inSampleSharpe", p.inSampleSharpe());
      o.put("outOfSampleReturn", p.outOfSampleReturn());
      o.put("outOfSampleSharpe", p.outOfSampleSharpe());
      o.put("efficiency", r.efficiency(periodsPerYear));
      o.put("trials", p.trialSharpes().length);
      o.put("failedTrials", p.failedTrials());
      o.set("trialSharpes", Json.MAPPER.valueToTree(p.trialSharpes()));
      o.set("outOfSampleStats", Json.MAPPER.valueToTree(p.outOfSampleStats()));
      o.set("deflatedSharpe", p.deflatedSharpe());
      o.set("pbo", p.pbo() == null ? Json.MAPPER.nullNode() : p.pbo());
      pbos.add(p.pbo() == null ? Json.MAPPER.nullNode() : p.pbo());
      if (p.pbo() != null && p.pbo().has("probability")) {
        pboSum += p.pbo().get("probability").asDouble();
        pboN++;
      }
      dsrs.add(p.deflatedSharpe() == null ? Json.MAPPER.nullNode() : p.deflatedSharpe());
      if (p.deflatedSharpe() != null && p.deflatedSharpe().has("probability")) {
        dsrSum += p.deflatedSharpe().get("probability").asDouble();
        dsrN++;
      }
    }
    if (results.isEmpty()) {
      out.putNull("summary");
      out.putNull("stitched");
      out.putNull("overfitting");
      return out;
    }
    WalkForwardSummary s = WalkForwardSummary.of(results, periodsPerYear);
    ObjectNode sum = out.putObject("summary");
    sum.put("windows", s.windows());
    sum.put("outOfSampleReturn", s.outOfSampleReturn());
    sum.put("outOfSampleBars", s.outOfSampleBars());
    sum.put("outOfSampleAnnualisedReturn", s.outOfSampleAnnualisedReturn());
    sum.put("inSampleAnnualisedReturn", s.inSampleAnnualisedReturn());
    sum.put("efficiency", s.efficiency());
    sum.put("meanInSampleSharpe", s.meanInSampleSharpe());
    sum.put("meanOutOfSampleSharpe", s.meanOutOfSampleSharpe());
    sum.put("profitableWindows", s.profitableWindows());
    double[] curve = WalkForwardStitching.stitch(spec.backtest().cash(), oosReturns);
    out.set("stitched", stitched(curve, periodsPerYear));
    ObjectNode of = out.putObject("overfitting");
    of.put("trials", trialsTotal);
    of.put(
        "method",
        "per window: Deflated Sharpe Ratio of the chosen trial's in-sample returns against the"
            + " window's trials, and PBO by CSCV ("
            + Overfitting.BLOCKS
            + " blocks) over the window's in-sample trials");
    of.put("meanDeflatedSharpeProbability", dsrN == 0 ? Double.NaN : dsrSum / dsrN);
    of.set("windows", dsrs);
    if (pboN == 0) {
      of.putNull("pbo");
    } else {
      ObjectNode pbo = of.putObject("pbo");
      pbo.put("meanProbability", pboSum / pboN);
      pbo.put("windows", pboN);
      pbo.put("blocks", Overfitting.BLOCKS);
    }
    of.set("pboWindows", pbos);
    return out;
  }

  /** The stitched out-of-sample equity curve and its statistics. */
  static ObjectNode stitched(double[] curve, double periodsPerYear) {
    ObjectNode o = Json.object();
    int bars = curve.length - 1;
    double total = curve[bars] / curve[0] - 1;
    o.put("bars", bars);
    o.put("finalEquity", curve[bars]);
    o.put("totalReturn", total);
    o.put(
        "annualisedReturn",
        bars > 0 ? WalkForwardStitching.annualise(total, bars, periodsPerYear) : Double.NaN);
    double[] r = Overfitting.returns(curve);
    o.put("sharpe", periodSharpe(r) * Math.sqrt(periodsPerYear));
    double peak = curve[0];
    double dd = 0;
    for (double e : curve) {
      peak = Math.max(peak, e);
      dd = Math.max(dd, peak > 0 ? 1 - e / peak : 0);
    }
    o.put("maxDrawdown", dd);
    o.set("equity", Json.MAPPER.valueToTree(curve));
    return o;
  }
}
