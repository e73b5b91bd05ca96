package dev.alphapulse.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alphapulse.cluster.job.JobModel;
import dev.alphapulse.cluster.job.JobStatus;
import dev.alphapulse.cluster.node.ClusterNode;
import dev.alphapulse.engine.data.Universe;
import dev.alphapulse.engine.strategy.StrategyDescriptor;
import dev.alphapulse.jobs.ChunkExecutor;
import dev.alphapulse.jobs.DatasetRef;
import dev.alphapulse.jobs.JobSpec;
import dev.alphapulse.jobs.JobSpecs;
import dev.alphapulse.jobs.research.Json;
import dev.alphapulse.research.optimize.Mode;
import dev.alphapulse.research.optimize.ParameterSpace;
import dev.alphapulse.research.optimize.SchedulerSpec;
import dev.alphapulse.research.optimize.SearcherSpec;
import dev.alphapulse.research.optimize.Study;
import dev.alphapulse.research.optimize.StudySpec;
import dev.alphapulse.research.optimize.TrialEvaluator;
import dev.alphapulse.research.optimize.TrialRecord;
import dev.alphapulse.research.optimize.TrialStatus;
import dev.alphapulse.research.optimize.TrialTask;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Optimize jobs with the searchers and schedulers that carry state across rounds, CMA-ES (with
 * ASHA) and PBT, on a real embedded node with 1 and 3 worker slots: the trials, the best trial and
 * the PBT report equal those of the pure {@link Study} driven in a plain loop with a {@link
 * TrialEvaluator} (no job pipeline, no actors), and the whole result is the same for any number of
 * slots.
 */
class OptimizeSearchersTest {
  @TempDir Path dir;

  static final String DATA = "data: {synthetic: {symbols: 1, bars: 1500, seed: 11}}\n";
  static final String BACKTEST = "backtest: {cash: 10000, commission: 0.001}\n";

  static final String CMA_ES =
      "type: optimize\n"
          + DATA
          + "strategy: sma-cross\n"
          + "search-space: {fast: {randint: [2, 40]}, slow: {randint: [45, 200]}}\n"
          + "search: {algorithm: cma-es, num-samples: 18, batch-size: 6, population-size: 6,"
          + " sigma0: 0.25}\n"
          + "scheduler: {type: asha, grace-period: 0.25, reduction-factor: 2}\n"
          + BACKTEST
          + "seed: 17\n";

  static final String PBT =
      "type: optimize\n"
          + DATA
          + "strategy: sma-cross\n"
          + "search-space: {fast: {randint: [2, 40]}, slow: {randint: [45, 200]}}\n"
          + "search: {algorithm: random, num-samples: 6}\n"
          + "scheduler: {type: pbt, segments: 3, quantile: 0.34, resample-probability: 0.5}\n"
          + BACKTEST
          + "seed: 23\n";

  /** The same studies written as research records, not parsed from the job file. */
  static StudySpec studySpec(boolean pbt) {
    Map<String, Object> raw = new LinkedHashMap<>();
    raw.put("fast", Map.of("randint", List.of(2, 40)));
    raw.put("slow", Map.of("randint", List.of(45, 200)));
    ParameterSpace space = ParameterSpace.parse(raw, JobModel.registry().get("sma-cross"));
    return pbt
        ? new StudySpec(
            space,
            "Sharpe Ratio",
            Mode.MAX,
            new SearcherSpec.Random(),
            new SchedulerSpec.Pbt(3, 0.34, 0.5),
            6,
            8,
            23)
        : new StudySpec(
            space,
            "Sharpe Ratio",
            Mode.MAX,
            new SearcherSpec.CmaEs(6, 0.25),
            new SchedulerSpec.Asha(0.25, 2, 1.0),
            18,
            6,
            17);
  }

  /** The study driven in a loop: every pending task run and reported, round after round. */
  static Study sequentialStudy(JobSpec job, StudySpec spec) {
    DatasetRef ref = TestJobs.DATASETS.describe(job.data(), Path.of(""));
    Universe u = TestJobs.DATASETS.resolve(ref);
    StrategyDescriptor strategy = JobModel.registry().get("sma-cross");
    TrialEvaluator ev =
        new TrialEvaluator(u, strategy, job.backtest().toConfig(), ChunkExecutor.CONVENTION);
    Study s = Study.create(spec);
    int rounds = 0;
    while (!s.isFinished()) {
      List<TrialTask> round = s.pendingTasks();
      assertThat(round).isNotEmpty();
      for (TrialTask t : round) {
        s.report(ev.run(t));
      }
      rounds++;
    }
    assertThat(rounds).isGreaterThan(1);
    return s;
  }

  /** A trial as the optimize result renders it (docs/jobs.md, "Result JSON"). */
  static ObjectNode trial(TrialRecord t) {
    ObjectNode n = Json.object();
    n.put("trialId", t.trialId());
    n.set("params", Json.MAPPER.valueToTree(t.params()));
    n.put("status", t.status().name());
    n.put("budget", t.budgetReached());
    n.put("stoppedEarly", t.stoppedEarly());
    n.put("objective", t.objective());
    n.put("steps", t.steps().size());
    n.set("metrics", Json.MAPPER.valueToTree(t.metrics()));
    return n;
  }

  /** Through JSON text, as the job's result went (NaN as a string). */
  static JsonNode text(JsonNode n) {
    return Json.tree(Json.write(n));
  }

  private ClusterNode start(Path data, int slots) {
    ClusterNode node =
        ClusterNode.start(
            NodeOptions.embedded().withDataDir(data).withSlots(slots), TestJobs.fastJobs());
    assertThat(node.awaitUp(Duration.ofSeconds(30))).isTrue();
    return node;
  }

  @Test
  void cma_es_and_pbt_jobs_equal_the_sequential_study_with_1_and_3_slots() throws Exception {
    JobSpec cma = JobSpecs.parseYaml(CMA_ES);
    JobSpec pbt = JobSpecs.parseYaml(PBT);
    Study cmaStudy = sequentialStudy(cma, studySpec(false));
    Study pbtStudy = sequentialStudy(pbt, studySpec(true));
    // the studies exercise what they are here for
    assertThat(cmaStudy.trials()).hasSize(18);
    assertThat(cmaStudy.trials()).anyMatch(TrialRecord::stoppedEarly);
    assertThat(pbtStudy.pbtReport().segments()).hasSize(3);
    assertThat(pbtStudy.trials()).allMatch(t -> t.status() == TrialStatus.COMPLETED);

    String[] cmaResults = new String[2];
    String[] pbtResults = new String[2];
    int[] slotCounts = {1, 3};
    for (int k = 0; k < 2; k++) {
      int slots = slotCounts[k];
      ClusterNode node = start(dir.resolve("slots-" + slots), slots);
      try {
        DistributedComputingService service = DistributedComputingService.attach(node);
        var cmaJob = service.runDistributedBacktest(cma);
        var pbtJob = service.runDistributedBacktest(pbt); // both at once, sharing the slots
        JobOutcome c = cmaJob.result().toCompletableFuture().get(300, TimeUnit.SECONDS);
        JobOutcome p = pbtJob.result().toCompletableFuture().get(300, TimeUnit.SECONDS);
        assertThat(c.status().status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(p.status().status()).isEqualTo(JobStatus.SUCCEEDED);
        cmaResults[k] = c.research();
        pbtResults[k] = p.research();
        assertSameAsStudy(Json.tree(c.research()), cmaStudy, "cma-es, slots " + slots);
        assertSameAsStudy(Json.tree(p.research()), pbtStudy, "pbt, slots " + slots);
        assertThat(Json.tree(p.research()).get("pbt"))
            .as("pbt report, slots " + slots)
            .isEqualTo(text(Json.MAPPER.valueToTree(pbtStudy.pbtReport())));
        assertThat(Json.tree(c.research()).get("algorithm").asText()).isEqualTo("cma-es");
        assertThat(Json.tree(p.research()).get("scheduler").asText()).isEqualTo("pbt");
      } finally {
        node.close();
      }
    }
    assertThat(cmaResults[1]).isEqualTo(cmaResults[0]);
    assertThat(pbtResults[1]).isEqualTo(pbtResults[0]);
  }

  static void assertSameAsStudy(JsonNode result, Study study, String what) {
    assertThat(result.get("finished").asBoolean()).as(what).isTrue();
    ArrayNode expected = Json.MAPPER.createArrayNode();
    study.trials().forEach(t -> expected.add(trial(t)));
    assertThat(result.get("trials")).as(what).isEqualTo(text(expected));
    assertThat(result.get("best")).as(what).isEqualTo(text(trial(study.bestTrial().orElseThrow())));
  }
}
