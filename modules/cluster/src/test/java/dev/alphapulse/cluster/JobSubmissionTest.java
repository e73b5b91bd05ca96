package dev.alphapulse.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The outcome is fetched on the first request only, and once. */
class JobSubmissionTest {
  @Test
  void theOutcomeIsFetchedOnFirstRequestAndOnce() {
    AtomicInteger fetches = new AtomicInteger();
    CompletableFuture<JobOutcome> outcome = new CompletableFuture<>();
    JobSubmission s =
        new JobSubmission(
            CompletableFuture.completedFuture("job-1"),
            () -> {
              fetches.incrementAndGet();
              return outcome;
            });
    assertThat(s.jobId().toCompletableFuture().join()).isEqualTo("job-1");
    assertThat(fetches).hasValue(0);
    CompletionStage<JobOutcome> first = s.result();
    assertThat(s.result()).isSameAs(first);
    assertThat(fetches).hasValue(1);
  }
}
