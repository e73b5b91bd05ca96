package dev.alphapulse.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alphapulse.cluster.JobOutcome;
import dev.alphapulse.cluster.JobStatusView;
import dev.alphapulse.cluster.job.ChunkCounts;
import dev.alphapulse.cluster.job.ChunkFailure;
import dev.alphapulse.cluster.job.JobStatus;
import dev.alphapulse.jobs.JobType;
import dev.alphapulse.jobs.RunResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The job JSON of the CLI contract: keys, their order and the number formats. */
class JobJsonTest {
  static final long START = Instant.parse("2004-08-19T00:00:00Z").toEpochMilli();
  static final long END = Instant.parse("2013-03-01T00:00:00Z").toEpochMilli();

  static RunResult run(int paramIndex, int symbolIndex, double sharpe) {
    Map<String, Double> stats = new LinkedHashMap<>();
    stats.put("Duration", 3116.0);
    stats.put("Exposure Time [%]", 93.5125);
    stats.put("Return [%]", 12.25);
    stats.put("# Trades", 66.0);
    stats.put("Sharpe Ratio", sharpe);
    stats.put("Profit Factor", Double.POSITIVE_INFINITY);
    return new RunResult(
        paramIndex,
        symbolIndex,
        Map.of("slow", 30 + paramIndex, "fast", 5, "band", 0.25),
        "SYM" + symbolIndex,
        "backtesting.py",
        START,
        END,
        stats);
  }

  static JobStatusView status(JobStatus s, List<ChunkFailure> failures) {
    return new JobStatusView(
        "job-1",
        s,
        new ChunkCounts(4, 3, failures.size(), 6, 0, 0),
        JobType.SWEEP,
        "sma-cross",
        Instant.parse("2024-01-01T00:00:00Z"),
        s.isTerminal() ? Instant.parse("2024-01-01T00:00:05Z") : null,
        Duration.ofSeconds(5),
        1.5,
        s.isTerminal() ? 0 : Double.NaN,
        "127.0.0.1:25520",
        failures);
  }

  static List<String> keys(JsonNode o) {
    List<String> out = new ArrayList<>();
    for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
      out.add(it.next());
    }
    return out;
  }

  @Test
  void stats_are_those_of_backtest_json() throws Exception {
    ObjectNode s = JobJson.stats(run(0, 0, Double.NaN));
    assertThat(keys(s))
        .containsExactly(
            "Start",
            "End",
            "Duration",
            "Exposure Time [%]",
            "Return [%]",
            "# Trades",
            "Sharpe Ratio",
            "Profit Factor",
            "Convention");
    assertThat(s.get("Start").asText()).isEqualTo("2004-08-19T00:00:00");
    assertThat(s.get("End").asText()).isEqualTo("2013-03-01T00:00:00");
    assertThat(s.get("Duration").isIntegralNumber()).isTrue();
    assertThat(s.get("Duration").asLong()).isEqualTo(3116);
    assertThat(s.get("# Trades").isIntegralNumber()).isTrue();
    assertThat(s.get("Exposure Time [%]").isDouble()).isTrue();
    assertThat(s.get("Exposure Time [%]").asDouble()).isEqualTo(93.5125);
    assertThat(s.get("Sharpe Ratio").isNull()).isTrue();
    assertThat(s.get("Profit Factor").isNull()).isTrue();
    assertThat(s.get("Convention").asText()).isEqualTo("backtesting.py");
    // valid JSON text (no NaN tokens) that reads back to the same keys and values
    assertThat(new ObjectMapper().readTree(s.toString()).toString()).isEqualTo(s.toString());
  }

  @Test
  void date_times_keep_their_seconds() {
    assertThat(JobJson.isoDateTime(START)).isEqualTo("2004-08-19T00:00:00");
    assertThat(JobJson.isoDateTime(Instant.parse("2020-03-02T14:30:00Z").toEpochMilli()))
        .isEqualTo("2020-03-02T14:30:00");
  }

  @Test
  void a_running_job_has_no_results() {
    ObjectNode o = JobJson.running(status(JobStatus.RUNNING, List.of()));
    assertThat(keys(o)).containsExactly("jobId", "status", "coordinatorNode", "chunks");
    assertThat(o.get("status").asText()).isEqualTo("RUNNING");
    assertThat(o.get("coordinatorNode").asText()).isEqualTo("127.0.0.1:25520");
    assertThat(keys(o.get("chunks"))).containsExactly("total", "succeeded", "failed", "attempts");
    assertThat(o.get("chunks").get("attempts").asLong()).isEqualTo(6);
  }

  @Test
  void a_finished_job_has_its_results_in_grid_order_and_the_best() {
    RunResult best = run(1, 0, 2.0);
    List<RunResult> shuffled = List.of(run(1, 1, 0.5), best, run(0, 1, 1.0), run(0, 0, 0.1));
    JobStatusView st = status(JobStatus.SUCCEEDED, List.of());
    ObjectNode o =
        JobJson.finished("job-1", st, new JobOutcome(st, shuffled, "Sharpe Ratio", best));
    assertThat(keys(o))
        .containsExactly("jobId", "status", "coordinatorNode", "chunks", "results", "best");
    JsonNode results = o.get("results");
    assertThat(results).hasSize(4);
    List<String> order = new ArrayList<>();
    for (JsonNode r : results) {
      assertThat(keys(r)).containsExactly("params", "symbol", "stats");
      order.add(r.get("params").get("slow").asInt() + "/" + r.get("symbol").asText());
    }
    assertThat(order).containsExactly("30/SYM0", "30/SYM1", "31/SYM0", "31/SYM1");
    JsonNode params = results.get(0).get("params");
    assertThat(keys(params)).containsExactly("band", "fast", "slow");
    assertThat(params.get("fast").isIntegralNumber()).isTrue();
    assertThat(params.get("band").asDouble()).isEqualTo(0.25);
    assertThat(o.get("best")).isEqualTo(JobJson.run(best));
    assertThat(o.get("best").get("stats")).isEqualTo(JobJson.stats(best));
  }

  @Test
  void a_finished_sweeps_overfitting_follows_best_and_keeps_every_other_key() {
    RunResult best = run(1, 0, 2.0);
    JobStatusView st =
        status(
            JobStatus.COMPLETED_WITH_FAILURES, List.of(new ChunkFailure(1, 2, "IOException: x")));
    String of = "{\"trials\":2,\"deflatedSharpe\":{\"probability\":0.5},\"pbo\":null}";
    ObjectNode o =
        JobJson.finished(
            new JobOutcome(st, List.of(run(0, 0, 1.0), best), "Sharpe Ratio", best, null, of));
    assertThat(keys(o))
        .containsExactly(
            "jobId",
            "status",
            "coordinatorNode",
            "chunks",
            "results",
            "best",
            "overfitting",
            "failures");
    assertThat(o.get("overfitting").get("deflatedSharpe").get("probability").asDouble())
        .isEqualTo(0.5);
    assertThat(o.get("overfitting").get("pbo").isNull()).isTrue();
    assertThat(o.get("best")).isEqualTo(JobJson.run(best));
  }

  @Test
  void failures_and_a_missing_best_are_shown() {
    JobStatusView st =
        status(
            JobStatus.COMPLETED_WITH_FAILURES,
            List.of(new ChunkFailure(2, 4, "IllegalStateException: boom")));
    ObjectNode o = JobJson.finished(new JobOutcome(st, List.of(), "Sharpe Ratio", null));
    assertThat(keys(o))
        .containsExactly(
            "jobId", "status", "coordinatorNode", "chunks", "results", "best", "failures");
    assertThat(o.get("best").isNull()).isTrue();
    assertThat(o.get("failures").get(0).get("chunkId").asInt()).isEqualTo(2);
    assertThat(o.get("failures").get(0).get("error").asText()).contains("boom");
    assertThat(JobJson.submitted("job-9").toString()).isEqualTo("{\"jobId\":\"job-9\"}");
  }
}
