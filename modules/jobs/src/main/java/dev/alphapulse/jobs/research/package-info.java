/**
 * Research jobs (optimize, walk-forward, monte-carlo, batch, portfolio) on the job pipeline: each
 * {@link dev.alphapulse.jobs.research.ResearchKind} checks its sections of the job file, hands out
 * chunk tasks through a {@link dev.alphapulse.jobs.research.ResearchDriver} (possibly round after
 * round, as a study learns), runs a task on a node, and assembles the job's result from the chunk
 * payloads. Tasks and payloads are JSON text, so the cluster carries and journals them without
 * knowing their shape. Pure: no actors, no I/O, seeds only.
 */
package dev.alphapulse.jobs.research;
