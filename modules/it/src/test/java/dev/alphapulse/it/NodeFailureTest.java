package dev.alphapulse.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alphapulse.api.grpc.JobReply;
import dev.alphapulse.app.clusterbench.JournalDatabase;
import dev.alphapulse.app.clusterbench.NodeProcess;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Three {@code alphapulse node} processes with the PostgreSQL journal lose nodes to SIGKILL while a
 * 300-chunk sweep runs, and the job still ends exactly as {@code alphapulse run} on one embedded
 * node computes it, with every chunk counted once:
 *
 * <ul>
 *   <li>a worker node that does not host the job's coordinator is killed: the failure detector and
 *       the split brain resolver remove it, its leased chunk is re-queued;
 *   <li>the node hosting the coordinator is killed: sharding restarts the coordinator on a survivor
 *       (remembered entities), which recovers from the journal and re-issues the chunks without a
 *       completion;
 *   <li>every node is killed and all are started again: the job resumes by itself, and no chunk
 *       completed before the stop is computed again (the run logs of the new processes name only
 *       chunks the journal did not have).
 * </ul>
 *
 * Nodes have one slot each (3 slots on the 2-core build machine). Node logs, run logs and CLI
 * output stay under {@code target*}/it-work/ for diagnosis.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class NodeFailureTest {
  private static final Duration JOB_TIMEOUT = Duration.ofSeconds(150);

  private ItCluster cluster;

  @BeforeAll
  static void reference() {
    Sweep.reference();
  }

  @AfterEach
  void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void a_worker_node_killed_mid_job() {
    cluster = ItCluster.start("kill-worker", List.of(1, 1, 1));
    String jobId = cluster.submit(cluster.jobFile("sweep.yaml", Sweep.YAML));
    JobReply running = cluster.awaitSucceeded(jobId, Sweep.CHUNKS / 5, JOB_TIMEOUT);
    String coordinator = running.getCoordinatorNode();
    NodeProcess victim =
        cluster.cluster().nodes().stream()
            .filter(n -> !n.address().equals(coordinator))
            .reduce((first, second) -> second) // not the seed when possible
            .orElseThrow();
    int doneAtKill = running.getChunks().getSucceeded();
    victim.kill();
    System.err.printf(
        "kill-worker: killed %s at %d/%d chunks (coordinator on %s)%n",
        victim.address(), doneAtKill, Sweep.CHUNKS, coordinator);

    assertThat(cluster.awaitEnd(jobId, JOB_TIMEOUT))
        .as("%s", cluster.logTails())
        .isEqualTo("SUCCEEDED");
    JsonNode finished = cluster.finishedJson(jobId);
    assertThat(finished.path("coordinatorNode").asText())
        .as("coordinator did not move")
        .isEqualTo(coordinator);
    Sweep.assertFinishedLikeReference(finished);
    Map<Integer, JournalDatabase.JobEvent> completed =
        Sweep.assertEachChunkOnceInJournal(cluster.journal(), jobId);
    assertThat(completed.values())
        .as("the killed node was computing chunks (%d done at the kill)", doneAtKill)
        .anyMatch(e -> victim.address().equals(e.node()));
    assertThat(completed.values())
        .as("survivors computed the rest")
        .anyMatch(e -> !victim.address().equals(e.node()));
    // Its leased chunks are computed again: the two it held (one running, one queued) and at most
    // one whose result was waiting to go with its next request.
    assertOnlyInFlightChunksComputedTwice(3);
  }

  @Test
  void the_coordinator_node_killed_mid_job() {
    cluster = ItCluster.start("kill-coordinator", List.of(1, 1, 1));
    String jobId = cluster.submit(cluster.jobFile("sweep.yaml", Sweep.YAML));
    JobReply running = cluster.awaitSucceeded(jobId, Sweep.CHUNKS / 5, JOB_TIMEOUT);
    String coordinator = running.getCoordinatorNode();
    NodeProcess victim =
        cluster
            .cluster()
            .byAddress(coordinator)
            .orElseThrow(() -> new AssertionError("no node at coordinatorNode " + coordinator));
    victim.kill();
    System.err.printf(
        "kill-coordinator: killed %s at %d/%d chunks%n",
        coordinator, running.getChunks().getSucceeded(), Sweep.CHUNKS);

    assertThat(cluster.awaitEnd(jobId, JOB_TIMEOUT))
        .as("%s", cluster.logTails())
        .isEqualTo("SUCCEEDED");
    JsonNode finished = cluster.finishedJson(jobId);
    assertThat(finished.path("coordinatorNode").asText())
        .as("the coordinator restarted on a survivor")
        .isNotEqualTo(coordinator)
        .isIn(
            cluster.cluster().nodes().stream()
                .filter(NodeProcess::isAlive)
                .map(NodeProcess::address)
                .toList());
    Sweep.assertFinishedLikeReference(finished);
    Sweep.assertEachChunkOnceInJournal(cluster.journal(), jobId);
    // The new coordinator re-issues the chunks without a completion; chunks in flight at that
    // moment (leased: at most two per slot; or reported and waiting for the group commit: at most
    // its cap) may be computed once more, nothing else.
    assertOnlyInFlightChunksComputedTwice(6 + ItCluster.PERSIST_BATCH_MAX);
  }

  @Test
  void every_node_stopped_and_started_again_mid_job() {
    cluster = ItCluster.start("stop-all", List.of(1, 1, 1));
    String jobId = cluster.submit(cluster.jobFile("sweep.yaml", Sweep.YAML));
    cluster.awaitSucceeded(jobId, Sweep.CHUNKS / 3, JOB_TIMEOUT);
    Set<Long> firstPids = cluster.livePids();
    cluster.cluster().killAll();

    List<JournalDatabase.JobEvent> before = cluster.journal().events(jobId);
    Set<Integer> doneBefore = new TreeSet<>();
    long lastSeqBefore = 0;
    for (JournalDatabase.JobEvent e : before) {
      lastSeqBefore = Math.max(lastSeqBefore, e.sequenceNr());
      if (e.type().equals("ChunkCompleted")) {
        assertThat(doneBefore.add(e.chunkId()))
            .as("chunk %d completed twice", e.chunkId())
            .isTrue();
      }
    }
    assertThat(doneBefore.size()).as("chunks done at the stop").isBetween(1, Sweep.CHUNKS - 1);

    cluster.restart();
    assertThat(cluster.awaitEnd(jobId, JOB_TIMEOUT))
        .as("%s", cluster.logTails())
        .isEqualTo("SUCCEEDED");
    Sweep.assertFinishedLikeReference(cluster.finishedJson(jobId));
    Map<Integer, JournalDatabase.JobEvent> completed =
        Sweep.assertEachChunkOnceInJournal(cluster.journal(), jobId);
    for (int id : doneBefore) {
      assertThat(completed.get(id).sequenceNr())
          .as("chunk %d keeps its completion from before the stop", id)
          .isLessThanOrEqualTo(lastSeqBefore);
    }

    Set<Integer> computedAfter = new TreeSet<>();
    cluster.runLogs().entrySet().stream()
        .filter(e -> !firstPids.contains(e.getKey()))
        .forEach(e -> computedAfter.addAll(Sweep.chunksIn(e.getValue())));
    Set<Integer> missing = new TreeSet<>(Sweep.allChunks());
    missing.removeAll(doneBefore);
    System.err.printf(
        "stop-all: %d of %d chunks done at the stop; the restarted nodes computed %d chunks%n",
        doneBefore.size(), Sweep.CHUNKS, computedAfter.size());
    assertThat(computedAfter)
        .as("chunks computed after the restart: the missing ones, none completed before")
        .doesNotContainAnyElementsOf(doneBefore)
        .containsAll(missing);
  }

  /**
   * Across all node processes, at most {@code inFlight} chunks were computed more than once (the
   * chunks leased when a node died), so nothing was recomputed wholesale.
   */
  private void assertOnlyInFlightChunksComputedTwice(int inFlight) {
    Map<Integer, Integer> processes = new HashMap<>();
    for (List<String> log : cluster.runLogs().values()) {
      for (int chunk : Sweep.chunksIn(log)) {
        processes.merge(chunk, 1, Integer::sum);
      }
    }
    assertThat(processes.keySet()).as("every chunk was computed").isEqualTo(Sweep.allChunks());
    Set<Integer> twice = new TreeSet<>();
    processes.forEach(
        (chunk, n) -> {
          if (n > 1) {
            twice.add(chunk);
          }
        });
    System.err.printf("chunks computed by more than one process: %s%n", twice);
    assertThat(twice)
        .as("chunks computed by more than one process")
        .hasSizeLessThanOrEqualTo(inFlight);
  }
}
