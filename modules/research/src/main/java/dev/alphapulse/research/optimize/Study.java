package dev.alphapulse.research.optimize;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A hyper-parameter study as a deterministic state machine: it hands out {@link TrialTask}s, is
 * told {@link TrialOutcome}s, and drives a {@link Searcher} and a scheduler (FIFO, ASHA or PBT).
 * The caller (an actor, a test, a loop) runs the tasks however it likes.
 *
 * <h2>Rounds</h2>
 *
 * Work is handed out in rounds. A round is fixed when it starts: up to {@code batchSize} tasks
 * (ASHA promotions first, highest rung first, then new trials asked from the searcher) or, under
 * PBT, one segment for the whole population. Outcomes of the round may arrive in any order and from
 * any number of workers; they are only buffered. When the last one arrives the round is processed
 * in trial-id order: steps are recorded, ASHA decides promotions and early stops, PBT exploits and
 * explores, finished trials are told to the searcher; then the next round starts. Nothing depends
 * on arrival order or parallelism, only on the {@link StudySpec}.
 *
 * <h2>Replay</h2>
 *
 * The state is a pure function of the spec and the set of reported outcomes: {@link
 * #replay(StudySpec, Collection)} rebuilds it after a crash from persisted outcomes in any order,
 * without re-running anything; the tasks still missing are exactly {@link #pendingTasks()}. A
 * duplicate outcome (at-least-once delivery) is ignored, the first one wins.
 *
 * <h2>Objective</h2>
 *
 * The objective of a step is the spec's metric signed by its {@link Mode} (higher is better);
 * failures and missing or {@code NaN} metrics rank below every number. ASHA tells the searcher a
 * trial's objective at the highest rung it reached once it completes or is stopped; failures are
 * told as {@code NaN}.
 *
 * <p>Not thread-safe: one caller at a time (an actor).
 */
public final class Study {
  private static final Comparator<double[]> BEST_FIRST =
      (a, b) -> {
        int c = Double.compare(rankable(b[1]), rankable(a[1]));
        return c != 0 ? c : Double.compare(a[0], b[0]);
      };

  private record Promotion(long trialId, int rung) {}

  private static final class Trial {
    final long id;
    Map<String, Object> params;
    TrialStatus status = TrialStatus.RUNNING;
    final List<StepResult> steps = new ArrayList<>();

    Trial(long id, Map<String, Object> params) {
      this.id = id;
      this.params = params;
    }

    TrialRecord toRecord() {
      return new TrialRecord(id, params, status, steps);
    }

    StepResult lastStep() {
      return steps.get(steps.size() - 1);
    }

    boolean hasStep(int step) {
      return steps.stream().anyMatch(s -> s.step() == step);
    }
  }

  private final StudySpec spec;
  private final Searcher searcher;
  private final List<Double> rungs;
  private final double reductionFactor;
  private final SchedulerSpec.Pbt pbt;
  private final SplittableRandom pbtRng;
  private final Map<String, Axis> axes = new HashMap<>();
  private final TreeMap<Long, Trial> trials = new TreeMap<>();
  private final Map<Integer, List<double[]>> rungResults = new HashMap<>();
  private final TreeSet<Promotion> promotions =
      new TreeSet<>(
          Comparator.comparingInt(Promotion::rung)
              .reversed()
              .thenComparingLong(Promotion::trialId));
  private final List<PbtSegment> pbtSegments = new ArrayList<>();
  private final TreeMap<Long, TrialOutcome> roundOutcomes = new TreeMap<>();
  private List<TrialTask> roundTasks = List.of();
  private int created;
  private int round;
  private boolean finished;

  private Study(StudySpec spec) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.searcher = spec.searcher().create(spec.space(), spec.seed());
    SchedulerSpec s = spec.scheduler();
    if (s instanceof SchedulerSpec.Asha a) {
      rungs = a.rungs();
      reductionFactor = a.reductionFactor();
    } else {
      rungs = List.of(1.0);
      reductionFactor = Double.POSITIVE_INFINITY;
    }
    pbt = s instanceof SchedulerSpec.Pbt p ? p : null;
    // a stream of its own, so that PBT's choices do not shift the searcher's
    pbtRng = new SplittableRandom(spec.seed() ^ 0x9E3779B97F4A7C15L);
    for (Axis a : Axis.of(spec.space())) {
      axes.put(a.name, a);
    }
    startRound();
  }

  /** A new study; its first round is ready. */
  public static Study create(StudySpec spec) {
    return new Study(spec);
  }

  /**
   * Rebuilds a study from persisted outcomes, in any order: the result has the same {@link
   * #state()} as the study that received them. Outcomes that match no task (e.g. of a different
   * spec) are left out.
   *
   * @throws IllegalArgumentException if two different outcomes share a trial id and step
   */
  public static Study replay(StudySpec spec, Collection<TrialOutcome> outcomes) {
    Map<List<Long>, TrialOutcome> byKey = new HashMap<>();
    for (TrialOutcome o : outcomes) {
      TrialOutcome prev = byKey.putIfAbsent(List.of(o.trialId(), (long) o.step()), o);
      if (prev != null && !prev.equals(o)) {
        throw new IllegalArgumentException(
            "two different outcomes for trial " + o.trialId() + " step " + o.step());
      }
    }
    Study study = new Study(spec);
    boolean progress = true;
    while (progress && !study.finished) {
      progress = false;
      for (TrialTask t : study.pendingTasks()) {
        TrialOutcome o = byKey.get(List.of(t.trialId(), (long) t.step()));
        if (o != null && study.report(o)) {
          progress = true;
        }
      }
    }
    return study;
  }

  /** The spec. */
  public StudySpec spec() {
    return spec;
  }

  /** Index of the current round. */
  public int round() {
    return round;
  }

  /** Whether nothing remains to run. */
  public boolean isFinished() {
    return finished;
  }

  /** All tasks of the current round, by trial id (reported or not). */
  public List<TrialTask> roundTasks() {
    return roundTasks;
  }

  /**
   * The tasks of the current round whose outcome has not been reported, by trial id. Calling it
   * again without reporting returns the same tasks; empty when finished.
   */
  public List<TrialTask> pendingTasks() {
    return roundTasks.stream().filter(t -> !roundOutcomes.containsKey(t.trialId())).toList();
  }

  /**
   * Reports the outcome of a task of the current round.
   *
   * @return {@code true} if accepted, {@code false} if it duplicates an outcome already reported
   *     (in this round or an earlier one)
   * @throws IllegalArgumentException if no task with that trial id and step was handed out
   */
  public boolean report(TrialOutcome outcome) {
    Objects.requireNonNull(outcome, "outcome");
    TrialTask task = null;
    for (TrialTask t : roundTasks) {
      if (t.trialId() == outcome.trialId() && t.step() == outcome.step()) {
        task = t;
      }
    }
    if (task == null) {
      Trial trial = trials.get(outcome.trialId());
      if (trial != null && trial.hasStep(outcome.step())) {
        return false;
      }
      throw new IllegalArgumentException(
          "no task for trial "
              + outcome.trialId()
              + " step "
              + outcome.step()
              + " in round "
              + round
              + (finished ? " (the study is finished)" : ""));
    }
    if (roundOutcomes.putIfAbsent(outcome.trialId(), outcome) != null) {
      return false;
    }
    if (roundOutcomes.size() == roundTasks.size()) {
      completeRound();
    }
    return true;
  }

  /** Every trial so far, by id. */
  public List<TrialRecord> trials() {
    return trials.values().stream().map(Trial::toRecord).toList();
  }

  /**
   * The best trial: among trials whose last step has a number for an objective, the one with the
   * largest budget reached, then the best objective, then the lowest id. Under PBT, the best member
   * on the last segment run.
   */
  public Optional<TrialRecord> bestTrial() {
    return trials().stream()
        .filter(t -> !Double.isNaN(t.objective()))
        .min(
            Comparator.comparingDouble(TrialRecord::budgetReached)
                .reversed()
                .thenComparing(Comparator.comparingDouble(TrialRecord::objective).reversed())
                .thenComparingLong(TrialRecord::trialId));
  }

  /** A complete snapshot; two studies with equal states hand out the same tasks from now on. */
  public StudyState state() {
    return new StudyState(
        round, finished, trials(), roundTasks, List.copyOf(roundOutcomes.values()), pbtSegments);
  }

  /** The PBT schedule and stitched out-of-sample equity so far (empty unless PBT). */
  public PbtReport pbtReport() {
    List<Double> curve = new ArrayList<>();
    if (pbt != null) {
      curve.add(1.0);
    }
    for (PbtSegment seg : pbtSegments) {
      if (seg.appliedMember() < 0) {
        continue;
      }
      StepResult s =
          trials.get(seg.appliedMember()).steps.stream()
              .filter(r -> r.step() == seg.segment())
              .findFirst()
              .orElseThrow();
      double start = curve.get(curve.size() - 1);
      List<Double> eq = s.equity();
      if (eq.size() >= 2 && eq.get(0) > 0) {
        for (int j = 1; j < eq.size(); j++) {
          curve.add(start * eq.get(j) / eq.get(0));
        }
      } else {
        Double r = s.metrics().get("Return [%]");
        curve.add(r == null || r.isNaN() ? start : start * (1 + r / 100));
      }
    }
    return new PbtReport(pbtSegments, curve);
  }

  private void startRound() {
    List<TrialTask> tasks = new ArrayList<>();
    if (pbt != null) {
      if (round == 0) {
        for (Candidate c : searcher.ask(spec.numSamples())) {
          trials.put(c.trialId(), new Trial(c.trialId(), c.params()));
        }
      }
      int seg = round;
      if (seg < pbt.segments()) {
        double from = seg / (double) pbt.segments();
        double to = seg + 1 == pbt.segments() ? 1.0 : (seg + 1) / (double) pbt.segments();
        for (Trial t : trials.values()) {
          tasks.add(new TrialTask(t.id, seg, t.params, from, to, true));
        }
      }
    } else {
      while (!promotions.isEmpty() && tasks.size() < spec.batchSize()) {
        Promotion p = promotions.pollFirst();
        tasks.add(
            new TrialTask(
                p.trialId(),
                p.rung(),
                trials.get(p.trialId()).params,
                0,
                rungs.get(p.rung()),
                false));
      }
      int room = Math.min(spec.batchSize() - tasks.size(), spec.numSamples() - created);
      if (room > 0) {
        for (Candidate c : searcher.ask(room)) {
          trials.put(c.trialId(), new Trial(c.trialId(), c.params()));
          created++;
          tasks.add(new TrialTask(c.trialId(), 0, c.params(), 0, rungs.get(0), false));
        }
      }
      tasks.sort(Comparator.comparingLong(TrialTask::trialId));
    }
    roundTasks = List.copyOf(tasks);
    finished = tasks.isEmpty();
  }

  private void completeRound() {
    for (TrialTask t : roundTasks) {
      TrialOutcome o = roundOutcomes.get(t.trialId());
      double objective = Double.NaN;
      if (!o.isFailure()) {
        Double v = o.metrics().get(spec.metric());
        objective = v == null ? Double.NaN : spec.mode().objective(v);
      }
      trials
          .get(t.trialId())
          .steps
          .add(
              new StepResult(
                  t.step(),
                  t.from(),
                  t.to(),
                  t.params(),
                  o.metrics(),
                  objective,
                  o.failure(),
                  o.equity()));
    }
    if (pbt != null) {
      pbtBoundary();
    } else {
      decide();
    }
    round++;
    roundOutcomes.clear();
    startRound();
  }

  /** ASHA (FIFO is ASHA with one rung): record this round's results, then decide in id order. */
  private void decide() {
    int last = rungs.size() - 1;
    for (TrialTask t : roundTasks) {
      StepResult s = trials.get(t.trialId()).lastStep();
      if (!s.isFailure()) {
        rungResults
            .computeIfAbsent(t.step(), k -> new ArrayList<>())
            .add(new double[] {t.trialId(), s.objective()});
      }
    }
    for (TrialTask t : roundTasks) {
      Trial trial = trials.get(t.trialId());
      StepResult s = trial.lastStep();
      if (s.isFailure()) {
        trial.status = TrialStatus.FAILED;
        searcher.tell(trial.id, Double.NaN);
      } else if (t.step() == last) {
        trial.status = TrialStatus.COMPLETED;
        searcher.tell(trial.id, s.objective());
      } else if (promoted(t.step(), trial.id)) {
        promotions.add(new Promotion(trial.id, t.step() + 1));
      } else {
        trial.status = TrialStatus.STOPPED_EARLY;
        searcher.tell(trial.id, s.objective());
      }
    }
  }

  private boolean promoted(int rung, long trialId) {
    List<double[]> results = new ArrayList<>(rungResults.get(rung));
    results.sort(BEST_FIRST);
    int keep = (int) Math.max(1, Math.floor(results.size() / reductionFactor));
    for (int k = 0; k < keep; k++) {
      if (results.get(k)[0] == trialId) {
        return true;
      }
    }
    return false;
  }

  private static double rankable(double objective) {
    return Double.isNaN(objective) ? Double.NEGATIVE_INFINITY : objective;
  }

  private void pbtBoundary() {
    int seg = round;
    List<Trial> members = new ArrayList<>(trials.values());
    List<double[]> ranked = new ArrayList<>();
    for (Trial m : members) {
      ranked.add(new double[] {m.id, m.lastStep().objective()});
    }
    ranked.sort(BEST_FIRST);
    long best = (long) ranked.get(0)[0];
    long applied = seg == 0 ? -1 : pbtSegments.get(seg - 1).bestMember();
    Map<String, Object> appliedParams =
        applied < 0 ? Map.of() : trials.get(applied).lastStep().params();
    List<Map<String, Object>> live = members.stream().map(m -> m.lastStep().params()).toList();
    List<Long> replaced = new ArrayList<>();
    if (seg < pbt.segments() - 1) {
      int n = members.size();
      int q = (int) Math.max(1, Math.floor(n * pbt.quantile()));
      if (2 * q <= n) {
        List<Long> bottom = new ArrayList<>();
        for (int k = n - q; k < n; k++) {
          bottom.add((long) ranked.get(k)[0]);
        }
        bottom.sort(Comparator.naturalOrder());
        for (long id : bottom) {
          long donor = (long) ranked.get(pbtRng.nextInt(q))[0];
          trials.get(id).params = explore(trials.get(donor).params);
          replaced.add(id);
        }
      }
    } else {
      for (Trial m : members) {
        m.status = TrialStatus.COMPLETED;
        searcher.tell(m.id, m.lastStep().objective());
      }
    }
    pbtSegments.add(
        new PbtSegment(seg, live, best, ranked.get(0)[1], applied, appliedParams, replaced));
  }

  private Map<String, Object> explore(Map<String, Object> donor) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Domain> e : spec.space().domains().entrySet()) {
      Domain d = e.getValue();
      Object v = donor.get(e.getKey());
      if (d instanceof Domain.Fixed) {
        out.put(e.getKey(), v);
      } else if (pbtRng.nextDouble() < pbt.resampleProbability()) {
        out.put(e.getKey(), d.sample(pbtRng));
      } else {
        out.put(e.getKey(), perturb(axes.get(e.getKey()), v));
      }
    }
    return out;
  }

  private Object perturb(Axis axis, Object v) {
    boolean up = pbtRng.nextBoolean();
    if (axis.categorical()) {
      int k = axis.index(v) + (up ? 1 : -1);
      return axis.values.get(Math.max(0, Math.min(axis.size() - 1, k)));
    }
    double x = ((Number) v).doubleValue();
    double target = x * (up ? 1.2 : 0.8);
    Object r = at(axis, target);
    boolean discrete =
        axis.domain instanceof Domain.RandInt
            || axis.domain instanceof Domain.QUniform
            || (axis.domain instanceof Domain.LogUniform l && l.integer());
    if (discrete && r.equals(v)) {
      // a factor of 0.8 or 1.2 rounds back to the same small integer: move one step instead
      double unit = axis.domain instanceof Domain.QUniform q ? q.q() : 1;
      r = at(axis, target >= x ? x + unit : x - unit);
    }
    return r;
  }

  private static Object at(Axis axis, double value) {
    if (axis.domain instanceof Domain.LogUniform) {
      return axis.decode(value > 0 ? Math.log(value) : axis.lo);
    }
    return axis.decode(value);
  }
}
