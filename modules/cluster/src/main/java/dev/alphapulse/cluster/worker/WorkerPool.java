package dev.alphapulse.cluster.worker;

import dev.alphapulse.cluster.job.JobCoordinator;
import dev.alphapulse.cluster.job.JobTicket;
import dev.alphapulse.cluster.serialization.KryoMessage;
import dev.alphapulse.cluster.util.Nodes;
import dev.alphapulse.cluster.util.ResourceMonitor;
import dev.alphapulse.jobs.ChunkResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;

/**
 * A node's workers: {@code slots} chunks computed at once, pulled from the coordinators of running
 * jobs (see {@link JobCoordinator} for the protocol).
 *
 * <h2>Design</h2>
 *
 * Coordinators announce pending work ({@link WorkAvailable}); whenever the pool can take at least
 * half its queue's worth of chunks (see Prefetch) it asks one announcing job (round robin, one
 * request in flight at a time) for as many as it can hold ({@link JobCoordinator.RequestWork}). The
 * actor stays thin: each chunk runs on the pool's own executor, sized by {@code slots}, through
 * {@link ChunkRunner}, and comes back with {@code pipeToSelf}. A result goes to the job with the
 * pool's next request to it (one message for both); when the pool is not about to ask the job, on
 * its own, to the coordinator the pool knows, or through sharding when it knows none (the
 * coordinator moved or restarts), which is also how a failure goes, so it reaches the coordinator
 * wherever it lives by then. A job's ticket travels with the first grant only. The pool registers
 * with the receptionist under {@link #SERVICE_KEY}, which is how coordinators find every pool of
 * the cluster.
 *
 * <h2>Prefetch</h2>
 *
 * Leased chunks wait in the executor's queue behind the running ones, so a slot that finishes a
 * chunk starts the next one at once instead of idling for the round trip request, grant (a remote
 * coordinator). The queue holds {@code prefetchPerSlot} chunks per slot, or, when chunks are short,
 * as many as take about {@code prefetchTime} by the moving average of the chunks computed so far
 * ({@link #queuePerSlot}); the pool asks for more once half the queue is gone. So a pool of short
 * chunks asks for, and reports the results of, several chunks per round trip, while the other half
 * of its queue keeps the slots busy. The price is bounded: a pool holds at most {@code slots * (1 +
 * queue)} leases, about {@code prefetchTime} of work per slot, which at the end of a job may wait
 * for its slot while another node's slot is already free; and a result waits at most half of {@code
 * prefetchTime} for a request to go with. With {@code prefetchTime = 0} the queue holds exactly
 * {@code prefetchPerSlot} chunks per slot and every result is reported at once.
 */
public final class WorkerPool extends AbstractBehavior<WorkerPool.Command> {

  /** Every node's pool registers under this key. */
  public static final ServiceKey<Command> SERVICE_KEY =
      ServiceKey.create(Command.class, "alphapulse-worker-pools");

  /** What a pool understands. */
  public sealed interface Command extends KryoMessage {}

  /** A job has pending chunks; ask its coordinator when slots are free. */
  public record WorkAvailable(String jobId, ActorRef<JobCoordinator.Command> coordinator)
      implements Command {}

  /** One leased chunk: its id in the job's plan and the attempt number. */
  public record Assignment(int chunkId, int attempt, String task) {
    /** A sweep or backtest chunk (workers re-plan it from the ticket). */
    public Assignment(int chunkId, int attempt) {
      this(chunkId, attempt, null);
    }
  }

  /** Chunks leased to this pool, with the ticket to plan the job from. */
  public record WorkGranted(
      String jobId,
      JobTicket ticket,
      List<Assignment> assignments,
      ActorRef<JobCoordinator.Command> coordinator)
      implements Command {
    public WorkGranted {
      assignments = List.copyOf(assignments);
    }
  }

  /** The job has nothing pending right now (it will announce again when it has). */
  public record NoWork(String jobId, ActorRef<JobCoordinator.Command> coordinator)
      implements Command {}

  /** The job ended: stop asking it, drop its plan and indicator caches. */
  public record JobEnded(String jobId) implements Command {}

  /** Replies a {@link NodeReport}. */
  public record GetReport(ActorRef<NodeReport> replyTo) implements Command {}

  /** Changes the number of slots (local scaling); replies the new {@link NodeReport}. */
  public record SetSlots(int slots, ActorRef<NodeReport> replyTo) implements Command {}

  /**
   * A node's workers and resources.
   *
   * @param node {@code host:port}
   * @param busy chunks computing now
   * @param jobs ids of jobs this pool knows to be running
   */
  public record NodeReport(
      String node,
      int slots,
      int busy,
      long chunksCompleted,
      long chunksFailed,
      List<String> jobs,
      ResourceMonitor.Sample resources,
      boolean available)
      implements KryoMessage {
    public NodeReport {
      jobs = List.copyOf(jobs);
    }
  }

  /** A chunk's outcome: its result and how long it took to compute, or the error it threw. */
  private record ChunkDone(
      String jobId, Assignment assignment, ChunkResult result, long nanos, Throwable error)
      implements Command {}

  private record Ran(ChunkResult result, long nanos) {}

  /** Results held back to go with a request are due to be reported on their own. */
  private enum ReportDue implements Command {
    INSTANCE
  }

  private record CoordinatorGone(String jobId, ActorRef<JobCoordinator.Command> coordinator)
      implements Command {}

  private record RequestTimedOut(long request) implements Command {}

  /** A job as this pool knows it. */
  private static final class Job {
    ActorRef<JobCoordinator.Command> coordinator;
    boolean hasWork;
    JobTicket ticket;
    // Results computed here and not reported yet: they go with the next request to the job, or
    // on their own when the pool is not about to ask it (see fill()).
    final List<JobCoordinator.Completed> outbox = new ArrayList<>();
  }

  /** The most chunks queued per slot however short they are. */
  static final int MAX_QUEUE_PER_SLOT = 32;

  /**
   * A pool.
   *
   * @param slots chunks computed at once, at least 1
   * @param prefetchPerSlot leased chunks queued per slot beyond the running ones, at least 0 (the
   *     least the queue holds)
   * @param prefetchTime about how much work to queue per slot, judged by the chunks computed so far
   *     (more chunks than {@code prefetchPerSlot} when they are short); zero to queue exactly
   *     {@code prefetchPerSlot} and to report every result at once
   * @param runner computes chunks (thread-safe)
   * @param monitor samples this node's CPU and memory
   * @param requestTimeout how long to wait for a coordinator's answer before asking another job
   */
  public static Behavior<Command> create(
      int slots,
      int prefetchPerSlot,
      Duration prefetchTime,
      ChunkRunner runner,
      ResourceMonitor monitor,
      Duration requestTimeout) {
    if (slots < 1) {
      throw new IllegalArgumentException("slots: must be >= 1, was " + slots);
    }
    if (prefetchPerSlot < 0) {
      throw new IllegalArgumentException("prefetchPerSlot: must be >= 0, was " + prefetchPerSlot);
    }
    if (prefetchTime.isNegative()) {
      throw new IllegalArgumentException("prefetchTime: must be >= 0, was " + prefetchTime);
    }
    return Behaviors.setup(
        ctx ->
            Behaviors.withTimers(
                timers ->
                    new WorkerPool(
                        ctx,
                        timers,
                        slots,
                        prefetchPerSlot,
                        prefetchTime,
                        runner,
                        monitor,
                        requestTimeout)));
  }

  private final TimerScheduler<Command> timers;
  private final ChunkRunner runner;
  private final ResourceMonitor monitor;
  private final Duration requestTimeout;
  private final int prefetchPerSlot;
  private final long prefetchNanos;
  private double chunkNanos = -1; // moving average of the time a chunk takes, -1 before the first
  private final ThreadPoolExecutor executor;
  private final String node;
  private final ClusterSharding sharding;
  private final Map<String, Job> jobs = new LinkedHashMap<>();
  private int slots;
  private int busy; // chunks held: running or queued for a thread
  private long completed;
  private long failed;
  private String asking; // job id of the request in flight, or null
  private int askedSlots;
  private long request;
  private int cursor;

  private WorkerPool(
      ActorContext<Command> ctx,
      TimerScheduler<Command> timers,
      int slots,
      int prefetchPerSlot,
      Duration prefetchTime,
      ChunkRunner runner,
      ResourceMonitor monitor,
      Duration requestTimeout) {
    super(ctx);
    this.prefetchNanos = prefetchTime.toNanos();
    this.timers = timers;
    this.slots = slots;
    this.prefetchPerSlot = prefetchPerSlot;
    this.runner = runner;
    this.monitor = monitor;
    this.requestTimeout = requestTimeout;
    this.executor =
        new ThreadPoolExecutor(
            slots, slots, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), workerThreads());
    this.node = Nodes.hostPort(ctx.getSystem());
    this.sharding = ClusterSharding.get(ctx.getSystem());
    ctx.getSystem().receptionist().tell(Receptionist.register(SERVICE_KEY, ctx.getSelf()));
  }

  private static ThreadFactory workerThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "alphapulse-worker-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(WorkAvailable.class, this::onWorkAvailable)
        .onMessage(WorkGranted.class, this::onWorkGranted)
        .onMessage(NoWork.class, this::onNoWork)
        .onMessage(JobEnded.class, this::onJobEnded)
        .onMessage(ChunkDone.class, this::onChunkDone)
        .onMessage(CoordinatorGone.class, this::onCoordinatorGone)
        .onMessage(RequestTimedOut.class, this::onRequestTimedOut)
        .onMessageEquals(ReportDue.INSTANCE, this::onReportDue)
        .onMessage(GetReport.class, m -> reply(m.replyTo()))
        .onMessage(SetSlots.class, this::onSetSlots)
        .onSignal(PostStop.class, s -> onStop())
        .build();
  }

  private Behavior<Command> onWorkAvailable(WorkAvailable m) {
    Job job = jobs.computeIfAbsent(m.jobId(), id -> new Job());
    track(m.jobId(), job, m.coordinator());
    job.hasWork = true;
    return fill();
  }

  private Behavior<Command> onWorkGranted(WorkGranted m) {
    Job job = jobs.computeIfAbsent(m.jobId(), id -> new Job());
    track(m.jobId(), job, m.coordinator());
    if (m.ticket() != null) {
      job.ticket = m.ticket();
    }
    if (m.jobId().equals(asking)) {
      if (m.assignments().size() < askedSlots) {
        job.hasWork = false;
      }
      asking = null;
    }
    if (job.ticket == null) {
      // Only for a job this pool forgot in between (it ended): its leases do not matter any more.
      getContext()
          .getLog()
          .warn("job {}: {} chunks granted without a ticket", m.jobId(), m.assignments().size());
      return fill();
    }
    for (Assignment a : m.assignments()) {
      start(m.jobId(), job.ticket, a);
    }
    return fill();
  }

  private Behavior<Command> onNoWork(NoWork m) {
    Job job = jobs.get(m.jobId());
    if (job != null) {
      job.hasWork = false;
    }
    if (m.jobId().equals(asking)) {
      asking = null;
    }
    return fill();
  }

  private Behavior<Command> onJobEnded(JobEnded m) {
    Job job = jobs.remove(m.jobId());
    if (job != null && job.coordinator != null) {
      getContext().unwatch(job.coordinator);
    }
    if (m.jobId().equals(asking)) {
      asking = null;
    }
    runner.forget(m.jobId());
    return fill();
  }

  private Behavior<Command> onCoordinatorGone(CoordinatorGone m) {
    Job job = jobs.get(m.jobId());
    if (job != null && m.coordinator().equals(job.coordinator)) {
      // The job goes on elsewhere once its coordinator restarts; it will announce itself.
      job.coordinator = null;
      job.hasWork = false;
      if (m.jobId().equals(asking)) {
        asking = null;
      }
    }
    return fill();
  }

  private Behavior<Command> onRequestTimedOut(RequestTimedOut m) {
    if (asking != null && m.request() == request) {
      Job job = jobs.get(asking);
      if (job != null) {
        job.hasWork = false;
      }
      asking = null;
    }
    return fill();
  }

  private Behavior<Command> onChunkDone(ChunkDone m) {
    busy--;
    var coordinator = sharding.entityRefFor(JobCoordinator.ENTITY_KEY, m.jobId());
    ActorRef<Command> self = getContext().getSelf();
    if (m.error() == null) {
      completed++;
      chunkNanos = chunkNanos < 0 ? m.nanos() : chunkNanos + 0.2 * (m.nanos() - chunkNanos);
      JobCoordinator.Completed done =
          new JobCoordinator.Completed(
              m.assignment().chunkId(), m.assignment().attempt(), m.result());
      Job job = jobs.get(m.jobId());
      if (job != null) {
        job.outbox.add(done);
      } else {
        coordinator.tell(new JobCoordinator.ReportResults(List.of(done), node, self));
      }
    } else {
      failed++;
      Throwable cause = unwrap(m.error());
      getContext()
          .getLog()
          .warn(
              "job {} chunk {} attempt {} failed: {}",
              m.jobId(),
              m.assignment().chunkId(),
              m.assignment().attempt(),
              cause.toString());
      coordinator.tell(
          new JobCoordinator.ReportFailure(
              m.assignment().chunkId(), m.assignment().attempt(), cause.toString(), node, self));
    }
    return fill();
  }

  private Behavior<Command> onSetSlots(SetSlots m) {
    if (m.slots() < 1) {
      throw new IllegalArgumentException("slots: must be >= 1, was " + m.slots());
    }
    if (m.slots() > executor.getMaximumPoolSize()) {
      executor.setMaximumPoolSize(m.slots());
      executor.setCorePoolSize(m.slots());
    } else {
      executor.setCorePoolSize(m.slots());
      executor.setMaximumPoolSize(m.slots());
    }
    getContext().getLog().info("worker slots {} -> {}", slots, m.slots());
    slots = m.slots();
    fill();
    return reply(m.replyTo());
  }

  private Behavior<Command> reply(ActorRef<NodeReport> replyTo) {
    ResourceMonitor.Sample sample = monitor.sample();
    replyTo.tell(
        new NodeReport(
            node,
            slots,
            Math.min(busy, slots),
            completed,
            failed,
            new ArrayList<>(jobs.keySet()),
            sample,
            monitor.isAvailable(sample)));
    return this;
  }

  private Behavior<Command> onStop() {
    executor.shutdownNow();
    return this;
  }

  private void track(String jobId, Job job, ActorRef<JobCoordinator.Command> coordinator) {
    if (coordinator != null && !coordinator.equals(job.coordinator)) {
      if (job.coordinator != null) {
        getContext().unwatch(job.coordinator);
      }
      job.coordinator = coordinator;
      getContext().watchWith(coordinator, new CoordinatorGone(jobId, coordinator));
    }
  }

  /**
   * Chunks queued per slot beyond the running one, by the moving average of the chunks computed so
   * far.
   */
  private int queuePerSlot() {
    return queuePerSlot(prefetchPerSlot, prefetchNanos, chunkNanos);
  }

  /**
   * Chunks to queue per slot: {@code prefetchPerSlot}, or as many chunks of {@code chunkNanos} as
   * fill {@code prefetchNanos} when that is more, at most {@value #MAX_QUEUE_PER_SLOT}; {@code
   * chunkNanos <= 0} (nothing measured yet) or {@code prefetchNanos <= 0} give {@code
   * prefetchPerSlot}.
   */
  static int queuePerSlot(int prefetchPerSlot, long prefetchNanos, double chunkNanos) {
    if (prefetchNanos <= 0 || chunkNanos <= 0) {
      return prefetchPerSlot;
    }
    double q = Math.ceil(prefetchNanos / chunkNanos);
    return (int) Math.max(prefetchPerSlot, Math.min(MAX_QUEUE_PER_SLOT, q));
  }

  /** The fewest free places a pool asks for: half its queue, at least one. */
  static int askAt(int slots, int queuePerSlot) {
    return Math.max(1, slots * queuePerSlot / 2);
  }

  /**
   * Asks one job with announced work for more chunks when the pool can take enough of them (see
   * {@link #ask}), with the results computed for it meanwhile; then reports the results of the
   * other jobs: at once for a job the pool will not ask (no work announced, or no coordinator
   * known), else after at most half of {@code prefetchTime}, unless a request takes them first.
   * Results of the job a request is in flight to wait for the answer (or its timeout), which calls
   * this again.
   */
  private Behavior<Command> fill() {
    ask();
    boolean holding = false;
    for (Map.Entry<String, Job> e : jobs.entrySet()) {
      Job job = e.getValue();
      if (job.outbox.isEmpty() || e.getKey().equals(asking)) {
        continue;
      }
      if (prefetchNanos > 0 && job.hasWork && job.coordinator != null) {
        holding = true;
      } else {
        report(e.getKey(), job);
      }
    }
    if (holding && !timers.isTimerActive(ReportDue.INSTANCE)) {
      timers.startSingleTimer(ReportDue.INSTANCE, Duration.ofNanos(prefetchNanos / 2));
    }
    return this;
  }

  private Behavior<Command> onReportDue() {
    jobs.forEach(
        (id, job) -> {
          if (!job.outbox.isEmpty() && !id.equals(asking)) {
            report(id, job);
          }
        });
    return fill();
  }

  /** Reports a job's held results on their own. */
  private void report(String jobId, Job job) {
    JobCoordinator.ReportResults report =
        new JobCoordinator.ReportResults(job.outbox, node, getContext().getSelf());
    job.outbox.clear();
    if (job.coordinator != null) {
      job.coordinator.tell(report);
    } else {
      sharding.entityRefFor(JobCoordinator.ENTITY_KEY, jobId).tell(report);
    }
  }

  /**
   * Asks one job with announced work (round robin, one request in flight) for as many chunks as the
   * pool can hold beyond its own, once that is at least half its queue ({@link #queuePerSlot}), so
   * that short chunks are asked for (and their results reported) several at a time while half the
   * queue still waits for the slots.
   */
  private void ask() {
    int queue = queuePerSlot();
    int free = slots * (1 + queue) - busy;
    if (asking != null || free < askAt(slots, queue) || jobs.isEmpty()) {
      return;
    }
    List<String> ids = new ArrayList<>(jobs.keySet());
    for (int k = 0; k < ids.size(); k++) {
      String id = ids.get((cursor + k) % ids.size());
      Job job = jobs.get(id);
      if (job.hasWork && job.coordinator != null) {
        cursor = (cursor + k + 1) % ids.size();
        asking = id;
        askedSlots = free;
        request++;
        job.coordinator.tell(
            new JobCoordinator.RequestWork(
                free, getContext().getSelf(), job.ticket == null, job.outbox, node));
        job.outbox.clear();
        timers.startSingleTimer(
            RequestTimedOut.class, new RequestTimedOut(request), requestTimeout);
        return;
      }
    }
  }

  private void start(String jobId, JobTicket ticket, Assignment a) {
    busy++;
    CompletableFuture<Ran> future =
        CompletableFuture.supplyAsync(
            () -> {
              long t0 = System.nanoTime();
              ChunkResult r = runner.run(ticket, a.chunkId(), a.task());
              return new Ran(r, System.nanoTime() - t0);
            },
            executor);
    getContext()
        .pipeToSelf(
            future,
            (r, err) ->
                r == null
                    ? new ChunkDone(jobId, a, null, 0, err)
                    : new ChunkDone(jobId, a, r.result(), r.nanos(), null));
  }

  private static Throwable unwrap(Throwable t) {
    Throwable c = t;
    while ((c instanceof CompletionException || c instanceof ExecutionException)
        && c.getCause() != null) {
      c = c.getCause();
    }
    return c;
  }
}
