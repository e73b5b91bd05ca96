package dev.alphapulse.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alphapulse.cluster.JobOutcome;
import dev.alphapulse.cluster.JobStatusView;
import dev.alphapulse.cluster.job.ChunkCounts;
import dev.alphapulse.cluster.job.ChunkFailure;
import dev.alphapulse.jobs.RunResult;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A job as the JSON object of the CLI contract ({@code run --json}, {@code status --json}, {@code
 * submit --wait --json}) and of {@code JobReply.json}.
 *
 * <h2>Shape</h2>
 *
 * <pre>{@code
 * {"jobId": "job-...", "status": "SUCCEEDED", "coordinatorNode": "127.0.0.1:25520",
 *  "chunks": {"total": 10, "succeeded": 10, "failed": 0, "attempts": 10},
 *  "results": [{"params": {"fast": 5, "slow": 30}, "symbol": "SYN00", "stats": {...}}, ...],
 *  "best": {"params": {...}, "symbol": "SYN01", "stats": {...}}}
 * }</pre>
 *
 * A running job has only {@code jobId}, {@code status}, {@code coordinatorNode} and {@code chunks}
 * ({@link #running}). A finished one ({@link #finished}) adds {@code results}, ordered by parameter
 * index then symbol index, {@code best} (null when no run has a value for the objective) and, only
 * when some chunk failed after its retries, {@code failures: [{"chunkId", "attempts", "error"}]}.
 * {@code status} is a {@link dev.alphapulse.cluster.job.JobStatus} name. A sweep that succeeded or
 * completed with failures also has {@code overfitting} after {@code best}: the Deflated Sharpe
 * Ratio of the best run and the Probability of Backtest Overfitting ({@code
 * docs/research-overfitting.md}); a research job has {@code result} instead of {@code results} and
 * {@code best}.
 *
 * <p>{@code stats} has the keys and format of {@code alphapulse backtest --json}: {@code Start} and
 * {@code End} as ISO-8601 local date-times in UTC wall time with seconds always present ({@code
 * 2004-08-19T00:00:00}), then every statistic in its order (backtesting.py names, durations in
 * days) as a JSON number, whole numbers as integers, NaN and infinities as {@code null}, then
 * {@code Convention}.
 *
 * <p>Stateless and thread-safe; every call returns a new tree.
 */
public final class JobJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Comparator<RunResult> RESULT_ORDER =
      Comparator.comparingInt(RunResult::paramIndex).thenComparingInt(RunResult::symbolIndex);

  private JobJson() {}

  /** {@code {"jobId": ...}}: what {@code submit --json} prints without {@code --wait}. */
  public static ObjectNode submitted(String jobId) {
    return MAPPER.createObjectNode().put("jobId", jobId);
  }

  /**
   * A job that has not ended: {@code jobId}, {@code status}, {@code coordinatorNode}, {@code
   * chunks}.
   */
  public static ObjectNode running(JobStatusView status) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("jobId", status.jobId());
    o.put("status", status.status().name());
    o.put("coordinatorNode", status.coordinatorNode());
    o.set("chunks", chunks(status.chunks()));
    return o;
  }

  /**
   * A job that ended (or its results so far): {@link #running}'s keys, then {@code results}, {@code
   * best}, for a finished sweep {@code overfitting} (a research job: {@code result}, its result
   * object) and, if any chunk failed, {@code failures}.
   *
   * @param jobId the job's id (as submitted; the status view may come from another read)
   * @param status the job's status
   * @param outcome its results, from {@code DistributedComputingService.getJobResult}
   */
  public static ObjectNode finished(String jobId, JobStatusView status, JobOutcome outcome) {
    ObjectNode o = running(status);
    o.put("jobId", jobId);
    if (outcome.research() != null) {
      o.set("result", dev.alphapulse.jobs.research.Json.tree(outcome.research()));
    } else {
      ArrayNode results = o.putArray("results");
      outcome.runs().stream().sorted(RESULT_ORDER).forEach(r -> results.add(run(r)));
      if (outcome.best() == null) {
        o.putNull("best");
      } else {
        o.set("best", run(outcome.best()));
      }
      if (outcome.overfitting() != null) {
        o.set("overfitting", dev.alphapulse.jobs.research.Json.tree(outcome.overfitting()));
      }
    }
    List<ChunkFailure> failures = status.failures();
    if (!failures.isEmpty()) {
      ArrayNode f = o.putArray("failures");
      for (ChunkFailure c : failures) {
        f.addObject()
            .put("chunkId", c.chunkId())
            .put("attempts", c.attempts())
            .put("error", c.error());
      }
    }
    return o;
  }

  /** {@link #finished(String, JobStatusView, JobOutcome)} with the outcome's own id and status. */
  public static ObjectNode finished(JobOutcome outcome) {
    return finished(outcome.status().jobId(), outcome.status(), outcome);
  }

  /** One run: {@code {"params": {...}, "symbol": ..., "stats": {...}}}. */
  public static ObjectNode run(RunResult run) {
    ObjectNode o = MAPPER.createObjectNode();
    ObjectNode params = o.putObject("params");
    for (Map.Entry<String, Number> e : run.params().entrySet()) {
      putNumber(params, e.getKey(), e.getValue().doubleValue());
    }
    o.put("symbol", run.symbol());
    o.set("stats", stats(run));
    return o;
  }

  /**
   * A run's statistics as {@code alphapulse backtest --json} prints them: {@code Start}, {@code
   * End}, every statistic, {@code Convention}.
   */
  public static ObjectNode stats(RunResult run) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("Start", isoDateTime(run.start()));
    o.put("End", isoDateTime(run.end()));
    for (Map.Entry<String, Double> e : run.stats().entrySet()) {
      putNumber(o, e.getKey(), e.getValue());
    }
    o.put("Convention", run.convention());
    return o;
  }

  /** {@code {"total", "succeeded", "failed", "attempts"}}. */
  public static ObjectNode chunks(ChunkCounts c) {
    return MAPPER
        .createObjectNode()
        .put("total", c.total())
        .put("succeeded", c.succeeded())
        .put("failed", c.failed())
        .put("attempts", c.attempts());
  }

  /**
   * Epoch millis as an ISO-8601 local date-time in UTC wall time, as {@code backtest --json} writes
   * it: seconds always present, a fraction only when not zero ({@code 2004-08-19T00:00:00}).
   */
  public static String isoDateTime(long epochMillis) {
    return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
        LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC));
  }

  /** Puts a number: whole values as integers, NaN and infinities as null. */
  static void putNumber(ObjectNode o, String key, double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      o.putNull(key);
    } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      o.put(key, (long) v);
    } else {
      o.put(key, v);
    }
  }
}
