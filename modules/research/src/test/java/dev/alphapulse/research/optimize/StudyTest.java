package dev.alphapulse.research.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alphapulse.engine.backtest.Backtest;
import dev.alphapulse.engine.backtest.BacktestConfig;
import dev.alphapulse.engine.data.Universe;
import dev.alphapulse.engine.data.synthetic.SyntheticMarket;
import dev.alphapulse.engine.metrics.Metrics;
import dev.alphapulse.engine.metrics.MetricsConvention;
import dev.alphapulse.engine.strategy.Params;
import dev.alphapulse.engine.strategy.StrategyDescriptor;
import dev.alphapulse.engine.strategy.StrategyRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class StudyTest {
  static final StrategyDescriptor SMA = StrategyRegistry.load().get("sma-cross");
  static final ParameterSpace SPACE =
      ParameterSpace.of("fast", Domain.randint(2, 40), "slow", Domain.randint(41, 200));

  /** A known quality per parameter set: the best is fast=20, slow=80. */
  static double quality(Map<String, Object> p) {
    double f = ((Number) p.get("fast")).doubleValue();
    double s = ((Number) p.get("slow")).doubleValue();
    return -(f - 20) * (f - 20) / 100 - (s - 80) * (s - 80) / 1000;
  }

  /** A fake backtest: the quality plus noise that shrinks with the budget; deterministic. */
  static TrialOutcome fake(TrialTask t) {
    if (((Number) t.params().get("fast")).intValue() == 13) {
      return TrialOutcome.failed(t.trialId(), t.step(), "unlucky 13");
    }
    long h = t.params().hashCode() * 31L + Double.hashCode(t.to());
    double noise = new java.util.SplittableRandom(h).nextDouble(-1, 1) * 0.3 * (1 - t.to());
    return TrialOutcome.success(
        t.trialId(),
        t.step(),
        Map.of("Sharpe Ratio", quality(t.params()) + noise, "# Trades", 3.0));
  }

  static StudySpec spec(SearcherSpec searcher, SchedulerSpec scheduler, int samples, int batch) {
    return new StudySpec(SPACE, "Sharpe Ratio", Mode.MAX, searcher, scheduler, samples, batch, 11L);
  }

  /**
   * Runs a study to the end. {@code workers} tasks are "in flight" at a time and finish in an order
   * drawn from {@code orderSeed}; returns every outcome in arrival order.
   */
  static List<TrialOutcome> run(
      Study study, Function<TrialTask, TrialOutcome> eval, int workers, long orderSeed) {
    Random order = new Random(orderSeed);
    List<TrialOutcome> log = new ArrayList<>();
    while (!study.isFinished()) {
      List<TrialTask> pending = new ArrayList<>(study.pendingTasks());
      Collections.shuffle(pending, order);
      List<TrialTask> inFlight = pending.subList(0, Math.min(workers, pending.size()));
      for (TrialTask t : inFlight) {
        TrialOutcome o = eval.apply(t);
        log.add(o);
        assertThat(study.report(o)).isTrue();
      }
    }
    return log;
  }

  @Test
  void fifoRunsEveryTrialAtFullBudgetAndFindsTheBest() {
    Study study = Study.create(spec(new SearcherSpec.Random(), new SchedulerSpec.Fifo(), 30, 8));
    assertThat(study.pendingTasks()).hasSize(8).allMatch(t -> t.from() == 0 && t.to() == 1.0);
    run(study, StudyTest::fake, 3, 1);
    assertThat(study.trials()).hasSize(30);
    assertThat(study.trials())
        .allMatch(t -> t.steps().size() == 1)
        .allMatch(
            t ->
                t.status() == TrialStatus.COMPLETED && t.budgetReached() == 1.0
                    || t.status() == TrialStatus.FAILED);
    TrialRecord best = study.bestTrial().orElseThrow();
    double bestQuality =
        study.trials().stream()
            .filter(t -> t.status() == TrialStatus.COMPLETED)
            .mapToDouble(t -> quality(t.params()))
            .max()
            .getAsDouble();
    assertThat(quality(best.params())).isEqualTo(bestQuality);
    assertThat(study.pendingTasks()).isEmpty();
  }

  @Test
  void resultDoesNotDependOnArrivalOrderOrParallelism() {
    StudySpec spec = spec(SearcherSpec.Tpe.defaults(), new SchedulerSpec.Asha(0.1, 3, 1.0), 40, 6);
    Study one = Study.create(spec);
    run(one, StudyTest::fake, 1, 1);
    Study many = Study.create(spec);
    run(many, StudyTest::fake, 6, 2);
    Study some = Study.create(spec);
    run(some, StudyTest::fake, 4, 3);
    assertThat(many.state()).isEqualTo(one.state());
    assertThat(some.state()).isEqualTo(one.state());
    assertThat(one.state().finished()).isTrue();
  }

  @Test
  void replayingOutcomesInAnyOrderRebuildsTheIdenticalStateWithoutRerunning() {
    for (SchedulerSpec scheduler :
        List.of(
            new SchedulerSpec.Fifo(),
            new SchedulerSpec.Asha(0.1, 3, 1.0),
            new SchedulerSpec.Pbt(4, 0.25, 0.2))) {
      StudySpec spec = spec(SearcherSpec.Tpe.defaults(), scheduler, 24, 5);
      Study live = Study.create(spec);
      Random order = new Random(4);
      List<TrialOutcome> persisted = new ArrayList<>();
      // crash in the middle of a round: some outcomes of it are persisted, some are not
      for (int k = 0; k < 37 && !live.isFinished(); k++) {
        List<TrialTask> pending = new ArrayList<>(live.pendingTasks());
        TrialTask t = pending.get(order.nextInt(pending.size()));
        TrialOutcome o = fake(t);
        persisted.add(o);
        live.report(o);
      }
      List<TrialOutcome> shuffled = new ArrayList<>(persisted);
      Collections.shuffle(shuffled, new Random(99));
      shuffled.add(persisted.get(3)); // a duplicate from at-least-once delivery
      Study rebuilt = Study.replay(spec, shuffled);
      assertThat(rebuilt.state()).as(scheduler.name()).isEqualTo(live.state());
      assertThat(rebuilt.pendingTasks()).isEqualTo(live.pendingTasks());
      assertThat(rebuilt.round()).isPositive();
      // and both go on identically
      run(live, StudyTest::fake, 2, 5);
      run(rebuilt, StudyTest::fake, 5, 6);
      assertThat(rebuilt.state()).as(scheduler.name()).isEqualTo(live.state());
      assertThat(rebuilt.bestTrial()).isEqualTo(live.bestTrial());
    }
  }

  @Test
  void reportRejectsUnknownTasksAndIgnoresDuplicates() {
    Study study = Study.create(spec(new SearcherSpec.Random(), new SchedulerSpec.Fifo(), 4, 2));
    TrialTask t = study.pendingTasks().get(0);
    assertThat(study.report(fake(t))).isTrue();
    assertThat(study.report(fake(t))).isFalse();
    assertThatThrownBy(() -> study.report(TrialOutcome.success(77, 0, Map.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("trial 77");
    study.report(fake(study.pendingTasks().get(0)));
    assertThat(study.round()).isEqualTo(1);
    assertThat(study.report(fake(t))).isFalse(); // a late duplicate of an earlier round
  }

  @Test
  void ashaStopsWeakTrialsEarlyAndPromotesTheGoodOnes() {
    SchedulerSpec.Asha asha = new SchedulerSpec.Asha(1 / 9.0, 3, 1.0);
    assertThat(asha.rungs()).hasSize(3);
    assertThat(asha.rungs().get(1))
        .isCloseTo(1 / 3.0, org.assertj.core.api.Assertions.within(1e-12));
    Study study = Study.create(spec(new SearcherSpec.Random(), asha, 54, 9));
    run(study, StudyTest::fake, 4, 7);
    List<TrialRecord> trials = study.trials();
    List<TrialRecord> stopped = trials.stream().filter(TrialRecord::stoppedEarly).toList();
    List<TrialRecord> completed =
        trials.stream().filter(t -> t.status() == TrialStatus.COMPLETED).toList();
    assertThat(stopped.size()).isGreaterThan(trials.size() / 2);
    assertThat(completed).isNotEmpty();
    assertThat(completed).allMatch(t -> t.budgetReached() == 1.0 && t.steps().size() == 3);
    assertThat(stopped).allMatch(t -> t.budgetReached() < 1.0);
    double meanCompleted =
        completed.stream().mapToDouble(t -> quality(t.params())).average().orElseThrow();
    double meanStopped =
        stopped.stream().mapToDouble(t -> quality(t.params())).average().orElseThrow();
    assertThat(meanCompleted).isGreaterThan(meanStopped);
    // the best of all sampled parameter sets was not stopped
    TrialRecord trulyBest =
        trials.stream()
            .filter(t -> t.status() != TrialStatus.FAILED)
            .max(java.util.Comparator.comparingDouble(t -> quality(t.params())))
            .orElseThrow();
    assertThat(trulyBest.status()).isEqualTo(TrialStatus.COMPLETED);
    assertThat(study.bestTrial().orElseThrow().budgetReached()).isEqualTo(1.0);
    // far less compute than FIFO's 54 full runs
    double used =
        trials.stream().flatMap(t -> t.steps().stream()).mapToDouble(StepResult::to).sum();
    assertThat(used).isLessThan(54 * 0.4);
    // failures are recorded as such
    assertThat(trials)
        .filteredOn(t -> t.params().get("fast").equals(13))
        .allMatch(t -> t.status() == TrialStatus.FAILED);
  }

  @Test
  void pbtProducesAParameterScheduleAndAnOutOfSampleStitchedEquity() {
    Universe universe = SyntheticMarket.generate(SyntheticMarket.Spec.of(1, 2_000, 3L)).universe();
    TrialEvaluator eval =
        new TrialEvaluator(
            universe, SMA, BacktestConfig.defaults(), MetricsConvention.BACKTESTING_PY);
    StudySpec spec =
        new StudySpec(
            SPACE,
            "Sharpe Ratio",
            Mode.MAX,
            new SearcherSpec.Random(),
            new SchedulerSpec.Pbt(4, 0.34, 0.25),
            6,
            1,
            5L);
    Study study = Study.create(spec);
    assertThat(study.pendingTasks())
        .hasSize(6)
        .allMatch(t -> t.recordEquity() && t.from() == 0 && t.to() == 0.25);
    run(study, eval::run, 3, 8);
    PbtReport report = study.pbtReport();
    assertThat(report.segments()).hasSize(4);
    for (int k = 1; k < 4; k++) {
      PbtSegment prev = report.segments().get(k - 1);
      PbtSegment seg = report.segments().get(k);
      // the parameters applied on k were chosen on k-1 and are the best member's
      assertThat(seg.appliedMember()).isEqualTo(prev.bestMember());
      assertThat(seg.appliedParams()).isEqualTo(prev.liveParams().get((int) prev.bestMember()));
      assertThat(seg.appliedParams()).isEqualTo(seg.liveParams().get((int) seg.appliedMember()));
      assertThat(prev.replacedMembers()).hasSize(2).doesNotContain(prev.bestMember());
      // replaced members copied a top member and explored (a copy may land on its old values)
      assertThat(
              prev.replacedMembers().stream()
                  .anyMatch(
                      m ->
                          !seg.liveParams()
                              .get((int) (long) m)
                              .equals(prev.liveParams().get((int) (long) m))))
          .isTrue();
      seg.liveParams()
          .forEach(lp -> assertThat(SPACE.domain("fast").contains(lp.get("fast"))).isTrue());
    }
    assertThat(report.segments().get(3).replacedMembers()).isEmpty();
    assertThat(report.schedule()).hasSize(3);
    // stitched: one point per bar of segments 1..3, starting at 1.0, chaining the segment curves
    List<Double> curve = report.stitchedEquity();
    assertThat(curve).hasSize(1 + 2_000 - 500);
    assertThat(curve.get(0)).isEqualTo(1.0);
    double expectedEnd = 1.0;
    for (int k = 1; k < 4; k++) {
      PbtSegment seg = report.segments().get(k);
      Params p = ParameterSpace.toParams(seg.appliedParams(), SMA);
      double[] eq = Backtest.run(universe, SMA.create(p), BacktestConfig.defaults()).equity();
      int start = 500 * k;
      int end = 500 * (k + 1);
      expectedEnd *= eq[end - 1] / eq[start - 1];
    }
    assertThat(curve.get(curve.size() - 1))
        .isCloseTo(expectedEnd, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(study.trials())
        .hasSize(6)
        .allMatch(t -> t.status() == TrialStatus.COMPLETED && t.steps().size() == 4);
  }

  @Test
  void evaluatorRunsBudgetsAndSegmentsAndValidatesTheMetric() {
    Universe universe = SyntheticMarket.generate(SyntheticMarket.Spec.of(2, 1_000, 9L)).universe();
    TrialEvaluator eval =
        new TrialEvaluator(
            universe, SMA, BacktestConfig.defaults(), MetricsConvention.BACKTESTING_PY);
    Params p = Params.of("fast", 10, "slow", 30);
    Map<String, Double> full = eval.evaluate(p, 0, 1);
    assertThat(full)
        .isEqualTo(
            Metrics.compute(
                    Backtest.run(universe, SMA.create(p), BacktestConfig.defaults()),
                    MetricsConvention.BACKTESTING_PY)
                .values());
    Map<String, Double> half = eval.evaluate(p, 0, 0.5);
    assertThat(half.get("Duration")).isLessThan(full.get("Duration") * 0.55);
    Map<String, Double> seg = eval.evaluate(p, 0.5, 1);
    assertThat(seg.keySet()).containsAll(List.of("Sharpe Ratio", "Return [%]"));
    assertThat(seg.get("Duration")).isLessThan(full.get("Duration") * 0.55);
    // constraint violations become failed outcomes
    TrialOutcome bad = eval.run(new TrialTask(3, 0, Map.of("fast", 50, "slow", 45), 0, 1, false));
    assertThat(bad.isFailure()).isTrue();
    assertThat(bad.failure()).contains("fast must be < slow");
    assertThatThrownBy(
            () ->
                new StudySpec(
                    SPACE,
                    "Sharp Ratio",
                    Mode.MAX,
                    new SearcherSpec.Random(),
                    new SchedulerSpec.Fifo(),
                    4,
                    2,
                    1))
        .isInstanceOf(ResearchSpecException.class)
        .hasMessageStartingWith("metric: unknown metric 'Sharp Ratio'")
        .hasMessageContaining("Sharpe Ratio");
    assertThatThrownBy(
            () ->
                new StudySpec(
                    SPACE,
                    "Sharpe Ratio",
                    Mode.MAX,
                    new SearcherSpec.Random(),
                    new SchedulerSpec.Fifo(),
                    4,
                    0,
                    1))
        .isInstanceOf(ResearchSpecException.class)
        .hasMessageStartingWith("batch-size: must be >= 1, was 0");
    assertThat(TrialEvaluator.metricNames())
        .contains("Sharpe Ratio", "Return [%]", "Max. Drawdown [%]", "SQN");
  }
}
