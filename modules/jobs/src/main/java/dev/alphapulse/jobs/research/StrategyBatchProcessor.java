package dev.alphapulse.jobs.research;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Feeds requests to a {@link ParallelStrategyRunner} in batches of a given size: the requests are
 * ordered by priority (higher first, then list order), cut into batches, and each batch is
 * submitted and run before the next, so at most {@code batchSize} requests are queued at once and
 * progress is reported per batch. Results accumulate in the runner ({@link
 * ParallelStrategyRunner#getResults()}).
 *
 * <p>Not thread-safe.
 */
public final class StrategyBatchProcessor {

  /**
   * What one batch did.
   *
   * @param batch the batch's number, from 0
   * @param requests requests in it
   * @param completed of them with statistics
   * @param failed of them given up
   * @param executed backtests executed for it (attempts; cache hits excluded)
   * @param cacheHits of them served from the cache
   */
  public record BatchReport(
      int batch, int requests, int completed, int failed, long executed, long cacheHits) {}

  private final ParallelStrategyRunner runner;
  private final int batchSize;
  private final Consumer<BatchReport> listener;

  /** A processor without a listener. */
  public StrategyBatchProcessor(ParallelStrategyRunner runner, int batchSize) {
    this(runner, batchSize, r -> {});
  }

  /**
   * @param batchSize requests per batch, {@code >= 1}
   * @param listener told after each batch
   */
  public StrategyBatchProcessor(
      ParallelStrategyRunner runner, int batchSize, Consumer<BatchReport> listener) {
    this.runner = Objects.requireNonNull(runner, "runner");
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be >= 1, was " + batchSize);
    }
    this.batchSize = batchSize;
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /**
   * Runs the requests batch by batch.
   *
   * @return one report per batch, in order
   * @throws IllegalArgumentException from {@link ParallelStrategyRunner#submit} for a bad request
   *     (the batches before it have run)
   */
  public List<BatchReport> process(List<ParallelStrategyRunner.Request> requests) {
    List<ParallelStrategyRunner.Request> ordered = new ArrayList<>(requests);
    // stable: equal priorities keep the list order
    ordered.sort(Comparator.comparingInt(ParallelStrategyRunner.Request::priority).reversed());
    List<BatchReport> reports = new ArrayList<>();
    for (int from = 0; from < ordered.size(); from += batchSize) {
      List<ParallelStrategyRunner.Request> batch =
          ordered.subList(from, Math.min(ordered.size(), from + batchSize));
      int results = runner.getResults().size();
      int failures = runner.getFailures().size();
      long executed = runner.executedBacktests();
      long hits = runner.cacheHits();
      runner.submitAll(batch);
      runner.run();
      BatchReport r =
          new BatchReport(
              reports.size(),
              batch.size(),
              runner.getResults().size() - results,
              runner.getFailures().size() - failures,
              runner.executedBacktests() - executed,
              runner.cacheHits() - hits);
      reports.add(r);
      listener.accept(r);
    }
    return reports;
  }
}
