/**
 * The cluster runtime's public face: {@link dev.alphapulse.cluster.DistributedComputingService}
 * (the Java API that the CLI and the gRPC service call), the options a node starts with, and the
 * plain result records (job status, job outcome, cluster status) callers translate.
 */
package dev.alphapulse.cluster;
