package dev.alphapulse.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alphapulse.app.clusterbench.JournalDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Job rules on a three-process cluster: a chunk that always throws is given up after {@code
 * max-retries} retries while the rest of the job goes on, and bad job files are rejected by {@code
 * alphapulse submit} before anything runs, with a message naming the field.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class JobRulesTest {
  private static ItCluster cluster;

  @BeforeAll
  static void start() {
    cluster = ItCluster.start("job-rules", List.of(1, 1, 1));
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  /**
   * {@code it-cross} throws for fast = 5, which is parameter sets 0..2 (fast 5 with slow 40, 60,
   * 80): chunk 0 of 60 one-set chunks, the first one handed out, so the other chunks run while it
   * is retried with back-off.
   */
  @Test
  void a_chunk_that_always_throws_fails_after_max_retries_and_the_job_goes_on() {
    String yaml =
        "type: sweep\n"
            + "data: {synthetic: {symbols: 2, bars: 150000, seed: 5}}\n"
            + "strategy: "
            + ItStrategies.NAME
            + "\n"
            + "params: {fast: {range: [5, 24, 1]}, slow: [40, 60, 80], fail: 5}\n"
            + "parallelization: {strategy: PARAMETER_BASED, chunk-size: 1}\n"
            + "max-retries: 2\n";
    String jobId = cluster.submit(cluster.jobFile("failing.yaml", yaml));
    assertThat(cluster.awaitEnd(jobId, Duration.ofSeconds(90)))
        .isIn("COMPLETED_WITH_FAILURES", "FAILED");
    JsonNode json = cluster.finishedJson(jobId);
    JsonNode chunks = json.path("chunks");
    assertThat(chunks.path("total").asInt()).isEqualTo(60);
    assertThat(chunks.path("failed").asInt()).as("failed chunks").isEqualTo(3);
    assertThat(chunks.path("succeeded").asInt()).as("succeeded chunks").isEqualTo(57);
    JsonNode failures = json.path("failures");
    assertThat(failures.findValuesAsText("chunkId")).containsExactly("0", "1", "2");
    for (JsonNode f : failures) {
      assertThat(f.path("attempts").asInt()).as("attempts of %s", f).isEqualTo(3);
      assertThat(f.path("error").asText()).contains("deliberate failure for fast=5");
    }
    assertThat(json.path("results").size()).as("runs of the 57 good chunks").isEqualTo(57 * 2);
    for (JsonNode r : json.path("results")) {
      assertThat(r.path("params").path("fast").asInt()).isNotEqualTo(5);
    }

    List<JournalDatabase.JobEvent> events = cluster.journal().events(jobId);
    Map<Integer, List<String>> byChunk = new TreeMap<>();
    for (JournalDatabase.JobEvent e : events) {
      if (e.chunkId() >= 0) {
        byChunk.computeIfAbsent(e.chunkId(), k -> new ArrayList<>()).add(e.type());
      }
    }
    for (int id = 0; id < 60; id++) {
      if (id < 3) {
        assertThat(byChunk.get(id))
            .as("journal of chunk %d", id)
            .containsExactly("ChunkFailed", "ChunkFailed", "ChunkFailed", "ChunkAbandoned");
      } else {
        assertThat(byChunk.get(id)).as("journal of chunk %d", id).containsExactly("ChunkCompleted");
      }
    }
    assertThat(events.stream().filter(e -> e.type().equals("JobFinished")).count()).isOne();
    long firstFailure =
        events.stream()
            .filter(e -> e.type().equals("ChunkFailed"))
            .mapToLong(JournalDatabase.JobEvent::sequenceNr)
            .min()
            .orElseThrow();
    long lastAbandoned =
        events.stream()
            .filter(e -> e.type().equals("ChunkAbandoned"))
            .mapToLong(JournalDatabase.JobEvent::sequenceNr)
            .max()
            .orElseThrow();
    assertThat(events)
        .as("chunks completed while the failing ones were retried (the job did not stall)")
        .anyMatch(
            e ->
                e.type().equals("ChunkCompleted")
                    && e.sequenceNr() > firstFailure
                    && e.sequenceNr() < lastAbandoned);
  }

  @Test
  void bad_job_files_are_rejected_by_submit_before_anything_runs() {
    String head = "type: sweep\ndata: {synthetic: {symbols: 1, bars: 500, seed: 1}}\n";
    String cross = head + "strategy: sma-cross\n";
    Path data = ItEnv.dataRoot().resolve("backtesting.py");
    assertThat(data.resolve("GOOG.csv")).as("shared market data").isRegularFile();
    List<BadSpec> cases =
        List.of(
            new BadSpec("unknown-strategy", head + "strategy: no-such-strategy\n", "strategy"),
            new BadSpec("unknown-parameter", cross + "params: {speed: 3}\n", "params.speed"),
            new BadSpec(
                "empty-range", cross + "params: {fast: {range: []}}\n", "params.fast.range"),
            new BadSpec(
                "inverted-range",
                cross + "params: {fast: {range: [50, 5, 1]}}\n",
                "params.fast.range"),
            new BadSpec(
                "missing-data-path",
                "type: sweep\ndata: {path: /nonexistent/alphapulse/prices}\nstrategy: sma-cross\n",
                "data.path"),
            new BadSpec(
                "missing-data-symbol",
                "type: sweep\ndata: {path: \""
                    + data
                    + "\", symbols: [GOOG, NOPE]}\nstrategy: sma-cross\n",
                "data.symbols[1]"),
            new BadSpec(
                "zero-chunk-size",
                cross + "parallelization: {strategy: PARAMETER_BASED, chunk-size: 0}\n",
                "parallelization.chunk-size"));
    int jobsBefore = cluster.journal().jobCount();
    String endpoint = cluster.endpoint();
    List<CompletableFuture<Cli.Result>> runs = new ArrayList<>();
    ExecutorService three = Executors.newFixedThreadPool(3);
    for (BadSpec c : cases) {
      Path file = cluster.jobFile(c.name() + ".yaml", c.yaml());
      runs.add(
          CompletableFuture.supplyAsync(
              () ->
                  Cli.client(
                      cluster.work().resolve("cli-" + c.name()),
                      "submit",
                      file.toString(),
                      "--endpoint",
                      endpoint,
                      "--json"),
              three));
    }
    three.shutdown();
    for (int i = 0; i < cases.size(); i++) {
      BadSpec c = cases.get(i);
      Cli.Result r = runs.get(i).join();
      assertThat(r.exitCode()).as("%s: exit code\n%s", c.name(), r).isNotZero();
      assertThat(r.err()).as("%s: stderr names the field\n%s", c.name(), r).contains(c.field());
      assertThat(r.out()).as("%s: no job id printed\n%s", c.name(), r).doesNotContain("jobId");
    }
    assertThat(cluster.journal().jobCount()).as("jobs in the journal").isEqualTo(jobsBefore);
  }

  private record BadSpec(String name, String yaml, String field) {}
}
