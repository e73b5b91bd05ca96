package dev.alphapulse.api;

import dev.alphapulse.api.grpc.JobProgress;
import dev.alphapulse.api.grpc.JobReply;
import dev.alphapulse.api.grpc.JobRequest;
import dev.alphapulse.api.grpc.JobService;
import dev.alphapulse.api.grpc.ListReply;
import dev.alphapulse.api.grpc.ListRequest;
import dev.alphapulse.api.grpc.SubmitReply;
import dev.alphapulse.api.grpc.SubmitRequest;
import dev.alphapulse.cluster.DistributedComputingService;
import dev.alphapulse.cluster.JobStatusView;
import dev.alphapulse.cluster.JobWatch;
import dev.alphapulse.cluster.job.JobStatus;
import dev.alphapulse.jobs.JobSpec;
import dev.alphapulse.jobs.JobSpecException;
import dev.alphapulse.jobs.JobSpecs;
import io.grpc.Status;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.NotUsed;
import org.apache.pekko.grpc.GrpcServiceException;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.QueueOfferResult;
import org.apache.pekko.stream.javadsl.Source;

/**
 * The gRPC {@code JobService}: translates requests to {@link DistributedComputingService} calls and
 * their results to replies, and nothing else. Errors go through the one mapping of {@link
 * GrpcErrors} ({@code INVALID_ARGUMENT} with the field path first, {@code NOT_FOUND}, {@code
 * UNAVAILABLE}).
 *
 * <h2>Replies</h2>
 *
 * A {@code JobReply} of a job that has not ended carries its status and chunk counts; once the job
 * ended (from {@code Get} or {@code Cancel}) it carries every result in (parameter index, symbol
 * index) order and the best run. Its {@code json} is {@link JobJson#running} or {@link
 * JobJson#finished} accordingly, the object the CLI prints.
 *
 * <h2>Watch</h2>
 *
 * A server stream fed by {@link DistributedComputingService#watch}: one message per progress update
 * (each with the runs completed since the previous one), completed after the terminal one; closing
 * the call on the client stops the watch. A client that falls {@value #WATCH_BUFFER} updates behind
 * fails with {@code RESOURCE_EXHAUSTED} rather than holding memory without bound.
 */
public final class JobServiceImpl implements JobService {
  /** Progress updates buffered per watch for a slow client. */
  static final int WATCH_BUFFER = 4096;

  private final DistributedComputingService service;

  /** A service over {@code service}, which stays owned by the caller. */
  public JobServiceImpl(DistributedComputingService service) {
    this.service = Objects.requireNonNull(service, "service");
  }

  @Override
  public CompletionStage<SubmitReply> submit(SubmitRequest in) {
    return GrpcErrors.call(
        () -> {
          JobSpec spec =
              switch (in.getSpecCase()) {
                case YAML -> JobSpecs.parseYaml(in.getYaml());
                case JOB -> JobSpecProtos.fromProto(in.getJob());
                case SPEC_NOT_SET ->
                    throw new JobSpecException(
                        "spec", "is missing: give the job file as yaml or the job as a message");
              };
          Path baseDir = in.getBaseDir().isEmpty() ? Path.of("") : Path.of(in.getBaseDir());
          String jobId = in.getJobId().isEmpty() ? null : in.getJobId();
          return service
              .runDistributedBacktest(spec, baseDir, jobId)
              .jobId()
              .thenApply(id -> SubmitReply.newBuilder().setJobId(id).build());
        });
  }

  @Override
  public CompletionStage<JobReply> get(JobRequest in) {
    String jobId = in.getJobId();
    return GrpcErrors.call(
        () -> service.getJobStatus(jobId).thenCompose(status -> reply(jobId, status)));
  }

  @Override
  public CompletionStage<JobReply> cancel(JobRequest in) {
    String jobId = in.getJobId();
    return GrpcErrors.call(() -> service.cancel(jobId).thenCompose(status -> reply(jobId, status)));
  }

  @Override
  public CompletionStage<ListReply> list(ListRequest in) {
    return GrpcErrors.call(
        () ->
            service
                .listJobs()
                .thenApply(
                    jobs -> {
                      ListReply.Builder b = ListReply.newBuilder();
                      jobs.forEach(j -> b.addJobs(ProtoViews.summary(j)));
                      return b.build();
                    }));
  }

  @Override
  public Source<JobProgress, NotUsed> watch(JobRequest in) {
    String jobId = in.getJobId();
    return Source.<JobProgress>queue(WATCH_BUFFER)
        .mapMaterializedValue(queue -> startWatch(jobId, queue))
        .watchTermination(
            (watch, done) -> {
              if (watch != null) {
                done.whenComplete((d, e) -> watch.close());
              }
              return NotUsed.getInstance();
            });
  }

  /** Feeds {@code queue} from a cluster watch; null (and a failed queue) if it cannot start. */
  private JobWatch startWatch(String jobId, BoundedSourceQueue<JobProgress> queue) {
    try {
      return service.watch(
          jobId,
          p -> {
            if (p.status() == JobStatus.UNKNOWN) {
              queue.fail(GrpcErrors.notFound(jobId));
              return;
            }
            QueueOfferResult offered = queue.offer(ProtoViews.progress(p));
            if (p.isFinal()) {
              queue.complete();
            } else if (QueueOfferResult.dropped().equals(offered)) {
              queue.fail(
                  new GrpcServiceException(
                      Status.RESOURCE_EXHAUSTED.withDescription(
                          "watch of job "
                              + jobId
                              + ": the client fell "
                              + WATCH_BUFFER
                              + " progress updates behind")));
            }
          });
    } catch (RuntimeException e) {
      queue.fail(GrpcErrors.toStatus(e));
      return null;
    }
  }

  /** The reply for a job's status: NOT_FOUND if unknown, with its results once it ended. */
  private CompletionStage<JobReply> reply(String jobId, JobStatusView status) {
    if (status.status() == JobStatus.UNKNOWN) {
      return CompletableFuture.failedFuture(GrpcErrors.notFound(jobId));
    }
    if (!status.status().isTerminal()) {
      return CompletableFuture.completedFuture(ProtoViews.running(status));
    }
    return service.getJobResult(jobId).thenApply(outcome -> ProtoViews.finished(jobId, outcome));
  }
}
