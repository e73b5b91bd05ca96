package dev.alphapulse.cluster.job;

import dev.alphapulse.cluster.serialization.KryoMessage;
import dev.alphapulse.jobs.ChunkResult;
import dev.alphapulse.jobs.JobResult;
import dev.alphapulse.jobs.RunResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * Merges a job's chunk results as they arrive and streams progress to its watchers. A child of the
 * job's {@link JobCoordinator}, so it lives (and after a crash is rebuilt, from the recovered
 * results) on the coordinator's node.
 *
 * <h2>Design</h2>
 *
 * Results fold into a {@link JobResult}, whose merge is associative and idempotent by chunk id, so
 * the order of arrival never changes the outcome. Updates are coalesced: at most one per {@code
 * progress-interval}, plus one at once when the job ends. A new watcher first gets the full picture
 * (every run so far), then deltas. Watchers may live on other nodes; one that stops is dropped. A
 * watcher that loses its aggregator (the coordinator moved) subscribes again through sharding.
 */
public final class JobAggregator extends AbstractBehavior<JobAggregator.Command> {

  /** What an aggregator understands (sent locally by its coordinator). */
  public sealed interface Command {}

  /**
   * Outcomes were recorded: the results among them (none for a failure or a re-queue), and the
   * counts and status after them.
   */
  public record Update(List<ChunkResult> results, ChunkCounts counts, JobStatus status)
      implements Command {
    public Update {
      results = List.copyOf(results);
    }
  }

  /** Start streaming to {@code watcher}. */
  public record Subscribe(ActorRef<Progress> watcher) implements Command {}

  /** Stop streaming to {@code watcher}. */
  public record Unsubscribe(ActorRef<Progress> watcher) implements Command {}

  /**
   * What a watcher receives.
   *
   * @param aggregator the sender, to watch; null for an unknown job
   */
  public record Progress(JobProgress progress, ActorRef<Command> aggregator)
      implements KryoMessage {}

  private record WatcherGone(ActorRef<Progress> watcher) implements Command {}

  private enum Publish implements Command {
    INSTANCE
  }

  /** The single update an unknown job gets. */
  public static Progress unknown(String jobId) {
    return new Progress(
        new JobProgress(
            jobId,
            JobStatus.UNKNOWN,
            new ChunkCounts(0, 0, 0, 0, 0, 0),
            0,
            Double.NaN,
            0,
            "",
            null,
            List.of(),
            false),
        null);
  }

  static Behavior<Command> create(
      JobTicket ticket,
      List<ChunkResult> recovered,
      ChunkCounts counts,
      JobStatus status,
      CoordinatorSettings settings,
      int doneAtStart) {
    return Behaviors.setup(
        ctx ->
            Behaviors.withTimers(
                timers ->
                    new JobAggregator(
                        ctx, timers, ticket, recovered, counts, status, settings, doneAtStart)));
  }

  private final TimerScheduler<Command> timers;
  private final JobTicket ticket;
  private final CoordinatorSettings settings;
  private final Set<ActorRef<Progress>> watchers = new HashSet<>();
  private final List<RunResult> sinceLast = new ArrayList<>();
  private final long startNanos = System.nanoTime();
  private final int doneAtStart;
  private JobResult result;
  private ChunkCounts counts;
  private JobStatus status;
  private boolean finalSent;

  private JobAggregator(
      ActorContext<Command> ctx,
      TimerScheduler<Command> timers,
      JobTicket ticket,
      List<ChunkResult> recovered,
      ChunkCounts counts,
      JobStatus status,
      CoordinatorSettings settings,
      int doneAtStart) {
    super(ctx);
    this.timers = timers;
    this.ticket = ticket;
    this.settings = settings;
    this.counts = counts;
    this.status = status;
    this.doneAtStart = doneAtStart;
    JobResult r = JobModel.emptyResult(ticket);
    for (ChunkResult c : recovered) {
      if (c.payload() == null) {
        r = r.with(c);
      }
    }
    this.result = r;
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Update.class, this::onUpdate)
        .onMessage(Subscribe.class, this::onSubscribe)
        .onMessage(Unsubscribe.class, m -> drop(m.watcher()))
        .onMessage(WatcherGone.class, m -> drop(m.watcher()))
        .onMessageEquals(Publish.INSTANCE, this::publish)
        .build();
  }

  private Behavior<Command> onUpdate(Update u) {
    for (ChunkResult r : u.results()) {
      if (r.payload() == null) {
        JobResult next = result.with(r);
        if (next != result) {
          sinceLast.addAll(r.runs());
        }
        result = next;
      }
    }
    counts = u.counts();
    status = u.status();
    if (status.isTerminal()) {
      timers.cancel(Publish.INSTANCE);
      return publish();
    }
    if (!timers.isTimerActive(Publish.INSTANCE)) {
      timers.startSingleTimer(Publish.INSTANCE, settings.progressInterval());
    }
    return this;
  }

  private Behavior<Command> onSubscribe(Subscribe s) {
    if (!sinceLast.isEmpty()) {
      // Deliver the pending delta to the current watchers first: the newcomer's snapshot below
      // already holds those runs, and must not get them a second time with the next delta.
      timers.cancel(Publish.INSTANCE);
      publish();
    }
    if (watchers.add(s.watcher())) {
      getContext().watchWith(s.watcher(), new WatcherGone(s.watcher()));
    }
    parts(result.runs()).forEach(s.watcher()::tell);
    return this;
  }

  private Behavior<Command> drop(ActorRef<Progress> watcher) {
    if (watchers.remove(watcher)) {
      getContext().unwatch(watcher);
    }
    return this;
  }

  private Behavior<Command> publish() {
    if (finalSent) {
      return this;
    }
    List<Progress> parts = parts(sinceLast);
    sinceLast.clear();
    watchers.forEach(w -> parts.forEach(w::tell));
    finalSent = status.isTerminal();
    return this;
  }

  /** An update with {@code runs}, in parts of at most {@link JobProgress#MAX_RUNS} runs. */
  private List<Progress> parts(List<RunResult> runs) {
    JobProgress p = progress(); // counts, rate and best once for every part
    List<Progress> parts = new ArrayList<>();
    int from = 0;
    do {
      int to = Math.min(runs.size(), from + JobProgress.MAX_RUNS);
      JobProgress part =
          new JobProgress(
              p.jobId(),
              p.status(),
              p.chunks(),
              p.chunksPerSecond(),
              p.etaSeconds(),
              p.elapsedMillis(),
              p.objective(),
              p.best(),
              runs.subList(from, to),
              to < runs.size());
      parts.add(new Progress(part, getContext().getSelf()));
      from = to;
    } while (from < runs.size());
    return parts;
  }

  /** The update as of now, without runs. */
  private JobProgress progress() {
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    int doneHere = Math.max(0, counts.done() - doneAtStart);
    double rate = seconds > 0 ? doneHere / seconds : 0;
    double eta;
    if (status.isTerminal()) {
      eta = 0;
    } else if (rate > 0) {
      eta = (counts.total() - counts.done()) / rate;
    } else {
      eta = Double.NaN;
    }
    long elapsed = Math.max(0, System.currentTimeMillis() - ticket.submittedAtMillis());
    return new JobProgress(
        ticket.jobId(),
        status,
        counts,
        rate,
        eta,
        elapsed,
        settings.objective(),
        JobModel.best(result, settings.objective(), settings.maximize()),
        List.of(),
        false);
  }
}
