package dev.alphapulse.jobs.research;

import java.util.List;

/** A driver whose chunks are all known up front (batches of paths, windows, runs, sleeves). */
final class StaticDriver implements ResearchDriver {
  private final List<String> tasks;

  StaticDriver(List<String> tasks) {
    if (tasks.isEmpty()) {
      throw new IllegalArgumentException("a research job has at least one chunk");
    }
    this.tasks = List.copyOf(tasks);
  }

  @Override
  public int knownChunks() {
    return tasks.size();
  }

  @Override
  public boolean isFinished() {
    return true;
  }

  @Override
  public String task(int chunkId) {
    return tasks.get(chunkId);
  }

  @Override
  public void completed(int chunkId, String payload) {}

  @Override
  public void failed(int chunkId, String reason) {}
}
