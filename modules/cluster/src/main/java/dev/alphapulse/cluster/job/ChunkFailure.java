package dev.alphapulse.cluster.job;

/**
 * A chunk that failed on every attempt.
 *
 * @param chunkId the chunk's id in the plan
 * @param attempts how many times it was tried (1 + max-retries)
 * @param error the last attempt's error: exception class and message
 */
public record ChunkFailure(int chunkId, int attempts, String error) {}
