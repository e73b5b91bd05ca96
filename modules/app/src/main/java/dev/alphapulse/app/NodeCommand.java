package dev.alphapulse.app;

import dev.alphapulse.api.GrpcServer;
import dev.alphapulse.cluster.DistributedComputingService;
import dev.alphapulse.cluster.NodeOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code alphapulse node}: one cluster node in the foreground, with its gRPC endpoint. */
@Command(
    name = "node",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Starts a cluster node in the foreground: joins by seed nodes (or Kubernetes bootstrap),"
          + " computes chunks on --slots threads, serves gRPC (JobService, ClusterService) and"
          + " health checks (/ready, /alive on the management port). SIGTERM leaves the cluster"
          + " gracefully.",
      "See docs/operations.md for every option."
    })
final class NodeCommand implements Callable<Integer> {

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description =
          "Address other nodes and clients reach this node at (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--port", required = true, description = "Artery (cluster remoting) TCP port.")
  int port;

  @Option(
      names = "--seeds",
      split = ",",
      paramLabel = "HOST:PORT",
      description =
          "Seed nodes' Artery addresses. A node listing itself (or nothing) starts a new cluster.")
  List<String> seeds = List.of();

  @Option(names = "--grpc-port", required = true, description = "gRPC port for jobs and status.")
  int grpcPort;

  @Option(
      names = "--management-port",
      defaultValue = "-1",
      description = "Pekko Management HTTP port for /ready and /alive; -1 for none (default).")
  int managementPort;

  @Option(
      names = "--journal",
      paramLabel = "JDBC_URL",
      description =
          "Journal database: jdbc:postgresql://HOST:PORT/DB?user=U or jdbc:h2:file:PATH. Default:"
              + " an H2 file under --data-dir. A cluster of several processes needs PostgreSQL.")
  String journal;

  @Option(
      names = "--slots",
      description = "Chunks computed at once (default: the number of cores).")
  Integer slots;

  @Option(
      names = "--data-dir",
      defaultValue = ".alphapulse",
      description =
          "Node-local files: embedded journal, chunk-result cache (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(
      names = "--roles",
      split = ",",
      description = "Cluster roles (default: worker; a node without it computes no chunks).")
  Set<String> roles = Set.of(NodeOptions.WORKER_ROLE);

  @Option(
      names = "--discovery",
      paramLabel = "METHOD",
      description =
          "Pekko Discovery method for Cluster Bootstrap (e.g. kubernetes-api) instead of --seeds.")
  String discovery;

  @Override
  public Integer call() throws Exception {
    NodeOptions options =
        NodeOptions.defaults()
            .withHost(host)
            .withPort(port)
            .withSeeds(seeds)
            .withManagementPort(managementPort)
            .withJournalUrl(journal)
            .withSlots(slots == null ? NodeOptions.defaultSlots() : slots)
            .withDataDir(dataDir)
            .withRoles(roles)
            .withDiscoveryMethod(discovery);
    DistributedComputingService service = DistributedComputingService.initialize(options);
    GrpcServer.Binding binding =
        GrpcServer.start(service, host, grpcPort).toCompletableFuture().get();
    System.err.printf(
        "alphapulse node %s up: gRPC %s:%d, slots %d%s%n",
        service.node().address(),
        host,
        binding.port(),
        options.isWorker() ? options.slots() : 0,
        managementPort >= 0 ? ", management port " + service.node().managementPort() : "");
    service.node().system().getWhenTerminated().toCompletableFuture().join();
    return 0;
  }
}
