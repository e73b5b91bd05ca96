package dev.alphapulse.api;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.alphapulse.api.grpc.ClusterServiceClient;
import dev.alphapulse.api.grpc.ClusterStatus;
import dev.alphapulse.api.grpc.ClusterStatusRequest;
import dev.alphapulse.api.grpc.JobProgress;
import dev.alphapulse.api.grpc.JobReply;
import dev.alphapulse.api.grpc.JobRequest;
import dev.alphapulse.api.grpc.JobServiceClient;
import dev.alphapulse.api.grpc.ListReply;
import dev.alphapulse.api.grpc.ListRequest;
import dev.alphapulse.api.grpc.SubmitRequest;
import dev.alphapulse.cluster.job.JobStatus;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.grpc.GrpcChannel;
import org.apache.pekko.grpc.GrpcClientSettings;

/**
 * A blocking client of a node's gRPC endpoint, for the command line and scripts.
 *
 * <h2>Contract</h2>
 *
 * Every call blocks until the server answers and returns the reply message, or throws an {@link
 * ApiException} carrying the gRPC status code and, as its message, the server's description as it
 * is ({@code params.speed: unknown parameter 'speed' ...}); a call with no answer within the
 * client's timeout fails with {@code DEADLINE_EXCEEDED}, an endpoint that cannot be reached with
 * {@code UNAVAILABLE}. {@link #watch} blocks until the job ends, without a timeout.
 *
 * <p>The connection is plaintext HTTP/2. The client runs its own small local actor system (no
 * cluster, logging through SLF4J, nothing on stdout) with a daemon thread pool; {@link #close()}
 * stops it. Thread-safe: calls may be made from several threads at once.
 */
public final class AlphaPulseClient implements AutoCloseable {
  /** How long a call waits for its answer by default. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  /**
   * The largest reply the client accepts, 512 MiB (gRPC's default, 4 MiB, is a finished sweep of
   * about 2,000 runs: {@code get} returns every result in one message). Watch updates are split by
   * the server and stay far below either.
   */
  public static final int MAX_REPLY_BYTES = 512 * 1024 * 1024;

  private static final Config CLIENT_CONFIG =
      ConfigFactory.parseString(
          """
          pekko.actor.provider = local
          pekko.daemonic = on
          pekko.loggers = ["org.apache.pekko.event.slf4j.Slf4jLogger"]
          pekko.logging-filter = "org.apache.pekko.event.slf4j.Slf4jLoggingFilter"
          pekko.loglevel = WARNING
          pekko.stdout-loglevel = OFF
          pekko.log-dead-letters = off
          pekko.coordinated-shutdown.run-by-jvm-shutdown-hook = off
          """);

  private final String endpoint;
  private final Duration timeout;
  private final ActorSystem<Void> system;
  private final GrpcChannel channel;
  private final JobServiceClient jobs;
  private final ClusterServiceClient cluster;

  private AlphaPulseClient(String host, int port, Duration timeout) {
    this.endpoint = host + ":" + port;
    this.timeout = timeout;
    this.system =
        ActorSystem.create(
            Behaviors.empty(),
            "alphapulse-client",
            CLIENT_CONFIG.withFallback(ConfigFactory.load()));
    try {
      GrpcClientSettings settings =
          GrpcClientSettings.connectToServiceAt(host, port, system)
              .withTls(false)
              .withChannelBuilderOverrides(b -> b.maxInboundMessageSize(MAX_REPLY_BYTES));
      this.channel = GrpcChannel.apply(settings, system);
      this.jobs = JobServiceClient.create(channel, system);
      this.cluster = ClusterServiceClient.create(channel, system);
    } catch (RuntimeException e) {
      system.terminate();
      throw e;
    }
  }

  /**
   * A client of {@code host:port} with {@link #DEFAULT_TIMEOUT}. Connects lazily: an unreachable
   * endpoint shows on the first call.
   */
  public static AlphaPulseClient connect(String host, int port) {
    return connect(host, port, DEFAULT_TIMEOUT);
  }

  /**
   * A client of {@code host:port} whose calls (but {@link #watch}) wait at most {@code timeout}.
   *
   * @throws IllegalArgumentException for a blank host, a port outside [1, 65535] or a non-positive
   *     timeout
   */
  public static AlphaPulseClient connect(String host, int port, Duration timeout) {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("host: must not be blank");
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("port: must be in [1, 65535], was " + port);
    }
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout: must be positive, was " + timeout);
    }
    return new AlphaPulseClient(host, port, timeout);
  }

  /** {@code host:port} of the endpoint. */
  public String endpoint() {
    return endpoint;
  }

  /**
   * Submits a job file's text (relative data paths resolve against the server's working directory)
   * and returns the job's id once its coordinator accepted it.
   */
  public String submit(String yaml) {
    return submit(SubmitRequest.newBuilder().setYaml(Objects.requireNonNull(yaml, "yaml")).build());
  }

  /**
   * Submits a job (YAML or message, with an optional base directory and job id) and returns its id.
   */
  public String submit(SubmitRequest request) {
    return await(jobs.submit(request)).getJobId();
  }

  /**
   * The job's status; once it ended, with every result and the best run. {@code getJson()} is what
   * {@code status --json} prints.
   */
  public JobReply get(String jobId) {
    return await(jobs.get(request(jobId)));
  }

  /** Cancels the job and returns its status (with its results so far, as it ended cancelled). */
  public JobReply cancel(String jobId) {
    return await(jobs.cancel(request(jobId)));
  }

  /** Every job the cluster's journal knows, newest first. */
  public ListReply list() {
    return await(jobs.list(ListRequest.getDefaultInstance()));
  }

  /** Members, their slots and resources, and running jobs. */
  public ClusterStatus clusterStatus() {
    return await(cluster.getStatus(ClusterStatusRequest.getDefaultInstance()));
  }

  /**
   * Streams the job's progress to {@code listener} (on a client thread, one update at a time, in
   * order) until the job ends, and returns the last, terminal update. An exception thrown by the
   * listener ends the watch and is rethrown here.
   *
   * @throws ApiException {@code NOT_FOUND} for an unknown job; {@code UNAVAILABLE} if the stream
   *     ends before the job does (the node went away)
   */
  public JobProgress watch(String jobId, Consumer<JobProgress> listener) {
    Objects.requireNonNull(listener, "listener");
    AtomicReference<JobProgress> last = new AtomicReference<>();
    AtomicReference<RuntimeException> listenerFailure = new AtomicReference<>();
    CompletionStage<?> done =
        jobs.watch(request(jobId))
            .runForeach(
                p -> {
                  last.set(p);
                  try {
                    listener.accept(p);
                  } catch (RuntimeException e) {
                    listenerFailure.set(e);
                    throw e;
                  }
                },
                system);
    try {
      done.toCompletableFuture().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException(Status.Code.CANCELLED, "interrupted while watching " + jobId, e);
    } catch (ExecutionException e) {
      if (listenerFailure.get() != null) {
        throw listenerFailure.get();
      }
      throw translate(e.getCause());
    }
    JobProgress end = last.get();
    if (end == null || !isTerminal(end.getStatus())) {
      throw new ApiException(
          Status.Code.UNAVAILABLE,
          "the watch of job " + jobId + " on " + endpoint + " ended before the job did",
          null);
    }
    return end;
  }

  /** Closes the connection and stops the client's actor system. */
  @Override
  public void close() {
    try {
      channel.closeCS().toCompletableFuture().get(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // closing anyway: the actor system goes next
    } finally {
      system.terminate();
      try {
        system.getWhenTerminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException | TimeoutException e) {
        // daemon threads: they do not keep the JVM alive
      }
    }
  }

  @Override
  public String toString() {
    return "AlphaPulseClient[" + endpoint + "]";
  }

  // ------------------------------------------------------------------------------- helpers

  private static JobRequest request(String jobId) {
    return JobRequest.newBuilder().setJobId(Objects.requireNonNull(jobId, "jobId")).build();
  }

  private <T> T await(CompletionStage<T> call) {
    try {
      return call.toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new ApiException(
          Status.Code.DEADLINE_EXCEEDED,
          endpoint + " did not answer within " + timeout.toSeconds() + " s",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException(Status.Code.CANCELLED, "interrupted while calling " + endpoint, e);
    } catch (ExecutionException e) {
      throw translate(e.getCause());
    }
  }

  /** A failed call as an {@link ApiException} with the server's description. */
  private ApiException translate(Throwable failure) {
    Throwable e = failure;
    while (e instanceof CompletionException && e.getCause() != null) {
      e = e.getCause();
    }
    Status status = null;
    if (e instanceof StatusRuntimeException s) {
      status = s.getStatus();
    } else if (e instanceof StatusException s) {
      status = s.getStatus();
    }
    if (status == null) {
      return new ApiException(
          Status.Code.UNAVAILABLE, "connection to " + endpoint + " failed: " + describe(e), e);
    }
    String description = status.getDescription();
    if (status.getCause() != null || description == null) {
      // a transport failure on this side (connection refused, reset), not the server's words
      String why = description == null ? status.getCode().name() : description;
      if (status.getCause() != null) {
        why += " (" + describe(status.getCause()) + ")";
      }
      description =
          status.getCode() == Status.Code.UNAVAILABLE
              ? "connection to " + endpoint + " failed: " + why
              : why;
    }
    return new ApiException(status.getCode(), description, e);
  }

  private static String describe(Throwable t) {
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  private static boolean isTerminal(String status) {
    try {
      return JobStatus.valueOf(status).isTerminal();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
