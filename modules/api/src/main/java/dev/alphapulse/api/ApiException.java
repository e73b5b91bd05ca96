package dev.alphapulse.api;

import io.grpc.Status;
import java.util.Objects;

/**
 * A call of {@link AlphaPulseClient} that failed: the gRPC status code, and as message the server's
 * description as it is, e.g. {@code params.speed: unknown parameter 'speed' of sma-cross; ...} for
 * {@code INVALID_ARGUMENT}, {@code jobId: no job with id 'x'} for {@code NOT_FOUND}, or what went
 * wrong locally ({@code UNAVAILABLE} when the connection to the endpoint fails, {@code
 * DEADLINE_EXCEEDED} when it does not answer in time).
 *
 * <p>An {@link IllegalStateException}, so that a command line that prints the message of such
 * exceptions (and no stack trace) shows the server's words.
 */
public final class ApiException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  private final Status.Code code;

  /**
   * @param code the gRPC status code
   * @param description the server's description (or the local reason), never null
   */
  public ApiException(Status.Code code, String description, Throwable cause) {
    super(Objects.requireNonNull(description, "description"), cause);
    this.code = Objects.requireNonNull(code, "code");
  }

  /** The gRPC status code. */
  public Status.Code code() {
    return code;
  }
}
