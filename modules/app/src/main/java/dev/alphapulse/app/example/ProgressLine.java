package dev.alphapulse.app.example;

import dev.alphapulse.cluster.job.JobProgress;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A job's progress (chunks done of known, status) as a progress bar on stderr. */
final class ProgressLine implements AutoCloseable {
  private final ProgressBar bar;

  ProgressLine(String jobId, boolean quiet) {
    this.bar =
        new ProgressBarBuilder()
            .setTaskName("job " + jobId)
            .setInitialMax(1)
            .setStyle(ProgressBarStyle.ASCII)
            .setUpdateIntervalMillis(250)
            .setUnit(" chunks", 1)
            .setConsumer(
                quiet
                    ? new DelegatingProgressBarConsumer(s -> {})
                    : new ConsoleProgressBarConsumer(System.err))
            .build();
  }

  synchronized void update(JobProgress p) {
    bar.maxHint(p.chunks().total());
    bar.stepTo(p.chunks().succeeded() + p.chunks().failed());
    bar.setExtraMessage(p.status().toString());
  }

  @Override
  public synchronized void close() {
    bar.close();
  }
}
