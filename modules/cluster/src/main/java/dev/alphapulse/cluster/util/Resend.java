package dev.alphapulse.cluster.util;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.actor.typed.Scheduler;
import scala.concurrent.ExecutionContext;

/**
 * Sends an idempotent request again, every {@code every}, while it has no answer, until {@code
 * timeout}: the first answer wins, and earlier attempts stay open, so a slow answer counts as much
 * as a quick one.
 *
 * <p>Why: Pekko delivers at most once. A message to a sharded entity whose node was just lost can
 * go to that node's shard region in the moment before the sender's region learned of the loss, and
 * is then dropped; a single ask would wait out its whole timeout, although the entity is running
 * again on a survivor seconds later.
 *
 * <p>Every attempt is given the time left until the common deadline, so they all end by then; a
 * failure that is an answer (not a time-out) ends the request at once.
 */
public final class Resend {
  private Resend() {}

  /**
   * @param attempt sends the request once, failing when no answer came within the given time
   * @param every how long to wait for an answer before the request is sent again, &gt; 0
   * @param timeout how long to wait in all, &gt; 0
   */
  public static <T> CompletableFuture<T> untilAnswered(
      Function<Duration, CompletionStage<T>> attempt,
      Duration every,
      Duration timeout,
      Scheduler scheduler,
      ExecutionContext ec) {
    Objects.requireNonNull(attempt, "attempt");
    if (every.isNegative() || every.isZero()) {
      throw new IllegalArgumentException("every: must be > 0, was " + every);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout: must be > 0, was " + timeout);
    }
    CompletableFuture<T> answer = new CompletableFuture<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    new Runnable() {
      @Override
      public void run() {
        long left = deadline - System.nanoTime();
        if (answer.isDone() || left <= 0) {
          return;
        }
        attempt
            .apply(Duration.ofNanos(left))
            .whenComplete(
                (value, error) -> {
                  if (error == null) {
                    answer.complete(value);
                  } else {
                    answer.completeExceptionally(error);
                  }
                });
        if (left > every.toNanos()) {
          scheduler.scheduleOnce(every, this, ec);
        }
      }
    }.run();
    return answer;
  }
}
