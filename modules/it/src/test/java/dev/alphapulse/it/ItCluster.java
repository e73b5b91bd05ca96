package dev.alphapulse.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alphapulse.api.AlphaPulseClient;
import dev.alphapulse.api.grpc.ClusterStatus;
import dev.alphapulse.api.grpc.JobReply;
import dev.alphapulse.api.grpc.JobSummary;
import dev.alphapulse.app.clusterbench.JournalDatabase;
import dev.alphapulse.app.clusterbench.LocalCluster;
import dev.alphapulse.app.clusterbench.NodeProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Three (or more) {@code alphapulse node} processes on loopback with a fresh PostgreSQL journal,
 * and the test's ways to talk to them: the CLI in its own JVM for what scripts do ({@code submit},
 * {@code status --json}), a gRPC client in the test JVM for polling (reconnected to a live node
 * when its node was killed), the journal read directly, and the nodes' run logs.
 *
 * <p>The node JVMs run with the chunk-result cache off (so a chunk that is recomputed really is
 * computed, and shows up in the run logs of {@link ItStrategies}) and a small heap. {@link
 * #close()} kills every node; {@link NodeProcess} also kills them from a shutdown hook.
 */
final class ItCluster implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

  private final Path work;
  private final Path runLogs;
  private final LocalCluster cluster;
  private final JournalDatabase journal;
  private final Map<String, Connected> clients = new HashMap<>();

  private record Connected(AlphaPulseClient client, int incarnation) {}

  private ItCluster(Path work, Path runLogs, LocalCluster cluster, JournalDatabase journal) {
    this.work = work;
    this.runLogs = runLogs;
    this.cluster = cluster;
    this.journal = journal;
  }

  /**
   * Empties the journal, starts the nodes and waits until all are Up members.
   *
   * @param name the work directory's name (under {@code target-*}/it-work)
   * @param slots worker slots per node
   */
  static ItCluster start(String name, List<Integer> slots) {
    Path work = ItEnv.workDir(name);
    Path runLogs = work.resolve("runs");
    try {
      Files.createDirectories(runLogs);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JournalDatabase journal = ItEnv.journal();
    journal.reset();
    LocalCluster cluster =
        LocalCluster.layout(work, slots, journal.url(), nodeJvmOptions(runLogs), ItEnv.classPath());
    ItCluster c = new ItCluster(work, runLogs, cluster, journal);
    try {
      try {
        c.restart();
      } catch (RuntimeException | AssertionError first) {
        // Forming the cluster is not what is tested: on an overloaded machine the failure
        // detector (2 s pause) can down a node that is still starting. Start over once.
        System.err.println("cluster start failed, starting over once: " + first.getMessage());
        cluster.killAll();
        journal.reset();
        c.restart();
      }
    } catch (RuntimeException | AssertionError e) {
      c.close();
      throw e;
    }
    return c;
  }

  /** At most this many results wait for the journal's group commit on a node of these tests. */
  static final int PERSIST_BATCH_MAX = 16;

  /**
   * The node JVMs' options: small heap, serial GC (3 nodes share 2 cores), result cache off, the
   * group commit capped at {@value #PERSIST_BATCH_MAX} results (so that the chunks a killed
   * coordinator loses are bounded by it, not only by its 25 ms delay), the run log; plus {@code
   * -Dalphapulse.it.node-jvm-options="..."} of the test JVM, split at spaces (for diagnosis, e.g.
   * extra logging).
   */
  private static List<String> nodeJvmOptions(Path runLogs) {
    List<String> options = new ArrayList<>();
    options.add("-Xmx768m");
    options.add("-XX:+UseSerialGC");
    options.add("-Dalphapulse.worker.result-cache-bytes=0");
    options.add("-Dalphapulse.job.persist-batch-max=" + PERSIST_BATCH_MAX);
    options.add("-D" + ItStrategies.RUN_LOG + "=" + runLogs);
    String extra = System.getProperty("alphapulse.it.node-jvm-options", "").trim();
    if (!extra.isEmpty()) {
      options.addAll(List.of(extra.split("\\s+")));
    }
    return options;
  }

  /** Starts every node that is not running and waits until the cluster has them all as Up. */
  void restart() {
    cluster.start(START_TIMEOUT);
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    int n = cluster.nodes().size();
    while (System.nanoTime() < deadline) {
      try {
        ClusterStatus s = client().clusterStatus();
        long up = s.getMembersList().stream().filter(m -> m.getStatus().equals("Up")).count();
        if (up == n && s.getMembersCount() == n) {
          return;
        }
      } catch (RuntimeException e) {
        // membership still forming or the endpoint not answering yet
      }
      sleep(250);
    }
    throw new AssertionError("the cluster did not reach " + n + " Up members\n" + logTails());
  }

  LocalCluster cluster() {
    return cluster;
  }

  JournalDatabase journal() {
    return journal;
  }

  Path work() {
    return work;
  }

  /** A client of a live node (the first one). */
  AlphaPulseClient client() {
    return clientOf(cluster.anyAlive());
  }

  /** A client of {@code node}, reconnected after the node was restarted. */
  AlphaPulseClient clientOf(NodeProcess node) {
    Connected c = clients.get(node.address());
    if (c == null || c.incarnation() != node.incarnation()) {
      if (c != null) {
        closeQuietly(c.client());
      }
      c =
          new Connected(
              AlphaPulseClient.connect("127.0.0.1", node.spec().grpcPort(), Duration.ofSeconds(20)),
              node.incarnation());
      clients.put(node.address(), c);
    }
    return c.client();
  }

  /** A live node's {@code --endpoint}. */
  String endpoint() {
    return cluster.anyAlive().endpoint();
  }

  /** Writes a job file into the work directory. */
  Path jobFile(String name, String yaml) {
    Path file = work.resolve(name);
    try {
      Files.writeString(file, yaml, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** {@code alphapulse submit FILE --endpoint ... --json}; the job id. */
  String submit(Path jobFile) {
    Cli.Result r =
        Cli.client(
            work.resolve("cli"), "submit", jobFile.toString(), "--endpoint", endpoint(), "--json");
    assertThat(r.exitCode()).as("%s", r).isZero();
    try {
      String id = JSON.readTree(r.out()).path("jobId").asText();
      assertThat(id).as("%s", r).isNotBlank();
      return id;
    } catch (IOException e) {
      throw new AssertionError("submit printed no JSON: " + r, e);
    }
  }

  /**
   * The finished job as {@code alphapulse status JOB --endpoint ... --json} prints it (asked from
   * the first live node), checked to be the same JSON when asked from every other live node:
   * results must be queryable from any node, also from one that does not host the job's
   * coordinator.
   */
  JsonNode finishedJson(String jobId) {
    List<NodeProcess> live = cluster.nodes().stream().filter(NodeProcess::isAlive).toList();
    Cli.Result r =
        Cli.client(
            work.resolve("cli"), "status", jobId, "--endpoint", live.get(0).endpoint(), "--json");
    assertThat(r.exitCode()).as("%s%s", r, logLines("Oversized")).isZero();
    JsonNode json;
    try {
      json = JSON.readTree(r.out());
    } catch (IOException e) {
      throw new AssertionError("status printed no JSON: " + r, e);
    }
    for (NodeProcess n : live.subList(1, live.size())) {
      String other;
      try {
        other = clientOf(n).get(jobId).getJson();
      } catch (RuntimeException e) {
        throw new AssertionError(
            "job "
                + jobId
                + " (coordinator on "
                + json.path("coordinatorNode").asText()
                + ") cannot be read from node "
                + n.address()
                + ": "
                + e.getMessage()
                + logLines("Oversized"),
            e);
      }
      try {
        assertThat(JSON.readTree(other))
            .as("job %s read from node %s", jobId, n.address())
            .isEqualTo(json);
      } catch (IOException e) {
        throw new AssertionError("node " + n.address() + " replied no JSON: " + other, e);
      }
    }
    return json;
  }

  /**
   * The status of a running job over gRPC ({@code Get}; once the job ended, {@code Get} also reads
   * its results), asking again while the cluster reorganises (up to a minute).
   */
  JobReply status(String jobId) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    RuntimeException last = null;
    while (System.nanoTime() < deadline) {
      try {
        return client().get(jobId);
      } catch (RuntimeException e) {
        last = e;
        sleep(250);
      }
    }
    throw new AssertionError("no status of " + jobId + ": " + last + "\n" + logTails(), last);
  }

  /** Waits while the job runs until at least {@code done} chunks succeeded. */
  JobReply awaitSucceeded(String jobId, int done, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    JobReply r = status(jobId);
    while (System.nanoTime() < deadline) {
      assertThat(r.getStatus())
          .as("job %s ended before %d chunks were done: too small for the test", jobId, done)
          .isEqualTo("RUNNING");
      if (r.getChunks().getSucceeded() >= done && !r.getCoordinatorNode().isEmpty()) {
        return r;
      }
      sleep(100);
      r = status(jobId);
    }
    throw new AssertionError(
        "job " + jobId + " did not reach " + done + " chunks: " + r + "\n" + logTails());
  }

  /**
   * Waits until the job has ended; its final status ({@code SUCCEEDED}, ...). Polls the job list
   * ({@code List}: statuses only, no results), asking again while the cluster reorganises.
   */
  String awaitEnd(String jobId, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "(no answer)";
    while (System.nanoTime() < deadline) {
      try {
        for (JobSummary j : client().list().getJobsList()) {
          if (j.getJobId().equals(jobId)) {
            last = j.getStatus() + " " + j.getChunksDone() + "/" + j.getChunksTotal();
            if (!j.getStatus().equals("RUNNING") && !j.getStatus().isEmpty()) {
              return j.getStatus();
            }
          }
        }
      } catch (RuntimeException e) {
        last = e.toString();
      }
      sleep(250);
    }
    throw new AssertionError(
        "job "
            + jobId
            + " has not ended after "
            + timeout.toSeconds()
            + " s; last seen: "
            + last
            + "\n"
            + logTails());
  }

  /**
   * The backtests each node incarnation computed, by process id: one {@code "fast slow"} entry per
   * backtest, in order (a line cut short by a SIGKILL is dropped).
   */
  Map<Long, List<String>> runLogs() {
    Map<Long, List<String>> out = new HashMap<>();
    try (Stream<Path> files = Files.list(runLogs)) {
      for (Path f : files.toList()) {
        String name = f.getFileName().toString();
        long pid = Long.parseLong(name.substring(0, name.indexOf('.')));
        List<String> lines = new ArrayList<>();
        String text = Files.readString(f, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        if (end >= 0) {
          for (String l : text.substring(0, end).split("\n")) {
            if (l.matches("\\d+ \\d+")) {
              lines.add(l);
            }
          }
        }
        out.put(pid, lines);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Lines of the nodes' current logs that contain {@code text} (at most 5), for diagnosis. */
  String logLines(String text) {
    StringBuilder b = new StringBuilder();
    for (NodeProcess n : cluster.nodes()) {
      if (n.logFile() == null || !Files.exists(n.logFile())) {
        continue;
      }
      try (Stream<String> lines = Files.lines(n.logFile(), StandardCharsets.UTF_8)) {
        lines
            .filter(l -> l.contains(text))
            .limit(5)
            .forEach(l -> b.append("\n  ").append(n.spec().name()).append(": ").append(l));
      } catch (IOException | UncheckedIOException e) {
        b.append("\n  ")
            .append(n.spec().name())
            .append(": (log unreadable: ")
            .append(e)
            .append(')');
      }
    }
    return b.toString();
  }

  /** The end of every node's log, for failure messages. */
  String logTails() {
    return cluster.logTails();
  }

  /** Process ids of the running nodes. */
  Set<Long> livePids() {
    return Set.copyOf(
        cluster.nodes().stream().filter(NodeProcess::isAlive).map(NodeProcess::pid).toList());
  }

  @Override
  public void close() {
    try {
      clients.values().forEach(c -> closeQuietly(c.client()));
    } finally {
      cluster.close();
    }
  }

  private static void closeQuietly(AlphaPulseClient c) {
    try {
      c.close();
    } catch (RuntimeException e) {
      // a client of a dead node may fail to close cleanly
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
