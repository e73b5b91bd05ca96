package dev.alphapulse.app.clusterbench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alphapulse.api.AlphaPulseClient;
import dev.alphapulse.api.grpc.JobReply;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code alphapulse bench cluster-pair}: the bench's sweep on two clusters of node processes side
 * by side, timed in alternation, so that a machine whose speed drifts favours neither.
 *
 * <p>{@code bench cluster} times the in-process part first and the three nodes minutes later; on a
 * machine whose speed changes by a fifth within minutes (the tenth session's) its three-node ratio
 * moves by a tenth between runs of the same code. Here both clusters run the whole time: after the
 * warm-up sweeps (each cluster's node JVMs compile their code, see {@link ClusterBench}), each pair
 * times one sweep on each (which goes first alternates), and the figure is the median over the
 * pairs of B's time over A's ({@code a_vs_b}, as {@code three_nodes_vs_embedded}: above 1, A is
 * faster). Both clusters' node processes start as {@code bench cluster} starts its three, each with
 * its own PostgreSQL journal: databases {@code alphapulse_pair_a} and {@code alphapulse_pair_b} on
 * the server of {@code $ALPHAPULSE_PG_URL} (or {@link ClusterBench#DEFAULT_PG_URL}'s), created and
 * dropped by the run.
 *
 * <p>An idle node still uses CPU (heartbeats, gossip, timers), so three idle nodes would slow the
 * other side's sweeps more than one idle node does, in favour of the side with more nodes (three
 * nodes against one measured 0.87-0.89 so, 0.79 without). So, unless {@code --no-freeze}, the side
 * that does not sweep is stopped (SIGSTOP) for the other's sweep and continued (SIGCONT) after;
 * every node then runs with {@value #FREEZE_PAUSE} as {@code acceptable-heartbeat-pause}, so that
 * the heartbeats its peers missed while they were all stopped together do not mark them unreachable
 * (the heartbeat interval, and so the work, stays the same).
 *
 * <p>Per sweep and side it also reports, from {@code /proc} (Linux), the CPU of the worker threads,
 * how often they were preempted, the CPU of the JIT compilers and of every other thread of the
 * nodes: where a configuration's time goes. The results of one sweep on each side are compared
 * ({@code results_match}).
 */
public final class ClusterPairBench {

  /** Warm-up rounds (one sweep on each side) before the timed pairs. */
  static final int WARMUPS = 60;

  static final int WARMUPS_QUICK = 20;
  static final int PAIRS = 20;
  static final int PAIRS_QUICK = 8;

  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  /** The failure detector's tolerance of a stopped side's silence (see the class comment). */
  static final String FREEZE_PAUSE = "120s";

  /** Time a continued side gets to run its overdue timers before it is timed. */
  private static final long SETTLE_MILLIS = 300;

  /**
   * One side: worker slots per node (0 = no worker role; the first node is the seed and takes the
   * submissions) and the node JVMs' options beyond the bench's defaults.
   */
  public record Side(List<Integer> slots, List<String> extraJvmOptions) {
    public Side {
      slots = List.copyOf(slots);
      extraJvmOptions = List.copyOf(extraJvmOptions);
      if (slots.isEmpty() || slots.stream().mapToInt(Integer::intValue).sum() < 1) {
        throw new IllegalArgumentException("slots: at least one node and one slot, was " + slots);
      }
    }
  }

  /**
   * What to compare: sides A and B, warm-up rounds and timed pairs; {@code freeze}: stop the idle
   * side's processes while the other sweeps.
   */
  public record Plan(Side a, Side b, int warmups, int pairs, boolean freeze) {
    public Plan {
      if (warmups < 0) {
        throw new IllegalArgumentException("--warmups: must be >= 0, was " + warmups);
      }
      if (pairs < 1) {
        throw new IllegalArgumentException("--pairs: must be >= 1, was " + pairs);
      }
    }
  }

  /**
   * Slots per node from {@code "0,1,1"}.
   *
   * @param option the option's name, for the error
   * @throws IllegalArgumentException naming {@code option} if the list is not slots per node
   */
  public static List<Integer> parseSlots(String option, String text) {
    List<Integer> slots = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      int n;
      try {
        n = Integer.parseInt(part.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            option + ": expected worker slots per node, e.g. 0,1,1, was '" + text + "'");
      }
      if (n < 0) {
        throw new IllegalArgumentException(
            option + ": slots must be >= 0, was " + n + " in '" + text + "'");
      }
      slots.add(n);
    }
    if (slots.stream().mapToInt(Integer::intValue).sum() < 1) {
      throw new IllegalArgumentException(option + ": at least one slot in all, was '" + text + "'");
    }
    return List.copyOf(slots);
  }

  /** JVM options from a space-separated string (blank: none). */
  public static List<String> parseJvmOptions(String text) {
    return text == null || text.isBlank() ? List.of() : List.of(text.trim().split("\\s+"));
  }

  /**
   * The default plan: the three nodes of {@code bench cluster} ({@link ClusterBench#splitSlots})
   * against one node process with every core as a slot, the same code as the embedded node.
   */
  public static Plan defaultPlan(int cores, boolean quick) {
    return new Plan(
        new Side(ClusterBench.splitSlots(cores, 3), List.of()),
        new Side(List.of(cores), List.of()),
        quick ? WARMUPS_QUICK : WARMUPS,
        quick ? PAIRS_QUICK : PAIRS,
        true);
  }

  /**
   * Runs the comparison and prints its figures.
   *
   * @return 0 on success, 1 if a part failed (PostgreSQL missing, a node that does not start)
   */
  public static int run(Plan plan, boolean json, PrintStream out, PrintStream err) {
    Path work;
    try {
      work = Files.createTempDirectory("alphapulse-bench-pair-");
    } catch (IOException e) {
      err.println("bench cluster-pair: cannot create a work directory: " + e.getMessage());
      return 1;
    }
    ObjectNode report;
    try {
      report = measure(plan, work, err);
    } catch (RuntimeException e) {
      err.println("bench cluster-pair: " + e.getMessage());
      err.println("bench cluster-pair: node logs under " + work);
      return 1;
    }
    ClusterBench.deleteTree(work);
    if (!report.get("results_match").asBoolean()) {
      err.println("bench cluster-pair: the two sides' results differ");
    }
    out.println(json ? report.toString() : table(report));
    out.flush();
    return 0;
  }

  /** A side while it runs: its cluster, a client of its first node, its samples. */
  private static final class Running implements AutoCloseable {
    final Side side;
    final JournalDatabase journal;
    final List<String> options;
    final LocalCluster cluster;
    AlphaPulseClient client;
    final List<Double> seconds = new ArrayList<>();
    double workerCpu;
    long workerPreemptions;
    double jitCpu;
    double otherCpu;

    Running(String label, Side side, Path work, boolean freeze) {
      this.side = side;
      String base = System.getenv().getOrDefault("ALPHAPULSE_PG_URL", ClusterBench.DEFAULT_PG_URL);
      this.journal =
          JournalDatabase.ensure(
              JournalDatabase.withDatabase(
                  base, "alphapulse_pair_" + label.toLowerCase(Locale.ROOT)));
      journal.reset();
      this.options = jvmOptions(side, freeze);
      this.cluster =
          LocalCluster.layout(
              work.resolve(label),
              side.slots(),
              journal.url(),
              options,
              System.getProperty("java.class.path"));
    }

    void suspend() {
      cluster.nodes().forEach(NodeProcess::suspend);
    }

    void resume() {
      cluster.nodes().forEach(NodeProcess::resume);
      NodeProcess.sleep(SETTLE_MILLIS);
    }

    void start() {
      cluster.start(START_TIMEOUT);
      client = ClusterBench.connect(cluster.node(0));
      ClusterBench.awaitMembers(client, side.slots().size(), Duration.ofSeconds(60));
    }

    /** One sweep, submitted and watched to its end; its job id. */
    String sweep() {
      String jobId = client.submit(ClusterBench.SWEEP_YAML);
      client.watch(jobId, p -> {});
      return jobId;
    }

    /** One timed sweep with its nodes' thread counters. */
    void timedSweep() {
      List<ThreadCpu.Sample> before = new ArrayList<>();
      cluster.nodes().forEach(n -> before.add(ThreadCpu.of(n.pid())));
      long t0 = System.nanoTime();
      sweep();
      seconds.add((System.nanoTime() - t0) / 1e9);
      for (int i = 0; i < before.size(); i++) {
        ThreadCpu.Sample after = ThreadCpu.of(cluster.node(i).pid());
        Map<String, Double> cpu = after.since(before.get(i));
        double worker = cpu.getOrDefault(WORKER_THREADS, 0.0);
        double jit = ClusterBench.jitCpu(cpu);
        workerCpu += worker;
        jitCpu += jit;
        otherCpu += cpu.values().stream().mapToDouble(Double::doubleValue).sum() - worker - jit;
        workerPreemptions += after.preemptionsSince(before.get(i)).getOrDefault(WORKER_THREADS, 0L);
      }
    }

    @Override
    public void close() {
      if (client != null) {
        client.close();
      }
      cluster.close();
      journal.dropDatabase();
    }
  }

  /** A side's node JVM options: the bench's, the freeze's failure-detector pause, the side's. */
  static List<String> jvmOptions(Side side, boolean freeze) {
    List<String> options = new ArrayList<>(ClusterBench.nodeJvmOptions());
    if (freeze) {
      options.add("-Dpekko.cluster.failure-detector.acceptable-heartbeat-pause=" + FREEZE_PAUSE);
    }
    options.addAll(side.extraJvmOptions());
    return List.copyOf(options);
  }

  /**
   * The worker threads' group: {@code alphapulse-worker-N} as Linux names it, cut to 15 characters
   * ({@code /proc/PID/task/TID/stat}'s {@code comm}).
   */
  static final String WORKER_THREADS = "alphapulse-work";

  private static ObjectNode measure(Plan plan, Path work, PrintStream err) {
    try (Running a = new Running("A", plan.a(), work, plan.freeze());
        Running b = new Running("B", plan.b(), work, plan.freeze())) {
      progress(err, "starting side A, slots " + plan.a().slots() + ", logs in " + work);
      a.start();
      progress(err, "starting side B, slots " + plan.b().slots());
      b.start();
      boolean match = sameResults(a, b);
      for (int i = 1; i <= plan.warmups(); i++) {
        if (i % 10 == 0 || i == plan.warmups()) {
          progress(err, "warm-up " + i + "/" + plan.warmups() + ": one sweep on each side");
        }
        alone(plan, a, b, a::sweep);
        alone(plan, b, a, b::sweep);
      }
      List<Double> ratios = new ArrayList<>();
      for (int i = 0; i < plan.pairs(); i++) {
        Running first = i % 2 == 0 ? a : b;
        Running second = first == a ? b : a;
        alone(plan, first, second, first::timedSweep);
        alone(plan, second, first, second::timedSweep);
        double ta = last(a.seconds);
        double tb = last(b.seconds);
        ratios.add(tb / ta);
        progress(
            err,
            String.format(
                Locale.ROOT,
                "pair %d/%d: A %.3f s, B %.3f s, B/A %.3f",
                i + 1,
                plan.pairs(),
                ta,
                tb,
                tb / ta));
      }
      return report(plan, a, b, ratios, match);
    }
  }

  /**
   * Runs {@code sweep} on {@code side} with {@code other} stopped meanwhile if the plan says so.
   */
  private static void alone(Plan plan, Running side, Running other, Runnable sweep) {
    if (!plan.freeze()) {
      sweep.run();
      return;
    }
    other.suspend();
    try {
      sweep.run();
    } finally {
      other.resume();
    }
  }

  /** One sweep on each side, its results fetched and compared. */
  private static boolean sameResults(Running a, Running b) {
    JobReply ra = a.client.get(a.sweep());
    JobReply rb = b.client.get(b.sweep());
    for (JobReply r : List.of(ra, rb)) {
      if (!r.getStatus().equals("SUCCEEDED") || r.getResultsCount() == 0) {
        throw new IllegalStateException(
            "job "
                + r.getJobId()
                + " ended "
                + r.getStatus()
                + " with "
                + r.getResultsCount()
                + " results");
      }
    }
    return ra.getResultsList().equals(rb.getResultsList());
  }

  private static ObjectNode report(
      Plan plan, Running a, Running b, List<Double> ratios, boolean match) {
    ObjectNode r = new ObjectMapper().createObjectNode();
    r.put("suite", "cluster-pair");
    r.put("cores", Runtime.getRuntime().availableProcessors());
    r.put("warmups", plan.warmups());
    r.put("pairs", plan.pairs());
    r.put("idle_side_stopped", plan.freeze());
    double[] q = quartiles(ratios);
    r.put("a_vs_b", ClusterBench.round(q[1], 3));
    ArrayNode iqr = r.putArray("a_vs_b_quartiles");
    iqr.add(ClusterBench.round(q[0], 3)).add(ClusterBench.round(q[2], 3));
    r.put("results_match", match);
    side(r.putObject("a"), a, plan.pairs());
    side(r.putObject("b"), b, plan.pairs());
    ArrayNode samples = r.putArray("b_over_a_samples");
    ratios.forEach(x -> samples.add(ClusterBench.round(x, 3)));
    return r;
  }

  private static void side(ObjectNode o, Running s, int pairs) {
    ArrayNode slots = o.putArray("slots");
    s.side.slots().forEach(slots::add);
    ArrayNode options = o.putArray("jvm_options");
    s.options.forEach(options::add);
    o.put("seconds_median", ClusterBench.round(ClusterBench.median(s.seconds), 3));
    ObjectNode per = o.putObject("per_sweep");
    per.put("worker_cpu_seconds", ClusterBench.round(s.workerCpu / pairs, 3));
    per.put("worker_preemptions", Math.round((double) s.workerPreemptions / pairs));
    per.put("jit_cpu_seconds", ClusterBench.round(s.jitCpu / pairs, 3));
    per.put("other_threads_cpu_seconds", ClusterBench.round(s.otherCpu / pairs, 3));
    ArrayNode seconds = o.putArray("seconds");
    s.seconds.forEach(x -> seconds.add(ClusterBench.round(x, 3)));
  }

  /** Lower quartile, median and upper quartile (medians of the halves; NaN when empty). */
  static double[] quartiles(List<Double> xs) {
    double[] v = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = v.length;
    if (n == 0) {
      return new double[] {Double.NaN, Double.NaN, Double.NaN};
    }
    List<Double> all = box(v);
    int half = Math.max(1, n / 2);
    List<Double> low = box(Arrays.copyOfRange(v, 0, half));
    List<Double> high = box(Arrays.copyOfRange(v, n - half, n));
    return new double[] {
      ClusterBench.median(low), ClusterBench.median(all), ClusterBench.median(high)
    };
  }

  private static List<Double> box(double[] v) {
    return Arrays.stream(v).boxed().toList();
  }

  private static String table(ObjectNode r) {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "cluster pair bench (%d cores, %d warm-ups, %d pairs; results match: %s)%n",
            r.get("cores").asInt(),
            r.get("warmups").asInt(),
            r.get("pairs").asInt(),
            r.get("results_match").asBoolean()));
    b.append(
        String.format(
            Locale.ROOT,
            "a_vs_b %s (quartiles %s): median of B's time / A's time over the pairs%n",
            r.get("a_vs_b").asText(),
            r.get("a_vs_b_quartiles")));
    for (String k : List.of("a", "b")) {
      ObjectNode s = (ObjectNode) r.get(k);
      b.append(
          String.format(
              Locale.ROOT,
              "%s: slots %s, median %s s; per sweep %s; JVM %s%n",
              k.toUpperCase(Locale.ROOT),
              s.get("slots"),
              s.get("seconds_median").asText(),
              s.get("per_sweep"),
              s.get("jvm_options")));
    }
    return b.toString().stripTrailing();
  }

  private static void progress(PrintStream err, String message) {
    err.println("bench cluster-pair: " + message);
    err.flush();
  }

  private static double last(List<Double> xs) {
    return xs.get(xs.size() - 1);
  }
}
