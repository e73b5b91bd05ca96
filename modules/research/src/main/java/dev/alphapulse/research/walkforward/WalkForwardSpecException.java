package dev.alphapulse.research.walkforward;

import java.util.Objects;

/**
 * An invalid walk-forward specification. The message names the field and the bad value; {@link
 * #field()} gives the field's name (as in {@link WalkForwardSpec}, e.g. {@code windowSize}) for
 * callers that map errors back to a job file.
 */
public final class WalkForwardSpecException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String field;

  /**
   * @param field the offending field, e.g. {@code windowSize}
   * @param message the whole message, naming the field and the value
   */
  public WalkForwardSpecException(String field, String message) {
    super(message);
    this.field = Objects.requireNonNull(field, "field");
  }

  /** The offending field. */
  public String field() {
    return field;
  }
}
