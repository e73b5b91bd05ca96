package dev.alphapulse.api;

import dev.alphapulse.api.grpc.ClusterService;
import dev.alphapulse.api.grpc.ClusterStatus;
import dev.alphapulse.api.grpc.ClusterStatusRequest;
import dev.alphapulse.cluster.DistributedComputingService;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * The gRPC {@code ClusterService}: {@link DistributedComputingService#getClusterStatus()} as a
 * {@code ClusterStatus} message (members in address order, each worker node's slots, load, CPU and
 * memory joined to its member), errors through {@link GrpcErrors}.
 */
public final class ClusterServiceImpl implements ClusterService {
  private final DistributedComputingService service;

  /** A service over {@code service}, which stays owned by the caller. */
  public ClusterServiceImpl(DistributedComputingService service) {
    this.service = Objects.requireNonNull(service, "service");
  }

  @Override
  public CompletionStage<ClusterStatus> getStatus(ClusterStatusRequest in) {
    return GrpcErrors.call(() -> service.getClusterStatus().thenApply(ProtoViews::cluster));
  }
}
