package dev.alphapulse.cluster.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alphapulse.cluster.TestJobs;
import dev.alphapulse.jobs.ChunkResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CoordinatorStateTest {
  private static final JobTicket TICKET = TestJobs.ticket("s", TestJobs.sweep(6), 1);
  private static final List<ChunkResult> RESULTS = TestJobs.sequentialChunks(TICKET);

  @Test
  void any_delivery_order_with_duplicates_gives_the_same_state() {
    CoordinatorState reference = CoordinatorState.empty().apply(new JobEvent.JobAccepted(TICKET));
    for (ChunkResult r : RESULTS) {
      reference = reference.apply(new JobEvent.ChunkCompleted(r.chunkId(), 1, r, "n"));
    }
    Random random = new Random(1);
    for (int trial = 0; trial < 20; trial++) {
      List<ChunkResult> shuffled = new ArrayList<>(RESULTS);
      shuffled.addAll(RESULTS.subList(0, random.nextInt(RESULTS.size())));
      Collections.shuffle(shuffled, random);
      CoordinatorState s = CoordinatorState.empty().apply(new JobEvent.JobAccepted(TICKET));
      for (ChunkResult r : shuffled) {
        s = s.apply(new JobEvent.ChunkCompleted(r.chunkId(), 1, r, "n"));
      }
      assertThat(s.completed()).isEqualTo(reference.completed());
      assertThat(s.allChunksDone()).isTrue();
      assertThat(s.missingChunks()).isEmpty();
    }
    assertThat(reference.attempts()).isEqualTo(RESULTS.size());
  }

  @Test
  void missing_chunks_exclude_completed_and_abandoned_ones() {
    CoordinatorState s =
        CoordinatorState.empty()
            .apply(new JobEvent.JobAccepted(TICKET))
            .apply(new JobEvent.ChunkCompleted(0, 1, RESULTS.get(0), "n"))
            .apply(new JobEvent.ChunkFailed(2, 1, "x", "n"))
            .apply(new JobEvent.ChunkFailed(2, 2, "y", "n"))
            .apply(new JobEvent.ChunkAbandoned(2, 2, "y"));
    assertThat(s.missingChunks()).doesNotContain(0, 2).contains(1, 3);
    assertThat(s.nextAttempt(1)).isEqualTo(1);
    assertThat(s.failureList()).containsExactly(new ChunkFailure(2, 2, "y"));
    assertThat(s.finalStatus()).isEqualTo(JobStatus.COMPLETED_WITH_FAILURES);
  }

  @Test
  void a_snapshot_lists_completed_chunks_without_their_results() {
    CoordinatorState before =
        CoordinatorState.empty()
            .apply(new JobEvent.JobAccepted(TICKET))
            .apply(new JobEvent.ChunkCompleted(0, 1, RESULTS.get(0), "n"))
            .apply(new JobEvent.ChunkCompleted(3, 1, RESULTS.get(3), "n"))
            .apply(new JobEvent.ChunkFailed(2, 1, "x", "n"))
            .apply(new JobEvent.ChunkFailed(2, 2, "y", "n"))
            .apply(new JobEvent.ChunkAbandoned(2, 2, "y"));
    CoordinatorSnapshot snapshot = CoordinatorSnapshot.of(before);
    assertThat(snapshot.completedIds()).containsExactly(0, 3);

    CoordinatorState recovered = snapshot.toState();
    assertThat(recovered.completed().isEmpty()).isTrue();
    assertThat(recovered.inJournal()).containsExactly(0, 3);
    assertThat(recovered.missingChunks()).isEqualTo(before.missingChunks());
    assertThat(recovered.counts(0, 0)).isEqualTo(before.counts(0, 0));
    assertThat(recovered.failureList()).isEqualTo(before.failureList());
    // a duplicate of a chunk completed before the snapshot still counts once
    assertThat(recovered.apply(new JobEvent.ChunkCompleted(3, 2, RESULTS.get(3), "m")))
        .isEqualTo(recovered);
    // events after the snapshot, then its results read back from the journal: the state without
    // snapshots; a snapshot of that keeps every id
    CoordinatorState after =
        recovered.apply(new JobEvent.ChunkCompleted(1, 1, RESULTS.get(1), "n"));
    CoordinatorState expected =
        before.apply(new JobEvent.ChunkCompleted(1, 1, RESULTS.get(1), "n"));
    assertThat(after.withJournalResults(before.completed().toMap())).isEqualTo(expected);
    assertThat(CoordinatorSnapshot.of(after).completedIds()).containsExactly(0, 1, 3);
  }

  @Test
  void back_off_doubles_from_the_base_up_to_the_cap() {
    CoordinatorSettings s =
        new CoordinatorSettings(
            Duration.ofMillis(300),
            Duration.ofSeconds(2),
            Duration.ofMinutes(1),
            Duration.ofSeconds(1),
            Duration.ofMinutes(1),
            Duration.ofMillis(100),
            "Sharpe Ratio",
            true,
            "jdbc-read-journal",
            Duration.ofMillis(25),
            64);
    assertThat(s.backoff(1)).isEqualTo(Duration.ofMillis(300));
    assertThat(s.backoff(2)).isEqualTo(Duration.ofMillis(600));
    assertThat(s.backoff(3)).isEqualTo(Duration.ofMillis(1200));
    assertThat(s.backoff(4)).isEqualTo(Duration.ofSeconds(2));
    assertThat(s.backoff(30)).isEqualTo(Duration.ofSeconds(2));
  }
}
