package dev.alphapulse.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alphapulse.app.clusterbench.JournalDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The sweep the failure tests run, its reference result, and the checks every run of it must pass.
 *
 * <p>{@code it-cross} (sma-cross with a run log) over 30 fast x 30 slow periods = 900 parameter
 * sets on 2 synthetic symbols of 100,000 bars, 3 parameter sets per chunk: {@value #CHUNKS} chunks,
 * about 15-25 s on three single-slot nodes on two cores. The reference is {@code alphapulse run} of
 * the same file on one embedded node, computed once per test JVM.
 */
final class Sweep {
  private Sweep() {}

  static final int CHUNKS = 300;
  static final int CHUNK_SIZE = 3;
  static final int SYMBOLS = 2;

  static final String YAML =
      "type: sweep\n"
          + "data: {synthetic: {symbols: "
          + SYMBOLS
          + ", bars: 100000, seed: 11}}\n"
          + "strategy: "
          + ItStrategies.NAME
          + "\n"
          + "params: {fast: {range: [5, 34, 1]}, slow: {range: [40, 330, 10]}}\n"
          + "backtest: {cash: 10000, commission: 0.001, spread: 0.0005, fill: next-open,"
          + " finalize-trades: true}\n"
          + "parallelization: {strategy: PARAMETER_BASED, chunk-size: "
          + CHUNK_SIZE
          + "}\n"
          + "max-retries: 3\n"
          + "checkpoint-interval: 50\n"
          + "seed: 42\n";

  private static JsonNode reference;

  /** {@code alphapulse run sweep.yaml --json} on one embedded node (computed once). */
  static synchronized JsonNode reference() {
    if (reference == null) {
      Path dir = ItEnv.workDir("reference");
      Path file = dir.resolve("sweep.yaml");
      try {
        Files.writeString(file, YAML);
      } catch (IOException e) {
        throw new AssertionError(e);
      }
      Cli.Result r =
          Cli.run(
              dir,
              Duration.ofMinutes(3),
              "-Xmx1536m",
              "run",
              file.toString(),
              "--json",
              "--no-progress");
      assertThat(r.exitCode()).as("%s", r).isZero();
      try {
        reference = ItCluster.JSON.readTree(r.out());
      } catch (IOException e) {
        throw new AssertionError("run printed no JSON: " + r, e);
      }
      assertThat(reference.path("status").asText()).as("reference run").isEqualTo("SUCCEEDED");
      assertThat(reference.path("results").size()).isEqualTo(900 * SYMBOLS);
    }
    return reference;
  }

  /**
   * The job ended well: SUCCEEDED, every chunk succeeded once, none failed, and its results equal
   * the reference's field for field (params, symbol, every statistic), in the same order.
   */
  static void assertFinishedLikeReference(JsonNode finished) {
    assertThat(finished.path("status").asText()).as("status").isEqualTo("SUCCEEDED");
    JsonNode chunks = finished.path("chunks");
    assertThat(chunks.path("total").asInt()).as("chunks.total").isEqualTo(CHUNKS);
    assertThat(chunks.path("succeeded").asInt()).as("chunks.succeeded").isEqualTo(CHUNKS);
    assertThat(chunks.path("failed").asInt()).as("chunks.failed").isZero();
    assertSameResults(reference().path("results"), finished.path("results"));
  }

  /** Equal results arrays, reporting the first difference by run and field. */
  static void assertSameResults(JsonNode expected, JsonNode actual) {
    assertThat(actual.isArray()).as("results is an array").isTrue();
    assertThat(actual.size()).as("number of results").isEqualTo(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      JsonNode e = expected.get(i);
      JsonNode a = actual.get(i);
      assertThat(a.path("params")).as("results[%d].params", i).isEqualTo(e.path("params"));
      assertThat(a.path("symbol")).as("results[%d].symbol", i).isEqualTo(e.path("symbol"));
      JsonNode es = e.path("stats");
      JsonNode as = a.path("stats");
      assertThat(es.size()).as("results[%d].stats has statistics", i).isPositive();
      Iterator<String> names = es.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        if (!es.get(name).equals(as.get(name))) {
          fail(
              "results[%d] (%s %s).stats[%s]: expected %s, was %s",
              i, e.path("params"), e.path("symbol").asText(), name, es.get(name), as.get(name));
        }
      }
      assertThat(as.size()).as("results[%d].stats size", i).isEqualTo(es.size());
      assertThat(a).as("results[%d]", i).isEqualTo(e);
    }
  }

  /**
   * Every chunk is counted exactly once in the journal: one {@code ChunkCompleted} per chunk id,
   * nothing failed or abandoned, the job accepted once and finished once.
   *
   * @return the chunk events by chunk id
   */
  static Map<Integer, JournalDatabase.JobEvent> assertEachChunkOnceInJournal(
      JournalDatabase journal, String jobId) {
    List<JournalDatabase.JobEvent> events = journal.events(jobId);
    Map<String, Integer> byType = new TreeMap<>();
    Map<Integer, List<JournalDatabase.JobEvent>> completed = new TreeMap<>();
    for (JournalDatabase.JobEvent e : events) {
      byType.merge(e.type(), 1, Integer::sum);
      if (e.type().equals("ChunkCompleted")) {
        completed.computeIfAbsent(e.chunkId(), k -> new ArrayList<>()).add(e);
      }
    }
    assertThat(byType)
        .as("event types of job %s", jobId)
        .containsEntry("JobAccepted", 1)
        .containsEntry("ChunkCompleted", CHUNKS)
        .containsEntry("JobFinished", 1)
        .doesNotContainKeys("ChunkFailed", "ChunkAbandoned", "JobCancelled");
    assertThat(completed.keySet()).as("chunk ids completed").isEqualTo(allChunks());
    Map<Integer, JournalDatabase.JobEvent> once = new TreeMap<>();
    completed.forEach(
        (id, list) -> {
          assertThat(list).as("ChunkCompleted events of chunk %d", id).hasSize(1);
          once.put(id, list.get(0));
        });
    return once;
  }

  /** Chunk ids 0 .. CHUNKS-1. */
  static Set<Integer> allChunks() {
    Set<Integer> all = new TreeSet<>();
    for (int i = 0; i < CHUNKS; i++) {
      all.add(i);
    }
    return all;
  }

  /**
   * The chunks whose backtests appear in run logs: a log line {@code "fast slow"} is parameter set
   * {@code i} of the grid (from the reference's result order), in chunk {@code i / CHUNK_SIZE}.
   */
  static Set<Integer> chunksIn(List<String> runLog) {
    Map<String, Integer> chunkOf = chunkIndex();
    Set<Integer> out = new TreeSet<>();
    for (String line : runLog) {
      Integer c = chunkOf.get(line);
      if (c == null) {
        throw new AssertionError("run log line '" + line + "' is no parameter set of the sweep");
      }
      out.add(c);
    }
    return out;
  }

  private static Map<String, Integer> chunkIndex() {
    JsonNode results = reference().path("results");
    Map<String, Integer> out = new HashMap<>();
    for (int i = 0; i < results.size(); i++) {
      JsonNode p = results.get(i).path("params");
      int paramIndex = i / SYMBOLS;
      out.put(p.path("fast").asInt() + " " + p.path("slow").asInt(), paramIndex / CHUNK_SIZE);
    }
    return out;
  }
}
