package dev.alphapulse.app;

import dev.alphapulse.cluster.job.JobProgress;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A job's progress (chunks done/total, rate, ETA) as a progress bar on stderr. */
final class JobProgressBar implements AutoCloseable {
  private final ProgressBar bar;

  JobProgressBar(String jobId, boolean quiet) {
    ProgressBarBuilder b =
        new ProgressBarBuilder()
            .setTaskName("job " + jobId)
            .setInitialMax(1)
            .setStyle(ProgressBarStyle.ASCII)
            .setUpdateIntervalMillis(250)
            .setUnit(" chunks", 1)
            .setConsumer(
                quiet
                    ? new DelegatingProgressBarConsumer(s -> {})
                    : new ConsoleProgressBarConsumer(System.err));
    this.bar = b.build();
  }

  synchronized void update(JobProgress p) {
    bar.maxHint(p.chunks().total());
    bar.stepTo(p.chunks().succeeded() + p.chunks().failed());
    String best =
        p.best() == null
            ? ""
            : String.format(
                " best %s %.3f",
                p.objective(), p.best().stats().getOrDefault(p.objective(), Double.NaN));
    bar.setExtraMessage(p.status() + best);
  }

  @Override
  public synchronized void close() {
    bar.close();
  }
}
