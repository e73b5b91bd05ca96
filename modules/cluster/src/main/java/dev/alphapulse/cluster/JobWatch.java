package dev.alphapulse.cluster;

import dev.alphapulse.cluster.job.JobProgress;
import dev.alphapulse.cluster.job.JobWatcher;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorRef;

/** A running watch of one job; close it to stop receiving updates before the job ends. */
public final class JobWatch implements AutoCloseable {
  private final CompletionStage<ActorRef<JobWatcher.Command>> watcher;
  private final CompletionStage<JobProgress> finished;

  JobWatch(
      CompletionStage<ActorRef<JobWatcher.Command>> watcher,
      CompletionStage<JobProgress> finished) {
    this.watcher = watcher;
    this.finished = finished;
  }

  /**
   * Completes with the final update (or the last one seen, possibly null, after {@link #close}).
   */
  public CompletionStage<JobProgress> finished() {
    return finished;
  }

  /** Stops watching; harmless after the job ended. */
  @Override
  public void close() {
    watcher.thenAccept(w -> w.tell(JobWatcher.Stop.INSTANCE));
  }
}
