/**
 * Workers: a node's {@link dev.alphapulse.cluster.worker.WorkerPool} pulls chunks from running jobs
 * for its free slots and computes them off the actor thread through {@link
 * dev.alphapulse.cluster.worker.ChunkRunner}, reusing results from the on-disk cache.
 */
package dev.alphapulse.cluster.worker;
