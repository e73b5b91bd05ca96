package dev.alphapulse.api;

import dev.alphapulse.api.grpc.ClusterService;
import dev.alphapulse.api.grpc.ClusterServiceHandlerFactory;
import dev.alphapulse.api.grpc.JobService;
import dev.alphapulse.api.grpc.JobServiceHandlerFactory;
import dev.alphapulse.cluster.DistributedComputingService;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.grpc.javadsl.ServerReflection;
import org.apache.pekko.grpc.javadsl.ServiceHandler;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.settings.ServerSettings;
import org.apache.pekko.japi.function.Function;

/**
 * The gRPC endpoint of a node: {@code JobService}, {@code ClusterService} and server reflection
 * (for {@code grpcurl}) on one plaintext HTTP/2 port, served by pekko-http on the node's own actor
 * system.
 *
 * <h2>HTTP/2 without configuration</h2>
 *
 * gRPC needs HTTP/2, which pekko-http serves only when {@code pekko.http.server.enable-http2} (or
 * the older {@code pekko.http.server.preview.enable-http2}) is on; otherwise clients fail with
 * "First received frame was not SETTINGS". The node's configuration belongs to the cluster module,
 * so this binding turns it on in its own {@link ServerSettings} instead: nothing needs to be in the
 * node's config, and other HTTP servers of the system (Pekko Management) are unaffected. The
 * binding also sends an HTTP/2 PING on a connection with open calls but no traffic every {@link
 * #PING_INTERVAL} (or {@code pekko.http.server.http2.ping-interval} when set), so that a quiet
 * {@code Watch} stream (a job whose chunks take minutes) is not closed by {@code
 * pekko.http.server.idle-timeout} (60 s). Every other {@code pekko.http.server} setting is read
 * from the node's config as usual.
 *
 * <h2>Compression</h2>
 *
 * pekko-grpc gzips every response message for a client that accepts gzip, which grpc-java and
 * pekko-grpc clients announce by default. On a node that compressed a sweep's partial results in
 * its {@code Watch} streams and result pages, that was a third of its dispatcher CPU. So the
 * binding answers uncompressed unless {@code alphapulse.api.compress-responses} is on (for clients
 * behind slow links): it drops the request's {@code grpc-accept-encoding}, as for a client that
 * accepts no compression. Compressed requests are still understood.
 *
 * <h2>Use</h2>
 *
 * <pre>{@code
 * GrpcServer.Binding grpc = GrpcServer.start(service, "127.0.0.1", 50051).toCompletableFuture().join();
 * ...
 * grpc.close(); // before the service's node stops
 * }</pre>
 */
public final class GrpcServer {
  /** How often a connection with open calls but no traffic is pinged, by default. */
  public static final Duration PING_INTERVAL = Duration.ofSeconds(10);

  /** How long {@link Binding#close()} lets open calls (watches) finish before ending them. */
  public static final Duration STOP_DEADLINE = Duration.ofSeconds(3);

  private GrpcServer() {}

  /**
   * Binds the gRPC services of {@code service} on {@code host:port} (port 0 picks a free one).
   *
   * @return completes with the binding once the port is bound, or fails (e.g. with a {@link
   *     java.net.BindException} when the port is taken)
   */
  public static CompletionStage<Binding> start(
      DistributedComputingService service, String host, int port) {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(host, "host");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port: must be in [0, 65535], was " + port);
    }
    ActorSystem<?> system = service.node().system();
    Function<HttpRequest, CompletionStage<HttpResponse>> handler = handler(service, system);
    Function<HttpRequest, CompletionStage<HttpResponse>> served =
        system.settings().config().getBoolean("alphapulse.api.compress-responses")
            ? handler
            : req -> handler.apply(uncompressed(req));
    return Http.get(system)
        .newServerAt(host, port)
        .adaptSettings(GrpcServer::http2)
        .bind(served)
        .thenApply(Binding::new);
  }

  // ServiceHandler.concatOrNotFound takes generic varargs and is not @SafeVarargs; it only reads
  // the array.
  @SuppressWarnings("unchecked")
  private static Function<HttpRequest, CompletionStage<HttpResponse>> handler(
      DistributedComputingService service, ActorSystem<?> system) {
    return ServiceHandler.concatOrNotFound(
        JobServiceHandlerFactory.partial(new JobServiceImpl(service), JobService.name, system),
        ClusterServiceHandlerFactory.partial(
            new ClusterServiceImpl(service), ClusterService.name, system),
        ServerReflection.create(
            List.of(JobService.description, ClusterService.description), system));
  }

  /** The header a gRPC client lists the response encodings it accepts in. */
  static final String ACCEPT_ENCODING = "grpc-accept-encoding";

  /** {@code request} as from a client that accepts no compressed responses. */
  static HttpRequest uncompressed(HttpRequest request) {
    return request.getHeader(ACCEPT_ENCODING).isPresent()
        ? request.removeHeader(ACCEPT_ENCODING)
        : request;
  }

  /**
   * {@code settings} with HTTP/2 on and pings on quiet connections: every {@code
   * pekko.http.server.http2.ping-interval} if the node's config sets it, else {@link
   * #PING_INTERVAL}.
   */
  static ServerSettings http2(ServerSettings settings) {
    Duration ping = settings.getHttp2Settings().getPingInterval();
    return settings
        .withEnableHttp2(true)
        .withHttp2Settings(
            settings.getHttp2Settings().withPingInterval(ping.isZero() ? PING_INTERVAL : ping));
  }

  /** A bound gRPC endpoint. Thread-safe. */
  public static final class Binding implements AutoCloseable {
    private final ServerBinding binding;

    private Binding(ServerBinding binding) {
      this.binding = binding;
    }

    /** The address bound. */
    public InetSocketAddress address() {
      return binding.localAddress();
    }

    /** The host name or address bound. */
    public String host() {
      return binding.localAddress().getHostString();
    }

    /** The port bound (the free port picked when started with port 0). */
    public int port() {
      return binding.localAddress().getPort();
    }

    /**
     * Stops accepting connections and ends open calls, letting them finish for up to {@code
     * deadline}; the node keeps running.
     */
    public CompletionStage<Done> stop(Duration deadline) {
      return binding.terminate(deadline).thenApply(t -> Done.getInstance());
    }

    /** {@link #stop} with {@link #STOP_DEADLINE}, waiting for it. */
    @Override
    public void close() {
      try {
        stop(STOP_DEADLINE)
            .toCompletableFuture()
            .get(STOP_DEADLINE.toMillis() + 5_000, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (Exception e) {
        // the actor system is shutting down or the binding is gone: nothing left to stop
      }
    }

    @Override
    public String toString() {
      return "GrpcServer.Binding[" + host() + ":" + port() + "]";
    }
  }
}
