/**
 * The gRPC face of an AlphaPulse cluster: the {@code JobService} and {@code ClusterService} of
 * {@code alphapulse.proto} implemented by translating to {@link
 * dev.alphapulse.cluster.DistributedComputingService} ({@link dev.alphapulse.api.JobServiceImpl},
 * {@link dev.alphapulse.api.ClusterServiceImpl}, one error mapping), served over HTTP/2 on a node's
 * actor system ({@link dev.alphapulse.api.GrpcServer}); a blocking client for the command line
 * ({@link dev.alphapulse.api.AlphaPulseClient}); the job JSON of the CLI contract ({@link
 * dev.alphapulse.api.JobJson}); and the conversion of the protobuf job spec to the job file's
 * record ({@link dev.alphapulse.api.JobSpecProtos}). The generated messages, service interfaces and
 * clients live in {@code dev.alphapulse.api.grpc}.
 */
package dev.alphapulse.api;
