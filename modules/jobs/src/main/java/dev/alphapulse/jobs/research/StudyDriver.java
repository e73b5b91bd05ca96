package dev.alphapulse.jobs.research;

import dev.alphapulse.research.optimize.Study;
import dev.alphapulse.research.optimize.StudySpec;
import dev.alphapulse.research.optimize.TrialOutcome;
import dev.alphapulse.research.optimize.TrialTask;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Drives a {@link Study}: each task the study hands out becomes the next chunk; a round's tasks
 * become known together, when the previous round has every outcome. Because the study only advances
 * on whole rounds and processes them in trial order, the chunks (and the result) are the same
 * whatever the order outcomes arrive in.
 */
final class StudyDriver implements ResearchDriver {
  private final Study study;
  private final List<TrialTask> tasks = new ArrayList<>();
  private final Set<Integer> reported = new HashSet<>();

  StudyDriver(StudySpec spec) {
    this.study = Study.create(spec);
    addRound();
  }

  /** The study behind the driver (its trials, best trial, PBT report). */
  Study study() {
    return study;
  }

  private void addRound() {
    Set<String> known = new HashSet<>();
    for (TrialTask t : tasks) {
      known.add(t.trialId() + "/" + t.step());
    }
    for (TrialTask t : study.pendingTasks()) {
      if (known.add(t.trialId() + "/" + t.step())) {
        tasks.add(t);
      }
    }
  }

  @Override
  public int knownChunks() {
    return tasks.size();
  }

  @Override
  public boolean isFinished() {
    return study.isFinished();
  }

  @Override
  public String task(int chunkId) {
    return Json.write(tasks.get(chunkId));
  }

  @Override
  public void completed(int chunkId, String payload) {
    TrialOutcome o = Json.read(payload, TrialOutcome.class);
    TrialTask t = tasks.get(chunkId);
    if (o.trialId() != t.trialId() || o.step() != t.step()) {
      throw new IllegalArgumentException(
          "chunk " + chunkId + " is trial " + t.trialId() + " step " + t.step() + ", not " + o);
    }
    report(chunkId, o);
  }

  @Override
  public void failed(int chunkId, String reason) {
    TrialTask t = tasks.get(chunkId);
    report(chunkId, TrialOutcome.failed(t.trialId(), t.step(), reason));
  }

  private void report(int chunkId, TrialOutcome o) {
    if (reported.add(chunkId)) {
      study.report(o);
      addRound();
    }
  }
}
