package dev.alphapulse.app.example;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alphapulse.cluster.JobOutcome;
import dev.alphapulse.jobs.JobSpec;

/**
 * A finished example job.
 *
 * @param example which example
 * @param data the bars it ran on
 * @param job the job as run
 * @param jobId the job's id on the embedded node
 * @param outcome the job's status and results
 * @param result a research job's result object, or null for the sweep
 * @param seconds wall time of the job, from submission to result, without the node's start-up
 */
record ExampleRun(
    Example example,
    ExampleData data,
    JobSpec job,
    String jobId,
    JobOutcome outcome,
    JsonNode result,
    double seconds) {}
