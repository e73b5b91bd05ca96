package dev.alphapulse.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import dev.alphapulse.api.grpc.ClusterStatus;
import dev.alphapulse.api.grpc.DataSpec;
import dev.alphapulse.api.grpc.JobProgress;
import dev.alphapulse.api.grpc.JobReply;
import dev.alphapulse.api.grpc.JobSummary;
import dev.alphapulse.api.grpc.Member;
import dev.alphapulse.api.grpc.NumberList;
import dev.alphapulse.api.grpc.Parallelization;
import dev.alphapulse.api.grpc.ParamValues;
import dev.alphapulse.api.grpc.Range;
import dev.alphapulse.api.grpc.SubmitRequest;
import dev.alphapulse.api.grpc.SyntheticData;
import dev.alphapulse.cluster.DistributedComputingService;
import dev.alphapulse.cluster.JobOutcome;
import dev.alphapulse.cluster.NodeOptions;
import dev.alphapulse.cluster.node.ClusterNode;
import dev.alphapulse.jobs.RunResult;
import io.grpc.Status;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The gRPC API end to end: a real embedded cluster node (H2 journal in a temporary directory), the
 * gRPC server on 127.0.0.1 over HTTP/2, and {@link AlphaPulseClient}. Replies are compared field
 * for field with what {@link DistributedComputingService} returns in-process.
 */
class GrpcApiTest {
  static final ObjectMapper JSON = new ObjectMapper();

  /** A small sweep: 8 x 2 parameter sets on 2 synthetic symbols, 4 chunks of 4 sets. */
  static final String SWEEP =
      """
      type: sweep
      data: {synthetic: {symbols: 2, bars: 1500, seed: 7}}
      strategy: sma-cross
      params: {fast: {range: [5, 12, 1]}, slow: [30, 50]}
      backtest: {cash: 10000, commission: 0.0, spread: 0.0, fill: next-open, finalize-trades: true}
      parallelization: {strategy: PARAMETER_BASED, chunk-size: 4}
      max-retries: 2
      seed: 42
      """;

  static final String SMALL_DATA = "data: {synthetic: {symbols: 1, bars: 300, seed: 5}}\n";

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
                # a quiet connection dies after 3 s unless the server pings it (every second)
                pekko.http.server.idle-timeout = 3s
                pekko.http.server.http2.ping-interval = 1s
                """));
    assertThat(node.awaitUp(Duration.ofSeconds(30))).isTrue();
    service = DistributedComputingService.attach(node);
    grpc =
        GrpcServer.start(service, "127.0.0.1", 0).toCompletableFuture().get(30, TimeUnit.SECONDS);
    client = AlphaPulseClient.connect("127.0.0.1", grpc.port(), Duration.ofSeconds(60));
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

  // ---------------------------------------------------------------------------------- helpers

  static List<String> keys(JsonNode o) {
    List<String> out = new ArrayList<>();
    for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
      out.add(it.next());
    }
    return out;
  }

  static JobOutcome outcome(String jobId) throws Exception {
    return service.getJobResult(jobId).toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  /** A result message equals a run field for field. */
  static void assertSameRun(dev.alphapulse.api.grpc.RunResult m, RunResult r) throws Exception {
    Map<String, Double> params = new HashMap<>();
    r.params().forEach((k, v) -> params.put(k, v.doubleValue()));
    assertThat(m.getParamsMap()).isEqualTo(params);
    assertThat(m.getSymbol()).isEqualTo(r.symbol());
    assertThat(m.getParamIndex()).isEqualTo(r.paramIndex());
    assertThat(m.getSymbolIndex()).isEqualTo(r.symbolIndex());
    JsonNode stats = JSON.readTree(m.getStatsJson());
    assertThat(stats).isEqualTo(reparse(JobJson.stats(r)));
    assertThat(stats.get("Start").asText()).isEqualTo(JobJson.isoDateTime(r.start()));
    assertThat(stats.get("End").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d");
    assertThat(stats.get("Convention").asText()).isEqualTo(r.convention());
    for (Map.Entry<String, Double> e : r.stats().entrySet()) {
      JsonNode v = stats.get(e.getKey());
      if (Double.isNaN(e.getValue()) || Double.isInfinite(e.getValue())) {
        assertThat(v.isNull()).as(e.getKey()).isTrue();
      } else {
        assertThat(v.isNumber()).as(e.getKey()).isTrue();
        assertThat(v.asDouble()).as(e.getKey()).isEqualTo(e.getValue());
      }
    }
  }

  static void assertInvalid(Runnable call, String field) {
    ApiException e = catchThrowableOfType(ApiException.class, call::run);
    assertThat(e).as(field).isNotNull();
    assertThat(e.code()).as(e.getMessage()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(e.getMessage()).startsWith(field + ": ");
  }

  // ------------------------------------------------------------------------------------ tests

  @Test
  void a_sweep_submitted_as_yaml_is_watched_to_the_end_and_its_results_equal_the_services()
      throws Exception {
    String id = client.submit(SWEEP);
    List<JobProgress> updates = new CopyOnWriteArrayList<>();
    JobProgress last = client.watch(id, updates::add);

    assertThat(updates).isNotEmpty();
    assertThat(updates.get(updates.size() - 1)).isEqualTo(last);
    assertThat(last.getJobId()).isEqualTo(id);
    assertThat(last.getStatus()).isEqualTo("SUCCEEDED");
    assertThat(last.getChunks().getTotal()).isEqualTo(4);
    assertThat(last.getChunks().getSucceeded()).isEqualTo(4);
    assertThat(last.getObjective()).isEqualTo("Sharpe Ratio");
    assertThat(last.hasBest()).isTrue();
    int done = 0;
    Set<String> runs = new HashSet<>();
    for (JobProgress p : updates) {
      int d = p.getChunks().getSucceeded() + p.getChunks().getFailed();
      assertThat(d).isGreaterThanOrEqualTo(done);
      done = d;
      p.getNewResultsList().forEach(r -> runs.add(r.getParamIndex() + "/" + r.getSymbolIndex()));
    }
    for (JobProgress p : updates.subList(0, updates.size() - 1)) {
      assertThat(p.getStatus()).isEqualTo("RUNNING");
    }
    assertThat(runs).hasSize(32); // partial results: every run arrived while watching

    JobReply reply = client.get(id);
    JobOutcome expected = outcome(id);
    assertThat(reply.getJobId()).isEqualTo(id);
    assertThat(reply.getStatus()).isEqualTo(expected.status().status().name());
    assertThat(reply.getCoordinatorNode()).isEqualTo(node.address());
    assertThat(reply.getStrategy()).isEqualTo("sma-cross");
    assertThat(reply.getType()).isEqualTo("sweep");
    assertThat(reply.getObjective()).isEqualTo(expected.objective());
    assertThat(reply.getChunks().getTotal()).isEqualTo(expected.status().chunks().total());
    assertThat(reply.getChunks().getSucceeded()).isEqualTo(expected.status().chunks().succeeded());
    assertThat(reply.getChunks().getFailed()).isEqualTo(expected.status().chunks().failed());
    assertThat(reply.getChunks().getAttempts()).isEqualTo(expected.status().chunks().attempts());
    assertThat(reply.getFailuresList()).isEmpty();
    assertThat(reply.getDurationSeconds()).isPositive();
    assertThat(reply.getResultsCount()).isEqualTo(expected.runs().size()).isEqualTo(32);
    for (int i = 0; i < expected.runs().size(); i++) {
      assertSameRun(reply.getResults(i), expected.runs().get(i));
    }
    assertSameRun(reply.getBest(), expected.best());

    // the JSON the CLI prints
    JsonNode json = JSON.readTree(reply.getJson());
    assertThat(json).isEqualTo(reparse(JobJson.finished(id, expected.status(), expected)));
    assertThat(keys(json))
        .containsExactly(
            "jobId", "status", "coordinatorNode", "chunks", "results", "best", "overfitting");
    // the overfitting statistics: the DSR of best (every run a trial) and PBO
    JsonNode of = json.get("overfitting");
    assertThat(JSON.readTree(reply.getOverfittingJson())).isEqualTo(of);
    assertThat(of.get("trials").asInt()).isEqualTo(32);
    assertThat(of.get("trialsUsed").asInt()).isEqualTo(32);
    assertThat(of.get("best").get("symbol").asText()).isEqualTo(expected.best().symbol());
    assertThat(of.get("deflatedSharpe").get("probability").asDouble()).isBetween(0.0, 1.0);
    assertThat(of.get("pbo").get("probability").asDouble()).isBetween(0.0, 1.0);
    assertThat(of.get("bySymbol")).hasSize(2);
    assertThat(json.get("coordinatorNode").asText()).matches("127\\.0\\.0\\.1:\\d+");
    assertThat(keys(json.get("chunks")))
        .containsExactly("total", "succeeded", "failed", "attempts");
    assertThat(json.get("results")).hasSize(32);
    int prevParam = -1;
    int prevSymbol = -1;
    for (int i = 0; i < 32; i++) {
      JsonNode r = json.get("results").get(i);
      assertThat(keys(r)).containsExactly("params", "symbol", "stats");
      dev.alphapulse.api.grpc.RunResult m = reply.getResults(i);
      assertThat(
              m.getParamIndex() > prevParam
                  || (m.getParamIndex() == prevParam && m.getSymbolIndex() > prevSymbol))
          .isTrue();
      prevParam = m.getParamIndex();
      prevSymbol = m.getSymbolIndex();
      assertThat(r.get("symbol").asText()).isEqualTo(m.getSymbol());
      assertThat(r.get("params").get("fast").isIntegralNumber()).isTrue();
    }
    JsonNode stats = json.get("results").get(0).get("stats");
    assertThat(keys(stats)).startsWith("Start", "End").endsWith("Convention");
    assertThat(stats.get("Start").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d");
    assertThat(stats.get("# Trades").isIntegralNumber()).isTrue();
    assertThat(keys(json.get("best"))).containsExactly("params", "symbol", "stats");
  }

  @Test
  void a_sweep_with_thousands_of_runs_is_watched_in_split_updates_and_fetched_whole()
      throws Exception {
    // 45 x 90 parameter sets on 1 symbol: 4,050 runs, a finished reply above gRPC's 4 MiB default
    String id =
        client.submit(
            """
            type: sweep
            data: {synthetic: {symbols: 1, bars: 300, seed: 7}}
            strategy: sma-cross
            params: {fast: {range: [2, 46, 1]}, slow: {range: [50, 139, 1]}}
            parallelization: {strategy: PARAMETER_BASED, chunk-size: 450}
            """);
    List<JobProgress> updates = new CopyOnWriteArrayList<>();
    JobProgress last = client.watch(id, updates::add);
    assertThat(last.getStatus()).isEqualTo("SUCCEEDED");
    assertThat(last.getMoreResults()).isFalse();
    Set<String> runs = new HashSet<>();
    for (JobProgress p : updates) {
      assertThat(p.getNewResultsCount()).isLessThanOrEqualTo(1000);
      p.getNewResultsList().forEach(r -> runs.add(r.getParamIndex() + "/" + r.getSymbolIndex()));
    }
    assertThat(runs).hasSize(4050);

    JobReply reply = client.get(id);
    assertThat(reply.getSerializedSize()).isGreaterThan(4 * 1024 * 1024);
    assertThat(reply.getResultsCount()).isEqualTo(4050);

    // a watcher that comes after the end gets every run in the final update, split in parts
    List<JobProgress> late = new CopyOnWriteArrayList<>();
    client.watch(id, late::add);
    assertThat(late)
        .extracting(JobProgress::getNewResultsCount)
        .containsExactly(1000, 1000, 1000, 1000, 50);
    assertThat(late)
        .extracting(JobProgress::getMoreResults)
        .containsExactly(true, true, true, true, false);
    assertThat(late).extracting(JobProgress::getStatus).containsOnly("SUCCEEDED");
  }

  @Test
  void a_structured_spec_runs_the_same_job_as_its_yaml() throws Exception {
    dev.alphapulse.api.grpc.JobSpec spec =
        dev.alphapulse.api.grpc.JobSpec.newBuilder()
            .setType("sweep")
            .setData(
                DataSpec.newBuilder()
                    .setSynthetic(
                        SyntheticData.newBuilder().setSymbols(2).setBars(1500).setSeed(7)))
            .setStrategy("sma-cross")
            .addParams(
                ParamValues.newBuilder()
                    .setName("fast")
                    .setRange(Range.newBuilder().setFrom(5).setTo(12).setStep(1)))
            .addParams(
                ParamValues.newBuilder()
                    .setName("slow")
                    .setList(NumberList.newBuilder().addValues(30).addValues(50)))
            .setParallelization(
                Parallelization.newBuilder().setStrategy("PARAMETER_BASED").setChunkSize("4"))
            .setMaxRetries(2)
            .setSeed(42)
            .build();
    String structured =
        client.submit(SubmitRequest.newBuilder().setJob(spec).setJobId("structured-1").build());
    assertThat(structured).isEqualTo("structured-1");
    String yaml = client.submit(SWEEP);
    assertThat(client.watch(structured, p -> {}).getStatus()).isEqualTo("SUCCEEDED");
    assertThat(client.watch(yaml, p -> {}).getStatus()).isEqualTo("SUCCEEDED");

    JobReply a = client.get(structured);
    JobReply b = client.get(yaml);
    assertThat(a.getResultsList()).isEqualTo(b.getResultsList()).hasSize(32);
    assertThat(a.getBest()).isEqualTo(b.getBest());
    assertThat(a.getChunks()).isEqualTo(b.getChunks());
    JobOutcome expected = outcome(structured);
    for (int i = 0; i < expected.runs().size(); i++) {
      assertSameRun(a.getResults(i), expected.runs().get(i));
    }
    // the same spec under the same id again is the same job
    assertThat(
            client.submit(SubmitRequest.newBuilder().setJob(spec).setJobId("structured-1").build()))
        .isEqualTo("structured-1");

    // both are listed, newest first
    List<JobSummary> jobs = client.list().getJobsList();
    assertThat(jobs).extracting(JobSummary::getJobId).contains(structured, yaml);
    JobSummary s =
        jobs.stream().filter(j -> j.getJobId().equals(structured)).findFirst().orElseThrow();
    assertThat(s.getStatus()).isEqualTo("SUCCEEDED");
    assertThat(s.getStrategy()).isEqualTo("sma-cross");
    assertThat(s.getType()).isEqualTo("sweep");
    assertThat(s.getChunksTotal()).isEqualTo(4);
    assertThat(s.getChunksDone()).isEqualTo(4);
    assertThat(s.getSubmittedAt()).isNotEmpty();
    assertThat(jobs.indexOf(s))
        .isGreaterThan(
            jobs.stream().map(JobSummary::getJobId).toList().indexOf(yaml)); // yaml is newer
  }

  @Test
  void a_long_job_is_cancelled() {
    String id =
        client.submit(
            "type: sweep\n"
                + SMALL_DATA
                + "strategy: "
                + ApiTestStrategies.SLOW_CROSS
                + "\nparams: {fast: {range: [5, 25, 1]}, slow: [30], pause: 300}\n"
                + "parallelization: {strategy: PARAMETER_BASED, chunk-size: 1}\n");
    JobReply running = client.get(id);
    assertThat(running.getStatus()).isEqualTo("RUNNING");
    assertThat(running.getResultsList()).isEmpty();
    assertThat(keys(readJson(running.getJson())))
        .containsExactly("jobId", "status", "coordinatorNode", "chunks");

    JobReply cancelled = client.cancel(id);
    assertThat(cancelled.getStatus()).isEqualTo("CANCELLED");
    assertThat(cancelled.getChunks().getSucceeded()).isLessThan(21);
    assertThat(keys(readJson(cancelled.getJson()))).contains("results", "best");
    assertThat(client.watch(id, p -> {}).getStatus()).isEqualTo("CANCELLED");
    assertThat(client.get(id).getStatus()).isEqualTo("CANCELLED");
  }

  @Test
  void a_quiet_watch_outlives_the_idle_timeout() {
    // one chunk that takes 5 s: no progress message for longer than the 3 s idle timeout
    String id =
        client.submit(
            "type: backtest\n"
                + SMALL_DATA
                + "strategy: "
                + ApiTestStrategies.SLOW_CROSS
                + "\nparams: {fast: 10, slow: 30, pause: 5000}\n");
    List<JobProgress> updates = new CopyOnWriteArrayList<>();
    JobProgress last = client.watch(id, updates::add);
    assertThat(last.getStatus()).isEqualTo("SUCCEEDED");
    assertThat(last.getChunks().getSucceeded()).isEqualTo(1);
    assertThat(last.getElapsedSeconds()).isGreaterThanOrEqualTo(5.0);
  }

  @Test
  void cluster_status_shows_the_member_with_its_slots() {
    ClusterStatus status = client.clusterStatus();
    assertThat(status.getSelfNode()).isEqualTo(node.address());
    assertThat(status.getLeader()).isEqualTo(node.address());
    assertThat(status.getMembersList()).hasSize(1);
    Member m = status.getMembers(0);
    assertThat(m.getAddress()).isEqualTo(node.address());
    assertThat(m.getStatus()).isEqualTo("Up");
    assertThat(m.getRolesList()).contains(NodeOptions.WORKER_ROLE);
    assertThat(m.getReachable()).isTrue();
    assertThat(m.getWorker()).isTrue();
    assertThat(m.getSlots()).isEqualTo(2);
    assertThat(m.getProcessors()).isPositive();
    assertThat(m.getHeapMaxBytes()).isPositive();
    assertThat(m.getMemoryTotalBytes()).isPositive();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          strategy                   | strategy: warp-drive
          params.speed               | strategy: sma-cross\\nparams: {speed: 3}
          params.fast.range          | type: sweep\\nstrategy: sma-cross\\nparams: {fast: {range: [50, 5, 1]}}
          params.fast.range          | type: sweep\\nstrategy: sma-cross\\nparams: {fast: {range: []}}
          parallelization.chunk-size | strategy: sma-cross\\nparallelization: {chunk-size: 0}
          parallelization.chunk-size | strategy: sma-cross\\nparallelization: {chunk-size: lots}
          """)
  void bad_yaml_specs_are_invalid_arguments_naming_the_field(String field, String rest) {
    String yaml = SMALL_DATA + rest.replace("\\n", "\n") + "\n";
    assertInvalid(() -> client.submit(yaml), field);
  }

  @Test
  void other_bad_requests_are_invalid_arguments_naming_the_field() {
    assertInvalid(
        () -> client.submit("data: {path: /no/such/dir}\nstrategy: sma-cross\n"), "data.path");
    ApiException relative =
        catchThrowableOfType(
            ApiException.class,
            () ->
                client.submit(
                    SubmitRequest.newBuilder()
                        .setYaml("data: {path: prices/missing.csv}\nstrategy: sma-cross\n")
                        .setBaseDir(dir.toString())
                        .build()));
    assertThat(relative.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(relative.getMessage())
        .startsWith("data.path: ")
        .contains(dir.resolve("prices/missing.csv").toString());
    assertInvalid(() -> client.submit("strategy: [unclosed\n"), "yaml");
    assertInvalid(() -> client.submit(SubmitRequest.getDefaultInstance()), "spec");
    dev.alphapulse.api.grpc.JobSpec inverted =
        JobSpecProtos.toProto(dev.alphapulse.jobs.JobSpecs.parseYaml(SWEEP)).toBuilder()
            .setParams(
                0,
                ParamValues.newBuilder()
                    .setName("fast")
                    .setRange(Range.newBuilder().setFrom(50).setTo(5).setStep(1)))
            .build();
    assertInvalid(
        () -> client.submit(SubmitRequest.newBuilder().setJob(inverted).build()),
        "params.fast.range");
    assertInvalid(
        () -> client.submit(SubmitRequest.newBuilder().setYaml(SWEEP).setJobId("bad id!").build()),
        "jobId");
    assertInvalid(() -> client.get("bad id!"), "jobId");
  }

  @Test
  void an_unknown_job_is_not_found() {
    for (Runnable call :
        List.<Runnable>of(
            () -> client.get("never-submitted"),
            () -> client.cancel("never-submitted"),
            () -> client.watch("never-submitted", p -> {}))) {
      ApiException e = catchThrowableOfType(ApiException.class, call::run);
      assertThat(e).isNotNull();
      assertThat(e.code()).isEqualTo(Status.Code.NOT_FOUND);
      assertThat(e.getMessage()).isEqualTo("jobId: no job with id 'never-submitted'");
    }
  }

  @Test
  void an_unreachable_endpoint_is_unavailable() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    try (AlphaPulseClient nobody =
        AlphaPulseClient.connect("127.0.0.1", port, Duration.ofSeconds(20))) {
      ApiException e = catchThrowableOfType(ApiException.class, nobody::list);
      assertThat(e).isNotNull();
      assertThat(e.code()).isEqualTo(Status.Code.UNAVAILABLE);
      assertThat(e.getMessage()).startsWith("connection to 127.0.0.1:" + port + " failed: ");
    }
  }

  /** A tree as read back from its text (Jackson's node types differ for built and parsed). */
  private static JsonNode reparse(JsonNode built) {
    return readJson(built.toString());
  }

  private static JsonNode readJson(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }
}
