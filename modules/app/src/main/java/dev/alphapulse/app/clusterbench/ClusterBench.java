package dev.alphapulse.app.clusterbench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.alphapulse.api.AlphaPulseClient;
import dev.alphapulse.api.grpc.ClusterStatus;
import dev.alphapulse.api.grpc.JobReply;
import dev.alphapulse.cluster.DistributedComputingService;
import dev.alphapulse.cluster.JobOutcome;
import dev.alphapulse.cluster.JobSubmission;
import dev.alphapulse.cluster.JobWatch;
import dev.alphapulse.cluster.NodeOptions;
import dev.alphapulse.cluster.job.JobStatus;
import dev.alphapulse.cluster.node.ClusterNode;
import dev.alphapulse.jobs.JobSpec;
import dev.alphapulse.jobs.JobSpecs;
import dev.alphapulse.jobs.RunResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code alphapulse bench cluster [--quick] [--json]}: what the cluster costs and what it buys, on
 * one parameter sweep, measured end to end with wall clocks (a whole job is the unit; JMH's
 * microbenchmark machinery does not fit jobs that span processes).
 *
 * <h2>Workloads</h2>
 *
 * <ul>
 *   <li><b>Sweep</b>: sma-cross, 30 fast x 30 slow periods (900 parameter sets) on 2 synthetic
 *       symbols of {@value #SWEEP_BARS} bars, PARAMETER_BASED with 3 sets per chunk: 300 chunks.
 *   <li><b>Trivial chunks</b>: 300 one-set chunks on 500 bars of one symbol, so a chunk costs next
 *       to nothing and the job's time is its coordination.
 * </ul>
 *
 * <h2>Figures</h2>
 *
 * <ul>
 *   <li>{@code embedded_vs_threadpool} = thread-pool time / embedded-node time on the sweep (goal
 *       at least 0.9). The thread pool ({@link ThreadPoolBaseline}) does the same work a node does
 *       (data, plan, {@code ChunkExecutor} per chunk, fold) on as many threads as the embedded node
 *       has slots (the cores), without actors or journal.
 *   <li>{@code three_nodes_vs_embedded} = embedded time / time of three loopback node processes on
 *       the same cores, slots split so that their sum is the core count (on two cores: one node
 *       without worker role, two with one slot); goal at least 0.85. Submitted over gRPC, journal
 *       in PostgreSQL, timed from the submit call to the last progress message (the job's end), as
 *       the embedded node is too (a finished sweep's result, with its overfitting statistics, is
 *       assembled after the job's end, the same pure work anywhere); the result is then fetched and
 *       checked, untimed.
 *   <li>{@code coordination_ms_per_chunk} = (embedded - thread pool) / chunks on the sweep (goal at
 *       most 1 ms); {@code coordination_ms_per_chunk_trivial} is the same on trivial chunks, where
 *       nothing hides the per-chunk journal write.
 *   <li>{@code failover_seconds}: a worker node that does not host the job's coordinator is killed
 *       with SIGKILL at about a quarter of the sweep, once it has completed a chunk of it (a node
 *       restarted after the previous sample runs {@value #RESTART_WARMUPS} sweeps first, so that it
 *       takes part); the figure is the time from the kill until the chunks it was computing
 *       (re-queued by the coordinator, read from its log) are completed by a survivor (read from
 *       the journal), i.e. until the job no longer waits for the dead node. Goal at most 10 s. The
 *       failure-detector and split-brain-resolver settings in effect are reported beside it, with
 *       the time until the dead node left the membership.
 * </ul>
 *
 * Times are the best of the repetitions (noise from other processes only ever adds time; medians
 * and every sample are reported too), after warm-up runs, so that what is timed is the steady state
 * of a long-running node and not the JIT compiler: {@value #IN_PROCESS_WARMUPS} rounds of every
 * workload in process ({@value #IN_PROCESS_WARMUPS_QUICK} with {@code --quick}) and {@value
 * #CLUSTER_WARMUPS} sweeps on the freshly started nodes ({@value #CLUSTER_WARMUPS_QUICK}). A node
 * runs far more code than the thread pool (actors, remoting, sharding, gRPC, the journal's JDBC,
 * Jackson), much of it a few times per chunk or per job, so it crosses the compiler's thresholds
 * only after tens of jobs: measured with {@code jstat -compiler} on three node processes, their
 * compilers spent 5.6 s per 10 sweeps after 20 warm-up sweeps, 2.6 s after 70, 0.7 s after 150; in
 * process the compiler spent about 580 ms per round in the first 10 rounds, 130 ms up to round 30
 * and 30-80 ms after. The compiler threads' CPU during the last timed run is reported ({@code
 * *_jit_cpu_seconds}), so what was still compiled is visible. {@code failover_seconds} is the worst
 * of its samples. The on-disk chunk-result cache is off everywhere (reruns would otherwise be
 * free).
 *
 * <h2>Command line</h2>
 *
 * {@code ./alphapulse bench cluster [--quick] [--json]}. Order: in-process rounds, the three node
 * processes (timed sweeps, then failovers), in-process rounds again on a new embedded node in the
 * same JVM ({@value #AGAIN_WARMUPS} warm-up rounds), so that a machine whose speed drifts during
 * the bench does not favour either side. Repetitions: 5 timed rounds of each in-process workload on
 * each side of the three nodes, 10 three-node sweeps (equal counts, so that neither best is
 * favoured), and 2 failovers; {@code --quick}: 2 + 2, 4 and 1 (and fewer warm-ups), about 3 minutes
 * on two cores (the full run about 7; twice that on a slower machine). {@code
 * three_nodes_vs_embedded_median} is the same ratio of the medians. Needs PostgreSQL: {@code
 * $ALPHAPULSE_PG_URL} or {@value #DEFAULT_PG_URL} (created if missing; its journal tables are
 * emptied when it is that default database). With {@code --json} stdout gets one JSON object;
 * progress and node logs' locations go to stderr. {@code $ALPHAPULSE_BENCH_NODE_OPTS}
 * (space-separated) replaces the node processes' JVM options ({@code -Xmx2g -XX:+UseParallelGC},
 * those {@code ./alphapulse node} runs with, as the in-process JVM; chunk-result cache off) for
 * experiments.
 */
public final class ClusterBench {

  /** The journal of the three-node part unless {@code ALPHAPULSE_PG_URL} is set. */
  public static final String DEFAULT_PG_URL =
      "jdbc:postgresql://127.0.0.1:5432/alphapulse_bench?user=postgres";

  static final int SWEEP_BARS = 120_000;

  static final String SWEEP_YAML =
      "type: sweep\n"
          + "data: {synthetic: {symbols: 2, bars: "
          + SWEEP_BARS
          + ", seed: 7}}\n"
          + "strategy: sma-cross\n"
          + "params: {fast: {range: [5, 34, 1]}, slow: {range: [40, 330, 10]}}\n"
          + "backtest: {cash: 10000, commission: 0.001, spread: 0.0, fill: next-open,"
          + " finalize-trades: true}\n"
          + "parallelization: {strategy: PARAMETER_BASED, chunk-size: 3}\n"
          + "max-retries: 3\n"
          + "checkpoint-interval: 50\n"
          + "seed: 42\n";

  static final String TRIVIAL_YAML =
      "type: sweep\n"
          + "data: {synthetic: {symbols: 1, bars: 500, seed: 7}}\n"
          + "strategy: sma-cross\n"
          + "params: {fast: {range: [2, 31, 1]}, slow: {range: [40, 130, 10]}}\n"
          + "parallelization: {strategy: PARAMETER_BASED, chunk-size: 1}\n"
          + "checkpoint-interval: 50\n";

  /** Warm-up rounds (every workload on the thread pool and the embedded node) before the timed. */
  static final int IN_PROCESS_WARMUPS = 30;

  /** {@link #IN_PROCESS_WARMUPS} with {@code --quick}. */
  static final int IN_PROCESS_WARMUPS_QUICK = 10;

  /**
   * Warm-up rounds on the second embedded node (same JVM, so the engine is compiled already) before
   * the in-process timings after the three nodes.
   */
  static final int AGAIN_WARMUPS = 10;

  /** Warm-up sweeps on the freshly started node processes before the timed ones. */
  static final int CLUSTER_WARMUPS = 120;

  /** {@link #CLUSTER_WARMUPS} with {@code --quick}. */
  static final int CLUSTER_WARMUPS_QUICK = 40;

  /** Sweeps on the three nodes after a killed node was restarted, before the next failover. */
  static final int RESTART_WARMUPS = 3;

  static final double GOAL_EMBEDDED_VS_THREADPOOL = 0.9;
  static final double GOAL_THREE_NODES_VS_EMBEDDED = 0.85;
  static final double GOAL_COORDINATION_MS_PER_CHUNK = 1.0;
  static final double GOAL_FAILOVER_SECONDS = 10.0;

  private static final Pattern REQUEUED = Pattern.compile("re-queued chunks \\[([0-9, ]*)]");
  private static final Duration JOB_TIMEOUT = Duration.ofMinutes(5);

  private final boolean quick;
  private final PrintStream err;
  private final int cores = Runtime.getRuntime().availableProcessors();

  private ClusterBench(boolean quick, PrintStream err) {
    this.quick = quick;
    this.err = err;
  }

  /**
   * Runs the benchmark and prints its figures.
   *
   * @param quick fewer repetitions (same workloads)
   * @param json one JSON object on {@code out} instead of a table
   * @param out where the figures go
   * @param err where progress and errors go
   * @return 0 on success, 1 if a part failed (PostgreSQL missing, a node that does not start)
   */
  public static int run(boolean quick, boolean json, PrintStream out, PrintStream err) {
    Path work;
    try {
      work = Files.createTempDirectory("alphapulse-bench-cluster-");
    } catch (IOException e) {
      err.println("bench cluster: cannot create a work directory: " + e.getMessage());
      return 1;
    }
    ObjectNode report;
    try {
      report = new ClusterBench(quick, err).measure(work);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("bench cluster: interrupted; node logs under " + work);
      return 1;
    } catch (RuntimeException e) {
      err.println("bench cluster: " + e.getMessage());
      err.println("bench cluster: node logs under " + work.resolve("cluster/logs"));
      return 1;
    }
    deleteTree(work);
    out.println(json ? report.toString() : table(report));
    out.flush();
    return 0;
  }

  private ObjectNode measure(Path work) throws InterruptedException {
    long started = System.nanoTime();
    int reps = quick ? 2 : 5;
    // As many timed three-node sweeps as embedded ones (reps before the node processes and reps
    // after them): the best of 10 samples is biased low against the best of 5, more so on a noisy
    // machine.
    int clusterReps = 2 * reps;
    int inProcessWarmups = quick ? IN_PROCESS_WARMUPS_QUICK : IN_PROCESS_WARMUPS;
    int clusterWarmups = quick ? CLUSTER_WARMUPS_QUICK : CLUSTER_WARMUPS;
    JobSpec sweep = JobSpecs.parseYaml(SWEEP_YAML);
    JobSpec trivial = JobSpecs.parseYaml(TRIVIAL_YAML);
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode r = mapper.createObjectNode();
    r.put("suite", "cluster").put("quick", quick).put("cores", cores);

    // ---- in-process: thread pool vs embedded node
    InProcess ip = new InProcess();
    List<Double> pool = ip.pool;
    List<Double> embedded = ip.embedded;
    List<Double> poolTrivial = ip.poolTrivial;
    List<Double> embeddedTrivial = ip.embeddedTrivial;
    // Diagnostics: this process's CPU time (all threads) during each timed sweep.
    List<Double> poolCpu = ip.poolCpu;
    List<Double> embeddedCpu = ip.embeddedCpu;
    int sweepChunks;
    int sweepRuns;
    int trivialChunks;
    boolean sameRuns;
    ClusterNode node = startEmbedded(work.resolve("embedded"));
    try {
      DistributedComputingService service = DistributedComputingService.attach(node);
      progress(
          "warm-up ("
              + inProcessWarmups
              + " rounds): thread pool and embedded node, both workloads");
      ThreadPoolBaseline.Outcome reference = ThreadPoolBaseline.run(sweep, cores, true);
      sweepChunks = reference.chunks();
      sweepRuns = reference.runs().size();
      trivialChunks = ThreadPoolBaseline.run(trivial, cores, false).chunks();
      JobOutcome embeddedOutcome = runEmbedded(service, sweep).outcome();
      runEmbedded(service, trivial);
      sameRuns =
          sameRuns(reference.runs(), embeddedOutcome.runs())
              && reference.overfitting().equals(embeddedOutcome.overfitting());
      warmUpInProcess(service, sweep, trivial, inProcessWarmups - 1);
      inProcessRounds(ip, service, sweep, trivial, reps, "");
    } finally {
      node.close();
    }

    // ---- three node processes
    String url = System.getenv().getOrDefault("ALPHAPULSE_PG_URL", DEFAULT_PG_URL);
    JournalDatabase journal = JournalDatabase.ensure(url);
    if (JournalDatabase.databaseName(url).equals("alphapulse_bench")) {
      journal.reset();
    } else {
      progress("journal " + url + " is not emptied: unfinished jobs in it would skew the figures");
    }
    List<Integer> slots = splitSlots(cores, 3);
    List<Double> three = new ArrayList<>();
    List<Double> threeClientCpu = new ArrayList<>();
    List<Map<String, Double>> lastThreadCpu = List.of();
    List<List<Double>> threeNodeCpu =
        List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    List<Double> failover = new ArrayList<>();
    List<Double> removed = new ArrayList<>();
    ArrayNode requeued = mapper.createArrayNode();
    try (LocalCluster cluster =
        LocalCluster.layout(
            work.resolve("cluster"),
            slots,
            journal.url(),
            nodeJvmOptions(),
            System.getProperty("java.class.path"))) {
      progress("starting 3 node processes, slots " + slots + ", logs in " + cluster.workDir());
      try (Clients clients = new Clients(cluster)) {
        try {
          cluster.start(Duration.ofSeconds(90));
          awaitMembers(clients.first(), 3, Duration.ofSeconds(60));
        } catch (RuntimeException e) {
          // On an overloaded machine the failure detector can down a node that is still
          // starting; forming the cluster is not what is measured, so start over once.
          progress(
              "cluster start failed ("
                  + String.valueOf(e.getMessage()).lines().findFirst().orElse("")
                  + "); starting the 3 node processes again");
          cluster.killAll();
          cluster.start(Duration.ofSeconds(90));
          awaitMembers(clients.first(), 3, Duration.ofSeconds(60));
        }
        AlphaPulseClient client = clients.first();
        // Warm-up jobs: the node JVMs start cold, and the node code a job runs a few times per
        // chunk or per job takes tens of jobs to be compiled (see the class comment).
        for (int i = 1; i <= clusterWarmups; i++) {
          progress("warm-up " + i + "/" + clusterWarmups + ": the sweep on 3 nodes");
          ClusterRun warm = runOnCluster(clients, SWEEP_YAML);
          if (warm.runs() != sweepRuns) {
            throw new IllegalStateException(
                "3-node sweep returned " + warm.runs() + " runs, not " + sweepRuns);
          }
        }
        for (int i = 1; i <= clusterReps; i++) {
          ClusterRun run = runOnCluster(clients, SWEEP_YAML);
          three.add(run.seconds());
          threeClientCpu.add(run.clientCpu());
          for (int k = 0; k < run.nodeCpuSeconds().length; k++) {
            threeNodeCpu.get(k).add(run.nodeCpuSeconds()[k]);
          }
          lastThreadCpu = run.nodeThreadCpu();
          progress(
              String.format(
                  Locale.ROOT,
                  "run %d/%d: 3 nodes %.2f s, CPU s per node %s (by thread %s), client %.2f",
                  i,
                  clusterReps,
                  last(three),
                  Arrays.toString(rounded(run.nodeCpuSeconds())),
                  run.nodeThreadCpu().stream().map(ClusterBench::rounded).toList(),
                  run.clientCpu()));
        }
        int failovers = quick ? 1 : 2;
        for (int i = 1; i <= failovers; i++) {
          Failover f = failover(cluster, clients, journal, sweepChunks);
          failover.add(f.seconds());
          removed.add(f.removedSeconds());
          ArrayNode ids = requeued.addArray();
          f.requeued().forEach(ids::add);
          progress(
              String.format(
                  Locale.ROOT,
                  "failover %d/%d: killed %s; removed after %.2f s, re-queued chunks %s done %.2f"
                      + " s after the kill",
                  i,
                  failovers,
                  f.victim(),
                  f.removedSeconds(),
                  f.requeued(),
                  f.seconds()));
          if (i < failovers) {
            cluster.start(Duration.ofSeconds(90));
            awaitMembers(client, 3, Duration.ofSeconds(60));
            // A few sweeps, so that the restarted (cold) node takes part before the next kill.
            for (int w = 0; w < RESTART_WARMUPS; w++) {
              runOnCluster(clients, SWEEP_YAML);
            }
          }
        }
      }
    }

    // ---- in-process again, now that the node processes are gone. Machines drift (the tenth
    // session's was a fifth faster minutes later): timings on both sides of the three-node part
    // keep a drift during the bench from favouring either side.
    ClusterNode again = startEmbedded(work.resolve("embedded-again"));
    try {
      DistributedComputingService service = DistributedComputingService.attach(again);
      progress("in-process again: " + AGAIN_WARMUPS + " warm-up rounds, then " + reps + " timed");
      warmUpInProcess(service, sweep, trivial, AGAIN_WARMUPS);
      inProcessRounds(ip, service, sweep, trivial, reps, " (after the 3 nodes)");
    } finally {
      again.close();
    }

    // ---- report
    double tp = best(pool);
    double emb = best(embedded);
    double tri = best(three);
    double tpTrivial = best(poolTrivial);
    double embTrivial = best(embeddedTrivial);
    double worstFailover = failover.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    r.put("embedded_vs_threadpool", round(tp / emb, 3));
    r.put("three_nodes_vs_embedded", round(emb / tri, 3));
    r.put("three_nodes_vs_embedded_median", round(median(embedded) / median(three), 3));
    r.put("coordination_ms_per_chunk", round((emb - tp) * 1000 / sweepChunks, 3));
    r.put("failover_seconds", round(worstFailover, 2));
    r.put(
        "coordination_ms_per_chunk_trivial",
        round((embTrivial - tpTrivial) * 1000 / trivialChunks, 3));
    r.put("threadpool_seconds", round(tp, 3));
    r.put("embedded_seconds", round(emb, 3));
    r.put("three_nodes_seconds", round(tri, 3));
    r.put("trivial_threadpool_seconds", round(tpTrivial, 3));
    r.put("trivial_embedded_seconds", round(embTrivial, 3));
    r.put("threadpool_median_seconds", round(median(pool), 3));
    r.put("embedded_median_seconds", round(median(embedded), 3));
    r.put("three_nodes_median_seconds", round(median(three), 3));
    r.put("threadpool_cpu_median_seconds", round(median(poolCpu), 3));
    r.put("embedded_cpu_median_seconds", round(median(embeddedCpu), 3));
    ArrayNode nodeCpu = r.putArray("three_nodes_cpu_median_seconds");
    threeNodeCpu.forEach(xs -> nodeCpu.add(round(median(xs), 3)));
    r.put("three_nodes_client_cpu_median_seconds", round(median(threeClientCpu), 3));
    ObjectNode poolByThread = r.putObject("threadpool_last_run_thread_cpu_seconds");
    ip.poolThreads.forEach((k, v) -> poolByThread.put(k, round(v, 2)));
    ObjectNode embeddedByThread = r.putObject("embedded_last_run_thread_cpu_seconds");
    ip.embeddedThreads.forEach((k, v) -> embeddedByThread.put(k, round(v, 2)));
    ArrayNode byThread = r.putArray("three_nodes_last_run_thread_cpu_seconds");
    for (Map<String, Double> groups : lastThreadCpu) {
      ObjectNode o = byThread.addObject();
      groups.forEach((k, v) -> o.put(k, round(v, 2)));
    }
    r.put("embedded_jit_cpu_seconds", round(jitCpu(ip.embeddedThreads), 2));
    r.put(
        "three_nodes_jit_cpu_seconds",
        round(lastThreadCpu.stream().mapToDouble(ClusterBench::jitCpu).sum(), 2));
    samples(r.putArray("threadpool_samples_seconds"), pool);
    samples(r.putArray("embedded_samples_seconds"), embedded);
    samples(r.putArray("three_nodes_samples_seconds"), three);
    samples(r.putArray("failover_samples_seconds"), failover);
    samples(r.putArray("failover_member_removed_seconds"), removed);
    r.set("failover_requeued_chunks", requeued);
    r.put("results_match_threadpool", sameRuns);
    ObjectNode w = r.putObject("sweep");
    w.put("chunks", sweepChunks).put("runs", sweepRuns).put("yaml", SWEEP_YAML);
    r.putObject("trivial").put("chunks", trivialChunks).put("yaml", TRIVIAL_YAML);
    slots.forEach(r.putArray("three_nodes_slots")::add);
    r.put("journal", redact(journal.url()));
    settings(r);
    ObjectNode goals = r.putObject("goals");
    goals.put("embedded_vs_threadpool", ">= " + GOAL_EMBEDDED_VS_THREADPOOL);
    goals.put("three_nodes_vs_embedded", ">= " + GOAL_THREE_NODES_VS_EMBEDDED);
    goals.put("coordination_ms_per_chunk", "<= " + GOAL_COORDINATION_MS_PER_CHUNK);
    goals.put("failover_seconds", "<= " + GOAL_FAILOVER_SECONDS);
    ObjectNode met = r.putObject("goals_met");
    met.put("embedded_vs_threadpool", tp / emb >= GOAL_EMBEDDED_VS_THREADPOOL);
    met.put("three_nodes_vs_embedded", emb / tri >= GOAL_THREE_NODES_VS_EMBEDDED);
    met.put(
        "coordination_ms_per_chunk",
        (emb - tp) * 1000 / sweepChunks <= GOAL_COORDINATION_MS_PER_CHUNK);
    met.put("failover_seconds", !failover.isEmpty() && worstFailover <= GOAL_FAILOVER_SECONDS);
    r.put("repetitions", pool.size());
    r.put("three_nodes_repetitions", clusterReps);
    r.put("in_process_warmups", inProcessWarmups);
    r.put("three_nodes_warmups", clusterWarmups);
    r.put("total_seconds", round((System.nanoTime() - started) / 1e9, 1));
    return r;
  }

  // ------------------------------------------------------------------------------- workloads

  /** A job on the embedded node: its wall time from submit to its end, and its outcome. */
  private record EmbeddedRun(double seconds, double cpuSeconds, JobOutcome outcome) {}

  /**
   * Submits to the embedded node and times it to the job's end, seen as the final progress update
   * (as the three-node runs are timed); the outcome (result pages, a sweep's overfitting
   * statistics) is assembled after, untimed, as the thread pool's reference run does it untimed.
   */
  private static EmbeddedRun runEmbedded(DistributedComputingService service, JobSpec spec)
      throws InterruptedException {
    try {
      long t0 = System.nanoTime();
      double cpu0 = processCpuSeconds();
      JobSubmission submission = service.runDistributedBacktest(spec, Path.of("").toAbsolutePath());
      String jobId =
          submission.jobId().toCompletableFuture().get(JOB_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      try (JobWatch watch = service.watch(jobId, p -> {})) {
        watch.finished().toCompletableFuture().get(JOB_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      double cpu = processCpuSeconds() - cpu0;
      JobOutcome outcome =
          submission.result().toCompletableFuture().get(JOB_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      if (outcome.status().status() != JobStatus.SUCCEEDED) {
        throw new IllegalStateException("embedded job ended " + outcome.status().status());
      }
      return new EmbeddedRun(seconds, cpu, outcome);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("embedded job failed: " + e, e);
    }
  }

  /** A job on the cluster: its wall time from submit to its end, and its result. */
  private record ClusterRun(
      double seconds,
      int runs,
      double[] nodeCpuSeconds,
      double clientCpu,
      List<Map<String, Double>> nodeThreadCpu) {}

  /**
   * Submits through the first node and waits for the end through the progress stream (the timed
   * part, as the embedded node's is); then fetches the result from the node hosting the job's
   * coordinator, as a client near the data would, and checks it is complete (at the time of writing
   * a whole sweep's result exceeded Artery's default 256 KiB frame when asked from another node).
   */
  private static ClusterRun runOnCluster(Clients clients, String yaml) {
    AlphaPulseClient client = clients.first();
    List<NodeProcess> nodes = clients.cluster.nodes();
    double[] nodeCpu = new double[nodes.size()];
    List<ThreadCpu.Sample> threads0 = new ArrayList<>();
    for (int i = 0; i < nodeCpu.length; i++) {
      nodeCpu[i] = -nodes.get(i).cpuSeconds();
      threads0.add(ThreadCpu.of(nodes.get(i).pid()));
    }
    double clientCpu = -processCpuSeconds();
    long t0 = System.nanoTime();
    String jobId = client.submit(yaml);
    String coordinator = awaitProgress(client, jobId, 0).getCoordinatorNode();
    client.watch(jobId, p -> {});
    double seconds = (System.nanoTime() - t0) / 1e9;
    clientCpu += processCpuSeconds();
    List<Map<String, Double>> threadCpu = new ArrayList<>();
    for (int i = 0; i < nodeCpu.length; i++) {
      nodeCpu[i] += nodes.get(i).cpuSeconds();
      threadCpu.add(ThreadCpu.of(nodes.get(i).pid()).since(threads0.get(i)));
    }
    JobReply reply = clients.of(coordinator).get(jobId);
    if (!reply.getStatus().equals("SUCCEEDED")) {
      throw new IllegalStateException("job " + jobId + " ended " + reply.getStatus());
    }
    return new ClusterRun(seconds, reply.getResultsCount(), nodeCpu, clientCpu, threadCpu);
  }

  /** One client per node, opened on first use. */
  private static final class Clients implements AutoCloseable {
    private final LocalCluster cluster;
    private final Map<String, AlphaPulseClient> open = new HashMap<>();

    Clients(LocalCluster cluster) {
      this.cluster = cluster;
    }

    AlphaPulseClient first() {
      return of(cluster.node(0));
    }

    AlphaPulseClient of(NodeProcess node) {
      return open.computeIfAbsent(node.address(), a -> connect(node));
    }

    AlphaPulseClient of(String address) {
      return of(
          cluster
              .byAddress(address)
              .orElseThrow(() -> new IllegalStateException("no node at " + address)));
    }

    @Override
    public void close() {
      open.values().forEach(AlphaPulseClient::close);
    }
  }

  private record Failover(
      String victim, double removedSeconds, List<Integer> requeued, double seconds) {}

  /**
   * Kills a worker node that does not host the job's coordinator at about a quarter of the sweep,
   * once it has completed a chunk of the job (so it holds leased chunks: a node restarted for the
   * previous sample may not have taken part yet); measures until its chunks are done elsewhere.
   */
  private Failover failover(
      LocalCluster cluster, Clients clients, JournalDatabase journal, int chunks) {
    AlphaPulseClient client = clients.first();
    String jobId = client.submit(SWEEP_YAML);
    JobReply status = awaitProgress(client, jobId, chunks / 4);
    String coordinator = status.getCoordinatorNode();
    NodeProcess victim =
        cluster.nodes().stream()
            .filter(n -> n != cluster.node(0)) // the client's endpoint
            .filter(n -> n.isAlive() && n.spec().slots() > 0 && !n.address().equals(coordinator))
            .max(Comparator.comparingInt(n -> n.spec().slots()))
            .orElseThrow(() -> new IllegalStateException("no worker node without the coordinator"));
    awaitCompletionBy(client, journal, jobId, victim.address());
    long killedAt = System.currentTimeMillis();
    victim.kill();
    double removedSeconds = Double.NaN;
    long deadline = System.nanoTime() + JOB_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        ClusterStatus c = client.clusterStatus();
        boolean present =
            c.getMembersList().stream().anyMatch(m -> m.getAddress().equals(victim.address()));
        if (!present) {
          removedSeconds = (System.currentTimeMillis() - killedAt) / 1000.0;
          break;
        }
      } catch (RuntimeException e) {
        // the endpoint is busy or the membership is changing; ask again
      }
      NodeProcess.sleep(100);
    }
    client.watch(jobId, p -> {});
    JobReply end = clients.of(coordinator).get(jobId);
    if (!end.getStatus().equals("SUCCEEDED")) {
      throw new IllegalStateException("failover job " + jobId + " ended " + end.getStatus());
    }
    NodeProcess host =
        cluster
            .byAddress(coordinator)
            .orElseThrow(() -> new IllegalStateException("no node at " + coordinator));
    List<Integer> requeued = requeuedChunks(host.logFile(), jobId);
    if (requeued.isEmpty()) {
      throw new IllegalStateException(
          "the coordinator of "
              + jobId
              + " logged no re-queued chunks after "
              + victim.address()
              + " was killed; see "
              + host.logFile());
    }
    long doneAt =
        journal.events(jobId).stream()
            .filter(e -> e.type().equals("ChunkCompleted") && requeued.contains(e.chunkId()))
            .mapToLong(JournalDatabase.JobEvent::writeTimestamp)
            .max()
            .orElseThrow(
                () -> new IllegalStateException("re-queued chunks " + requeued + " never done"));
    return new Failover(victim.address(), removedSeconds, requeued, (doneAt - killedAt) / 1000.0);
  }

  private static JobReply awaitProgress(AlphaPulseClient client, String jobId, int done) {
    long deadline = System.nanoTime() + JOB_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      JobReply r = client.get(jobId);
      if (!r.getStatus().equals("RUNNING")) {
        throw new IllegalStateException(
            "job " + jobId + " ended (" + r.getStatus() + ") before the kill; too small");
      }
      if (r.getChunks().getSucceeded() >= done && !r.getCoordinatorNode().isEmpty()) {
        return r;
      }
      NodeProcess.sleep(20);
    }
    throw new IllegalStateException("job " + jobId + " made no progress");
  }

  /** Waits until the journal holds a chunk of {@code jobId} completed by {@code node}. */
  private static void awaitCompletionBy(
      AlphaPulseClient client, JournalDatabase journal, String jobId, String node) {
    long deadline = System.nanoTime() + JOB_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      boolean done =
          journal.events(jobId).stream()
              .anyMatch(e -> e.type().equals("ChunkCompleted") && node.equals(e.node()));
      if (done) {
        return;
      }
      awaitProgress(client, jobId, 0); // throws if the job ended first
      NodeProcess.sleep(20);
    }
    throw new IllegalStateException(node + " completed no chunk of " + jobId);
  }

  /** Chunk ids the coordinator re-queued for {@code jobId}, from its node's log. */
  static List<Integer> requeuedChunks(Path log, String jobId) {
    TreeSet<Integer> ids = new TreeSet<>();
    try (Stream<String> lines = Files.lines(log)) {
      lines
          .filter(l -> l.contains(jobId) && l.contains("is gone"))
          .forEach(
              l -> {
                Matcher m = REQUEUED.matcher(l);
                if (m.find()) {
                  Arrays.stream(m.group(1).split(","))
                      .map(String::trim)
                      .filter(s -> !s.isEmpty())
                      .map(Integer::valueOf)
                      .forEach(ids::add);
                }
              });
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + log + ": " + e.getMessage(), e);
    }
    return List.copyOf(ids);
  }

  static void awaitMembers(AlphaPulseClient client, int count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        ClusterStatus c = client.clusterStatus();
        long up = c.getMembersList().stream().filter(m -> m.getStatus().equals("Up")).count();
        if (up == count && c.getMembersCount() == count) {
          return;
        }
      } catch (RuntimeException e) {
        // not answering yet
      }
      NodeProcess.sleep(200);
    }
    throw new IllegalStateException("the cluster did not reach " + count + " Up members");
  }

  static AlphaPulseClient connect(NodeProcess node) {
    return AlphaPulseClient.connect("127.0.0.1", node.spec().grpcPort(), Duration.ofSeconds(30));
  }

  /** Slots per node summing to {@code cores}; nodes left without a slot come first. */
  static List<Integer> splitSlots(int cores, int nodes) {
    List<Integer> out = new ArrayList<>();
    int base = cores / nodes;
    int extra = cores % nodes;
    for (int i = 0; i < nodes; i++) {
      out.add(base + (i >= nodes - extra ? 1 : 0));
    }
    return List.copyOf(out);
  }

  private static boolean sameRuns(List<RunResult> a, List<RunResult> b) {
    return a.equals(b);
  }

  // ---------------------------------------------------------------------------------- report

  /** The failure-detector and split-brain-resolver settings a node runs with. */
  private static void settings(ObjectNode r) {
    Config c =
        ConfigFactory.defaultOverrides()
            .withFallback(ConfigFactory.parseResources(ClusterNode.class, "/alphapulse/node.conf"))
            .withFallback(ConfigFactory.defaultReference())
            .resolve();
    String fd = "pekko.cluster.failure-detector.";
    String sbr = "pekko.cluster.split-brain-resolver.";
    ObjectNode d = r.putObject("failure_detector");
    d.put("heartbeat_interval_ms", c.getDuration(fd + "heartbeat-interval").toMillis());
    d.put(
        "acceptable_heartbeat_pause_ms",
        c.getDuration(fd + "acceptable-heartbeat-pause").toMillis());
    d.put("threshold", c.getDouble(fd + "threshold"));
    ObjectNode s = r.putObject("split_brain_resolver");
    s.put("downing_provider", c.getString("pekko.cluster.downing-provider-class"));
    s.put("active_strategy", c.getString(sbr + "active-strategy"));
    s.put("stable_after_ms", c.getDuration(sbr + "stable-after").toMillis());
    s.put("down_all_when_unstable", c.getString(sbr + "down-all-when-unstable"));
  }

  private static String table(ObjectNode r) {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "cluster bench (%s, %d cores; sweep of %d chunks)%n",
            r.get("quick").asBoolean() ? "quick" : "full",
            r.get("cores").asInt(),
            r.get("sweep").get("chunks").asInt()));
    row(b, r, "embedded_vs_threadpool", "x", "goal >= " + GOAL_EMBEDDED_VS_THREADPOOL);
    row(b, r, "three_nodes_vs_embedded", "x", "goal >= " + GOAL_THREE_NODES_VS_EMBEDDED);
    row(b, r, "three_nodes_vs_embedded_median", "x", "the same, of the medians");
    row(b, r, "coordination_ms_per_chunk", "ms", "goal <= " + GOAL_COORDINATION_MS_PER_CHUNK);
    row(b, r, "coordination_ms_per_chunk_trivial", "ms", "trivial chunks");
    row(b, r, "failover_seconds", "s", "goal <= " + GOAL_FAILOVER_SECONDS);
    row(b, r, "threadpool_seconds", "s", "sweep, best of " + r.get("repetitions"));
    row(b, r, "embedded_seconds", "s", "sweep, best of " + r.get("repetitions"));
    row(
        b,
        r,
        "three_nodes_seconds",
        "s",
        "sweep, best of "
            + r.get("three_nodes_repetitions")
            + ", slots "
            + r.get("three_nodes_slots"));
    b.append(
        String.format(
            "failure detector %s, split brain resolver %s%n",
            r.get("failure_detector"), r.get("split_brain_resolver")));
    return b.toString().stripTrailing();
  }

  private static void row(StringBuilder b, ObjectNode r, String key, String unit, String note) {
    b.append(
        String.format(Locale.ROOT, "%-36s %10s %-3s %s%n", key, r.get(key).asText(), unit, note));
  }

  // --------------------------------------------------------------------------------- helpers

  private interface Timed {
    Object run() throws InterruptedException;
  }

  private static double time(Timed work) throws InterruptedException {
    long t0 = System.nanoTime();
    work.run();
    return (System.nanoTime() - t0) / 1e9;
  }

  private void progress(String message) {
    err.println("bench cluster: " + message);
    err.flush();
  }

  private static double last(List<Double> xs) {
    return xs.get(xs.size() - 1);
  }

  /** The fastest sample: on a shared machine noise only ever adds time. */
  static double best(List<Double> xs) {
    return xs.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
  }

  /** An embedded node with the cores as slots and the chunk-result cache off, once it is up. */
  private ClusterNode startEmbedded(Path dataDir) {
    ClusterNode node =
        ClusterNode.start(
            NodeOptions.embedded().withDataDir(dataDir).withSlots(cores),
            ConfigFactory.parseString("alphapulse.worker.result-cache-bytes = 0"));
    if (!node.awaitUp(Duration.ofSeconds(30))) {
      node.close();
      throw new IllegalStateException("the embedded node in " + dataDir + " did not come up");
    }
    return node;
  }

  /** Untimed rounds of both workloads on the thread pool and the embedded node. */
  private void warmUpInProcess(
      DistributedComputingService service, JobSpec sweep, JobSpec trivial, int rounds)
      throws InterruptedException {
    for (int i = 1; i <= rounds; i++) {
      ThreadPoolBaseline.run(sweep, cores, false);
      ThreadPoolBaseline.run(trivial, cores, false);
      runEmbedded(service, sweep);
      runEmbedded(service, trivial);
    }
  }

  /** The in-process timings: thread pool and embedded node, both workloads. */
  private static final class InProcess {
    final List<Double> pool = new ArrayList<>();
    final List<Double> embedded = new ArrayList<>();
    final List<Double> poolTrivial = new ArrayList<>();
    final List<Double> embeddedTrivial = new ArrayList<>();
    final List<Double> poolCpu = new ArrayList<>();
    final List<Double> embeddedCpu = new ArrayList<>();
    Map<String, Double> poolThreads = Map.of();
    Map<String, Double> embeddedThreads = Map.of();
  }

  /**
   * {@code reps} timed rounds: the sweep on the thread pool and on the embedded node, then the
   * trivial workload on both.
   */
  private void inProcessRounds(
      InProcess ip,
      DistributedComputingService service,
      JobSpec sweep,
      JobSpec trivial,
      int reps,
      String label)
      throws InterruptedException {
    long self = ProcessHandle.current().pid();
    for (int i = 1; i <= reps; i++) {
      double cpu0 = processCpuSeconds();
      ThreadCpu.Sample t0 = ThreadCpu.of(self);
      ip.pool.add(time(() -> ThreadPoolBaseline.run(sweep, cores, false)));
      ip.poolCpu.add(processCpuSeconds() - cpu0);
      ThreadCpu.Sample t1 = ThreadCpu.of(self);
      ip.poolThreads = t1.since(t0);
      EmbeddedRun run = runEmbedded(service, sweep);
      ip.embeddedThreads = ThreadCpu.of(self).since(t1);
      ip.embedded.add(run.seconds());
      ip.embeddedCpu.add(run.cpuSeconds());
      ip.poolTrivial.add(time(() -> ThreadPoolBaseline.run(trivial, cores, false)));
      ip.embeddedTrivial.add(runEmbedded(service, trivial).seconds());
      progress(
          String.format(
              Locale.ROOT,
              "run %d/%d%s: sweep thread pool %.2f s, embedded %.2f s; trivial thread pool %.2f"
                  + " s, embedded %.2f s",
              i,
              reps,
              label,
              last(ip.pool),
              last(ip.embedded),
              last(ip.poolTrivial),
              last(ip.embeddedTrivial)));
    }
  }

  static double median(List<Double> xs) {
    if (xs.isEmpty()) {
      return Double.NaN;
    }
    double[] v = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  /** Rounded; NaN and infinities (a figure that could not be measured) become null in JSON. */
  static Double round(double v, int digits) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return null;
    }
    double f = Math.pow(10, digits);
    return Math.round(v * f) / f;
  }

  /** CPU seconds of the JIT compiler's threads in a by-thread-group breakdown. */
  static double jitCpu(Map<String, Double> byThread) {
    return byThread.entrySet().stream()
        .filter(e -> e.getKey().startsWith("C1 Compiler") || e.getKey().startsWith("C2 Compiler"))
        .mapToDouble(Map.Entry::getValue)
        .sum();
  }

  /** The node processes' JVM options (ALPHAPULSE_BENCH_NODE_OPTS, space-separated, overrides). */
  static List<String> nodeJvmOptions() {
    String env = System.getenv("ALPHAPULSE_BENCH_NODE_OPTS");
    if (env != null && !env.isBlank()) {
      return List.of(env.trim().split("\\s+"));
    }
    return List.of("-Xmx2g", "-XX:+UseParallelGC", "-Dalphapulse.worker.result-cache-bytes=0");
  }

  private static double[] rounded(double[] xs) {
    return Arrays.stream(xs).map(x -> Math.round(x * 100) / 100.0).toArray();
  }

  private static Map<String, Double> rounded(Map<String, Double> xs) {
    Map<String, Double> r = new TreeMap<>();
    xs.forEach((k, v) -> r.put(k, Math.round(v * 100) / 100.0));
    return r;
  }

  /** CPU time of this process, all threads, in seconds. */
  private static double processCpuSeconds() {
    return ((com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime()
        / 1e9;
  }

  private static void samples(ArrayNode a, List<Double> xs) {
    xs.forEach(x -> a.add(round(x, 3)));
  }

  private static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&]*", "$1***");
  }

  static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // leftovers in the temp directory are harmless
    }
  }
}
