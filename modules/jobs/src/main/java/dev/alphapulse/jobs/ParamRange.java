package dev.alphapulse.jobs;

import dev.alphapulse.engine.strategy.ParameterGrid;
import java.util.List;

/**
 * A parameter written as {@code {range: [from, to, step]}} in a job file: {@code from, from+step,
 * ..., <= to}, inclusive, whole numbers when all three are whole. Kept next to the expansion in
 * {@link JobSpec#ranges()} so errors can name {@code params.NAME.range} and the spec can be shown
 * as written.
 *
 * @param from first value
 * @param to last value bound (inclusive), {@code >= from}
 * @param step positive increment
 */
public record ParamRange(double from, double to, double step) {

  /** Largest number of values a range may expand to. */
  public static final int MAX_VALUES = 1_000_000;

  public ParamRange {
    if (!Double.isFinite(from) || !Double.isFinite(to) || !Double.isFinite(step)) {
      throw new IllegalArgumentException(
          "range values must be finite, were [" + from + ", " + to + ", " + step + "]");
    }
    if (!(step > 0)) {
      throw new IllegalArgumentException("step must be > 0, was " + JobSpecs.format(step));
    }
    if (!(from <= to)) {
      throw new IllegalArgumentException(
          "range is inverted: from "
              + JobSpecs.format(from)
              + " is greater than to "
              + JobSpecs.format(to));
    }
    if (Math.floor((to - from) / step + 1e-9) + 1 > MAX_VALUES) {
      throw new IllegalArgumentException("range has more than " + MAX_VALUES + " values");
    }
  }

  /** The values, as {@link ParameterGrid#range}: {@link Integer}s when all three are whole. */
  public List<Number> values() {
    return ParameterGrid.range(from, to, step);
  }
}
