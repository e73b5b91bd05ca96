package dev.alphapulse.cluster;

import java.util.concurrent.CompletionStage;

/**
 * A submitted job.
 *
 * @param jobId completes with the job's id once its coordinator accepted it (or exceptionally, e.g.
 *     with a {@link dev.alphapulse.jobs.JobSpecException} naming the field when planning refuses
 *     the job, or when its data cannot be loaded)
 * @param result completes with the outcome once the job ended (succeeded, completed with failures,
 *     or cancelled)
 */
public record JobSubmission(CompletionStage<String> jobId, CompletionStage<JobOutcome> result) {}
