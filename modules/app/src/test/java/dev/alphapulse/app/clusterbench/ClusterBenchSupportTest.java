package dev.alphapulse.app.clusterbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pure parts of the cluster benchmark and its process harness (no process is started). */
class ClusterBenchSupportTest {
  @TempDir Path dir;

  @Test
  void slots_are_split_so_that_they_sum_to_the_cores_and_empty_nodes_come_first() {
    assertThat(ClusterBench.splitSlots(2, 3)).containsExactly(0, 1, 1);
    assertThat(ClusterBench.splitSlots(3, 3)).containsExactly(1, 1, 1);
    assertThat(ClusterBench.splitSlots(4, 3)).containsExactly(1, 1, 2);
    assertThat(ClusterBench.splitSlots(8, 3)).containsExactly(2, 3, 3);
    for (int cores = 1; cores <= 16; cores++) {
      assertThat(ClusterBench.splitSlots(cores, 3).stream().mapToInt(Integer::intValue).sum())
          .isEqualTo(cores);
    }
  }

  @Test
  void thread_groups_drop_pool_indexes_and_a_busy_thread_shows_its_cpu() throws Exception {
    assertThat(ThreadCpu.group("GC Thread#1")).isEqualTo("GC Thread");
    assertThat(ThreadCpu.group("alphapulse-worker-12")).isEqualTo("alphapulse-worker");
    assertThat(ThreadCpu.group("C2 CompilerThre")).isEqualTo("C2 CompilerThre");
    long pid = ProcessHandle.current().pid();
    org.junit.jupiter.api.Assumptions.assumeTrue(
        !ThreadCpu.of(pid).seconds().isEmpty(), "no /proc on this system");
    Thread busy =
        new Thread(
            () -> {
              long end = System.nanoTime() + 600_000_000L;
              double x = 0;
              while (System.nanoTime() < end) {
                x += Math.sqrt(x + 1);
              }
              if (x < 0) {
                throw new AssertionError();
              }
            },
            "cpu-burner-7");
    busy.start();
    Thread.sleep(50);
    ThreadCpu.Sample before = ThreadCpu.of(pid);
    Thread.sleep(400);
    ThreadCpu.Sample after = ThreadCpu.of(pid);
    busy.join();
    // it spun for the 400 ms between the samples (on a loaded machine, for part of them)
    assertThat(after.since(before)).containsKey("cpu-burner");
    assertThat(after.since(before).get("cpu-burner")).isBetween(0.05, 0.45);
  }

  @Test
  void jit_cpu_sums_both_compilers_threads_and_nothing_else() {
    assertThat(
            ClusterBench.jitCpu(
                java.util.Map.of(
                    "C1 CompilerThre", 0.25,
                    "C2 CompilerThre", 0.5,
                    "GC Thread", 2.0,
                    "alphapulse-worker", 3.0)))
        .isEqualTo(0.75);
    assertThat(ClusterBench.jitCpu(java.util.Map.of())).isZero();
  }

  @Test
  void median_and_best_of_samples() {
    assertThat(ClusterBench.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
    assertThat(ClusterBench.median(List.of(4.0, 1.0, 2.0, 3.0))).isEqualTo(2.5);
    assertThat(ClusterBench.median(List.of())).isNaN();
    assertThat(ClusterBench.best(List.of(4.0, 1.5, 2.0))).isEqualTo(1.5);
    assertThat(ClusterBench.best(List.of())).isNaN();
  }

  @Test
  void requeued_chunks_are_read_from_the_coordinators_log_line_for_that_job() throws Exception {
    Path log = dir.resolve("node1-1.log");
    Files.writeString(
        log,
        "06:10:17.740 INFO  d.a.c.j.JobCoordinator - job job-a: worker pool"
            + " pekko://alphapulse@127.0.0.1:41327/user/worker-pool is gone; re-queued chunks [63]\n"
            + "06:10:17.741 INFO  d.a.c.j.JobCoordinator - job job-b: worker pool"
            + " pekko://alphapulse@127.0.0.1:41327/user/worker-pool is gone; re-queued chunks [7,"
            + " 8]\n"
            + "06:10:18.000 INFO  d.a.c.j.JobCoordinator - job job-a: worker pool"
            + " pekko://alphapulse@127.0.0.1:41328/user/worker-pool is gone; re-queued chunks [64,"
            + " 2]\n");
    assertThat(ClusterBench.requeuedChunks(log, "job-a")).containsExactly(2, 63, 64);
    assertThat(ClusterBench.requeuedChunks(log, "job-b")).containsExactly(7, 8);
    assertThat(ClusterBench.requeuedChunks(log, "job-c")).isEmpty();
  }

  @Test
  void a_node_without_slots_has_no_worker_role() {
    NodeProcess.Spec spec =
        new NodeProcess.Spec(
            "node0",
            2551,
            50051,
            8558,
            List.of("127.0.0.1:2551"),
            0,
            dir.resolve("node0"),
            "jdbc:postgresql://127.0.0.1:5432/db?user=postgres",
            List.of("-Xmx256m"),
            "app.jar",
            dir.resolve("logs"));
    List<String> cmd = new NodeProcess(spec).command();
    assertThat(cmd.get(0)).endsWith("java");
    assertThat(cmd)
        .containsSubsequence("-Xmx256m", "-cp", "app.jar", NodeProcess.MAIN_CLASS, "node")
        .containsSubsequence("--port", "2551")
        .containsSubsequence("--seeds", "127.0.0.1:2551")
        .containsSubsequence("--grpc-port", "50051")
        .containsSubsequence("--management-port", "8558")
        .containsSubsequence("--roles", "api")
        .doesNotContain("--slots");
    List<String> worker =
        new NodeProcess(
                new NodeProcess.Spec(
                    "node1",
                    2552,
                    50052,
                    8559,
                    List.of("127.0.0.1:2551"),
                    2,
                    dir.resolve("node1"),
                    "jdbc:postgresql://127.0.0.1:5432/db",
                    List.of(),
                    "app.jar",
                    dir.resolve("logs")))
            .command();
    assertThat(worker).containsSubsequence("--slots", "2").doesNotContain("--roles");
  }

  @Test
  void a_local_cluster_has_distinct_ports_one_seed_and_a_data_directory_per_node() {
    LocalCluster c =
        LocalCluster.layout(dir, List.of(0, 1, 1), "jdbc:postgresql://h/db", List.of(), "cp");
    assertThat(c.nodes()).hasSize(3);
    Set<Integer> ports = new HashSet<>();
    for (NodeProcess n : c.nodes()) {
      ports.add(n.spec().arteryPort());
      ports.add(n.spec().grpcPort());
      ports.add(n.spec().managementPort());
      assertThat(n.spec().seeds()).containsExactly(c.node(0).address());
      assertThat(n.isAlive()).isFalse();
    }
    assertThat(ports).hasSize(9);
    assertThat(c.nodes()).extracting(n -> n.spec().dataDir()).doesNotHaveDuplicates();
    assertThat(c.byAddress(c.node(2).address())).containsSame(c.node(2));
    assertThatThrownBy(c::anyAlive).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void journal_urls_name_their_database() {
    assertThat(
            JournalDatabase.databaseName(
                "jdbc:postgresql://127.0.0.1:5432/alphapulse_bench?user=postgres"))
        .isEqualTo("alphapulse_bench");
    assertThat(JournalDatabase.databaseName("jdbc:postgresql://db/x")).isEqualTo("x");
    assertThatThrownBy(() -> JournalDatabase.databaseName("jdbc:h2:file:/tmp/j"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JournalDatabase.ensure("jdbc:postgresql://h/bad-name"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bad-name");
  }
}
