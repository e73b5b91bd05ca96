package dev.alphapulse.research.walkforward;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Generates walk-forward windows over {@code [0, dataLength)} bars.
 *
 * <h2>Layout</h2>
 *
 * <p>With {@code W = windowSize}, {@code s = stepSize}, {@code O = effectiveOutOfSampleSize()},
 * {@code P = purge} and {@code E = embargo}, window {@code k = 0, 1, ...} is:
 *
 * <ul>
 *   <li>in sample: {@code [k s, k s + W)} when rolling, {@code [0, W + k s)} when anchored;
 *   <li>out of sample: {@code [isTo + P, isTo + P + O)} - the purge drops the {@code P} bars right
 *       after the in-sample window, so a label or indicator computed at the end of the in-sample
 *       window that looks {@code P} bars ahead never sees out-of-sample bars;
 *   <li>embargo: the in-sample window may not start within {@code E} bars after the previous
 *       window's out-of-sample end; a rolling window that would is shortened to start at {@code
 *       previousOosTo + E}. Lopez de Prado's embargo removes training bars that immediately follow
 *       a test period. In walk-forward every window trains before it tests, so this only matters
 *       when windows do not overlap ({@code s >= W + P + O}); with the usual overlapping layouts it
 *       changes nothing.
 * </ul>
 *
 * <p>The windows are all those whose out-of-sample end is within the data ({@code windows = 0}), or
 * exactly {@code windows} of them. Bars after the last window's out-of-sample end are unused (an
 * incomplete out-of-sample segment is never produced). With {@code O = s} the out-of-sample
 * segments tile {@code [W + P, W + P + K s)} without gap or overlap.
 */
public final class WalkForwardWindows {
  private WalkForwardWindows() {}

  /**
   * The windows of {@code spec} over {@code dataLength} bars.
   *
   * @throws WalkForwardSpecException naming {@code dataLength}, {@code windowSize}, {@code windows}
   *     or {@code embargo} when the data is too short for one window, for the requested number of
   *     windows, or the embargo leaves an in-sample window empty
   */
  public static List<WalkForwardWindow> generate(WalkForwardSpec spec, int dataLength) {
    Objects.requireNonNull(spec, "spec");
    if (dataLength < 1) {
      throw new WalkForwardSpecException(
          "dataLength", "dataLength must be at least 1, was " + dataLength);
    }
    int w = spec.windowSize();
    int s = spec.stepSize();
    int o = spec.effectiveOutOfSampleSize();
    int p = spec.purge();
    long first = (long) w + p + o;
    if (first > dataLength) {
      throw new WalkForwardSpecException(
          "windowSize",
          "windowSize + purge + out-of-sample size ("
              + w
              + " + "
              + p
              + " + "
              + o
              + " = "
              + first
              + ") exceeds the data length "
              + dataLength);
    }
    long fit = (dataLength - first) / s + 1;
    int count;
    if (spec.windows() == 0) {
      count = (int) fit;
    } else if (spec.windows() > fit) {
      throw new WalkForwardSpecException(
          "windows",
          "windows must be at most "
              + fit
              + " for "
              + dataLength
              + " bars with windowSize "
              + w
              + ", stepSize "
              + s
              + ", purge "
              + p
              + " and out-of-sample size "
              + o
              + ", was "
              + spec.windows());
    } else {
      count = spec.windows();
    }
    List<WalkForwardWindow> out = new ArrayList<>(count);
    int previousOosTo = Integer.MIN_VALUE;
    for (int k = 0; k < count; k++) {
      int isTo = w + k * s;
      int isFrom = spec.mode() == WalkForwardMode.ROLLING ? k * s : 0;
      if (k > 0 && isFrom >= previousOosTo && isFrom < previousOosTo + (long) spec.embargo()) {
        isFrom = previousOosTo + spec.embargo();
        if (isFrom >= isTo) {
          throw new WalkForwardSpecException(
              "embargo",
              "embargo "
                  + spec.embargo()
                  + " leaves window "
                  + k
                  + " without in-sample bars (it needs purge + out-of-sample size + embargo <"
                  + " stepSize)");
        }
      }
      int oosFrom = isTo + p;
      int oosTo = oosFrom + o;
      out.add(new WalkForwardWindow(k, isFrom, isTo, oosFrom, oosTo));
      previousOosTo = oosTo;
    }
    return List.copyOf(out);
  }
}
