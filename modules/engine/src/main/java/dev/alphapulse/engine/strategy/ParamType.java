package dev.alphapulse.engine.strategy;

/** The type of a strategy parameter. */
public enum ParamType {
  /** A whole number (periods, windows, counts). */
  INT,
  /** A real number (thresholds, fractions). */
  DOUBLE
}
