/**
 * The pure job model of a distributed run: job specs parsed from YAML and validated against the
 * strategy registry ({@link dev.alphapulse.jobs.JobSpecs}), dataset fingerprints ({@link
 * dev.alphapulse.jobs.DatasetFingerprint}), planning a job into chunks ({@link
 * dev.alphapulse.jobs.JobPlanner}), computing one chunk on already-loaded data ({@link
 * dev.alphapulse.jobs.ChunkExecutor}), merging chunk results associatively ({@link
 * dev.alphapulse.jobs.JobResult}) and stitching time chunks into exactly the sequential backtest
 * ({@link dev.alphapulse.jobs.TimeStitcher}). No actors, no clock, no randomness, no file I/O
 * beyond checking that a job's data path exists; everything here is deterministic, so a chunk
 * computed on any node gives the same bits. The values that travel between nodes are plain records
 * of primitives, strings, lists, maps, enums and other such records.
 */
package dev.alphapulse.jobs;
