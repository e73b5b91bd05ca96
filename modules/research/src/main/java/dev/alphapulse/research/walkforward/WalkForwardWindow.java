package dev.alphapulse.research.walkforward;

/**
 * One walk-forward window on bar indices: in-sample bars {@code [inSampleFrom, inSampleTo)} and
 * out-of-sample bars {@code [outOfSampleFrom, outOfSampleTo)}, the latter after the former.
 *
 * @param index window number, from 0
 * @param inSampleFrom first in-sample bar, non-negative
 * @param inSampleTo end of the in-sample bars (exclusive), greater than {@code inSampleFrom}
 * @param outOfSampleFrom first out-of-sample bar, at least {@code inSampleTo} (the difference is
 *     the purge)
 * @param outOfSampleTo end of the out-of-sample bars (exclusive), greater than {@code
 *     outOfSampleFrom}
 */
public record WalkForwardWindow(
    int index, int inSampleFrom, int inSampleTo, int outOfSampleFrom, int outOfSampleTo) {

  public WalkForwardWindow {
    if (index < 0) {
      throw new IllegalArgumentException("index must be non-negative, was " + index);
    }
    if (inSampleFrom < 0) {
      throw new IllegalArgumentException("inSampleFrom must be non-negative, was " + inSampleFrom);
    }
    if (inSampleTo <= inSampleFrom) {
      throw new IllegalArgumentException(
          "inSampleTo must be greater than inSampleFrom " + inSampleFrom + ", was " + inSampleTo);
    }
    if (outOfSampleFrom < inSampleTo) {
      throw new IllegalArgumentException(
          "outOfSampleFrom must be at least inSampleTo " + inSampleTo + ", was " + outOfSampleFrom);
    }
    if (outOfSampleTo <= outOfSampleFrom) {
      throw new IllegalArgumentException(
          "outOfSampleTo must be greater than outOfSampleFrom "
              + outOfSampleFrom
              + ", was "
              + outOfSampleTo);
    }
  }

  /** Number of in-sample bars. */
  public int inSampleBars() {
    return inSampleTo - inSampleFrom;
  }

  /** Number of out-of-sample bars. */
  public int outOfSampleBars() {
    return outOfSampleTo - outOfSampleFrom;
  }

  /** Bars dropped between the in-sample and the out-of-sample ranges. */
  public int purgedBars() {
    return outOfSampleFrom - inSampleTo;
  }
}
