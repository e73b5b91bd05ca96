package dev.alphapulse.cluster.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.alphapulse.cluster.NodeOptions;
import dev.alphapulse.cluster.data.DatasetResolver;
import dev.alphapulse.cluster.job.JobCoordinator;
import dev.alphapulse.cluster.util.CacheManager;
import dev.alphapulse.cluster.util.Nodes;
import dev.alphapulse.cluster.util.ResourceMonitor;
import dev.alphapulse.cluster.worker.ChunkResultCache;
import dev.alphapulse.cluster.worker.ChunkRunner;
import dev.alphapulse.cluster.worker.WorkerPool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.SpawnProtocol;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.management.cluster.bootstrap.ClusterBootstrap;
import org.apache.pekko.management.javadsl.PekkoManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One AlphaPulse node: an actor system that is a Pekko Cluster member, with the job coordinators'
 * sharding, a worker pool (role {@code worker}), Pekko Management with health checks, and the
 * journal.
 *
 * <h2>Start-up order</h2>
 *
 * Journal schema (idempotent, see {@link JournalSchema}); actor system (Artery on the given
 * host/port, Split Brain Resolver, JDBC persistence, Kryo and Jackson serializers); Pekko
 * Management ({@code /ready} is cluster-membership readiness, {@code /alive} liveness) when a
 * management port is given; joining: Cluster Bootstrap when a discovery method is configured, the
 * seed nodes when given, else the node joins itself; sharding of {@link JobCoordinator}; the {@link
 * WorkerPool}. The embedded node is the same code path with {@link NodeOptions#embedded()}.
 *
 * <h2>Shutdown</h2>
 *
 * {@link #close()} (and SIGTERM, through the JVM shutdown hook) runs Coordinated Shutdown with the
 * cluster-leaving reason: the node leaves gracefully, its shards and singletons move, then the
 * system terminates. {@link #runForeground} is the entry point a launcher calls.
 */
public final class ClusterNode implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterNode.class);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  private final ActorSystem<SpawnProtocol.Command> system;
  private final NodeOptions options;
  private final JournalSettings journal;
  private final DatasetResolver datasets;
  private final ResourceMonitor resources;
  private final ActorRef<WorkerPool.Command> pool;
  private final int managementPort;

  private ClusterNode(
      ActorSystem<SpawnProtocol.Command> system,
      NodeOptions options,
      JournalSettings journal,
      DatasetResolver datasets,
      ResourceMonitor resources,
      ActorRef<WorkerPool.Command> pool,
      int managementPort) {
    this.system = system;
    this.options = options;
    this.journal = journal;
    this.datasets = datasets;
    this.resources = resources;
    this.pool = pool;
    this.managementPort = managementPort;
  }

  /** Starts a node with the given options. */
  public static ClusterNode start(NodeOptions options) {
    return start(options, ConfigFactory.empty());
  }

  /**
   * Starts a node.
   *
   * @param extra configuration under the options and over {@code application.conf} (tests)
   * @throws IllegalStateException if the journal is unreachable or a part fails to start
   */
  public static ClusterNode start(NodeOptions options, Config extra) {
    Path dataDir = options.dataDir().toAbsolutePath().normalize();
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("data directory " + dataDir + ": " + e.getMessage(), e);
    }
    JournalSettings journal =
        options.journalUrl() == null
            ? JournalSettings.h2File(dataDir)
            : JournalSettings.fromUrl(options.journalUrl());
    JournalSchema.ensure(journal);
    Config config = NodeConfig.build(options, journal, extra);
    ActorSystem<SpawnProtocol.Command> system =
        ActorSystem.create(SpawnProtocol.create(), NodeConfig.SYSTEM_NAME, config);
    try {
      int mgmtPort = -1;
      if (options.managementPort() >= 0) {
        var uri =
            PekkoManagement.get(Adapter.toClassic(system))
                .start()
                .toCompletableFuture()
                .get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        mgmtPort = uri.port();
      }
      Cluster cluster = Cluster.get(system);
      if (options.discoveryMethod() != null) {
        ClusterBootstrap.get(Adapter.toClassic(system)).start();
      } else if (options.seeds().isEmpty()) {
        cluster.manager().tell(Join.create(cluster.selfMember().address()));
      }
      JobCoordinator.init(system);
      Config c = system.settings().config();
      DatasetResolver datasets =
          DatasetResolver.create(c.getLong("alphapulse.worker.dataset-cache-bytes"));
      ResourceMonitor resources =
          new ResourceMonitor(
              c.getDouble("alphapulse.resources.cpu-threshold"),
              c.getDouble("alphapulse.resources.memory-threshold"),
              c.getInt("alphapulse.resources.history"));
      ActorRef<WorkerPool.Command> pool = null;
      if (options.isWorker()) {
        long cacheBytes = c.getLong("alphapulse.worker.result-cache-bytes");
        ChunkResultCache results =
            cacheBytes > 0
                ? new ChunkResultCache(CacheManager.open(dataDir.resolve("cache"), cacheBytes))
                : null;
        ChunkRunner runner = new ChunkRunner(datasets, results);
        pool =
            spawn(
                system,
                WorkerPool.create(
                    options.slots(),
                    c.getInt("alphapulse.worker.prefetch-per-slot"),
                    c.getDuration("alphapulse.worker.prefetch-time"),
                    runner,
                    resources,
                    c.getDuration("alphapulse.worker.request-timeout")),
                "worker-pool");
      }
      LOG.info(
          "node {} started: seeds {}, journal {}, {} slots, management port {}",
          Nodes.hostPort(system),
          options.seeds().isEmpty() ? "(self)" : options.seeds(),
          journal.redactedUrl(),
          options.isWorker() ? options.slots() : 0,
          mgmtPort);
      return new ClusterNode(system, options, journal, datasets, resources, pool, mgmtPort);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      system.terminate();
      throw new IllegalStateException("interrupted while starting the node", e);
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      system.terminate();
      throw new IllegalStateException("node failed to start: " + e, e);
    }
  }

  private static <T> ActorRef<T> spawn(
      ActorSystem<SpawnProtocol.Command> system,
      org.apache.pekko.actor.typed.Behavior<T> behavior,
      String name)
      throws InterruptedException, ExecutionException, TimeoutException {
    CompletionStage<ActorRef<T>> ref =
        AskPattern.ask(
            system,
            (ActorRef<ActorRef<T>> replyTo) ->
                new SpawnProtocol.Spawn<>(behavior, name, Props.empty(), replyTo),
            START_TIMEOUT,
            system.scheduler());
    return ref.toCompletableFuture().get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
  }

  /**
   * Starts a node and blocks until its actor system terminates (after SIGTERM, a downing, or {@link
   * #close()} from another thread).
   *
   * @return 0 after a normal termination
   */
  public static int runForeground(NodeOptions options) {
    ClusterNode node = start(options);
    try {
      node.system.getWhenTerminated().toCompletableFuture().get();
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      node.close();
      return 130;
    } catch (ExecutionException e) {
      return 1;
    }
  }

  /** Blocks until this node is an Up member, at most {@code timeout}; whether it is. */
  public boolean awaitUp(Duration timeout) {
    CompletableFuture<Done> up = new CompletableFuture<>();
    org.apache.pekko.cluster.Cluster.get(Adapter.toClassic(system))
        .registerOnMemberUp(() -> up.complete(Done.getInstance()));
    try {
      up.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException | TimeoutException e) {
      return Cluster.get(system).selfMember().status() == MemberStatus.up();
    }
  }

  /** The actor system. */
  public ActorSystem<SpawnProtocol.Command> system() {
    return system;
  }

  /** The options the node was started with. */
  public NodeOptions options() {
    return options;
  }

  /** The journal database. */
  public JournalSettings journal() {
    return journal;
  }

  /** {@code host:port} of this node's Artery endpoint (the actual port when 0 was asked). */
  public String address() {
    return Nodes.hostPort(system);
  }

  /** This node's worker pool, unless it lacks the worker role. */
  public Optional<ActorRef<WorkerPool.Command>> workerPool() {
    return Optional.ofNullable(pool);
  }

  /** This node's dataset resolver (shared by its workers and its submissions). */
  public DatasetResolver datasets() {
    return datasets;
  }

  /** This node's resource monitor. */
  public ResourceMonitor resources() {
    return resources;
  }

  /** The bound management port, or -1 without management. */
  public int managementPort() {
    return managementPort;
  }

  /** Leaves the cluster gracefully and terminates the actor system; completes when done. */
  public CompletionStage<Done> leave() {
    return CoordinatedShutdown.get(system).runAll(CoordinatedShutdown.clusterLeavingReason());
  }

  /** {@link #leave()} and waits (at most a minute) for termination. */
  @Override
  public void close() {
    try {
      leave().toCompletableFuture().get(60, TimeUnit.SECONDS);
      system.getWhenTerminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("node {} did not shut down cleanly: {}", address(), e.toString());
      system.terminate();
    }
  }
}
