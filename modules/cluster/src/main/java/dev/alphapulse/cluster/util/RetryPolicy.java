package dev.alphapulse.cluster.util;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * Retry with exponential back-off, on Resilience4j: the delay schedule that the job coordinator
 * uses between attempts of a failing chunk, and blocking retries of an operation (such as creating
 * the journal schema while other nodes race to do the same, or while the database starts).
 *
 * <p>Immutable and thread-safe.
 *
 * @param initial the delay before the second attempt
 * @param multiplier growth factor of the delay per attempt, at least 1
 * @param max the delay cap
 * @param maxAttempts attempts in all for {@link #call} (the first included), at least 1
 */
public record RetryPolicy(Duration initial, double multiplier, Duration max, int maxAttempts) {

  public RetryPolicy {
    Objects.requireNonNull(initial, "initial");
    Objects.requireNonNull(max, "max");
    if (initial.isNegative() || initial.isZero()) {
      throw new IllegalArgumentException("initial: must be > 0, was " + initial);
    }
    if (!(multiplier >= 1)) {
      throw new IllegalArgumentException("multiplier: must be >= 1, was " + multiplier);
    }
    if (max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("max: must be >= initial, was " + max);
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts: must be >= 1, was " + maxAttempts);
    }
  }

  /** Doubling back-off from {@code initial} up to {@code max}, {@code maxAttempts} attempts. */
  public static RetryPolicy exponential(Duration initial, Duration max, int maxAttempts) {
    return new RetryPolicy(initial, 2.0, max, maxAttempts);
  }

  private IntervalFunction intervals() {
    return IntervalFunction.ofExponentialBackoff(initial, multiplier, max);
  }

  /**
   * The wait after failed attempt number {@code attempt} (1-based): {@code initial * multiplier^(
   * attempt - 1)}, capped at {@code max}.
   */
  public Duration delayAfter(int attempt) {
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt: must be >= 1, was " + attempt);
    }
    return Duration.ofMillis(intervals().apply(attempt));
  }

  /**
   * Runs {@code operation}, retrying it after an exception that {@code retryOn} accepts, sleeping
   * the back-off in between, up to {@link #maxAttempts} attempts; blocks the calling thread.
   *
   * @throws Exception the last attempt's exception, or the first one {@code retryOn} refuses
   */
  public <T> T call(String name, Predicate<Throwable> retryOn, Callable<T> operation)
      throws Exception {
    RetryConfig config =
        RetryConfig.custom()
            .maxAttempts(maxAttempts)
            .intervalFunction(intervals())
            .retryOnException(retryOn)
            .build();
    return Retry.of(name, config).executeCallable(operation);
  }
}
