package dev.alphapulse.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.ConfigFactory;
import dev.alphapulse.api.grpc.JobReply;
import dev.alphapulse.cluster.DistributedComputingService;
import dev.alphapulse.cluster.JobOutcome;
import dev.alphapulse.cluster.NodeOptions;
import dev.alphapulse.cluster.job.JobModel;
import dev.alphapulse.cluster.node.ClusterNode;
import dev.alphapulse.engine.data.Universe;
import dev.alphapulse.jobs.DatasetRef;
import dev.alphapulse.jobs.JobSpec;
import dev.alphapulse.jobs.JobSpecs;
import dev.alphapulse.jobs.research.Json;
import dev.alphapulse.jobs.research.ResearchDriver;
import dev.alphapulse.jobs.research.ResearchJobs;
import dev.alphapulse.jobs.research.ResearchKind;
import io.grpc.Status;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every research job type over real gRPC on loopback (an embedded node with an H2 journal, the gRPC
 * server on 127.0.0.1, {@link AlphaPulseClient}): the finished job's JSON ({@code JobReply.json},
 * what {@code submit --wait --json} and {@code status --json} print) has the research result of the
 * same job submitted through the Java API, and of the job run in one loop without actors; a bad
 * research section is rejected with {@code INVALID_ARGUMENT} naming its field.
 */
class GrpcResearchJobsTest {
  static final String OPTIMIZE =
      """
      type: optimize
      data: {synthetic: {symbols: 1, bars: 800, seed: 7}}
      strategy: sma-cross
      search-space: {fast: {randint: [2, 30]}, slow: {randint: [35, 120]}}
      search: {algorithm: tpe, num-samples: 12, batch-size: 4, startup-trials: 4}
      scheduler: {type: asha, grace-period: 0.25, reduction-factor: 2}
      backtest: {cash: 10000, commission: 0.001}
      seed: 42
      """;

  static final String WALK_FORWARD =
      """
      type: walk-forward
      data: {synthetic: {symbols: 1, bars: 900, seed: 7}}
      strategy: sma-cross
      backtest: {cash: 10000, commission: 0.001}
      seed: 42
      search-space: {fast: {grid: [5, 10, 20]}, slow: {grid: [30, 60]}}
      search: {algorithm: grid, num-samples: 6, batch-size: 6}
      walk-forward: {window-size: 300, step-size: 150, mode: anchored}
      """;

  static final String MONTE_CARLO =
      """
      type: monte-carlo
      data: {synthetic: {symbols: 1, bars: 600, seed: 7}}
      strategy: sma-cross
      params: {fast: 10, slow: 30}
      backtest: {cash: 10000, commission: 0.001}
      parallelization: {strategy: MONTE_CARLO, chunk-size: 100}
      seed: 42
      monte-carlo: {method: block-bootstrap, paths: 400, steps: 100, block-size: 10, fan-paths: 20}
      """;

  static final String BATCH =
      """
      type: batch
      data: {synthetic: {symbols: 2, bars: 700, seed: 7}}
      backtest: {cash: 10000, commission: 0.001}
      seed: 42
      batch:
        runs:
          - {strategy: sma-cross, params: {fast: 10, slow: 30}, priority: 5}
          - {strategy: sma-cross, params: {fast: 20, slow: 60}}
          - {strategy: rsi, params: {period: 14, lower: 30, upper: 70}}
          - {strategy: momentum, params: {lookback: 40, top-n: 1, rebalance: 21}}
        aggregate: {Sharpe Ratio: mean}
        runs-per-chunk: 2
      """;

  static final String PORTFOLIO =
      """
      type: portfolio
      data: {synthetic: {symbols: 2, bars: 700, seed: 7}}
      backtest: {cash: 100000, commission: 0.001}
      seed: 42
      portfolio:
        sleeves:
          - {name: fast, strategy: sma-cross, params: {fast: 10, slow: 30}, symbols: [SYN00]}
          - {name: slow, strategy: sma-cross, params: {fast: 20, slow: 80}}
          - {name: reversion, strategy: mean-reversion, params: {window: 20, entry: 2.0, exit: 0.5}}
        allocation: risk-parity
        rebalance: 21
        lookback: 63
      """;

  @TempDir static Path dir;
  static ClusterNode node;
  static DistributedComputingService service;
  static GrpcServer.Binding grpc;
  static AlphaPulseClient client;

  @BeforeAll
  static void start() throws Exception {
    node =
        ClusterNode.start(
            NodeOptions.embedded().withDataDir(dir).withSlots(2),
            ConfigFactory.parseString(
                """
                alphapulse.job.progress-interval = 50ms
                alphapulse.job.rebroadcast-interval = 200ms
                """));
    assertThat(node.awaitUp(Duration.ofSeconds(30))).isTrue();
    service = DistributedComputingService.attach(node);
    grpc =
        GrpcServer.start(service, "127.0.0.1", 0).toCompletableFuture().get(30, TimeUnit.SECONDS);
    client = AlphaPulseClient.connect("127.0.0.1", grpc.port(), Duration.ofSeconds(120));
  }

  @AfterAll
  static void stop() {
    if (client != null) {
      client.close();
    }
    if (grpc != null) {
      grpc.close();
    }
    if (node != null) {
      node.close();
    }
  }

  static String yaml(String type) {
    return switch (type) {
      case "optimize" -> OPTIMIZE;
      case "walk-forward" -> WALK_FORWARD;
      case "monte-carlo" -> MONTE_CARLO;
      case "batch" -> BATCH;
      case "portfolio" -> PORTFOLIO;
      default -> throw new IllegalArgumentException(type);
    };
  }

  /** The job run in one loop, chunk after chunk, without actors (as ResearchJobsTest does). */
  static JsonNode sequential(JobSpec spec) {
    DatasetRef ref = node.datasets().describe(spec.data(), Path.of(""));
    Universe u = node.datasets().resolve(ref);
    ResearchKind kind = ResearchJobs.kind(spec, ref, JobModel.registry());
    ResearchDriver d = kind.driver();
    SortedMap<Integer, String> payloads = new TreeMap<>();
    for (int id = 0; id < d.knownChunks(); id++) {
      String p = kind.execute(d.task(id), u);
      payloads.put(id, p);
      d.completed(id, p);
    }
    assertThat(d.isFinished()).isTrue();
    return Json.tree(Json.write(kind.assemble(payloads, new TreeMap<>(), u)));
  }

  static List<String> keys(JsonNode o) {
    List<String> out = new ArrayList<>();
    for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
      out.add(it.next());
    }
    return out;
  }

  @ParameterizedTest
  @CsvSource({"optimize", "walk-forward", "monte-carlo", "batch", "portfolio"})
  void a_research_job_over_grpc_has_the_result_of_the_java_api_and_of_one_loop(String type)
      throws Exception {
    String yaml = yaml(type);
    String id = client.submit(yaml);
    assertThat(client.watch(id, p -> {}).getStatus()).isEqualTo("SUCCEEDED");
    JobReply reply = client.get(id);
    assertThat(reply.getStatus()).isEqualTo("SUCCEEDED");
    assertThat(reply.getType()).isEqualTo(type);
    assertThat(reply.getResultsList()).isEmpty();
    JsonNode json = Json.tree(reply.getJson());
    assertThat(keys(json))
        .containsExactly("jobId", "status", "coordinatorNode", "chunks", "result");
    assertThat(json.get("jobId").asText()).isEqualTo(id);
    JsonNode result = json.get("result");
    assertThat(result.get("type").asText()).isEqualTo(type);

    // the same job submitted in-process, under another id: computed again, the same result
    JobOutcome java =
        service
            .runDistributedBacktest(JobSpecs.parseYaml(yaml))
            .result()
            .toCompletableFuture()
            .get(180, TimeUnit.SECONDS);
    assertThat(java.status().jobId()).isNotEqualTo(id);
    assertThat(Json.tree(java.research())).isEqualTo(result);
    // and the JSON the CLI prints for it (run --json) has the same result
    assertThat(Json.tree(JobJson.finished(java).toString()).get("result")).isEqualTo(result);

    // the job in one loop, without actors or gRPC
    assertThat(sequential(JobSpecs.parseYaml(yaml))).isEqualTo(result);

    // status read again (cached on the node) is the same reply
    assertThat(Json.tree(client.get(id).getJson())).isEqualTo(json);
  }

  static void assertInvalid(String yaml, String field) {
    ApiException e = catchThrowableOfType(ApiException.class, () -> client.submit(yaml));
    assertThat(e).as(field).isNotNull();
    assertThat(e.code()).as(e.getMessage()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(e.getMessage()).startsWith(field + ": ");
  }

  @Test
  void bad_research_sections_are_rejected_naming_the_field() {
    assertInvalid(
        OPTIMIZE.replace("algorithm: tpe", "algorithm: simulated-annealing"), "search.algorithm");
    assertInvalid(
        OPTIMIZE.replace("randint: [2, 30]", "randint: [30, 2]"), "search-space.fast.randint");
    // data-dependent: a window longer than the 900 bars, found when the data is loaded
    assertInvalid(
        WALK_FORWARD.replace("window-size: 300", "window-size: 5000"), "walk-forward.window-size");
    assertInvalid(MONTE_CARLO.replace("paths: 400", "paths: -1"), "monte-carlo.paths");
    assertInvalid(BATCH.replace("strategy: rsi", "strategy: nope"), "batch.runs[2].strategy");
  }
}
