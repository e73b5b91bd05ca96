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
 * @param payload a research job's chunk result (JSON, see {@link dev.alphapulse.jobs.research}), or
 *     {@code null}; set exactly when there are no runs and no segment
 */
public record ChunkResult(int chunkId, List<RunResult> runs, TimeSegment segment, String payload) {
  public ChunkResult {
    if (chunkId < 0) {
      throw new IllegalArgumentException("chunkId must be >= 0, was " + chunkId);
    }
    runs = List.copyOf(runs);
    if (payload != null) {
      if (!runs.isEmpty() || segment != null) {
        throw new IllegalArgumentException(
            "chunk " + chunkId + ": a research payload comes without runs or segment");
      }
    } else if ((segment == null) == runs.isEmpty()) {
      throw new IllegalArgumentException(
          "chunk "
              + chunkId
              + ": a result has either runs or a time segment, had "
              + runs.size()
              + " runs and "
              + (segment == null ? "no segment" : "a segment"));
    }
  }

  /** A sweep or backtest chunk's result (runs) or a TIME_BASED one (segment). */
  public ChunkResult(int chunkId, List<RunResult> runs, TimeSegment segment) {
    this(chunkId, runs, segment, null);
  }

  /** A TIME_BASED chunk's result. */
  public static ChunkResult ofSegment(int chunkId, TimeSegment segment) {
    return new ChunkResult(chunkId, List.of(), segment);
  }

  /** A research chunk's result. */
  public static ChunkResult ofPayload(int chunkId, String payload) {
    return new ChunkResult(chunkId, List.of(), null, java.util.Objects.requireNonNull(payload));
  }
}
