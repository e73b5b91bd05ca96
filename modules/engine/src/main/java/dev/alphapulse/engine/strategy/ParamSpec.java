package dev.alphapulse.engine.strategy;

import java.util.Objects;

/**
 * A declared strategy parameter: what sweeps and searches enumerate.
 *
 * @param name key used in job files, on the command line and in results
 * @param type {@link ParamType#INT} or {@link ParamType#DOUBLE}
 * @param min smallest allowed value (inclusive)
 * @param max largest allowed value (inclusive)
 * @param defaultValue value used when the parameter is not given; within bounds
 * @param description one line for help texts
 */
public record ParamSpec(
    String name, ParamType type, double min, double max, double defaultValue, String description) {

  public ParamSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    if (name.isBlank()) {
      throw new IllegalArgumentException("parameter name must not be blank");
    }
    if (!(min <= max)) {
      throw new IllegalArgumentException(
          "parameter " + name + ": min " + min + " must be <= max " + max);
    }
    if (!(defaultValue >= min && defaultValue <= max)) {
      throw new IllegalArgumentException(
          "parameter "
              + name
              + ": default "
              + defaultValue
              + " is outside ["
              + min
              + ", "
              + max
              + "]");
    }
    if (type == ParamType.INT
        && (min != Math.rint(min)
            || max != Math.rint(max)
            || defaultValue != Math.rint(defaultValue))) {
      throw new IllegalArgumentException(
          "parameter " + name + ": INT bounds must be whole numbers");
    }
    description = description == null ? "" : description;
  }

  /** An integer parameter. */
  public static ParamSpec integer(
      String name, int min, int max, int defaultValue, String description) {
    return new ParamSpec(name, ParamType.INT, min, max, defaultValue, description);
  }

  /** A real-valued parameter. */
  public static ParamSpec real(
      String name, double min, double max, double defaultValue, String description) {
    return new ParamSpec(name, ParamType.DOUBLE, min, max, defaultValue, description);
  }

  /**
   * Checks and normalises a value: whole for INT, finite and within bounds.
   *
   * @return the value as {@link Integer} (INT) or {@link Double} (DOUBLE)
   * @throws IllegalArgumentException naming the parameter, the bad value and the bounds
   */
  public Number validate(Number value) {
    double v = value.doubleValue();
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException("parameter " + name + ": " + value + " is not finite");
    }
    if (type == ParamType.INT && v != Math.rint(v)) {
      throw new IllegalArgumentException(
          "parameter " + name + ": " + value + " is not a whole number");
    }
    if (v < min || v > max) {
      throw new IllegalArgumentException(
          "parameter "
              + name
              + ": "
              + format(v)
              + " is outside ["
              + format(min)
              + ", "
              + format(max)
              + "]");
    }
    return type == ParamType.INT ? (Number) Integer.valueOf((int) v) : (Number) Double.valueOf(v);
  }

  private String format(double v) {
    return type == ParamType.INT ? Long.toString((long) v) : Double.toString(v);
  }
}
