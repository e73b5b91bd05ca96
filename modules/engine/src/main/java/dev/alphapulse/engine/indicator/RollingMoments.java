package dev.alphapulse.engine.indicator;

/**
 * Mean and (optionally) sum of squared deviations of the last {@code window} values, O(1) per
 * value.
 *
 * <h2>Numerics</h2>
 *
 * <ul>
 *   <li>The window sum is a {@link CompensatedSum} fed the entering value and the negated leaving
 *       value, so the mean stays within a few ulps of a direct sum however long the series.
 *   <li>The sum of squared deviations {@code m2} is updated Welford-style on add and on replace
 *       ({@code m2 += (x - y) * (x - mean' + y - mean)} when {@code x} replaces {@code y}). Its
 *       rounding errors are absolute, in units of the squared ranges seen, so after a volatile
 *       stretch they could swamp the variance of a quiet window; therefore {@code m2} is recomputed
 *       two-pass from the ring buffer once every {@code window} replacements (amortised O(1)),
 *       which bounds the history its error comes from to one window. It is clamped at 0 when read.
 *   <li>When the last {@code window} values are all equal the mean is that value exactly and the
 *       variance exactly 0 (as pandas does), so a flat price never makes a band flicker.
 * </ul>
 */
final class RollingMoments {
  /** Recompute when the updates' magnitude since the last recompute exceeds this times m2. */
  private static final double RESYNC_RATIO = 1e4;

  private final int window;
  private final boolean trackVariance;
  private final double[] ring;
  private final CompensatedSum sum = new CompensatedSum();
  private int head;
  private int count;
  private double m2;
  private int sinceResync;
  private double drift;
  private int run;
  private double last;

  RollingMoments(int window, boolean trackVariance) {
    this.window = window;
    this.trackVariance = trackVariance;
    this.ring = new double[window];
  }

  /** Adds a finite value, evicting the oldest once the window is full. */
  void add(double x) {
    if (count == window) {
      double y = ring[head];
      ring[head] = x;
      advance();
      if (trackVariance) {
        double oldMean = sum.value() / window;
        sum.add(x);
        sum.add(-y);
        double newMean = sum.value() / window;
        double dx = x - newMean;
        double dy = y - oldMean;
        m2 += (x - y) * (dx + dy);
        drift += Math.abs(x - y) * (Math.abs(dx) + Math.abs(dy));
        if (++sinceResync == window || drift > RESYNC_RATIO * m2) {
          resync();
        }
      } else {
        sum.add(x);
        sum.add(-y);
      }
    } else {
      ring[head] = x;
      advance();
      double oldMean = count == 0 ? 0.0 : sum.value() / count;
      sum.add(x);
      count++;
      if (trackVariance) {
        double newMean = sum.value() / count;
        m2 += (x - oldMean) * (x - newMean);
      }
    }
    run = run > 0 && x == last ? run + 1 : 1;
    last = x;
  }

  private void advance() {
    head = head + 1 == window ? 0 : head + 1;
  }

  private void resync() {
    sinceResync = 0;
    drift = 0.0;
    double mean = sum.value() / window;
    double s = 0.0;
    for (double v : ring) {
      double d = v - mean;
      s += d * d;
    }
    m2 = s;
  }

  boolean full() {
    return count == window;
  }

  int count() {
    return count;
  }

  /** Mean of the values in the window ({@code NaN} when empty). */
  double mean() {
    if (count == 0) {
      return Double.NaN;
    }
    return run >= count ? last : sum.value() / count;
  }

  /** Sum of squared deviations from the mean, never negative. */
  double m2() {
    return run >= count || m2 < 0.0 ? 0.0 : m2;
  }

  void reset() {
    sum.reset();
    head = 0;
    count = 0;
    m2 = 0.0;
    sinceResync = 0;
    drift = 0.0;
    run = 0;
    last = 0.0;
  }

  /**
   * Takes over the state of a mean-only window computed elsewhere with the same algorithm (the SMA
   * column path), so that later {@link #add} calls continue exactly.
   */
  void restoreMeanOnly(
      double[] ringState,
      int headState,
      int countState,
      double sumState,
      double compensationState,
      int runState,
      double lastState) {
    System.arraycopy(ringState, 0, ring, 0, window);
    head = headState;
    count = countState;
    sum.restore(sumState, compensationState);
    m2 = 0.0;
    sinceResync = 0;
    drift = 0.0;
    run = runState;
    last = lastState;
  }
}
