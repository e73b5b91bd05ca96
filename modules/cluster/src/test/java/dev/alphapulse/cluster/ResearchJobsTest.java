package dev.alphapulse.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alphapulse.cluster.job.JobModel;
import dev.alphapulse.cluster.job.JobStatus;
import dev.alphapulse.cluster.node.ClusterNode;
import dev.alphapulse.engine.data.Universe;
import dev.alphapulse.jobs.DatasetRef;
import dev.alphapulse.jobs.JobSpec;
import dev.alphapulse.jobs.JobSpecs;
import dev.alphapulse.jobs.research.Json;
import dev.alphapulse.jobs.research.ResearchDriver;
import dev.alphapulse.jobs.research.ResearchJobs;
import dev.alphapulse.jobs.research.ResearchKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Research jobs on real embedded nodes (actors, H2 journal): the result equals the pure sequential
 * run of the same job whatever the parallelism, and a study whose node stops mid-job resumes on the
 * restarted node from its journal, without re-running finished trials.
 */
class ResearchJobsTest {
  @TempDir Path dir;

  static final String OPTIMIZE =
      "type: optimize\n"
          + "data: {synthetic: {symbols: 1, bars: 2500, seed: 7}}\n"
          + "strategy: sma-cross\n"
          + "search-space: {fast: {randint: [2, 40]}, slow: {randint: [20, 200]}}\n"
          + "search: {algorithm: tpe, num-samples: 40, batch-size: 8, metric: Sharpe Ratio}\n"
          + "scheduler: {type: asha, grace-period: 0.25, reduction-factor: 2}\n"
          + "seed: 3\n";

  /**
   * The same study on more bars, so that it is still running when the test stops its node (its
   * results are persisted in batches and the whole small study takes less than a progress update).
   */
  static final String OPTIMIZE_LONGER = OPTIMIZE.replace("bars: 2500", "bars: 200000");

  /** The job run in one loop, chunk after chunk, without actors. */
  static String sequential(JobSpec spec) {
    DatasetRef ref = TestJobs.DATASETS.describe(spec.data(), Path.of(""));
    Universe u = TestJobs.DATASETS.resolve(ref);
    ResearchKind kind = ResearchJobs.kind(spec, ref, JobModel.registry());
    ResearchDriver d = kind.driver();
    SortedMap<Integer, String> payloads = new TreeMap<>();
    for (int id = 0; id < d.knownChunks(); id++) {
      String p = kind.execute(d.task(id), u);
      payloads.put(id, p);
      d.completed(id, p);
    }
    assertThat(d.isFinished()).isTrue();
    return Json.write(kind.assemble(payloads, new TreeMap<>(), u));
  }

  private ClusterNode start(Path data, int slots) {
    ClusterNode node =
        ClusterNode.start(
            NodeOptions.embedded().withDataDir(data).withSlots(slots), TestJobs.fastJobs());
    assertThat(node.awaitUp(Duration.ofSeconds(30))).isTrue();
    return node;
  }

  @Test
  void an_optimize_job_equals_the_sequential_study_for_any_parallelism() throws Exception {
    JobSpec spec = JobSpecs.parseYaml(OPTIMIZE);
    String expected = sequential(spec);
    assertThat(Json.tree(expected).path("trials").size()).isEqualTo(40);
    for (int slots : new int[] {1, 3}) {
      ClusterNode node = start(dir.resolve("slots-" + slots), slots);
      try {
        DistributedComputingService service = DistributedComputingService.attach(node);
        JobOutcome outcome =
            service
                .runDistributedBacktest(spec)
                .result()
                .toCompletableFuture()
                .get(180, TimeUnit.SECONDS);
        assertThat(outcome.status().status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(outcome.research()).as("slots " + slots).isEqualTo(expected);
        // More chunks than trials: ASHA promoted some trials to larger budgets.
        assertThat(outcome.status().chunks().total()).isGreaterThan(40);
        assertThat(outcome.status().chunks().attempts())
            .isEqualTo(outcome.status().chunks().total());
      } finally {
        node.close();
      }
    }
  }

  @Test
  void a_study_resumes_from_its_journal_after_its_node_stops() throws Exception {
    JobSpec spec = JobSpecs.parseYaml(OPTIMIZE_LONGER);
    String expected = sequential(spec);
    Path data = dir.resolve("restart");
    int doneBeforeStop;
    ClusterNode first = start(data, 1);
    try {
      DistributedComputingService service = DistributedComputingService.attach(first);
      service
          .runDistributedBacktest(spec, Path.of(""), "study-1")
          .jobId()
          .toCompletableFuture()
          .get(60, TimeUnit.SECONDS);
      CompletableFuture<Integer> enough = new CompletableFuture<>();
      service.watch(
          "study-1",
          p -> {
            if (p.chunks().done() >= 12 || p.status().isTerminal()) {
              enough.complete(p.chunks().done());
            }
          });
      doneBeforeStop = enough.get(120, TimeUnit.SECONDS);
    } finally {
      first.close();
    }
    ClusterNode second = start(data, 2);
    try {
      DistributedComputingService service = DistributedComputingService.attach(second);
      JobStatusView status = null;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
      while (System.nanoTime() < deadline) {
        status = service.getJobStatus("study-1").toCompletableFuture().get(30, TimeUnit.SECONDS);
        if (status.status().isTerminal()) {
          break;
        }
        Thread.sleep(200);
      }
      assertThat(status.status()).isEqualTo(JobStatus.SUCCEEDED);
      JobOutcome outcome =
          service.getJobResult("study-1").toCompletableFuture().get(60, TimeUnit.SECONDS);
      assertThat(outcome.research()).isEqualTo(expected);
      assertThat(doneBeforeStop).isGreaterThanOrEqualTo(12).isLessThan(60);
      // Every trial step is recorded exactly once in the journal, before or after the restart.
      assertThat(outcome.status().chunks().succeeded())
          .isEqualTo(outcome.status().chunks().total());
      assertThat(outcome.status().chunks().attempts()).isEqualTo(outcome.status().chunks().total());
    } finally {
      second.close();
    }
  }
}
