package dev.alphapulse.cluster.job;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;

/**
 * Follows one job for a caller on this node: subscribes to the job through sharding, hands every
 * {@link JobProgress} to a listener, and completes a future with the final one.
 *
 * <h2>Surviving a moving coordinator</h2>
 *
 * The watcher watches the aggregator that answered. If it stops (its coordinator's node left, or
 * the coordinator was rebalanced), the watcher subscribes again through sharding, which starts the
 * coordinator wherever it lives now; so does an unanswered subscription after {@code resubscribe}.
 * The first update after a re-subscription carries every run so far again.
 */
public final class JobWatcher extends AbstractBehavior<JobWatcher.Command> {

  /** What a watcher understands. */
  public sealed interface Command {}

  /** Stop watching (unsubscribes). */
  public enum Stop implements Command {
    INSTANCE
  }

  private record Got(JobAggregator.Progress progress) implements Command {}

  private record AggregatorGone(ActorRef<JobAggregator.Command> aggregator) implements Command {}

  private enum Resubscribe implements Command {
    INSTANCE
  }

  /**
   * A watcher.
   *
   * @param listener called (on the actor's thread) with every update; exceptions are logged
   * @param done completed with the final update (job ended or unknown), or when stopped, with the
   *     last update seen (or null)
   * @param resubscribe how long to wait for an answer before subscribing again
   */
  public static Behavior<Command> create(
      String jobId,
      Consumer<JobProgress> listener,
      CompletableFuture<JobProgress> done,
      Duration resubscribe) {
    return Behaviors.setup(
        ctx ->
            Behaviors.withTimers(
                timers -> new JobWatcher(ctx, timers, jobId, listener, done, resubscribe)));
  }

  private final TimerScheduler<Command> timers;
  private final Consumer<JobProgress> listener;
  private final CompletableFuture<JobProgress> done;
  private final Duration resubscribe;
  private final EntityRef<JobCoordinator.Command> coordinator;
  private final ActorRef<JobAggregator.Progress> inbox;
  private ActorRef<JobAggregator.Command> aggregator;
  private JobProgress last;

  private JobWatcher(
      ActorContext<Command> ctx,
      TimerScheduler<Command> timers,
      String jobId,
      Consumer<JobProgress> listener,
      CompletableFuture<JobProgress> done,
      Duration resubscribe) {
    super(ctx);
    this.timers = timers;
    this.listener = listener;
    this.done = done;
    this.resubscribe = resubscribe;
    this.coordinator =
        ClusterSharding.get(ctx.getSystem()).entityRefFor(JobCoordinator.ENTITY_KEY, jobId);
    this.inbox = ctx.messageAdapter(JobAggregator.Progress.class, Got::new);
    subscribe();
  }

  private void subscribe() {
    coordinator.tell(new JobCoordinator.Subscribe(inbox));
    timers.startSingleTimer(Resubscribe.INSTANCE, resubscribe);
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Got.class, this::onProgress)
        .onMessage(AggregatorGone.class, this::onAggregatorGone)
        .onMessageEquals(
            Resubscribe.INSTANCE,
            () -> {
              if (aggregator == null) {
                subscribe();
              }
              return this;
            })
        .onMessageEquals(Stop.INSTANCE, this::onStop)
        .build();
  }

  private Behavior<Command> onProgress(Got g) {
    timers.cancel(Resubscribe.INSTANCE);
    ActorRef<JobAggregator.Command> from = g.progress().aggregator();
    if (from != null && !from.equals(aggregator)) {
      if (aggregator != null) {
        getContext().unwatch(aggregator);
      }
      aggregator = from;
      getContext().watchWith(from, new AggregatorGone(from));
    }
    JobProgress p = g.progress().progress();
    last = p;
    try {
      listener.accept(p);
    } catch (RuntimeException e) {
      getContext().getLog().warn("job {}: progress listener threw", p.jobId(), e);
    }
    if (p.isFinal()) {
      done.complete(p);
      return Behaviors.stopped();
    }
    return this;
  }

  private Behavior<Command> onAggregatorGone(AggregatorGone m) {
    if (m.aggregator().equals(aggregator)) {
      aggregator = null;
      // Give sharding a moment to re-home the coordinator, then subscribe again.
      timers.startSingleTimer(Resubscribe.INSTANCE, Duration.ofMillis(500));
    }
    return this;
  }

  private Behavior<Command> onStop() {
    coordinator.tell(new JobCoordinator.Unsubscribe(inbox));
    done.complete(last);
    return Behaviors.stopped();
  }
}
