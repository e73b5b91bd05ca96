package dev.alphapulse.research.walkforward;

/**
 * How to cut a bar series into walk-forward windows (all sizes in bars). See {@link
 * WalkForwardWindows} for the exact layout.
 *
 * @param windowSize in-sample bars {@code W} of the first window (of every window when rolling), at
 *     least 1
 * @param stepSize bars by which window {@code k + 1} moves past window {@code k}, at least 1
 * @param windows number of windows, or 0 for as many as fit in the data
 * @param mode rolling or anchored in-sample windows
 * @param outOfSampleSize out-of-sample bars per window, or 0 for {@code stepSize} (the usual
 *     choice: the out-of-sample segments then tile the data without gap or overlap)
 * @param purge bars dropped between the end of the in-sample window and the start of the
 *     out-of-sample window (Lopez de Prado's purging: bars whose labels or indicator look-ahead
 *     would overlap the out-of-sample period), at least 0
 * @param embargo bars after an out-of-sample window that the next window's in-sample may not start
 *     in (Lopez de Prado's embargo: training data that immediately follows a test period), at least
 *     0; see {@link WalkForwardWindows}
 */
public record WalkForwardSpec(
    int windowSize,
    int stepSize,
    int windows,
    WalkForwardMode mode,
    int outOfSampleSize,
    int purge,
    int embargo) {

  public WalkForwardSpec {
    if (windowSize < 1) {
      throw new WalkForwardSpecException(
          "windowSize", "windowSize must be at least 1, was " + windowSize);
    }
    if (stepSize < 1) {
      throw new WalkForwardSpecException(
          "stepSize", "stepSize must be at least 1, was " + stepSize);
    }
    if (windows < 0) {
      throw new WalkForwardSpecException(
          "windows", "windows must be 0 (as many as fit) or positive, was " + windows);
    }
    if (mode == null) {
      throw new WalkForwardSpecException("mode", "mode must be ROLLING or ANCHORED, was null");
    }
    if (outOfSampleSize < 0) {
      throw new WalkForwardSpecException(
          "outOfSampleSize",
          "outOfSampleSize must be 0 (the step size) or positive, was " + outOfSampleSize);
    }
    if (purge < 0) {
      throw new WalkForwardSpecException("purge", "purge must be non-negative, was " + purge);
    }
    if (embargo < 0) {
      throw new WalkForwardSpecException("embargo", "embargo must be non-negative, was " + embargo);
    }
  }

  /** Rolling windows of {@code windowSize} in-sample bars, moving by {@code stepSize}. */
  public static WalkForwardSpec rolling(int windowSize, int stepSize) {
    return new WalkForwardSpec(windowSize, stepSize, 0, WalkForwardMode.ROLLING, 0, 0, 0);
  }

  /**
   * Anchored windows starting with {@code windowSize} in-sample bars, growing by {@code stepSize}.
   */
  public static WalkForwardSpec anchored(int windowSize, int stepSize) {
    return new WalkForwardSpec(windowSize, stepSize, 0, WalkForwardMode.ANCHORED, 0, 0, 0);
  }

  public WalkForwardSpec withWindows(int v) {
    return new WalkForwardSpec(windowSize, stepSize, v, mode, outOfSampleSize, purge, embargo);
  }

  public WalkForwardSpec withOutOfSampleSize(int v) {
    return new WalkForwardSpec(windowSize, stepSize, windows, mode, v, purge, embargo);
  }

  public WalkForwardSpec withPurge(int v) {
    return new WalkForwardSpec(windowSize, stepSize, windows, mode, outOfSampleSize, v, embargo);
  }

  public WalkForwardSpec withEmbargo(int v) {
    return new WalkForwardSpec(windowSize, stepSize, windows, mode, outOfSampleSize, purge, v);
  }

  /** The out-of-sample length in bars: {@code outOfSampleSize}, or {@code stepSize} if 0. */
  public int effectiveOutOfSampleSize() {
    return outOfSampleSize == 0 ? stepSize : outOfSampleSize;
  }
}
