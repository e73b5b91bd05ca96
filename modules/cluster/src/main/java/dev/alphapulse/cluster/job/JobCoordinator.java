package dev.alphapulse.cluster.job;

import dev.alphapulse.cluster.serialization.KryoMessage;
import dev.alphapulse.cluster.util.Nodes;
import dev.alphapulse.cluster.worker.WorkerPool;
import dev.alphapulse.jobs.ChunkResult;
import dev.alphapulse.jobs.research.ResearchDriver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.query.javadsl.CurrentEventsByPersistenceIdQuery;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.SnapshotAdapter;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReplyBuilder;
import org.apache.pekko.persistence.typed.javadsl.EffectBuilder;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;
import org.apache.pekko.stream.Materializer;

/**
 * One job: a sharded, event-sourced entity keyed by job id that hands chunks to worker pools and
 * records their outcomes.
 *
 * <h2>Delivery: an explicit pull protocol with leases</h2>
 *
 * Worker pools pull; the coordinator never pushes chunks. While a job has pending chunks it tells
 * every {@link WorkerPool} (found through the receptionist) {@code WorkAvailable}; a pool with room
 * answers {@link RequestWork} for what it can hold (its free slots plus a small per-slot prefetch
 * queue), and gets at most that many chunks, each under an in-memory lease. So no slot idles while
 * chunks are pending, and a slow node never holds more than {@code slots * (1 + prefetch)} chunks.
 * A lease ends with the chunk's outcome, or goes back to pending when the pool's node leaves the
 * cluster (the coordinator watches every pool it leased to; the split brain resolver downs a
 * crashed node, which terminates the watch), or when it outlives {@code lease-timeout}. Results
 * come back with the pool's next {@link RequestWork} to the job, so in the steady state one message
 * travels each way per chunk (the grant goes out at once, without waiting for those results to be
 * persisted); a pool that is not asking the job sends them on their own ({@link ReportResults}),
 * through sharding when it does not know where the coordinator lives, as failures always go.
 * Outcomes are idempotent by chunk id: a chunk completed twice (an expired lease that finished
 * after all, or work from before a coordinator restart) is persisted and counted once.
 *
 * <p>Pekko's work-pulling producer controller was the alternative. It was not taken because its
 * unit of delivery is a message, not a chunk outcome: a chunk that must be retried after a
 * back-off, abandoned after max-retries, or re-issued after a coordinator crash needs the
 * bookkeeping above anyway; results would still need their own channel back to a coordinator that
 * may have moved; and the per-job service keys and per-worker consumer controllers it needs add
 * moving parts without removing any.
 *
 * <h2>Persistence</h2>
 *
 * Only small facts are persisted ({@link JobEvent}). Leases are not: after recovery every chunk
 * without an outcome is pending again, which re-issues exactly the missing chunks. Results are
 * group-committed: they wait up to {@code persist-batch-delay} (or until {@code persist-batch-max}
 * wait, or until they end the job) and are persisted together in one journal write; a cancel or a
 * stop persists the waiting ones first, and a crash loses only them (their chunks are computed
 * again, as leased ones are). Snapshots are taken every {@code checkpoint-interval} events of the
 * job's spec; that interval is per job and known only once {@link JobEvent.JobAccepted} is
 * replayed, after Pekko has read a behaviour's fixed {@code RetentionCriteria}, so the snapshot
 * rule is {@link #shouldSnapshot} on the state. Failed chunks are retried after an exponential
 * back-off ({@link CoordinatorSettings#backoff}), and abandoned after {@code 1 + max-retries}
 * attempts; the job goes on.
 *
 * <h2>Lifecycle</h2>
 *
 * While running, the coordinator registers under {@link #ACTIVE_JOBS}, owns a {@link JobAggregator}
 * child that merges results and streams progress to watchers, and re-announces pending work every
 * {@code rebroadcast-interval}. Once ended it stays queryable (its state holds the results) and
 * passivates after {@code passivate-after} without messages.
 */
public final class JobCoordinator
    extends EventSourcedBehaviorWithEnforcedReplies<
        JobCoordinator.Command, JobEvent, CoordinatorState> {

  /** The sharded entity type; entity ids are job ids. */
  public static final EntityTypeKey<Command> ENTITY_KEY =
      EntityTypeKey.create(Command.class, "JobCoordinator");

  /** Coordinators of running jobs register here (for cluster status). */
  public static final ServiceKey<Command> ACTIVE_JOBS =
      ServiceKey.create(Command.class, "alphapulse-active-jobs");

  /** Everything a coordinator understands. */
  public sealed interface Command extends KryoMessage {}

  /** Accept a job (idempotent for the same ticket); replies {@link Accepted} or an error. */
  public record Submit(JobTicket ticket, ActorRef<StatusReply<Accepted>> replyTo)
      implements Command {}

  /** The job was accepted, on the node that hosts its coordinator ({@code host:port}). */
  public record Accepted(String jobId, int totalChunks, String coordinatorNode)
      implements KryoMessage {}

  /** Replies a {@link StatusReport}. */
  public record GetStatus(ActorRef<StatusReport> replyTo) implements Command {}

  /**
   * Replies a {@link ResultReport}: status plus one page of completed chunks' results, those with
   * an id from {@code fromChunk} on, as many as fit {@link #RESULT_PAGE_WEIGHT} (at least one).
   * Results are paged so that no reply outgrows a remote frame, however big the job.
   */
  public record GetResult(int fromChunk, ActorRef<ResultReport> replyTo) implements Command {
    public GetResult {
      if (fromChunk < 0) {
        throw new IllegalArgumentException("fromChunk must be >= 0, was " + fromChunk);
      }
    }
  }

  /** Stop dispatching and end the job as cancelled; replies the resulting status. */
  public record Cancel(String reason, ActorRef<StatusReport> replyTo) implements Command {}

  /** Stream {@link JobAggregator.Progress} to {@code watcher} until it ends or unsubscribes. */
  public record Subscribe(ActorRef<JobAggregator.Progress> watcher) implements Command {}

  /** Stop streaming to {@code watcher}. */
  public record Unsubscribe(ActorRef<JobAggregator.Progress> watcher) implements Command {}

  /** A chunk computed by a worker pool: its id, the attempt, and its result. */
  public record Completed(int chunkId, int attempt, ChunkResult result) {}

  /**
   * A worker pool has {@code slots} free slots; replies {@link WorkerPool.WorkGranted} with at most
   * that many chunks (and the job's ticket when {@code needTicket}), or {@link WorkerPool.NoWork}.
   * It carries the results the pool computed since it last reported ({@code node} as {@code
   * host:port}), so that one message per chunk travels each way in the steady state.
   */
  public record RequestWork(
      int slots,
      ActorRef<WorkerPool.Command> pool,
      boolean needTicket,
      List<Completed> results,
      String node)
      implements Command {
    public RequestWork {
      results = List.copyOf(results);
    }

    /** A request without results, for a pool that has no ticket yet. */
    public RequestWork(int slots, ActorRef<WorkerPool.Command> pool) {
      this(slots, pool, true, List.of(), "");
    }
  }

  /**
   * Results from the pool that computed them (node as {@code host:port}), when the pool is not
   * asking the job for work at the time (see {@link RequestWork}).
   */
  public record ReportResults(
      List<Completed> results, String node, ActorRef<WorkerPool.Command> pool) implements Command {
    public ReportResults {
      results = List.copyOf(results);
    }

    /** One result. */
    public static ReportResults of(
        int chunkId,
        int attempt,
        ChunkResult result,
        String node,
        ActorRef<WorkerPool.Command> pool) {
      return new ReportResults(List.of(new Completed(chunkId, attempt, result)), node, pool);
    }
  }

  /** A chunk's attempt threw; {@code reason} is the exception class and message. */
  public record ReportFailure(
      int chunkId, int attempt, String reason, String node, ActorRef<WorkerPool.Command> pool)
      implements Command {}

  /**
   * A job's state as seen by its coordinator.
   *
   * @param ticket null for an unknown job
   * @param finishedAtMillis 0 while running
   * @param chunksPerSecond outcomes per second since this coordinator incarnation started
   * @param etaSeconds estimated seconds to the end at that rate, NaN when unknown, 0 once ended
   * @param coordinatorNode {@code host:port} of the node hosting the coordinator
   */
  public record StatusReport(
      String jobId,
      JobStatus status,
      ChunkCounts chunks,
      JobTicket ticket,
      long finishedAtMillis,
      double chunksPerSecond,
      double etaSeconds,
      String coordinatorNode,
      List<ChunkFailure> failures)
      implements KryoMessage {
    public StatusReport {
      failures = List.copyOf(failures);
    }
  }

  /**
   * Status plus one page of completed chunks' results, in chunk order.
   *
   * @param nextChunk the {@code fromChunk} of the next page, or -1 when this page is the last
   */
  public record ResultReport(StatusReport status, List<ChunkResult> results, int nextChunk)
      implements KryoMessage {
    public ResultReport {
      results = List.copyOf(results);
    }
  }

  /**
   * How much one result page carries, in {@link #weight} units: about 130 KiB of serialized runs,
   * well under Artery's default 256 KiB frame.
   */
  public static final long RESULT_PAGE_WEIGHT = 200;

  /** A result's size in units of about one run's statistics (~650 bytes serialized). */
  static long weight(ChunkResult r) {
    long bars = r.segment() == null ? 0 : r.segment().equity().length;
    long trades = r.segment() == null ? 0 : r.segment().trades().size();
    return r.runs().size() + bars / 80 + trades / 8 + 1;
  }

  /** The page a {@link GetResult} from {@code fromChunk} gets, given the coordinator's state. */
  public static ResultReport page(StatusReport status, CoordinatorState s, int fromChunk) {
    List<ChunkResult> page = new ArrayList<>();
    long weight = 0;
    for (ChunkResult r : s.completed().valuesFrom(fromChunk)) {
      if (!page.isEmpty() && weight + weight(r) > RESULT_PAGE_WEIGHT) {
        return new ResultReport(status, page, r.chunkId());
      }
      page.add(r);
      weight += weight(r);
    }
    return new ResultReport(status, page, -1);
  }

  /** Sharding's stop message for passivation and rebalancing. */
  public enum Stop implements Command {
    INSTANCE
  }

  private record PoolsListed(Set<ActorRef<WorkerPool.Command>> pools) implements Command {}

  private record PoolGone(ActorRef<WorkerPool.Command> pool) implements Command {}

  private record RetryDue(int chunkId) implements Command {}

  /** The results of the chunks a snapshot listed as completed, read back from the journal. */
  private record JournalResults(Map<Integer, ChunkResult> results) implements Command {}

  private record JournalReadFailed(Throwable error) implements Command {}

  private enum ReadJournal implements Command {
    INSTANCE
  }

  private enum Tick implements Command {
    INSTANCE
  }

  private enum Idle implements Command {
    INSTANCE
  }

  /** The batch of results waiting for the journal is due (see {@link #afterAccepting}). */
  private enum Flush implements Command {
    INSTANCE
  }

  /** Starts sharding of coordinators on this node (call once per node, before use). */
  public static void init(ActorSystem<?> system) {
    CoordinatorSettings settings = CoordinatorSettings.from(system.settings().config());
    ClusterSharding.get(system)
        .init(
            Entity.of(
                    ENTITY_KEY,
                    ctx ->
                        create(
                            ctx.getEntityId(),
                            passivation -> ctx.getShard().tell(passivation),
                            settings))
                .withStopMessage(Stop.INSTANCE));
  }

  /**
   * The coordinator of job {@code jobId}.
   *
   * @param passivate asks the hosting shard to passivate this entity (given the entity's own ref)
   */
  public static Behavior<Command> create(
      String jobId, PassivationRequest passivate, CoordinatorSettings settings) {
    return Behaviors.setup(
        ctx ->
            Behaviors.withTimers(
                timers -> new JobCoordinator(jobId, ctx, timers, passivate, settings)));
  }

  /** How a coordinator asks its shard to passivate it. */
  @FunctionalInterface
  public interface PassivationRequest {
    void passivate(ClusterSharding.Passivate<Command> request);
  }

  private final String jobId;
  private final ActorContext<Command> ctx;
  private final TimerScheduler<Command> timers;
  private final PassivationRequest passivate;
  private final CoordinatorSettings settings;
  private final String selfNode;

  // In-memory only; rebuilt on every start (see the class comment).
  private LeaseBook<ActorRef<WorkerPool.Command>> book = new LeaseBook<>(List.of());
  private Set<ActorRef<WorkerPool.Command>> pools = Set.of();
  private final Set<ActorRef<WorkerPool.Command>> watched = new HashSet<>();
  private ActorRef<JobAggregator.Command> aggregator;
  // A research job's chunk source (null for a backtest or sweep), rebuilt from the journal.
  private ResearchDriver driver;
  private boolean started;
  // Results accepted but not persisted yet, in arrival order (group commit; see afterAccepting).
  private final List<JobEvent.ChunkCompleted> unpersisted = new ArrayList<>();
  private final Set<Integer> unpersistedIds = new HashSet<>();
  // Results of the chunks completed before the snapshot this incarnation recovered from (read back
  // from the journal); null until read, or when there is no such chunk.
  private Map<Integer, ChunkResult> journalResults;
  private boolean readingJournal;
  private CoordinatorState fullOf; // the state full() last merged, and what it gave
  private CoordinatorState full;
  private long startNanos = System.nanoTime();
  private int doneAtStart;

  private JobCoordinator(
      String jobId,
      ActorContext<Command> ctx,
      TimerScheduler<Command> timers,
      PassivationRequest passivate,
      CoordinatorSettings settings) {
    super(
        PersistenceId.of(ENTITY_KEY.name(), jobId),
        SupervisorStrategy.restartWithBackoff(Duration.ofMillis(200), Duration.ofSeconds(5), 0.2));
    this.jobId = jobId;
    this.ctx = ctx;
    this.timers = timers;
    this.passivate = passivate;
    this.settings = settings;
    this.selfNode = Nodes.hostPort(ctx.getSystem());
  }

  @Override
  public CoordinatorState emptyState() {
    return CoordinatorState.empty();
  }

  @Override
  public boolean shouldSnapshot(CoordinatorState state, JobEvent event, long sequenceNr) {
    if (!state.isAccepted()) {
      return false;
    }
    int every = state.ticket().spec().checkpointInterval();
    return every > 0 && sequenceNr % every == 0;
  }

  /** Snapshots leave the results out: they are in the journal (see {@link CoordinatorSnapshot}). */
  @Override
  public SnapshotAdapter<CoordinatorState> snapshotAdapter() {
    return new SnapshotAdapter<>() {
      @Override
      public Object toJournal(CoordinatorState state) {
        return CoordinatorSnapshot.of(state);
      }

      @Override
      public CoordinatorState fromJournal(Object from) {
        if (from instanceof CoordinatorSnapshot snapshot) {
          return snapshot.toState();
        }
        return (CoordinatorState) from; // a snapshot of an earlier build, with every result
      }
    };
  }

  @Override
  public SignalHandler<CoordinatorState> signalHandler() {
    return newSignalHandlerBuilder()
        .onSignal(RecoveryCompleted.instance(), this::onStarted)
        .build();
  }

  @Override
  public EventHandler<CoordinatorState, JobEvent> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent(CoordinatorState::apply);
  }

  @Override
  public CommandHandlerWithReply<Command, JobEvent, CoordinatorState> commandHandler() {
    CommandHandlerWithReplyBuilder<Command, JobEvent, CoordinatorState> b =
        newCommandHandlerWithReplyBuilder();
    // Until the results a snapshot left out are read back, every command waits.
    b.forState(s -> readingJournal)
        .onCommand(JournalResults.class, this::onJournalResults)
        .onCommand(JournalReadFailed.class, this::onJournalReadFailed)
        .onCommand(ReadJournal.class, (s, c) -> readJournal(s))
        .onCommand(Stop.class, (s, c) -> Effect().stop().thenNoReply())
        .onAnyCommand((s, c) -> Effect().stash());
    b.forState(s -> !s.isAccepted())
        .onCommand(Submit.class, this::onSubmit)
        .onCommand(GetStatus.class, (s, c) -> replyAndForget(s, c.replyTo(), report(s)))
        .onCommand(
            GetResult.class,
            (s, c) -> replyAndForget(s, c.replyTo(), new ResultReport(report(s), List.of(), -1)))
        .onCommand(Cancel.class, (s, c) -> replyAndForget(s, c.replyTo(), report(s)))
        .onCommand(
            Subscribe.class,
            (s, c) -> {
              c.watcher().tell(JobAggregator.unknown(jobId));
              return forget();
            })
        .onCommand(
            RequestWork.class,
            (s, c) -> Effect().reply(c.pool(), new WorkerPool.NoWork(jobId, ctx.getSelf())))
        .onCommand(Stop.class, (s, c) -> Effect().stop().thenNoReply())
        .onAnyCommand((s, c) -> Effect().noReply());
    b.forAnyState()
        .onCommand(Submit.class, this::onResubmit)
        .onCommand(GetStatus.class, (s, c) -> Effect().reply(c.replyTo(), report(s)))
        .onCommand(
            GetResult.class,
            (s, c) -> Effect().reply(c.replyTo(), page(report(s), full(s), c.fromChunk())))
        .onCommand(Cancel.class, this::onCancel)
        .onCommand(Subscribe.class, this::onSubscribe)
        .onCommand(Unsubscribe.class, this::onUnsubscribe)
        .onCommand(RequestWork.class, this::onRequestWork)
        .onCommand(ReportResults.class, this::onResults)
        .onCommand(
            Flush.class,
            (s, c) -> unpersisted.isEmpty() ? Effect().noReply() : persistWaiting(s).thenNoReply())
        .onCommand(ReportFailure.class, this::onFailure)
        .onCommand(RetryDue.class, this::onRetryDue)
        .onCommand(PoolsListed.class, this::onPoolsListed)
        .onCommand(PoolGone.class, this::onPoolGone)
        .onCommand(Tick.class, this::onTick)
        .onCommand(
            Idle.class,
            (s, c) -> {
              if (s.status().isTerminal()) {
                passivate.passivate(new ClusterSharding.Passivate<>(ctx.getSelf()));
              }
              return Effect().noReply();
            })
        .onCommand(Stop.class, this::onStop);
    return b.build();
  }

  // ---- unknown job

  private ReplyEffect<JobEvent, CoordinatorState> onSubmit(CoordinatorState s, Submit c) {
    JobTicket t = c.ticket();
    if (!t.jobId().equals(jobId)) {
      return Effect()
          .reply(
              c.replyTo(),
              StatusReply.error("ticket for job " + t.jobId() + " sent to job " + jobId));
    }
    return Effect()
        .persist(new JobEvent.JobAccepted(t))
        .thenRun(this::onStarted)
        .thenReply(
            c.replyTo(), st -> StatusReply.success(new Accepted(jobId, t.totalChunks(), selfNode)));
  }

  private <R> ReplyEffect<JobEvent, CoordinatorState> replyAndForget(
      CoordinatorState s, ActorRef<R> replyTo, R reply) {
    return Effect().none().thenRun(st -> passivateUnknown()).thenReply(replyTo, st -> reply);
  }

  private ReplyEffect<JobEvent, CoordinatorState> forget() {
    return Effect().none().thenRun(st -> passivateUnknown()).thenNoReply();
  }

  /** An entity started by a query for an unknown id leaves memory (and remembered entities). */
  private void passivateUnknown() {
    passivate.passivate(new ClusterSharding.Passivate<>(ctx.getSelf()));
  }

  // ---- accepted job

  private ReplyEffect<JobEvent, CoordinatorState> onResubmit(CoordinatorState s, Submit c) {
    if (c.ticket().spec().equals(s.ticket().spec())
        && c.ticket().dataset().equals(s.ticket().dataset())) {
      return Effect()
          .reply(
              c.replyTo(),
              StatusReply.success(new Accepted(jobId, s.ticket().totalChunks(), selfNode)));
    }
    return Effect()
        .reply(c.replyTo(), StatusReply.error("job id " + jobId + " is taken by another job"));
  }

  private ReplyEffect<JobEvent, CoordinatorState> onRequestWork(CoordinatorState s, RequestWork c) {
    accept(s, c.results(), c.node());
    if (s.status() != JobStatus.RUNNING || !book.hasPending() || c.slots() < 1) {
      c.pool().tell(new WorkerPool.NoWork(jobId, ctx.getSelf()));
      return afterAccepting(s);
    }
    List<LeaseBook.Lease<ActorRef<WorkerPool.Command>>> leases =
        book.lease(
            c.slots(),
            c.pool(),
            s::nextAttempt,
            System.nanoTime(),
            settings.leaseTimeout().toNanos());
    if (watched.add(c.pool())) {
      ctx.watchWith(c.pool(), new PoolGone(c.pool()));
    }
    List<WorkerPool.Assignment> assignments = new ArrayList<>(leases.size());
    for (LeaseBook.Lease<ActorRef<WorkerPool.Command>> l : leases) {
      assignments.add(
          new WorkerPool.Assignment(
              l.chunkId(), l.attempt(), driver == null ? null : driver.task(l.chunkId())));
    }
    // Granted at once, before the results that came with the request are persisted: leases are
    // in memory only, and a grant does not depend on those results.
    c.pool()
        .tell(
            new WorkerPool.WorkGranted(
                jobId, c.needTicket() ? s.ticket() : null, assignments, ctx.getSelf()));
    return afterAccepting(s);
  }

  private ReplyEffect<JobEvent, CoordinatorState> onResults(CoordinatorState s, ReportResults c) {
    accept(s, c.results(), c.node());
    return afterAccepting(s);
  }

  /**
   * Takes reported results into the batch waiting to be persisted (see {@link #afterAccepting}):
   * each chunk's first result counts; a duplicate, a late result after the end, or a result for a
   * chunk the job does not have is dropped. The chunk's lease ends at once, so it is not handed out
   * again while its result waits for the journal.
   */
  private void accept(CoordinatorState s, List<Completed> results, String node) {
    for (Completed c : results) {
      int id = c.chunkId();
      if (s.status() != JobStatus.RUNNING
          || id < 0
          || id >= total(s)
          || s.isDone(id)
          || unpersistedIds.contains(id)) {
        book.complete(id);
        continue;
      }
      if (c.result().chunkId() != id) {
        ctx.getLog()
            .warn(
                "job {}: result for chunk {} reported as chunk {}",
                jobId,
                c.result().chunkId(),
                id);
        continue;
      }
      int knownBefore = total(s);
      if (driver != null) {
        driver.completed(id, c.result().payload());
      }
      unpersisted.add(new JobEvent.ChunkCompleted(id, c.attempt(), c.result(), node));
      unpersistedIds.add(id);
      book.complete(id);
      addKnown(knownBefore);
    }
  }

  /**
   * Group commit: results wait up to {@code persist-batch-delay} to be persisted together, in one
   * journal write; at once when {@code persist-batch-max} are waiting or when they end the job.
   * Nothing else waits for them (grants do not). A coordinator that crashes loses the results of at
   * most that window, which are computed again (as the chunks it had leased are).
   */
  private ReplyEffect<JobEvent, CoordinatorState> afterAccepting(CoordinatorState s) {
    if (unpersisted.isEmpty()) {
      return Effect().noReply();
    }
    if (unpersisted.size() >= settings.persistBatchMax()
        || settings.persistBatchDelay().isZero()
        || endsJob(s)) {
      return persistWaiting(s).thenNoReply();
    }
    if (!timers.isTimerActive(Flush.INSTANCE)) {
      timers.startSingleTimer(Flush.INSTANCE, settings.persistBatchDelay());
    }
    return Effect().noReply();
  }

  /** Whether the waiting results give every chunk (every chunk known so far) an outcome. */
  private boolean endsJob(CoordinatorState s) {
    int done = s.doneCount() + unpersisted.size();
    return driver == null
        ? done >= s.ticket().totalChunks()
        : driver.isFinished() && done >= driver.knownChunks();
  }

  /** Persists the waiting results (and the job's end when they finish it) in one write. */
  private EffectBuilder<JobEvent, CoordinatorState> persistWaiting(CoordinatorState s) {
    return persistWithWaiting(s, List.of(), st -> {});
  }

  /**
   * Persists the waiting results followed by {@code events} (and the job's end when they finish it,
   * unless they cancel it) in one write, then runs {@code after} and tells the aggregator.
   */
  private EffectBuilder<JobEvent, CoordinatorState> persistWithWaiting(
      CoordinatorState s, List<JobEvent> events, Consumer<CoordinatorState> after) {
    List<JobEvent> all = new ArrayList<>(unpersisted.size() + events.size() + 1);
    all.addAll(unpersisted);
    all.addAll(events);
    List<ChunkResult> results = new ArrayList<>(unpersisted.size());
    unpersisted.forEach(e -> results.add(e.result()));
    unpersisted.clear();
    unpersistedIds.clear();
    timers.cancel(Flush.INSTANCE);
    if (s.status() == JobStatus.RUNNING
        && events.stream().noneMatch(e -> e instanceof JobEvent.JobCancelled)) {
      addFinishIfLast(s, all);
    }
    return Effect()
        .persist(all)
        .thenRun(
            st -> {
              after.accept(st);
              aggregator.tell(new JobAggregator.Update(results, counts(st), st.status()));
              afterOutcome(st);
            });
  }

  private ReplyEffect<JobEvent, CoordinatorState> onFailure(CoordinatorState s, ReportFailure c) {
    int id = c.chunkId();
    if (s.status() != JobStatus.RUNNING || s.isDone(id) || !book.holds(id, c.attempt(), c.pool())) {
      // Stale: another lease (or a restart) superseded this attempt.
      return Effect().noReply();
    }
    int maxRetries = Math.max(0, s.ticket().spec().maxRetries());
    List<JobEvent> events = new ArrayList<>(2);
    events.add(new JobEvent.ChunkFailed(id, c.attempt(), c.reason(), c.node()));
    boolean abandon = s.failures().getOrDefault(id, 0) + 1 > maxRetries;
    int knownBefore = total(s);
    if (abandon) {
      if (driver != null) {
        driver.failed(id, c.reason());
      }
      events.add(new JobEvent.ChunkAbandoned(id, s.failures().getOrDefault(id, 0) + 1, c.reason()));
    }
    return persistWithWaiting(
            s,
            events,
            st -> {
              if (abandon) {
                book.complete(id);
                addKnown(knownBefore);
                ctx.getLog()
                    .warn(
                        "job {}: chunk {} abandoned after {} attempts: {}",
                        jobId,
                        id,
                        c.attempt(),
                        c.reason());
              } else {
                book.awaitRetry(id);
                Duration wait = settings.backoff(c.attempt());
                timers.startSingleTimer(new RetryDue(id), new RetryDue(id), wait);
              }
            })
        .thenNoReply();
  }

  private void addFinishIfLast(CoordinatorState s, List<JobEvent> events) {
    CoordinatorState after = s;
    for (JobEvent e : events) {
      after = after.apply(e);
    }
    boolean done =
        driver == null
            ? after.allChunksDone()
            : driver.isFinished() && after.doneCount() >= driver.knownChunks();
    if (done) {
      events.add(new JobEvent.JobFinished(after.finalStatus(), System.currentTimeMillis()));
    }
  }

  /** Chunks known so far: the plan's for a sweep, the driver's for a research job. */
  private int total(CoordinatorState s) {
    return driver != null ? driver.knownChunks() : s.ticket().totalChunks();
  }

  /** Queues the chunks the driver made known since it knew {@code knownBefore}. */
  private void addKnown(int knownBefore) {
    if (driver == null || driver.knownChunks() <= knownBefore) {
      return;
    }
    List<Integer> ids = new ArrayList<>();
    for (int id = knownBefore; id < driver.knownChunks(); id++) {
      ids.add(id);
    }
    book.addPending(ids);
    announce(pools);
  }

  /**
   * A research job's driver, fed the journal's outcomes in ascending chunk id (a round's chunks are
   * known before any later round's), so it knows exactly the chunks it knew before.
   */
  private static ResearchDriver rebuildDriver(CoordinatorState s) {
    ResearchDriver d = JobModel.research(s.ticket()).driver();
    TreeSet<Integer> ids = new TreeSet<>(s.completed().keySet());
    ids.addAll(s.abandoned().keySet());
    for (int id : ids) {
      if (id >= d.knownChunks()) {
        break;
      }
      ChunkResult r = s.completed().get(id);
      if (r != null) {
        d.completed(id, r.payload());
      } else {
        d.failed(id, s.abandoned().get(id));
      }
    }
    return d;
  }

  private void afterOutcome(CoordinatorState st) {
    if (st.status().isTerminal()) {
      ended(st);
    }
  }

  private ReplyEffect<JobEvent, CoordinatorState> onCancel(CoordinatorState s, Cancel c) {
    if (s.status().isTerminal()) {
      return Effect().reply(c.replyTo(), report(s));
    }
    // the waiting results first; afterOutcome then ends the job
    return persistWithWaiting(
            s, List.of(new JobEvent.JobCancelled(c.reason(), System.currentTimeMillis())), st -> {})
        .thenReply(c.replyTo(), this::report);
  }

  private ReplyEffect<JobEvent, CoordinatorState> onSubscribe(CoordinatorState s, Subscribe c) {
    aggregator.tell(new JobAggregator.Subscribe(c.watcher()));
    return Effect().noReply();
  }

  private ReplyEffect<JobEvent, CoordinatorState> onUnsubscribe(CoordinatorState s, Unsubscribe c) {
    aggregator.tell(new JobAggregator.Unsubscribe(c.watcher()));
    return Effect().noReply();
  }

  private ReplyEffect<JobEvent, CoordinatorState> onRetryDue(CoordinatorState s, RetryDue c) {
    if (s.status() == JobStatus.RUNNING && book.retryDue(c.chunkId())) {
      announce(pools);
    }
    return Effect().noReply();
  }

  private ReplyEffect<JobEvent, CoordinatorState> onPoolsListed(CoordinatorState s, PoolsListed c) {
    Set<ActorRef<WorkerPool.Command>> added = new HashSet<>(c.pools());
    added.removeAll(pools);
    pools = Set.copyOf(c.pools());
    if (s.status() == JobStatus.RUNNING && book.hasPending()) {
      announce(added);
    }
    return Effect().noReply();
  }

  private ReplyEffect<JobEvent, CoordinatorState> onPoolGone(CoordinatorState s, PoolGone c) {
    watched.remove(c.pool());
    List<Integer> requeued = book.requeue(c.pool());
    if (!requeued.isEmpty()) {
      ctx.getLog()
          .info(
              "job {}: worker pool {} is gone; re-queued chunks {}",
              jobId,
              c.pool().path(),
              requeued);
      aggregator.tell(new JobAggregator.Update(List.of(), counts(s), s.status()));
      announce(pools);
    }
    return Effect().noReply();
  }

  private ReplyEffect<JobEvent, CoordinatorState> onTick(CoordinatorState s, Tick c) {
    if (s.status() != JobStatus.RUNNING) {
      return Effect().noReply();
    }
    List<Integer> expired = book.expire(System.nanoTime());
    if (!expired.isEmpty()) {
      ctx.getLog().info("job {}: leases expired; re-queued chunks {}", jobId, expired);
    }
    if (book.hasPending()) {
      announce(pools);
    }
    return Effect().noReply();
  }

  /** Passivation or a hand-off to another node: the waiting results are persisted first. */
  private ReplyEffect<JobEvent, CoordinatorState> onStop(CoordinatorState s, Stop c) {
    if (unpersisted.isEmpty()) {
      return Effect().stop().thenNoReply();
    }
    return persistWaiting(s).thenStop().thenNoReply();
  }

  // ---- lifecycle

  /** After recovery, or right after acceptance. */
  private void onStarted(CoordinatorState s) {
    if (!s.isAccepted() || started) {
      return;
    }
    if (!s.inJournal().isEmpty() && journalResults == null) {
      // recovered from a snapshot: read its chunks' results back first (commands wait meanwhile)
      readingJournal = true;
      readJournal(s);
      return;
    }
    started = true;
    startNanos = System.nanoTime();
    doneAtStart = s.doneCount();
    CoordinatorState all = full(s);
    if (s.ticket().spec().type().isResearch()) {
      driver = rebuildDriver(all);
    }
    aggregator =
        ctx.spawn(
            JobAggregator.create(
                s.ticket(), all.results(), counts(s), s.status(), settings, doneAtStart),
            "aggregator");
    if (s.status() == JobStatus.RUNNING) {
      List<Integer> missing = new ArrayList<>();
      for (int id = 0; id < total(s); id++) {
        if (!s.isDone(id)) {
          missing.add(id);
        }
      }
      book = new LeaseBook<>(missing);
      ctx.getSystem().receptionist().tell(Receptionist.register(ACTIVE_JOBS, ctx.getSelf()));
      ActorRef<Receptionist.Listing> listings =
          ctx.messageAdapter(
              Receptionist.Listing.class,
              l -> new PoolsListed(l.getServiceInstances(WorkerPool.SERVICE_KEY)));
      ctx.getSystem().receptionist().tell(Receptionist.subscribe(WorkerPool.SERVICE_KEY, listings));
      timers.startTimerWithFixedDelay(Tick.INSTANCE, settings.rebroadcastInterval());
      ctx.getLog()
          .info(
              "job {}: running on {}, {} of {} chunks to compute",
              jobId,
              selfNode,
              book.pendingCount(),
              total(s));
    } else {
      ctx.setReceiveTimeout(settings.passivateAfter(), Idle.INSTANCE);
    }
  }

  /**
   * Reads the results of the chunks in {@code s.inJournal()} from the journal's {@link
   * JobEvent.ChunkCompleted} events (the read journal {@code alphapulse.job.read-journal} of the
   * same database), then {@link JournalResults} or {@link JournalReadFailed} comes back.
   */
  private ReplyEffect<JobEvent, CoordinatorState> readJournal(CoordinatorState s) {
    Set<Integer> wanted = new HashSet<>(s.inJournal());
    CurrentEventsByPersistenceIdQuery journal =
        PersistenceQuery.get(Adapter.toClassic(ctx.getSystem()))
            .getReadJournalFor(CurrentEventsByPersistenceIdQuery.class, settings.readJournal());
    CompletionStage<Map<Integer, ChunkResult>> read =
        journal
            .currentEventsByPersistenceId(persistenceId().id(), 0L, Long.MAX_VALUE)
            .map(EventEnvelope::event)
            .runFold(
                new HashMap<Integer, ChunkResult>(),
                (found, event) -> {
                  if (event instanceof JobEvent.ChunkCompleted c && wanted.contains(c.chunkId())) {
                    found.putIfAbsent(c.chunkId(), c.result());
                  }
                  return found;
                },
                Materializer.matFromSystem(ctx.getSystem()));
    ctx.pipeToSelf(
        read,
        (found, error) ->
            error == null ? new JournalResults(Map.copyOf(found)) : new JournalReadFailed(error));
    return Effect().noReply();
  }

  private ReplyEffect<JobEvent, CoordinatorState> onJournalResults(
      CoordinatorState s, JournalResults c) {
    Set<Integer> missing = new TreeSet<>(s.inJournal());
    missing.removeAll(c.results().keySet());
    if (!missing.isEmpty()) {
      // events deleted from the journal: those chunks' results are gone for good
      ctx.getLog()
          .error(
              "job {}: the journal has no results for completed chunks {}; they stay out of the"
                  + " job's result",
              jobId,
              missing);
    }
    journalResults = c.results();
    readingJournal = false;
    ctx.getLog().info("job {}: read {} results back from the journal", jobId, c.results().size());
    onStarted(s);
    return Effect().none().thenNoReply().thenUnstashAll();
  }

  private ReplyEffect<JobEvent, CoordinatorState> onJournalReadFailed(
      CoordinatorState s, JournalReadFailed c) {
    ctx.getLog()
        .warn(
            "job {}: reading results back from the journal failed, retrying: {}", jobId, c.error());
    timers.startSingleTimer(ReadJournal.INSTANCE, ReadJournal.INSTANCE, Duration.ofSeconds(1));
    return Effect().noReply();
  }

  /**
   * The state with the results read back from the journal (what it would be without snapshots); the
   * last one is kept, so that the pages of an ended job's result merge them once.
   */
  private CoordinatorState full(CoordinatorState s) {
    if (s.inJournal().isEmpty()) {
      return s;
    }
    if (journalResults == null) {
      throw new IllegalStateException("job " + jobId + ": results not read back yet");
    }
    if (s != fullOf) {
      full = s.withJournalResults(journalResults);
      fullOf = s;
    }
    return full;
  }

  /** The job ended (finished or cancelled). */
  private void ended(CoordinatorState st) {
    book.clear();
    timers.cancelAll();
    ctx.getSystem().receptionist().tell(Receptionist.deregister(ACTIVE_JOBS, ctx.getSelf()));
    WorkerPool.JobEnded end = new WorkerPool.JobEnded(jobId);
    pools.forEach(p -> p.tell(end));
    aggregator.tell(new JobAggregator.Update(List.of(), counts(st), st.status()));
    ctx.setReceiveTimeout(settings.passivateAfter(), Idle.INSTANCE);
    ctx.getLog()
        .info(
            "job {}: {} ({} succeeded, {} failed, {} attempts)",
            jobId,
            st.status(),
            st.completedCount(),
            st.abandoned().size(),
            st.attempts());
  }

  private void announce(Set<ActorRef<WorkerPool.Command>> to) {
    if (to.isEmpty()) {
      return;
    }
    WorkerPool.WorkAvailable msg = new WorkerPool.WorkAvailable(jobId, ctx.getSelf());
    to.forEach(p -> p.tell(msg));
  }

  private ChunkCounts counts(CoordinatorState s) {
    // A result waiting for the journal counts as running until it is recorded.
    ChunkCounts c =
        s.counts(
            book.leasedCount() + unpersisted.size(),
            book.pendingCount() + book.waitingRetryCount());
    if (driver == null) {
      return c;
    }
    return new ChunkCounts(
        driver.knownChunks(), c.succeeded(), c.failed(), c.attempts(), c.running(), c.pending());
  }

  private StatusReport report(CoordinatorState s) {
    ChunkCounts counts = counts(s);
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    int doneHere = Math.max(0, s.doneCount() - doneAtStart);
    double rate = seconds > 0 ? doneHere / seconds : 0;
    double eta;
    if (s.status().isTerminal()) {
      eta = 0;
    } else if (rate > 0) {
      eta = (counts.total() - counts.done()) / rate;
    } else {
      eta = Double.NaN;
    }
    return new StatusReport(
        jobId,
        s.status(),
        counts,
        s.ticket(),
        s.finishedAtMillis(),
        rate,
        eta,
        selfNode,
        s.failureList());
  }
}
