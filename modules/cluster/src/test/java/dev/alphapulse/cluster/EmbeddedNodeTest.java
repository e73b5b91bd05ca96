package dev.alphapulse.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alphapulse.cluster.job.ChunkFailure;
import dev.alphapulse.cluster.job.JobModel;
import dev.alphapulse.cluster.job.JobProgress;
import dev.alphapulse.cluster.job.JobStatus;
import dev.alphapulse.cluster.job.JobTicket;
import dev.alphapulse.cluster.node.ClusterNode;
import dev.alphapulse.jobs.ChunkResult;
import dev.alphapulse.jobs.JobResult;
import dev.alphapulse.jobs.JobSpec;
import dev.alphapulse.jobs.JobSpecException;
import dev.alphapulse.jobs.JobSpecs;
import dev.alphapulse.jobs.RunResult;
import dev.alphapulse.jobs.research.Json;
import dev.alphapulse.jobs.research.SweepOverfitting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded single node through the Java API, end to end: real actors, real H2 journal, real
 * chunk execution; results compared field for field with {@code ChunkExecutor} run sequentially.
 */
class EmbeddedNodeTest {
  @TempDir static Path dir;
  static DistributedComputingService service;

  @BeforeAll
  static void start() {
    NodeOptions options = NodeOptions.embedded().withDataDir(dir).withSlots(2);
    ClusterNode node = ClusterNode.start(options, TestJobs.fastJobs());
    assertThat(node.awaitUp(Duration.ofSeconds(30))).isTrue();
    service = DistributedComputingService.attach(node);
  }

  @AfterAll
  static void stop() {
    service.node().close();
  }

  private static JobOutcome run(JobSpec spec) throws Exception {
    JobSubmission s = service.runDistributedBacktest(spec);
    return s.result().toCompletableFuture().get(120, TimeUnit.SECONDS);
  }

  @Test
  void sweep_results_equal_the_sequential_run_field_for_field() throws Exception {
    JobSpec spec = TestJobs.sweep(2, 1500, 5, 2, 5);
    JobOutcome outcome = run(spec);
    List<RunResult> expected = TestJobs.sequentialRuns(TestJobs.ticket("ref", spec, 1));
    assertThat(outcome.status().status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(outcome.status().chunks().total()).isEqualTo(10);
    assertThat(outcome.status().chunks().succeeded()).isEqualTo(10);
    assertThat(outcome.status().chunks().attempts()).isEqualTo(10);
    assertThat(outcome.runs()).hasSize(96).isEqualTo(expected);
    assertThat(outcome.best())
        .isEqualTo(JobResult.best(expected, "Sharpe Ratio", true).orElseThrow());
  }

  @Test
  void a_finished_sweep_reports_its_overfitting_once_and_a_backtest_none() throws Exception {
    JobSpec spec = TestJobs.sweep(2, 1500, 7, 2, 5);
    JobOutcome outcome = run(spec);
    JobTicket ref = TestJobs.ticket("ref", spec, 1);
    List<RunResult> expected = TestJobs.sequentialRuns(ref);
    // the pure function on the sequential runs gives the same object
    String pure =
        Json.write(
            SweepOverfitting.compute(
                JobModel.plan(ref),
                TestJobs.DATASETS.resolve(ref.dataset()),
                expected,
                "Sharpe Ratio",
                true,
                JobModel.registry()));
    assertThat(outcome.overfitting()).isEqualTo(pure);
    var of = Json.tree(outcome.overfitting());
    assertThat(of.get("trials").asInt()).isEqualTo(96);
    assertThat(of.get("best").get("paramIndex").asInt()).isEqualTo(outcome.best().paramIndex());
    assertThat(of.get("pbo").get("probability").asDouble()).isBetween(0.0, 1.0);
    // read again: served from the node's cache, not recomputed
    JobOutcome again =
        service
            .getJobResult(outcome.status().jobId())
            .toCompletableFuture()
            .get(30, TimeUnit.SECONDS);
    assertThat(again.overfitting()).isSameAs(outcome.overfitting());

    JobOutcome backtest =
        run(
            JobSpecs.parseYaml(
                "type: backtest\n"
                    + "data: {synthetic: {symbols: 1, bars: 800, seed: 3}}\n"
                    + "strategy: sma-cross\n"
                    + "params: {fast: 10, slow: 40}\n"));
    assertThat(backtest.status().status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(backtest.overfitting()).isNull();
  }

  @Test
  void a_time_based_backtest_equals_the_sequential_backtest() throws Exception {
    JobSpec spec =
        JobSpecs.parseYaml(
            "type: backtest\n"
                + "data: {synthetic: {symbols: 2, bars: 3000, seed: 11}}\n"
                + "strategy: sma-cross\n"
                + "params: {fast: 10, slow: 40}\n"
                + "parallelization: {strategy: TIME_BASED, chunk-size: 500}\n");
    JobOutcome outcome = run(spec);
    JobTicket ref = TestJobs.ticket("ref", spec, 1);
    assertThat(outcome.status().chunks().total()).isEqualTo(12);
    assertThat(outcome.runs()).hasSize(2).isEqualTo(TestJobs.sequentialRuns(ref));
  }

  @Test
  void a_chunk_that_always_throws_fails_after_max_retries_and_the_job_completes() throws Exception {
    JobSpec spec =
        JobSpecs.parseYaml(
            "type: sweep\n"
                + "data: {synthetic: {symbols: 1, bars: 800, seed: 5}}\n"
                + "strategy: test-failing-cross\n"
                + "params: {fast: {range: [5, 12, 1]}, slow: [30], fail: 7}\n"
                + "parallelization: {strategy: PARAMETER_BASED, chunk-size: 2}\n"
                + "max-retries: 2\n");
    JobOutcome outcome = run(spec);
    JobStatusView st = outcome.status();
    assertThat(st.status()).isEqualTo(JobStatus.COMPLETED_WITH_FAILURES);
    assertThat(st.chunks().total()).isEqualTo(4);
    assertThat(st.chunks().succeeded()).isEqualTo(3);
    assertThat(st.chunks().failed()).isEqualTo(1);
    assertThat(st.chunks().attempts()).isEqualTo(6);
    assertThat(st.failures()).hasSize(1);
    ChunkFailure f = st.failures().get(0);
    assertThat(f.chunkId()).isEqualTo(1);
    assertThat(f.attempts()).isEqualTo(3);
    assertThat(f.error()).contains("deliberate failure for fast=7");
    // the other chunks' results, exactly as computed sequentially
    JobTicket ref = TestJobs.ticket("ref", spec, 1);
    var plan = JobModel.plan(ref);
    var universe = TestJobs.DATASETS.resolve(ref.dataset());
    JobResult expected = JobResult.empty(plan.chunkCount());
    for (int id : List.of(0, 2, 3)) {
      ChunkResult c =
          JobModel.execute(
              plan, plan.chunk(id), universe, new dev.alphapulse.engine.indicator.IndicatorCache());
      expected = expected.with(c);
    }
    assertThat(outcome.runs()).isEqualTo(expected.runs());
  }

  @Test
  void a_late_watcher_of_a_big_job_gets_every_run_in_parts_of_bounded_size() throws Exception {
    // 45 x 50 parameter sets on 1 symbol: 2,250 runs, more than two parts' worth
    JobSpec spec =
        JobSpecs.parseYaml(
            """
            type: sweep
            data: {synthetic: {symbols: 1, bars: 300, seed: 7}}
            strategy: sma-cross
            params: {fast: {range: [2, 46, 1]}, slow: {range: [50, 99, 1]}}
            parallelization: {strategy: PARAMETER_BASED, chunk-size: 250}
            """);
    JobSubmission s = service.runDistributedBacktest(spec, Path.of(""), "big-watched-job");
    JobOutcome outcome = s.result().toCompletableFuture().get(60, TimeUnit.SECONDS);
    assertThat(outcome.runs()).hasSize(2250);

    List<JobProgress> updates = new CopyOnWriteArrayList<>();
    try (JobWatch w = service.watch("big-watched-job", updates::add)) {
      JobProgress last = w.finished().toCompletableFuture().get(30, TimeUnit.SECONDS);
      assertThat(last).isSameAs(updates.get(updates.size() - 1));
    }
    // the final update (every run, as the watcher came late) in three parts
    assertThat(updates).extracting(p -> p.newRuns().size()).containsExactly(1000, 1000, 250);
    assertThat(updates).extracting(JobProgress::more).containsExactly(true, true, false);
    assertThat(updates).extracting(JobProgress::isFinal).containsExactly(false, false, true);
    assertThat(updates).allSatisfy(p -> assertThat(p.status()).isEqualTo(JobStatus.SUCCEEDED));
    assertThat(updates.stream().flatMap(p -> p.newRuns().stream()))
        .containsExactlyInAnyOrderElementsOf(outcome.runs());
  }

  @Test
  void watchers_get_progress_and_results_stay_queryable_after_the_end() throws Exception {
    JobSpec spec = TestJobs.sweep(2, 1000, 3, 1, 4);
    JobSubmission s = service.runDistributedBacktest(spec, Path.of(""), "watched-job");
    String id = s.jobId().toCompletableFuture().get(30, TimeUnit.SECONDS);
    assertThat(id).isEqualTo("watched-job");
    List<JobProgress> updates = new CopyOnWriteArrayList<>();
    try (JobWatch w = service.watch(id, updates::add)) {
      JobProgress last = w.finished().toCompletableFuture().get(60, TimeUnit.SECONDS);
      assertThat(last.status()).isEqualTo(JobStatus.SUCCEEDED);
      assertThat(last.chunks().done()).isEqualTo(16);
    }
    int seen = 0;
    for (JobProgress p : updates) {
      assertThat(p.chunks().done()).isGreaterThanOrEqualTo(seen);
      seen = p.chunks().done();
    }
    assertThat(updates.stream().mapToInt(p -> p.newRuns().size()).sum()).isEqualTo(96);
    JobOutcome outcome = s.result().toCompletableFuture().get(30, TimeUnit.SECONDS);

    JobStatusView status = service.getJobStatus(id).toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertThat(status.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(status.strategy()).isEqualTo("sma-cross");
    assertThat(status.finishedAt()).isNotNull();
    assertThat(status.duration()).isPositive();
    assertThat(status.coordinatorNode()).isEqualTo(service.node().address());
    assertThat(service.getJobResult(id).toCompletableFuture().get(10, TimeUnit.SECONDS).runs())
        .isEqualTo(outcome.runs());
    assertThat(service.listJobs().toCompletableFuture().get(10, TimeUnit.SECONDS))
        .extracting(JobStatusView::jobId)
        .contains(id);
    // the same id with the same spec is the same job; another spec may not take it
    assertThat(
            service
                .runDistributedBacktest(spec, Path.of(""), id)
                .jobId()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS))
        .isEqualTo(id);
    assertThat(
            service
                .runDistributedBacktest(TestJobs.sweep(4), Path.of(""), id)
                .jobId()
                .toCompletableFuture())
        .failsWithin(10, TimeUnit.SECONDS)
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .withMessageContaining("taken by another job");
    // every chunk result went to the on-disk cache
    try (Stream<Path> files = Files.list(dir.resolve("cache"))) {
      assertThat(files.filter(p -> p.toString().endsWith(".bin")).count())
          .isGreaterThanOrEqualTo(16);
    }
  }

  @Test
  void cancel_ends_the_job_as_cancelled() throws Exception {
    JobSpec spec =
        JobSpecs.parseYaml(
            "type: sweep\n"
                + "data: {synthetic: {symbols: 1, bars: 500, seed: 5}}\n"
                + "strategy: test-slow-cross\n"
                + "params: {fast: {range: [5, 25, 1]}, slow: [30], pause: 200}\n"
                + "parallelization: {strategy: PARAMETER_BASED, chunk-size: 1}\n");
    JobSubmission s = service.runDistributedBacktest(spec);
    String id = s.jobId().toCompletableFuture().get(30, TimeUnit.SECONDS);
    JobStatusView cancelled = service.cancel(id).toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertThat(cancelled.status()).isEqualTo(JobStatus.CANCELLED);
    JobOutcome outcome = s.result().toCompletableFuture().get(30, TimeUnit.SECONDS);
    assertThat(outcome.status().status()).isEqualTo(JobStatus.CANCELLED);
    assertThat(outcome.status().chunks().succeeded()).isLessThan(21);
  }

  @Test
  void cluster_status_and_local_scaling() throws Exception {
    ClusterStatusView c =
        service.getClusterStatus().toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertThat(c.members()).hasSize(1);
    assertThat(c.members().get(0).status()).isEqualTo("Up");
    assertThat(c.members().get(0).roles()).contains(NodeOptions.WORKER_ROLE);
    assertThat(c.leader()).isEqualTo(service.node().address());
    assertThat(c.nodes()).hasSize(1);
    assertThat(c.nodes().get(0).memoryTotalBytes()).isPositive();
    assertThat(c.nodes().get(0).heapMaxBytes()).isPositive();
    assertThat(service.scaleCluster(3).toCompletableFuture().get(10, TimeUnit.SECONDS))
        .isEqualTo(3);
    ClusterStatusView after =
        service.getClusterStatus().toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertThat(after.nodes().get(0).slots()).isEqualTo(3);
    assertThat(service.scaleCluster(2).toCompletableFuture().get(10, TimeUnit.SECONDS))
        .isEqualTo(2);
  }

  @Test
  void bad_specs_are_refused_before_anything_runs() {
    JobSpec unknownStrategy =
        JobSpecs.parseYaml("data: {synthetic: {symbols: 1, bars: 100, seed: 1}}\nstrategy: nope\n");
    assertThatThrownBy(() -> service.runDistributedBacktest(unknownStrategy))
        .isInstanceOf(JobSpecException.class)
        .hasMessageStartingWith("strategy:");
    JobSpec unknownParam =
        JobSpecs.parseYaml(
            "data: {synthetic: {symbols: 1, bars: 100, seed: 1}}\nstrategy: sma-cross\n"
                + "params: {speed: 3}\n");
    assertThatThrownBy(() -> service.runDistributedBacktest(unknownParam))
        .isInstanceOf(JobSpecException.class)
        .hasMessageStartingWith("params.speed:");
    JobSpec missingData = JobSpecs.parseYaml("data: {path: /no/such/dir}\nstrategy: sma-cross\n");
    assertThatThrownBy(() -> service.runDistributedBacktest(missingData))
        .isInstanceOf(JobSpecException.class)
        .hasMessageStartingWith("data.path:");
    assertThatThrownBy(() -> service.getJobStatus("bad id!"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void an_unknown_job_is_unknown() throws Exception {
    JobStatusView s =
        service.getJobStatus("never-submitted").toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertThat(s.status()).isEqualTo(JobStatus.UNKNOWN);
    JobWatch w = service.watch("never-submitted", p -> {});
    assertThat(w.finished().toCompletableFuture().get(10, TimeUnit.SECONDS).status())
        .isEqualTo(JobStatus.UNKNOWN);
  }
}
