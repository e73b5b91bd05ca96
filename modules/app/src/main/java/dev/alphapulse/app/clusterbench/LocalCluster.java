package dev.alphapulse.app.clusterbench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Several {@link NodeProcess}es on loopback forming one cluster: free ports picked once (so a node
 * restarts on the same ports), the first node as the only seed, one data directory per node under a
 * work directory, and a shared journal (PostgreSQL: separate processes cannot share an H2 file).
 *
 * <p>Used by the multi-process tests ({@code modules/it}) and by {@code alphapulse bench cluster}.
 * Not thread-safe. {@link #close()} kills every node that is still running.
 */
public final class LocalCluster implements AutoCloseable {

  private final List<NodeProcess> nodes;
  private final Path workDir;

  private LocalCluster(List<NodeProcess> nodes, Path workDir) {
    this.nodes = List.copyOf(nodes);
    this.workDir = workDir;
  }

  /**
   * Lays out (does not start) a cluster of {@code slots.size()} nodes.
   *
   * @param workDir gets {@code node<i>/} (data directories) and {@code logs/}
   * @param slots worker slots per node; 0 for a node without the worker role
   * @param journalUrl the shared journal, {@code jdbc:postgresql://...}
   * @param jvmOptions options of every node JVM (heap, GC, {@code -D} settings)
   * @param classPath the nodes' class path (usually this JVM's {@code java.class.path})
   */
  public static LocalCluster layout(
      Path workDir,
      List<Integer> slots,
      String journalUrl,
      List<String> jvmOptions,
      String classPath) {
    Objects.requireNonNull(workDir, "workDir");
    if (slots.isEmpty()) {
      throw new IllegalArgumentException("slots: a cluster has at least one node");
    }
    int[] ports = freePorts(3 * slots.size());
    String seed = "127.0.0.1:" + ports[0];
    List<NodeProcess> nodes = new ArrayList<>();
    for (int i = 0; i < slots.size(); i++) {
      nodes.add(
          new NodeProcess(
              new NodeProcess.Spec(
                  "node" + i,
                  ports[3 * i],
                  ports[3 * i + 1],
                  ports[3 * i + 2],
                  List.of(seed),
                  slots.get(i),
                  workDir.resolve("node" + i),
                  journalUrl,
                  jvmOptions,
                  classPath,
                  workDir.resolve("logs"))));
    }
    return new LocalCluster(nodes, workDir);
  }

  /** The nodes, seed first. */
  public List<NodeProcess> nodes() {
    return nodes;
  }

  /** Node {@code i}. */
  public NodeProcess node(int i) {
    return nodes.get(i);
  }

  /** The work directory (data directories and logs). */
  public Path workDir() {
    return workDir;
  }

  /** The node whose cluster address ({@code host:artery-port}) is {@code address}. */
  public Optional<NodeProcess> byAddress(String address) {
    return nodes.stream().filter(n -> n.address().equals(address)).findFirst();
  }

  /** Starts every node that is not running (all at once) and waits until each is ready. */
  public void start(Duration timeout) {
    for (NodeProcess n : nodes) {
      if (!n.isAlive()) {
        n.start();
      }
    }
    awaitReady(timeout);
  }

  /** Waits until every running node is ready (see {@link NodeProcess#awaitReady}). */
  public void awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (NodeProcess n : nodes) {
      if (n.isAlive()) {
        n.awaitReady(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
      }
    }
  }

  /** SIGKILL to every running node. */
  public void killAll() {
    for (NodeProcess n : nodes) {
      n.kill();
    }
  }

  /** A running node, preferring the lowest index. */
  public NodeProcess anyAlive() {
    return nodes.stream()
        .filter(NodeProcess::isAlive)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no node is running"));
  }

  /** The end of every node's current log, for failure messages. */
  public String logTails() {
    StringBuilder b = new StringBuilder();
    for (NodeProcess n : nodes) {
      b.append(n.logTail(40)).append('\n');
    }
    return b.toString();
  }

  /** Kills every node that is still running. */
  @Override
  public void close() {
    killAll();
  }

  /** {@code count} distinct free TCP ports on loopback (held open until all are picked). */
  static int[] freePorts(int count) {
    List<ServerSocket> held = new ArrayList<>();
    try {
      int[] ports = new int[count];
      for (int i = 0; i < count; i++) {
        ServerSocket s = new ServerSocket(0);
        held.add(s);
        ports[i] = s.getLocalPort();
      }
      return ports;
    } catch (IOException e) {
      throw new UncheckedIOException("no free port: " + e.getMessage(), e);
    } finally {
      for (ServerSocket s : held) {
        try {
          s.close();
        } catch (IOException ignored) {
          // a port we could not release is simply not used again by us
        }
      }
    }
  }
}
