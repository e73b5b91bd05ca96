package dev.alphapulse.app.clusterbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The pure parts of {@code bench cluster-pair} and its per-thread counters (no node started). */
class ClusterPairBenchTest {

  @Test
  void slots_are_parsed_per_node_and_bad_lists_name_the_option() {
    assertThat(ClusterPairBench.parseSlots("--a", "0,1,1")).containsExactly(0, 1, 1);
    assertThat(ClusterPairBench.parseSlots("--b", " 2 ")).containsExactly(2);
    assertThatThrownBy(() -> ClusterPairBench.parseSlots("--a", "0,x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("--a:")
        .hasMessageContaining("'0,x'");
    assertThatThrownBy(() -> ClusterPairBench.parseSlots("--b", "1,-1"))
        .hasMessageStartingWith("--b:")
        .hasMessageContaining(">= 0");
    assertThatThrownBy(() -> ClusterPairBench.parseSlots("--a", "0,0"))
        .hasMessageStartingWith("--a:")
        .hasMessageContaining("at least one slot");
    assertThatThrownBy(() -> ClusterPairBench.parseSlots("--a", "1,,1"))
        .hasMessageStartingWith("--a:");
  }

  @Test
  void jvm_options_split_on_spaces_and_blank_is_none() {
    assertThat(ClusterPairBench.parseJvmOptions(" -Da=1   -Xss1m "))
        .containsExactly("-Da=1", "-Xss1m");
    assertThat(ClusterPairBench.parseJvmOptions("  ")).isEmpty();
    assertThat(ClusterPairBench.parseJvmOptions(null)).isEmpty();
  }

  @Test
  void the_default_plan_is_the_three_nodes_of_bench_cluster_against_one_node_with_every_core() {
    ClusterPairBench.Plan p = ClusterPairBench.defaultPlan(2, false);
    assertThat(p.a().slots()).containsExactly(0, 1, 1);
    assertThat(p.b().slots()).containsExactly(2);
    assertThat(p.warmups()).isEqualTo(ClusterPairBench.WARMUPS);
    assertThat(p.pairs()).isEqualTo(ClusterPairBench.PAIRS);
    assertThat(p.freeze()).isTrue();
    ClusterPairBench.Plan q = ClusterPairBench.defaultPlan(4, true);
    assertThat(q.a().slots()).containsExactly(1, 1, 2);
    assertThat(q.b().slots()).containsExactly(4);
    assertThat(q.pairs()).isLessThan(p.pairs());
    assertThatThrownBy(() -> new ClusterPairBench.Plan(p.a(), p.b(), 0, 0, true))
        .hasMessageContaining("--pairs");
    assertThatThrownBy(() -> new ClusterPairBench.Plan(p.a(), p.b(), -1, 3, true))
        .hasMessageContaining("--warmups");
  }

  @Test
  void a_stopped_side_tolerates_missed_heartbeats_and_a_sides_own_options_come_last() {
    ClusterPairBench.Side side =
        new ClusterPairBench.Side(
            List.of(0, 1, 1), List.of("-Dalphapulse.worker.prefetch-time=0s"));
    assertThat(ClusterPairBench.jvmOptions(side, true))
        .startsWith(ClusterBench.nodeJvmOptions().toArray(String[]::new))
        .containsSubsequence(
            "-Dpekko.cluster.failure-detector.acceptable-heartbeat-pause="
                + ClusterPairBench.FREEZE_PAUSE,
            "-Dalphapulse.worker.prefetch-time=0s");
    assertThat(ClusterPairBench.jvmOptions(side, false))
        .noneMatch(o -> o.contains("acceptable-heartbeat-pause"))
        .endsWith("-Dalphapulse.worker.prefetch-time=0s");
  }

  @Test
  void quartiles_are_the_medians_of_the_halves() {
    assertThat(ClusterPairBench.quartiles(List.of(5.0, 1.0, 3.0, 2.0, 4.0)))
        .containsExactly(1.5, 3.0, 4.5);
    assertThat(ClusterPairBench.quartiles(List.of(4.0, 1.0, 3.0, 2.0)))
        .containsExactly(1.5, 2.5, 3.5);
    assertThat(ClusterPairBench.quartiles(List.of(0.8))).containsExactly(0.8, 0.8, 0.8);
    assertThat(ClusterPairBench.quartiles(List.of())).containsOnly(Double.NaN);
  }

  @Test
  void a_journal_url_can_name_another_database_on_the_same_server() {
    assertThat(
            JournalDatabase.withDatabase(
                "jdbc:postgresql://127.0.0.1:5432/alphapulse_bench?user=postgres", "other"))
        .isEqualTo("jdbc:postgresql://127.0.0.1:5432/other?user=postgres");
    assertThat(JournalDatabase.withDatabase("jdbc:postgresql://db/x", "y"))
        .isEqualTo("jdbc:postgresql://db/y");
    assertThatThrownBy(() -> JournalDatabase.withDatabase("jdbc:h2:file:/tmp/j", "y"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_worker_pools_thread_is_found_under_the_worker_group() throws Exception {
    long pid = ProcessHandle.current().pid();
    Assumptions.assumeTrue(!ThreadCpu.of(pid).seconds().isEmpty(), "no /proc on this system");
    CountDownLatch started = new CountDownLatch(1);
    AtomicBoolean stop = new AtomicBoolean();
    Thread worker =
        new Thread(
            () -> {
              started.countDown();
              double x = 0;
              while (!stop.get()) {
                x += Math.sqrt(x + 1);
              }
              if (x < 0) {
                throw new AssertionError();
              }
            },
            "alphapulse-worker-3"); // as WorkerPool names its threads
    worker.start();
    started.await();
    ThreadCpu.Sample before = ThreadCpu.of(pid);
    Thread.sleep(300);
    ThreadCpu.Sample after = ThreadCpu.of(pid);
    stop.set(true);
    worker.join();
    assertThat(after.since(before)).containsKey(ClusterPairBench.WORKER_THREADS);
    assertThat(after.preemptionsSince(before)).containsKey(ClusterPairBench.WORKER_THREADS);
  }

  @Test
  void a_thread_that_blocks_is_not_counted_as_preempted() throws Exception {
    long pid = ProcessHandle.current().pid();
    Assumptions.assumeTrue(!ThreadCpu.of(pid).seconds().isEmpty(), "no /proc on this system");
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(1);
    Thread sleeper =
        new Thread(
            () -> {
              started.countDown();
              try {
                for (int i = 0; i < 20; i++) {
                  Thread.sleep(5); // switched out voluntarily, 20 times
                }
                done.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "pair-sleeper-3");
    sleeper.start();
    started.await();
    ThreadCpu.Sample before = ThreadCpu.of(pid);
    Thread.sleep(300);
    ThreadCpu.Sample after = ThreadCpu.of(pid);
    done.countDown();
    sleeper.join();
    Map<String, Long> preempted = after.preemptionsSince(before);
    assertThat(preempted).containsKey("pair-sleeper");
    // a thread that mostly sleeps yields its core; it is rarely, if ever, switched out running
    assertThat(preempted.get("pair-sleeper")).isBetween(0L, 5L);
    assertThat(preempted.values()).allMatch(n -> n >= 0);
  }
}
