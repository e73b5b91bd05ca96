package dev.alphapulse.engine.metrics;

/**
 * The summation order of every per-bar sum of the statistics: element {@code k} (counting the
 * summed elements from 0) is added to lane {@code k % LANES}, each lane in element order starting
 * from {@code +0.0}, and the lanes are then added in lane order starting from {@code +0.0}.
 *
 * <h2>Why lanes</h2>
 *
 * One running total per sum makes every bar wait for the previous bar's addition (a chain of
 * dependent additions: the floating-point latency, not the arithmetic, bounds the loop). With
 * {@value #LANES} independent totals, the sweep path ({@link CurveSummary#fused}) adds a block of
 * {@value #LANES} bars to {@value #LANES} totals element by element, a loop the JIT vectorizes, and
 * still gets the same bits as this class, which the direct definitions in {@link Metrics} use one
 * element at a time. The order is as good as a sequential one (each lane sums every {@value
 * #LANES}th element; the rounding error bound is no larger).
 *
 * <p>Not thread-safe.
 */
final class LaneSum {
  /** Lanes: a power of two. */
  static final int LANES = 256;

  private final double[] lanes = new double[LANES];
  private int count;

  /** Adds the next element. */
  void add(double x) {
    lanes[count & (LANES - 1)] += x;
    count++;
  }

  /** Elements added. */
  int count() {
    return count;
  }

  /** The sum of the elements added. */
  double sum() {
    return combine(lanes);
  }

  /** The lanes' totals added in lane order. */
  static double combine(double[] lanes) {
    double s = 0;
    for (int j = 0; j < LANES; j++) {
      s += lanes[j];
    }
    return s;
  }
}
