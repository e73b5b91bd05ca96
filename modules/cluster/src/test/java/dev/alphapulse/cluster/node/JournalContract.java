package dev.alphapulse.cluster.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.alphapulse.cluster.DistributedComputingService;
import dev.alphapulse.cluster.JobOutcome;
import dev.alphapulse.cluster.JobStatusView;
import dev.alphapulse.cluster.NodeOptions;
import dev.alphapulse.cluster.TestJobs;
import dev.alphapulse.cluster.job.JobStatus;
import dev.alphapulse.jobs.JobSpec;
import dev.alphapulse.jobs.JobSpecs;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every journal database must do, run against H2 and PostgreSQL: idempotent, race-safe schema
 * creation; a job that survives the loss of its only node (it resumes by itself when a node starts
 * again on the same journal, without recomputing chunks completed before the stop); results that
 * stay queryable from a new node.
 */
abstract class JournalContract {
  @TempDir Path dir;

  /** A journal URL for a clean database. */
  abstract String freshJournal();

  private static Config testConfig() {
    return TestJobs.fastJobs()
        .withFallback(ConfigFactory.parseString("alphapulse.worker.result-cache-bytes = 0"));
  }

  private ClusterNode startNode(String journal, String dataDir) {
    NodeOptions o =
        NodeOptions.defaults()
            .withJournalUrl(journal)
            .withDataDir(dir.resolve(dataDir))
            .withSlots(2);
    ClusterNode node = ClusterNode.start(o, testConfig());
    assertThat(node.awaitUp(Duration.ofSeconds(30))).isTrue();
    return node;
  }

  @Test
  void schema_creation_is_idempotent_and_safe_when_nodes_start_at_once() throws Exception {
    JournalSettings journal = JournalSettings.fromUrl(freshJournal());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Object>> all = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        Callable<Object> ensure =
            () -> {
              JournalSchema.ensure(journal);
              return null;
            };
        all.add(pool.submit(ensure));
      }
      for (Future<Object> f : all) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    JournalSchema.ensure(journal);
    assertThat(count(journal, "SELECT count(*) FROM \"event_journal\"")).isZero();
    assertThat(count(journal, "SELECT count(*) FROM \"snapshot\"")).isZero();
  }

  @Test
  void a_job_resumes_after_its_node_stops_and_completed_chunks_are_not_recomputed()
      throws Exception {
    String journal = freshJournal();
    JobSpec spec =
        JobSpecs.parseYaml(
            "type: sweep\n"
                + "data: {synthetic: {symbols: 1, bars: 600, seed: 9}}\n"
                + "strategy: test-slow-cross\n"
                + "params: {fast: {range: [5, 28, 1]}, slow: [30], pause: 150}\n"
                + "parallelization: {strategy: PARAMETER_BASED, chunk-size: 1}\n"
                + "checkpoint-interval: 7\n");
    String id = "resume-" + getClass().getSimpleName().toLowerCase();
    int total = 24;

    ClusterNode first = startNode(journal, "a");
    DistributedComputingService a = DistributedComputingService.attach(first);
    a.runDistributedBacktest(spec, Path.of(""), id)
        .jobId()
        .toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
    awaitSucceeded(a, id, 6);
    // Stop the only node mid-job without a graceful leave of the job.
    first.system().terminate();
    first.system().getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
    JournalSettings js = JournalSettings.fromUrl(journal);
    long before = completedEvents(js, id);
    assertThat(before).isBetween(6L, (long) total - 1);
    // snapshots (every 7 events) list the completed chunks without their results, which the
    // restarted coordinator reads back from the events
    assertThat(
            count(
                js,
                "SELECT count(*) FROM \"snapshot\" WHERE \"persistence_id\" = 'JobCoordinator|"
                    + id
                    + "' AND \"snapshot_ser_manifest\" LIKE '%CoordinatorSnapshot'"))
        .isPositive();

    ClusterNode second = startNode(journal, "b");
    try {
      DistributedComputingService b = DistributedComputingService.attach(second);
      // Nobody asks for the job: it comes back by itself (remembered entities in the journal).
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      boolean active = false;
      while (!active && System.nanoTime() < deadline) {
        active =
            b.getClusterStatus()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS)
                .activeJobs()
                .contains(id);
        if (!active) {
          Thread.sleep(200);
        }
      }
      assertThat(active).as("job resumed without being asked").isTrue();
      JobOutcome outcome = awaitOutcome(b, id);
      assertThat(outcome.status().status()).isEqualTo(JobStatus.SUCCEEDED);
      assertThat(outcome.status().chunks().succeeded()).isEqualTo(total);
      assertThat(outcome.runs())
          .isEqualTo(TestJobs.sequentialRuns(TestJobs.ticket("ref", spec, 1)));
      // each chunk completed exactly once in the journal, and the new node computed only the rest
      assertThat(completedEvents(js, id)).isEqualTo(total);
      long computedHere =
          b.getClusterStatus()
              .toCompletableFuture()
              .get(10, TimeUnit.SECONDS)
              .nodes()
              .get(0)
              .chunksCompleted();
      assertThat(computedHere).isEqualTo(total - before);
      // results stay queryable, and the job is listed
      assertThat(b.listJobs().toCompletableFuture().get(10, TimeUnit.SECONDS))
          .extracting(JobStatusView::jobId)
          .contains(id);
    } finally {
      second.close();
    }
    ClusterNode third = startNode(journal, "c");
    try {
      DistributedComputingService c = DistributedComputingService.attach(third);
      JobOutcome again = c.getJobResult(id).toCompletableFuture().get(30, TimeUnit.SECONDS);
      assertThat(again.status().status()).isEqualTo(JobStatus.SUCCEEDED);
      assertThat(again.runs()).hasSize(total);
    } finally {
      third.close();
    }
  }

  static void awaitSucceeded(DistributedComputingService s, String id, int atLeast)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      JobStatusView v = s.getJobStatus(id).toCompletableFuture().get(10, TimeUnit.SECONDS);
      if (v.chunks().succeeded() >= atLeast) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("job " + id + " did not reach " + atLeast + " chunks");
  }

  static JobOutcome awaitOutcome(DistributedComputingService s, String id) throws Exception {
    var w = s.watch(id, p -> {});
    w.finished().toCompletableFuture().get(120, TimeUnit.SECONDS);
    return s.getJobResult(id).toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  static long completedEvents(JournalSettings journal, String jobId) throws Exception {
    return count(
        journal,
        "SELECT count(*) FROM \"event_journal\" WHERE \"persistence_id\" = 'JobCoordinator|"
            + jobId
            + "' AND \"event_ser_manifest\" LIKE '%ChunkCompleted'");
  }

  static long count(JournalSettings journal, String sql) throws Exception {
    Properties p = new Properties();
    p.setProperty("user", journal.user());
    p.setProperty("password", journal.password());
    try (Connection c = DriverManager.getConnection(journal.url(), p);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }
}
