package dev.alphapulse.cluster;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The cluster as seen from one node.
 *
 * @param selfNode {@code host:port} of the answering node
 * @param leader {@code host:port} of the cluster leader, or null while there is none
 * @param members every member with its status and roles
 * @param nodes the worker nodes that answered (slots, load, CPU, memory)
 * @param activeJobs ids of running jobs, sorted
 * @param at when the status was taken
 */
public record ClusterStatusView(
    String selfNode,
    String leader,
    List<Member> members,
    List<Node> nodes,
    List<String> activeJobs,
    Instant at) {
  public ClusterStatusView {
    members = List.copyOf(members);
    nodes = List.copyOf(nodes);
    activeJobs = List.copyOf(activeJobs);
  }

  /**
   * A cluster member.
   *
   * @param address {@code host:port}
   * @param status Pekko member status: Joining, WeaklyUp, Up, Leaving, Exiting, Down, Removed
   * @param reachable whether the answering node's failure detector reaches it
   */
  public record Member(String address, String status, Set<String> roles, boolean reachable) {
    public Member {
      roles = Set.copyOf(roles);
    }
  }

  /**
   * A worker node.
   *
   * @param node {@code host:port}
   * @param slots chunks it computes at once
   * @param busySlots chunks computing now
   * @param chunksCompleted chunks it computed since it started
   * @param chunksFailed chunk attempts that threw on it
   * @param cpuLoad system CPU load in [0, 1], NaN when not measured yet
   * @param processors logical processors
   * @param memoryUsedBytes physical memory in use
   * @param memoryTotalBytes physical memory
   * @param heapUsedBytes JVM heap in use
   * @param heapMaxBytes JVM maximum heap
   * @param available whether CPU and memory are under the node's thresholds
   */
  public record Node(
      String node,
      int slots,
      int busySlots,
      long chunksCompleted,
      long chunksFailed,
      double cpuLoad,
      int processors,
      long memoryUsedBytes,
      long memoryTotalBytes,
      long heapUsedBytes,
      long heapMaxBytes,
      boolean available) {}
}
