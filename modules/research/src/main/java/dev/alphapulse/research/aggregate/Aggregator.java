package dev.alphapulse.research.aggregate;

/**
 * Reduces the values of one metric across results to one number.
 *
 * <p>The arguments are canonical so that a result never depends on the order results arrived in:
 * {@code values} holds the defined (non-{@code NaN}) values in ascending order (ties by weight),
 * {@code weights} their non-negative weights at the same positions; both have the same length,
 * possibly 0. Implementations must be pure and must not modify the arrays; {@code NaN} is the
 * answer when the aggregate is undefined (e.g. no values).
 */
@FunctionalInterface
public interface Aggregator {

  /** The aggregate of {@code values} with {@code weights}. */
  double apply(double[] values, double[] weights);

  /** Arithmetic mean (weights ignored). */
  Aggregator MEAN = (v, w) -> v.length == 0 ? Double.NaN : sum(v) / v.length;

  /** {@code sum w x / sum w}; {@code NaN} if the weights sum to 0. */
  Aggregator WEIGHTED_MEAN =
      (v, w) -> {
        double sw = 0;
        double swx = 0;
        for (int i = 0; i < v.length; i++) {
          sw += w[i];
          swx += w[i] * v[i];
        }
        return sw > 0 ? swx / sw : Double.NaN;
      };

  /** Median: the middle value, or the mean of the two middle values (weights ignored). */
  Aggregator MEDIAN =
      (v, w) -> {
        int n = v.length;
        if (n == 0) {
          return Double.NaN;
        }
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
      };

  /** Smallest value. */
  Aggregator MIN = (v, w) -> v.length == 0 ? Double.NaN : v[0];

  /** Largest value. */
  Aggregator MAX = (v, w) -> v.length == 0 ? Double.NaN : v[v.length - 1];

  /** Sum of the values (weights ignored); 0 for no values. */
  Aggregator SUM = (v, w) -> sum(v);

  /** Sample standard deviation {@code sqrt(sum (x - mean)^2 / (n - 1))}; {@code NaN} below 2. */
  Aggregator STD =
      (v, w) -> {
        int n = v.length;
        if (n < 2) {
          return Double.NaN;
        }
        double mean = sum(v) / n;
        double ss = 0;
        for (double x : v) {
          ss += (x - mean) * (x - mean);
        }
        return Math.sqrt(ss / (n - 1));
      };

  private static double sum(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s;
  }
}
