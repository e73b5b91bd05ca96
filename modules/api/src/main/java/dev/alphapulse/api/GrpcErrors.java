package dev.alphapulse.api;

import io.grpc.Status;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.pekko.grpc.GrpcServiceException;
import org.apache.pekko.pattern.StatusReply;

/**
 * The one mapping from what the cluster API throws to gRPC statuses, used by every service method.
 *
 * <ul>
 *   <li>{@link dev.alphapulse.jobs.JobSpecException} and any other {@link IllegalArgumentException}
 *       (a malformed job id): {@code INVALID_ARGUMENT}, the description being the exception's
 *       message, which starts with the field path ({@code params.fast.range: ...}, {@code jobId:
 *       ...});
 *   <li>an id no job has: {@code NOT_FOUND} ({@link #notFound});
 *   <li>a coordinator or worker pool that did not answer in time ({@link TimeoutException}, Pekko's
 *       {@code AskTimeoutException}): {@code UNAVAILABLE};
 *   <li>a refusal by the job's coordinator ({@link StatusReply.ErrorMessage}, e.g. a job id taken
 *       by another spec): {@code FAILED_PRECONDITION};
 *   <li>anything else: {@code INTERNAL} with the exception's class and message.
 * </ul>
 */
final class GrpcErrors {
  private GrpcErrors() {}

  /**
   * Runs {@code body} and maps its synchronous exception or its stage's failure; the returned stage
   * fails with a {@link GrpcServiceException} only.
   */
  static <T> CompletionStage<T> call(Supplier<? extends CompletionStage<T>> body) {
    CompletableFuture<T> out = new CompletableFuture<>();
    CompletionStage<T> stage;
    try {
      stage = body.get();
    } catch (RuntimeException e) {
      out.completeExceptionally(toStatus(e));
      return out;
    }
    stage.whenComplete(
        (v, e) -> {
          if (e == null) {
            out.complete(v);
          } else {
            out.completeExceptionally(toStatus(e));
          }
        });
    return out;
  }

  /** {@code NOT_FOUND} for a job id no job has. */
  static GrpcServiceException notFound(String jobId) {
    return new GrpcServiceException(
        Status.NOT_FOUND.withDescription("jobId: no job with id '" + jobId + "'"));
  }

  /** The status for a failure (unwrapping completion and execution exceptions). */
  static GrpcServiceException toStatus(Throwable failure) {
    Throwable e = unwrap(failure);
    if (e instanceof GrpcServiceException g) {
      return g;
    }
    if (e instanceof IllegalArgumentException) {
      return status(Status.INVALID_ARGUMENT, message(e));
    }
    if (e instanceof TimeoutException) {
      return status(Status.UNAVAILABLE, "the cluster did not answer in time: " + message(e));
    }
    if (e instanceof StatusReply.ErrorMessage) {
      return status(Status.FAILED_PRECONDITION, message(e));
    }
    return status(Status.INTERNAL, e.getClass().getName() + ": " + message(e));
  }

  private static GrpcServiceException status(Status status, String description) {
    return new GrpcServiceException(status.withDescription(description));
  }

  private static Throwable unwrap(Throwable t) {
    Throwable e = t;
    while ((e instanceof CompletionException || e instanceof ExecutionException)
        && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  private static String message(Throwable e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
