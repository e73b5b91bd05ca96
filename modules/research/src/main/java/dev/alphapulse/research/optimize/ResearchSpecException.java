package dev.alphapulse.research.optimize;

/**
 * A research specification is invalid: carries the path of the offending field (e.g. {@code
 * search-space.fast.randint}) and a message that names the bad value. The message returned by
 * {@link #getMessage()} is {@code "<field>: <reason>"}.
 */
public final class ResearchSpecException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final String reason;

  /**
   * @param field dotted path of the offending field, e.g. {@code search-space.fast.randint}
   * @param reason what is wrong, naming the bad value
   */
  public ResearchSpecException(String field, String reason) {
    super(field + ": " + reason);
    this.field = field;
    this.reason = reason;
  }

  /** The dotted path of the offending field. */
  public String field() {
    return field;
  }

  /** The reason without the field path. */
  public String reason() {
    return reason;
  }

  /** The same error with {@code prefix + "."} prepended to the field path. */
  public ResearchSpecException under(String prefix) {
    ResearchSpecException e = new ResearchSpecException(prefix + "." + field, reason);
    e.setStackTrace(getStackTrace());
    return e;
  }
}
