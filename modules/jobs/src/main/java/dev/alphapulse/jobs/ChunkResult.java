package dev.alphapulse.jobs;

import java.util.List;

/**
 * What a worker sends back for a chunk: its runs in (paramIndex, symbolIndex) order (compact:
 * statistics only, no equity curves), or for a TIME_BASED chunk no runs and its {@link
 * TimeSegment}, which {@link TimeStitcher} turns into runs once every chunk is in.
 *
 * @param chunkId the chunk's id in its plan
 * @param runs the chunk's runs; empty exactly when {@code segment} is set
 * @param segment the TIME_BASED segment, or {@code null}
 */
public record ChunkResult(int chunkId, List<RunResult> runs, TimeSegment segment) {
  public ChunkResult {
    if (chunkId < 0) {
      throw new IllegalArgumentException("chunkId must be >= 0, was " + chunkId);
    }
    runs = List.copyOf(runs);
    if ((segment == null) == runs.isEmpty()) {
      throw new IllegalArgumentException(
          "chunk "
              + chunkId
              + ": a result has either runs or a time segment, had "
              + runs.size()
              + " runs and "
              + (segment == null ? "no segment" : "a segment"));
    }
  }

  /** A TIME_BASED chunk's result. */
  public static ChunkResult ofSegment(int chunkId, TimeSegment segment) {
    return new ChunkResult(chunkId, List.of(), segment);
  }
}
