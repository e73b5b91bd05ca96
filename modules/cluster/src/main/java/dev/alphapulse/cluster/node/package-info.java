/**
 * Nodes: starting an actor system as a cluster member (options, configuration, journal schema,
 * management and health checks, joining by seeds or bootstrap), and running one in the foreground
 * as its own process ({@link dev.alphapulse.cluster.node.NodeMain}).
 */
package dev.alphapulse.cluster.node;
