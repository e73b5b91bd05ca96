package dev.alphapulse.jobs;

import java.util.Objects;

/**
 * A job spec that cannot run, with the path of the offending field as written in the job file (e.g.
 * {@code params.fast.range}, {@code data.symbols[2]} or {@code parallelization.chunk-size}); the
 * message starts with the path, then a colon, then what is wrong. Problems of the YAML text itself
 * (syntax, duplicate keys, not a mapping) use the path {@code yaml}.
 */
public final class JobSpecException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String field;
  private final String problem;

  /**
   * @param field dotted path of the bad field, never blank
   * @param problem what is wrong, naming the bad value
   */
  public JobSpecException(String field, String problem) {
    super(field + ": " + problem);
    this.field = Objects.requireNonNull(field, "field");
    this.problem = Objects.requireNonNull(problem, "problem");
  }

  /** Dotted path of the bad field. */
  public String field() {
    return field;
  }

  /** The message without the field path. */
  public String problem() {
    return problem;
  }
}
