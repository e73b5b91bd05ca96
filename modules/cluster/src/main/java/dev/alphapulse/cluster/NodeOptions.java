package dev.alphapulse.cluster;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How to start a node (see {@code docs/operations.md} for each option and its config key).
 *
 * @param host Artery (remoting) host name or address other nodes reach this node at; {@code
 *     127.0.0.1} by default
 * @param port Artery TCP port; 0 picks a free one (fine for an embedded node or a node that joins
 *     others, not for a seed)
 * @param seeds seed nodes as {@code host:port}; empty means this node forms its own cluster (joins
 *     itself) unless {@code discoveryMethod} is set
 * @param managementPort Pekko Management HTTP port (health checks {@code /ready}, {@code /alive},
 *     cluster membership); -1 for none, 0 for a free one
 * @param journalUrl JDBC URL of the journal ({@code jdbc:postgresql://...} or {@code
 *     jdbc:h2:file:...}); null for an H2 file {@code journal} in {@code dataDir}
 * @param slots chunks computed at once on this node, at least 1
 * @param dataDir node-local files (embedded journal, chunk-result cache); relative to the working
 *     directory unless absolute
 * @param roles cluster roles; a node computes chunks only with the {@code worker} role
 * @param discoveryMethod Pekko Discovery method for Cluster Bootstrap (e.g. {@code
 *     kubernetes-api}); null to join by {@code seeds} instead (bootstrap needs {@code
 *     managementPort >= 0})
 * @param embeddedNode an in-process single node for {@code run}, {@code demo} and the Java API:
 *     joins itself, and does not resume jobs of earlier processes (no remembered entities), because
 *     several embedded nodes may share one journal file
 */
public record NodeOptions(
    String host,
    int port,
    List<String> seeds,
    int managementPort,
    String journalUrl,
    int slots,
    Path dataDir,
    Set<String> roles,
    String discoveryMethod,
    boolean embeddedNode) {

  /** The role of nodes that compute chunks. */
  public static final String WORKER_ROLE = "worker";

  /** The default data directory, relative to the working directory. */
  public static final Path DEFAULT_DATA_DIR = Path.of(".alphapulse");

  private static final Pattern HOST_PORT = Pattern.compile("[^:\\s]+:\\d{1,5}");

  public NodeOptions {
    Objects.requireNonNull(host, "host");
    if (host.isBlank()) {
      throw new IllegalArgumentException("host: must not be blank");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port: must be in [0, 65535], was " + port);
    }
    seeds = List.copyOf(seeds);
    for (int i = 0; i < seeds.size(); i++) {
      if (!HOST_PORT.matcher(seeds.get(i)).matches()) {
        throw new IllegalArgumentException(
            "seeds[" + i + "]: expected host:port, was '" + seeds.get(i) + "'");
      }
    }
    if (managementPort < -1 || managementPort > 65_535) {
      throw new IllegalArgumentException(
          "managementPort: must be -1 (off) or in [0, 65535], was " + managementPort);
    }
    if (slots < 1) {
      throw new IllegalArgumentException("slots: must be >= 1, was " + slots);
    }
    Objects.requireNonNull(dataDir, "dataDir");
    roles = Set.copyOf(roles);
    if (discoveryMethod != null && discoveryMethod.isBlank()) {
      discoveryMethod = null;
    }
    if (discoveryMethod != null && managementPort < 0) {
      throw new IllegalArgumentException(
          "managementPort: cluster bootstrap (discoveryMethod "
              + discoveryMethod
              + ") needs a management port");
    }
    if (embeddedNode && !seeds.isEmpty()) {
      throw new IllegalArgumentException("seeds: an embedded node joins only itself");
    }
  }

  /** This machine's cores. */
  public static int defaultSlots() {
    return Runtime.getRuntime().availableProcessors();
  }

  /**
   * A standalone cluster node with defaults: 127.0.0.1, a free port, no seeds (joins itself), no
   * management, the H2 journal under {@code .alphapulse/}, one slot per core, role worker.
   */
  public static NodeOptions defaults() {
    return new NodeOptions(
        "127.0.0.1",
        0,
        List.of(),
        -1,
        null,
        defaultSlots(),
        DEFAULT_DATA_DIR,
        Set.of(WORKER_ROLE),
        null,
        false);
  }

  /** The embedded single node of {@code run}, {@code demo} and the Java API. */
  public static NodeOptions embedded() {
    return defaults().withEmbeddedNode(true);
  }

  public NodeOptions withHost(String v) {
    return new NodeOptions(
        v,
        port,
        seeds,
        managementPort,
        journalUrl,
        slots,
        dataDir,
        roles,
        discoveryMethod,
        embeddedNode);
  }

  public NodeOptions withPort(int v) {
    return new NodeOptions(
        host,
        v,
        seeds,
        managementPort,
        journalUrl,
        slots,
        dataDir,
        roles,
        discoveryMethod,
        embeddedNode);
  }

  public NodeOptions withSeeds(List<String> v) {
    return new NodeOptions(
        host,
        port,
        v,
        managementPort,
        journalUrl,
        slots,
        dataDir,
        roles,
        discoveryMethod,
        embeddedNode);
  }

  public NodeOptions withManagementPort(int v) {
    return new NodeOptions(
        host, port, seeds, v, journalUrl, slots, dataDir, roles, discoveryMethod, embeddedNode);
  }

  public NodeOptions withJournalUrl(String v) {
    return new NodeOptions(
        host, port, seeds, managementPort, v, slots, dataDir, roles, discoveryMethod, embeddedNode);
  }

  public NodeOptions withSlots(int v) {
    return new NodeOptions(
        host,
        port,
        seeds,
        managementPort,
        journalUrl,
        v,
        dataDir,
        roles,
        discoveryMethod,
        embeddedNode);
  }

  public NodeOptions withDataDir(Path v) {
    return new NodeOptions(
        host,
        port,
        seeds,
        managementPort,
        journalUrl,
        slots,
        v,
        roles,
        discoveryMethod,
        embeddedNode);
  }

  public NodeOptions withRoles(Set<String> v) {
    return new NodeOptions(
        host,
        port,
        seeds,
        managementPort,
        journalUrl,
        slots,
        dataDir,
        v,
        discoveryMethod,
        embeddedNode);
  }

  public NodeOptions withDiscoveryMethod(String v) {
    return new NodeOptions(
        host, port, seeds, managementPort, journalUrl, slots, dataDir, roles, v, embeddedNode);
  }

  public NodeOptions withEmbeddedNode(boolean v) {
    return new NodeOptions(
        host, port, seeds, managementPort, journalUrl, slots, dataDir, roles, discoveryMethod, v);
  }

  /** Whether this node runs a worker pool. */
  public boolean isWorker() {
    return roles.contains(WORKER_ROLE);
  }
}
