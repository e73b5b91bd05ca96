/**
 * {@code alphapulse bench cluster}: what coordination, distribution and failover cost on a real
 * sweep ({@link dev.alphapulse.app.clusterbench.ClusterBench}), plus what it needs and the
 * multi-process tests share: node processes on loopback that can be killed with SIGKILL and started
 * again ({@link dev.alphapulse.app.clusterbench.NodeProcess}, {@link
 * dev.alphapulse.app.clusterbench.LocalCluster}), and a view of the PostgreSQL journal from outside
 * the nodes ({@link dev.alphapulse.app.clusterbench.JournalDatabase}).
 */
package dev.alphapulse.app.clusterbench;
