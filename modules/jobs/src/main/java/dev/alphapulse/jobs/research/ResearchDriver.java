package dev.alphapulse.jobs.research;

/**
 * Hands out a research job's chunks. Chunk ids are dense and assigned in the order chunks become
 * known; which chunks exist is a pure function of the outcomes fed in, whatever their order within
 * a round, so a coordinator that lost its memory rebuilds the same driver by feeding the journal's
 * outcomes back in ascending chunk id.
 *
 * <p>Not thread-safe: one caller (the job's coordinator).
 */
public interface ResearchDriver {

  /** Chunks known so far: ids {@code 0 .. knownChunks() - 1}. */
  int knownChunks();

  /** Whether no chunk will be added any more (the job ends once every known chunk has one). */
  boolean isFinished();

  /** The task of a known chunk, as JSON for {@link ResearchKind#execute}. */
  String task(int chunkId);

  /** A chunk's result; may make new chunks known. Duplicates are ignored. */
  void completed(int chunkId, String payload);

  /** A chunk was given up after its retries; may make new chunks known. */
  void failed(int chunkId, String reason);
}
