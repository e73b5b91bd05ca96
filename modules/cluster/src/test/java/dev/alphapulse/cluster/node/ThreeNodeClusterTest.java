package dev.alphapulse.cluster.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.alphapulse.cluster.ClusterStatusView;
import dev.alphapulse.cluster.DistributedComputingService;
import dev.alphapulse.cluster.JobOutcome;
import dev.alphapulse.cluster.JobStatusView;
import dev.alphapulse.cluster.NodeOptions;
import dev.alphapulse.cluster.TestJobs;
import dev.alphapulse.cluster.job.JobStatus;
import dev.alphapulse.jobs.JobSpec;
import dev.alphapulse.jobs.JobSpecs;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three nodes in one JVM (Pekko's multi-node testkit is sbt-only; real separate processes with kill
 * -9 are the launcher's tests): a worker node, then the coordinator's node, is stopped without
 * leaving the cluster while a job runs. The failure detector and the split brain resolver remove
 * it, its leases (or the whole coordinator, through remembered entities) move to the survivors, and
 * the job ends with the results of a sequential run, every chunk counted once.
 */
class ThreeNodeClusterTest {
  @TempDir Path dir;
  private final List<ClusterNode> nodes = new ArrayList<>();
  private String journal;

  private static final JobSpec SLOW_SWEEP =
      JobSpecs.parseYaml(
          "type: sweep\n"
              + "data: {synthetic: {symbols: 1, bars: 600, seed: 9}}\n"
              + "strategy: test-slow-cross\n"
              + "params: {fast: {range: [5, 28, 1]}, slow: [30, 40], pause: 150}\n"
              + "parallelization: {strategy: PARAMETER_BASED, chunk-size: 1}\n"
              + "checkpoint-interval: 10\n");
  private static final int TOTAL = 48;

  private static Config config() {
    // A stopped node vanishes as after kill -9: no coordinated shutdown, no leave.
    return TestJobs.fastJobs()
        .withFallback(
            ConfigFactory.parseString(
                "alphapulse.worker.result-cache-bytes = 0\n"
                    + "pekko.coordinated-shutdown.run-by-actor-system-terminate = off\n"));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @BeforeEach
  void startCluster() throws Exception {
    journal = JournalSettings.h2File(dir.resolve("journal")).url();
    int seedPort = freePort();
    String seed = "127.0.0.1:" + seedPort;
    for (int i = 0; i < 3; i++) {
      NodeOptions o =
          NodeOptions.defaults()
              .withPort(i == 0 ? seedPort : 0)
              .withSeeds(List.of(seed))
              .withJournalUrl(journal)
              .withDataDir(dir.resolve("node" + i))
              .withSlots(1)
              .withManagementPort(i == 0 ? freePort() : -1);
      nodes.add(ClusterNode.start(o, config()));
    }
    for (ClusterNode n : nodes) {
      assertThat(n.awaitUp(Duration.ofSeconds(30))).isTrue();
    }
    DistributedComputingService s = DistributedComputingService.attach(nodes.get(0));
    awaitTrue(
        () -> {
          ClusterStatusView c =
              s.getClusterStatus().toCompletableFuture().get(10, TimeUnit.SECONDS);
          return c.members().stream().filter(m -> m.status().equals("Up")).count() == 3
              && c.nodes().size() == 3;
        },
        Duration.ofSeconds(30));
  }

  @AfterEach
  void stopCluster() {
    for (int i = nodes.size() - 1; i >= 0; i--) {
      ClusterNode n = nodes.get(i);
      if (!n.system().whenTerminated().isCompleted()) {
        n.close();
      }
    }
  }

  @Test
  void health_checks_answer_on_the_management_port() throws Exception {
    int port = nodes.get(0).managementPort();
    assertThat(port).isPositive();
    var http = java.net.http.HttpClient.newHttpClient();
    for (String path : List.of("/ready", "/alive")) {
      var response =
          http.send(
              java.net.http.HttpRequest.newBuilder(
                      java.net.URI.create("http://127.0.0.1:" + port + path))
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(path).isEqualTo(200);
    }
  }

  @Test
  void a_worker_node_lost_mid_job_hands_its_chunks_to_the_others() throws Exception {
    DistributedComputingService api = DistributedComputingService.attach(nodes.get(0));
    String id =
        api.runDistributedBacktest(SLOW_SWEEP, Path.of(""), "lose-a-worker")
            .jobId()
            .toCompletableFuture()
            .get(30, TimeUnit.SECONDS);
    String coordinator = status(api, id).coordinatorNode();
    ClusterNode victim =
        nodes.stream()
            .skip(1)
            .filter(n -> !n.address().equals(coordinator))
            .findFirst()
            .orElseThrow();
    JournalContract.awaitSucceeded(api, id, 8);
    long failover = kill(victim, api);
    JobOutcome outcome = JournalContract.awaitOutcome(api, id);
    check(outcome, id);
    System.out.printf(
        "[measure] worker node loss: removed from the cluster %.1f s after it stopped%n",
        failover / 1e3);
  }

  @Test
  void the_coordinators_node_lost_mid_job_moves_the_job_to_a_survivor() throws Exception {
    DistributedComputingService submitter = DistributedComputingService.attach(nodes.get(0));
    String id =
        submitter
            .runDistributedBacktest(SLOW_SWEEP, Path.of(""), "lose-the-coordinator")
            .jobId()
            .toCompletableFuture()
            .get(30, TimeUnit.SECONDS);
    String coordinator = status(submitter, id).coordinatorNode();
    ClusterNode victim =
        nodes.stream().filter(n -> n.address().equals(coordinator)).findFirst().orElseThrow();
    DistributedComputingService api =
        DistributedComputingService.attach(
            nodes.stream().filter(n -> n != victim).findFirst().orElseThrow());
    JournalContract.awaitSucceeded(api, id, 8);
    long failover = kill(victim, api);
    long t0 = System.nanoTime();
    awaitTrue(
        () -> {
          JobStatusView v = status(api, id);
          return !v.coordinatorNode().equals(coordinator) && v.status() == JobStatus.RUNNING
              || v.status() == JobStatus.SUCCEEDED;
        },
        Duration.ofSeconds(30));
    long moved = (System.nanoTime() - t0) / 1_000_000;
    JobOutcome outcome = JournalContract.awaitOutcome(api, id);
    check(outcome, id);
    assertThat(outcome.status().coordinatorNode()).isNotEqualTo(coordinator);
    System.out.printf(
        "[measure] coordinator node loss: removed %.1f s after it stopped, job running again %.1f s later%n",
        failover / 1e3, moved / 1e3);
  }

  private void check(JobOutcome outcome, String id) throws Exception {
    assertThat(outcome.status().status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(outcome.status().chunks().succeeded()).isEqualTo(TOTAL);
    assertThat(outcome.runs())
        .isEqualTo(TestJobs.sequentialRuns(TestJobs.ticket("ref", SLOW_SWEEP, 1)));
    assertThat(JournalContract.completedEvents(JournalSettings.fromUrl(journal), id))
        .isEqualTo(TOTAL);
  }

  /** Stops a node abruptly; returns the milliseconds until the survivors removed it. */
  private long kill(ClusterNode victim, DistributedComputingService survivor) throws Exception {
    String address = victim.address();
    long t0 = System.nanoTime();
    victim.system().terminate();
    awaitTrue(
        () ->
            java.util.stream.StreamSupport.stream(
                    Cluster.get(survivor.node().system()).state().getMembers().spliterator(), false)
                .noneMatch(
                    m ->
                        dev.alphapulse.cluster.util.Nodes.hostPort(m.address()).equals(address)
                            && m.status() != MemberStatus.removed()),
        Duration.ofSeconds(30));
    return (System.nanoTime() - t0) / 1_000_000;
  }

  private static JobStatusView status(DistributedComputingService s, String id) throws Exception {
    return s.getJobStatus(id).toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  interface Check {
    boolean ok() throws Exception;
  }

  private static void awaitTrue(Check check, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (check.ok()) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("condition not met within " + timeout);
  }
}
