package dev.alphapulse.cluster;

import dev.alphapulse.cluster.job.CoordinatorSettings;
import dev.alphapulse.cluster.job.JobCoordinator;
import dev.alphapulse.cluster.job.JobModel;
import dev.alphapulse.cluster.job.JobProgress;
import dev.alphapulse.cluster.job.JobStatus;
import dev.alphapulse.cluster.job.JobTicket;
import dev.alphapulse.cluster.job.JobWatcher;
import dev.alphapulse.cluster.node.ClusterNode;
import dev.alphapulse.cluster.util.Nodes;
import dev.alphapulse.cluster.util.Resend;
import dev.alphapulse.cluster.worker.WorkerPool;
import dev.alphapulse.engine.data.Universe;
import dev.alphapulse.jobs.ChunkResult;
import dev.alphapulse.jobs.DatasetRef;
import dev.alphapulse.jobs.JobResult;
import dev.alphapulse.jobs.JobSpec;
import dev.alphapulse.jobs.JobSpecs;
import dev.alphapulse.jobs.JobType;
import dev.alphapulse.jobs.RunResult;
import dev.alphapulse.jobs.research.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.SpawnProtocol;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;
import org.apache.pekko.cluster.ClusterEvent;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.stream.javadsl.Sink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Java API of AlphaPulse's cluster, and the single entry point of the CLI and the gRPC service:
 * start or join a cluster, submit jobs, watch them, read their results, cancel them, see the
 * cluster, and change this node's worker slots.
 *
 * <h2>Use</h2>
 *
 * <pre>{@code
 * try (var service = DistributedComputingService.initialize(NodeOptions.embedded())) {
 *   JobSubmission job = service.runDistributedBacktest(JobSpecs.parseYaml(text), baseDir);
 *   JobOutcome outcome = job.result().toCompletableFuture().join();
 * }
 * }</pre>
 *
 * <h2>Contract</h2>
 *
 * Thread-safe. Every method but {@link #runDistributedBacktest} (which validates the spec first, on
 * the calling thread) returns at once with a {@link CompletionStage}; stages complete on Pekko or
 * service threads, and time out after {@code alphapulse.api.ask-timeout} when a coordinator does
 * not answer. Results are plain records ({@link JobStatusView}, {@link JobOutcome}, {@link
 * ClusterStatusView}) for callers to translate. Jobs are addressed by id from any node of the
 * cluster, also after they ended (results are read from the job's journal).
 */
public final class DistributedComputingService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DistributedComputingService.class);
  private static final Pattern JOB_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final String PERSISTENCE_PREFIX = JobCoordinator.ENTITY_KEY.name() + "|";

  private final ClusterNode node;
  private final boolean ownsNode;
  private final ActorSystem<SpawnProtocol.Command> system;
  private final ClusterSharding sharding;
  private final CoordinatorSettings settings;
  private final Duration askTimeout;
  private final Duration resendAfter;
  private final ExecutorService background;
  private final AtomicInteger watchers = new AtomicInteger();

  private DistributedComputingService(ClusterNode node, boolean ownsNode) {
    this.node = node;
    this.ownsNode = ownsNode;
    this.system = node.system();
    this.sharding = ClusterSharding.get(system);
    this.settings = CoordinatorSettings.from(system.settings().config());
    this.askTimeout = system.settings().config().getDuration("alphapulse.api.ask-timeout");
    this.resendAfter = system.settings().config().getDuration("alphapulse.api.resend-after");
    AtomicInteger n = new AtomicInteger();
    this.background =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "alphapulse-api-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Starts a node with {@code options} and a service on it; an embedded node (or one that joins
   * only itself) is Up when this returns.
   *
   * @throws IllegalStateException if the node cannot start (journal unreachable, port taken)
   */
  public static DistributedComputingService initialize(NodeOptions options) {
    ClusterNode node = ClusterNode.start(options);
    if (options.seeds().isEmpty() && options.discoveryMethod() == null) {
      if (!node.awaitUp(Duration.ofSeconds(30))) {
        node.close();
        throw new IllegalStateException("node " + node.address() + " did not come up in 30 s");
      }
    }
    return new DistributedComputingService(node, true);
  }

  /** {@link #initialize(NodeOptions)} with {@link NodeOptions#embedded()}. */
  public static DistributedComputingService initializeEmbedded() {
    return initialize(NodeOptions.embedded());
  }

  /** A service on a node started elsewhere; {@link #shutdown()} leaves that node running. */
  public static DistributedComputingService attach(ClusterNode node) {
    return new DistributedComputingService(node, false);
  }

  /** The node this service runs on. */
  public ClusterNode node() {
    return node;
  }

  // ------------------------------------------------------------------------------------- jobs

  /** {@link #runDistributedBacktest(JobSpec, Path, String)} from the working directory. */
  public JobSubmission runDistributedBacktest(JobSpec spec) {
    return runDistributedBacktest(spec, Path.of(""), null);
  }

  /** {@link #runDistributedBacktest(JobSpec, Path, String)} with a fresh job id. */
  public JobSubmission runDistributedBacktest(JobSpec spec, Path baseDir) {
    return runDistributedBacktest(spec, baseDir, null);
  }

  /**
   * Submits a job (a backtest or a sweep): validates it, loads and fingerprints its data on this
   * node, plans it for the cluster's worker slots and hands it to its coordinator.
   *
   * @param baseDir what relative data paths are resolved against (the job file's directory)
   * @param jobId the id to use ({@code [A-Za-z0-9][A-Za-z0-9._-]{0,63}}), or null for a fresh one;
   *     submitting the same spec and data under the same id again is idempotent
   * @throws dev.alphapulse.jobs.JobSpecException naming the field, before anything runs, for a spec
   *     that cannot run (unknown strategy or parameter, bad range, missing data, ...)
   * @throws IllegalArgumentException for a malformed job id
   */
  public JobSubmission runDistributedBacktest(JobSpec spec, Path baseDir, String jobId) {
    JobSpecs.validate(spec, JobModel.registry());
    JobSpecs.validateData(spec, baseDir);
    String id = jobId == null ? newJobId() : checkJobId(jobId);
    long submittedAt = System.currentTimeMillis();
    CompletableFuture<String> accepted =
        workerSlots()
            .thenApplyAsync(
                workers -> {
                  DatasetRef ref = node.datasets().describe(spec.data(), baseDir);
                  int chunks =
                      spec.type().isResearch()
                          ? JobModel.initialResearchChunks(spec, ref)
                          : JobModel.plan(spec, ref, workers).chunks().size();
                  return new JobTicket(id, spec, ref, workers, chunks, submittedAt);
                },
                background)
            .thenCompose(
                ticket ->
                    coordinator(id)
                        .<JobCoordinator.Accepted>askWithStatus(
                            replyTo -> new JobCoordinator.Submit(ticket, replyTo), askTimeout))
            .thenApply(JobCoordinator.Accepted::jobId)
            .toCompletableFuture();
    return new JobSubmission(
        accepted, () -> accepted.thenCompose(this::awaitEnd).thenCompose(p -> getJobResult(id)));
  }

  /** The job's status; {@link JobStatus#UNKNOWN} for an id no job has. */
  public CompletionStage<JobStatusView> getJobStatus(String jobId) {
    return query(coordinator(checkJobId(jobId)), JobCoordinator.GetStatus::new)
        .thenApply(DistributedComputingService::view);
  }

  /**
   * The job's results so far (all of them once it ended), in their final order; a TIME_BASED job's
   * runs are stitched here, on this node, from its chunks and its data. Once a sweep ended, its
   * overfitting statistics (the DSR of its best run and PBO, {@link JobOutcome#overfitting()}) are
   * computed here too; they and a research job's result recompute backtests, so for an ended job
   * they are computed once per node and then served from a cache.
   */
  public CompletionStage<JobOutcome> getJobResult(String jobId) {
    EntityRef<JobCoordinator.Command> coordinator = coordinator(checkJobId(jobId));
    return resultPages(coordinator, 0, new ArrayList<>()).thenApplyAsync(this::outcome, background);
  }

  /** Asks page after page (each well under a remote frame) and joins them into one report. */
  private CompletionStage<JobCoordinator.ResultReport> resultPages(
      EntityRef<JobCoordinator.Command> coordinator, int fromChunk, List<ChunkResult> sofar) {
    return query(
            coordinator,
            (ActorRef<JobCoordinator.ResultReport> replyTo) ->
                new JobCoordinator.GetResult(fromChunk, replyTo))
        .thenCompose(
            page -> {
              sofar.addAll(page.results());
              return page.nextChunk() < 0
                  ? CompletableFuture.completedFuture(
                      new JobCoordinator.ResultReport(page.status(), sofar, -1))
                  : resultPages(coordinator, page.nextChunk(), sofar);
            });
  }

  /**
   * Streams the job's progress to {@code listener} until it ends (the last update is final) or the
   * watch is closed. Listeners run one update at a time on an actor thread: keep them quick.
   */
  public JobWatch watch(String jobId, JobProgressListener listener) {
    CompletableFuture<JobProgress> done = new CompletableFuture<>();
    CompletionStage<ActorRef<JobWatcher.Command>> ref =
        spawn(
            JobWatcher.create(checkJobId(jobId), listener::onProgress, done, Duration.ofSeconds(5)),
            "watch-" + jobId + "-" + watchers.incrementAndGet());
    return new JobWatch(ref, done);
  }

  /** Cancels the job: no chunk is dispatched any more and it ends as cancelled. */
  public CompletionStage<JobStatusView> cancel(String jobId) {
    return query(
            coordinator(checkJobId(jobId)),
            (ActorRef<JobCoordinator.StatusReport> replyTo) ->
                new JobCoordinator.Cancel("cancelled by request", replyTo))
        .thenApply(DistributedComputingService::view);
  }

  /** Every job in the journal (running and ended), newest first. */
  public CompletionStage<List<JobStatusView>> listJobs() {
    JdbcReadJournal journal =
        PersistenceQuery.get(Adapter.toClassic(system))
            .getReadJournalFor(JdbcReadJournal.class, JdbcReadJournal.Identifier());
    return journal
        .currentPersistenceIds()
        .filter(p -> p.startsWith(PERSISTENCE_PREFIX))
        .map(p -> p.substring(PERSISTENCE_PREFIX.length()))
        .runWith(Sink.seq(), system)
        .thenCompose(
            ids -> {
              List<CompletableFuture<JobStatusView>> all = new ArrayList<>();
              for (String id : ids) {
                all.add(getJobStatus(id).toCompletableFuture());
              }
              return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
                  .thenApply(
                      v ->
                          all.stream()
                              .map(CompletableFuture::join)
                              .filter(s -> s.status() != JobStatus.UNKNOWN)
                              .sorted(
                                  Comparator.comparing(
                                          JobStatusView::submittedAt,
                                          Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
                                      .reversed()
                                      .thenComparing(JobStatusView::jobId))
                              .toList());
            });
  }

  // ---------------------------------------------------------------------------------- cluster

  /** Members, worker nodes (slots, load, CPU, memory) and running jobs. */
  public CompletionStage<ClusterStatusView> getClusterStatus() {
    ClusterEvent.CurrentClusterState state = Cluster.get(system).state();
    Set<Member> unreachable = state.getUnreachable();
    List<ClusterStatusView.Member> members = new ArrayList<>();
    for (Member m : StreamSupport.stream(state.getMembers().spliterator(), false).toList()) {
      members.add(
          new ClusterStatusView.Member(
              Nodes.hostPort(m.address()),
              m.status().toString(),
              m.getRoles(),
              !unreachable.contains(m)));
    }
    String leader = state.getLeader() == null ? null : Nodes.hostPort(state.getLeader());
    CompletableFuture<List<ClusterStatusView.Node>> nodes =
        nodeReports()
            .thenApply(
                reports ->
                    reports.stream()
                        .map(DistributedComputingService::nodeView)
                        .sorted(Comparator.comparing(ClusterStatusView.Node::node))
                        .toList());
    CompletableFuture<List<String>> active = activeJobs();
    return nodes.thenCombine(
        active,
        (n, a) ->
            new ClusterStatusView(Nodes.hostPort(system), leader, members, n, a, Instant.now()));
  }

  /**
   * Sets this node's worker slots (chunks computed at once); takes effect for the next chunks.
   *
   * @return the new slot count
   * @throws IllegalArgumentException if {@code slots < 1}
   */
  public CompletionStage<Integer> scaleCluster(int slots) {
    if (slots < 1) {
      throw new IllegalArgumentException("slots: must be >= 1, was " + slots);
    }
    ActorRef<WorkerPool.Command> pool =
        node.workerPool()
            .orElseThrow(() -> new IllegalStateException("this node has no worker role"));
    return AskPattern.ask(
            pool,
            (ActorRef<WorkerPool.NodeReport> replyTo) -> new WorkerPool.SetSlots(slots, replyTo),
            askTimeout,
            system.scheduler())
        .thenApply(WorkerPool.NodeReport::slots);
  }

  /** Stops the service and, if it started its node, leaves the cluster and stops the node. */
  public void shutdown() {
    background.shutdownNow();
    if (ownsNode) {
      node.close();
    }
  }

  @Override
  public void close() {
    shutdown();
  }

  // ---------------------------------------------------------------------------------- helpers

  private EntityRef<JobCoordinator.Command> coordinator(String jobId) {
    return sharding.entityRefFor(JobCoordinator.ENTITY_KEY, jobId);
  }

  /**
   * Asks a job's coordinator something that may safely be asked twice (a status, a result page, a
   * cancel), again every {@code alphapulse.api.resend-after} while it has no answer: a message sent
   * while the coordinator moves to another node can be lost.
   */
  private <R> CompletionStage<R> query(
      EntityRef<JobCoordinator.Command> coordinator,
      org.apache.pekko.japi.function.Function<ActorRef<R>, JobCoordinator.Command> message) {
    AtomicInteger attempts = new AtomicInteger();
    return Resend.untilAnswered(
        timeout -> {
          if (attempts.incrementAndGet() > 1) {
            LOG.info(
                "job {}: no answer from its coordinator yet; asking again ({} s left)",
                coordinator.getEntityId(),
                timeout.toMillis() / 1000);
          }
          return coordinator.ask(message, timeout);
        },
        resendAfter,
        askTimeout,
        system.scheduler(),
        system.executionContext());
  }

  private CompletionStage<JobProgress> awaitEnd(String jobId) {
    CompletableFuture<JobProgress> done = new CompletableFuture<>();
    return spawn(
            JobWatcher.create(jobId, p -> {}, done, Duration.ofSeconds(5)),
            "await-" + jobId + "-" + watchers.incrementAndGet())
        .thenCompose(ref -> done);
  }

  private <T> CompletionStage<ActorRef<T>> spawn(Behavior<T> behavior, String name) {
    return AskPattern.<SpawnProtocol.Command, ActorRef<T>>ask(
        system,
        replyTo -> new SpawnProtocol.Spawn<>(behavior, name, Props.empty(), replyTo),
        askTimeout,
        system.scheduler());
  }

  private JobOutcome outcome(JobCoordinator.ResultReport report) {
    JobStatusView status = view(report.status());
    JobTicket ticket = report.status().ticket();
    if (ticket == null) {
      return new JobOutcome(status, List.of(), settings.objective(), null);
    }
    boolean ended = report.status().status().isTerminal();
    Supplier<Universe> universe = () -> node.datasets().resolve(ticket.dataset());
    if (ticket.spec().type().isResearch()) {
      SortedMap<Integer, String> payloads = new TreeMap<>();
      for (ChunkResult r : report.results()) {
        payloads.put(r.chunkId(), r.payload());
      }
      SortedMap<Integer, String> failures = new TreeMap<>();
      for (var f : report.status().failures()) {
        failures.put(f.chunkId(), f.error());
      }
      String research =
          JobModel.finished(
              ticket,
              ended,
              "research",
              report.status().status()
                  + "/"
                  + payloads.size()
                  + "/"
                  + payloads.keySet().hashCode()
                  + "/"
                  + failures.keySet(),
              () ->
                  Json.write(
                      JobModel.research(ticket).assemble(payloads, failures, universe.get())));
      return new JobOutcome(status, List.of(), settings.objective(), null, research);
    }
    JobResult result = JobModel.fold(ticket, report.results());
    List<RunResult> runs = JobModel.finalRuns(ticket, result, universe);
    RunResult best = JobResult.best(runs, settings.objective(), settings.maximize()).orElse(null);
    String overfitting = null;
    JobStatus end = report.status().status();
    if (ticket.spec().type() == JobType.SWEEP
        && (end == JobStatus.SUCCEEDED || end == JobStatus.COMPLETED_WITH_FAILURES)) {
      overfitting =
          JobModel.finished(
              ticket,
              true,
              "overfitting",
              report.status().status()
                  + "/"
                  + runs.size()
                  + "/"
                  + settings.objective()
                  + "/"
                  + settings.maximize(),
              () ->
                  JobModel.sweepOverfitting(
                      ticket, runs, settings.objective(), settings.maximize(), universe));
    }
    return new JobOutcome(status, runs, settings.objective(), best, null, overfitting);
  }

  /** Total worker slots of the cluster, or this node's when no pool answers. */
  private CompletableFuture<Integer> workerSlots() {
    return nodeReports()
        .thenApply(
            reports -> {
              int total = reports.stream().mapToInt(WorkerPool.NodeReport::slots).sum();
              return total > 0 ? total : node.options().slots();
            });
  }

  private CompletableFuture<List<WorkerPool.NodeReport>> nodeReports() {
    return find(WorkerPool.SERVICE_KEY)
        .thenCompose(
            pools -> {
              List<CompletableFuture<WorkerPool.NodeReport>> asks = new ArrayList<>();
              for (ActorRef<WorkerPool.Command> p : pools) {
                asks.add(
                    AskPattern.ask(
                            p,
                            (ActorRef<WorkerPool.NodeReport> replyTo) ->
                                new WorkerPool.GetReport(replyTo),
                            Duration.ofSeconds(3),
                            system.scheduler())
                        .toCompletableFuture()
                        .exceptionally(e -> null));
              }
              return CompletableFuture.allOf(asks.toArray(CompletableFuture[]::new))
                  .thenApply(
                      v ->
                          asks.stream()
                              .map(CompletableFuture::join)
                              .filter(r -> r != null)
                              .toList());
            });
  }

  private CompletableFuture<List<String>> activeJobs() {
    return find(JobCoordinator.ACTIVE_JOBS)
        .thenCompose(
            coordinators -> {
              List<CompletableFuture<JobCoordinator.StatusReport>> asks = new ArrayList<>();
              for (ActorRef<JobCoordinator.Command> c : coordinators) {
                asks.add(
                    AskPattern.ask(
                            c,
                            (ActorRef<JobCoordinator.StatusReport> replyTo) ->
                                new JobCoordinator.GetStatus(replyTo),
                            Duration.ofSeconds(3),
                            system.scheduler())
                        .toCompletableFuture()
                        .exceptionally(e -> null));
              }
              return CompletableFuture.allOf(asks.toArray(CompletableFuture[]::new))
                  .thenApply(
                      v -> {
                        Set<String> ids = new TreeSet<>();
                        for (CompletableFuture<JobCoordinator.StatusReport> a : asks) {
                          JobCoordinator.StatusReport r = a.join();
                          if (r != null && r.status() == JobStatus.RUNNING) {
                            ids.add(r.jobId());
                          }
                        }
                        return List.copyOf(ids);
                      });
            });
  }

  private <T> CompletableFuture<Set<ActorRef<T>>> find(ServiceKey<T> key) {
    return AskPattern.ask(
            system.receptionist(),
            (ActorRef<Receptionist.Listing> replyTo) -> Receptionist.find(key, replyTo),
            askTimeout,
            system.scheduler())
        .thenApply(listing -> listing.getServiceInstances(key))
        .toCompletableFuture();
  }

  private static ClusterStatusView.Node nodeView(WorkerPool.NodeReport r) {
    var s = r.resources();
    return new ClusterStatusView.Node(
        r.node(),
        r.slots(),
        r.busy(),
        r.chunksCompleted(),
        r.chunksFailed(),
        s.cpuLoad(),
        s.processors(),
        s.memoryUsedBytes(),
        s.memoryTotalBytes(),
        s.heapUsedBytes(),
        s.heapMaxBytes(),
        r.available());
  }

  static JobStatusView view(JobCoordinator.StatusReport r) {
    JobTicket t = r.ticket();
    Instant submitted = t == null ? null : Instant.ofEpochMilli(t.submittedAtMillis());
    Instant finished = r.finishedAtMillis() > 0 ? Instant.ofEpochMilli(r.finishedAtMillis()) : null;
    Duration duration =
        submitted == null
            ? Duration.ZERO
            : Duration.between(submitted, finished != null ? finished : Instant.now());
    return new JobStatusView(
        r.jobId(),
        r.status(),
        r.chunks(),
        t == null ? null : t.spec().type(),
        t == null ? null : t.spec().strategy(),
        submitted,
        finished,
        duration,
        r.chunksPerSecond(),
        r.etaSeconds(),
        r.coordinatorNode(),
        r.failures());
  }

  private static String newJobId() {
    return "job-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
  }

  private static String checkJobId(String jobId) {
    if (jobId == null || !JOB_ID.matcher(jobId).matches()) {
      throw new IllegalArgumentException(
          "jobId: expected 1-64 characters [A-Za-z0-9._-] starting with a letter or digit, was "
              + jobId);
    }
    return jobId;
  }
}
