package dev.alphapulse.research.portfolio;

import java.util.Arrays;

/**
 * Count, means and co-moment matrix of the rows of a {@code T x K} matrix (e.g. returns of K
 * symbols or sleeves over T bars), accumulated one row at a time and mergeable across chunks of
 * rows.
 *
 * <h2>Algorithm</h2>
 *
 * With {@code n} rows seen, {@code m} their mean vector and {@code C = sum (x - m)(x - m)^T} the
 * co-moment matrix, {@link #add(double[])} is Welford's update: {@code n += 1; d = x - m_old; m +=
 * d / n; C += d (x - m_new)^T}. {@link #merge(CoMoments)} is the pairwise update of Chan, Golub and
 * LeVeque: with {@code delta = m_b - m_a} and {@code n = n_a + n_b}, {@code m = m_a + delta n_b /
 * n}, {@code C = C_a + C_b + delta delta^T n_a n_b / n}. {@link #empty(int)} is the identity of
 * merge, and merge is associative and commutative up to floating-point rounding, so a universe can
 * be split into time chunks, each accumulated separately, and merged in any order.
 *
 * <h2>Contract</h2>
 *
 * Values must be finite ({@link #add(double[])} fails otherwise; rows with missing values are the
 * caller's to drop). {@code add} mutates this accumulator; {@code merge} returns a new one and
 * leaves both inputs unchanged. Not thread-safe: one accumulator per chunk, merged afterwards.
 * Memory {@code O(K^2)}; {@code add} costs {@code O(K^2)}.
 */
public final class CoMoments {
  private final int k;
  private long n;
  private final double[] mean;
  private final double[] comoment; // row-major K x K, symmetric
  private final double[] scratch; // the deviations of the row being added

  private CoMoments(int k, long n, double[] mean, double[] comoment) {
    this.k = k;
    this.n = n;
    this.mean = mean;
    this.comoment = comoment;
    this.scratch = new double[k];
  }

  /**
   * The accumulator of no rows over {@code k} columns.
   *
   * @throws IllegalArgumentException if {@code k < 1}
   */
  public static CoMoments empty(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k (columns) must be >= 1, was " + k);
    }
    return new CoMoments(k, 0, new double[k], new double[k * k]);
  }

  /** The co-moments of rows {@code [from, to)} of {@code rows} (all of the same length). */
  public static CoMoments of(double[][] rows, int from, int to) {
    if (rows.length == 0) {
      throw new IllegalArgumentException("rows must not be empty");
    }
    if (from < 0 || to > rows.length || from > to) {
      throw new IllegalArgumentException(
          "row range [" + from + ", " + to + ") is not within [0, " + rows.length + "]");
    }
    CoMoments c = empty(rows[0].length);
    for (int t = from; t < to; t++) {
      c.add(rows[t]);
    }
    return c;
  }

  /** The co-moments of all rows. */
  public static CoMoments of(double[][] rows) {
    return of(rows, 0, rows.length);
  }

  /**
   * Adds one row (Welford's update).
   *
   * @return this accumulator
   * @throws IllegalArgumentException if the row's length is not {@code k} or a value is not finite
   */
  public CoMoments add(double[] row) {
    if (row.length != k) {
      throw new IllegalArgumentException("row length must be " + k + ", was " + row.length);
    }
    for (int i = 0; i < k; i++) {
      if (!Double.isFinite(row[i])) {
        throw new IllegalArgumentException(
            "row value at column " + i + " must be finite, was " + row[i]);
      }
    }
    n++;
    double[] d = scratch;
    for (int i = 0; i < k; i++) {
      d[i] = row[i] - mean[i];
      mean[i] += d[i] / n;
    }
    for (int i = 0; i < k; i++) {
      double di = d[i];
      int base = i * k;
      for (int j = i; j < k; j++) {
        comoment[base + j] += di * (row[j] - mean[j]);
      }
    }
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < i; j++) {
        comoment[i * k + j] = comoment[j * k + i];
      }
    }
    return this;
  }

  /**
   * The accumulator of both inputs' rows (Chan et al.); neither input changes.
   *
   * @throws IllegalArgumentException if the column counts differ
   */
  public CoMoments merge(CoMoments other) {
    if (other.k != k) {
      throw new IllegalArgumentException(
          "cannot merge co-moments of " + k + " and " + other.k + " columns");
    }
    if (other.n == 0) {
      return copy();
    }
    if (n == 0) {
      return other.copy();
    }
    long total = n + other.n;
    double[] delta = new double[k];
    double[] m = new double[k];
    for (int i = 0; i < k; i++) {
      delta[i] = other.mean[i] - mean[i];
      m[i] = mean[i] + delta[i] * ((double) other.n / total);
    }
    double f = (double) n * other.n / total;
    double[] c = new double[k * k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        c[i * k + j] = comoment[i * k + j] + other.comoment[i * k + j] + delta[i] * delta[j] * f;
      }
    }
    return new CoMoments(k, total, m, c);
  }

  /** An independent copy. */
  public CoMoments copy() {
    return new CoMoments(k, n, mean.clone(), comoment.clone());
  }

  /** Number of columns. */
  public int columns() {
    return k;
  }

  /** Number of rows accumulated. */
  public long count() {
    return n;
  }

  /** The column means (a copy; zeros when empty). */
  public double[] means() {
    return mean.clone();
  }

  /** The co-moment matrix {@code sum (x - m)(x - m)^T} (a copy). */
  public double[][] comoments() {
    double[][] out = new double[k][k];
    for (int i = 0; i < k; i++) {
      System.arraycopy(comoment, i * k, out[i], 0, k);
    }
    return out;
  }

  /** The sample covariance matrix {@code C / (n - 1)}; all {@code NaN} with fewer than two rows. */
  public double[][] covariance() {
    double[][] out = comoments();
    double div = n - 1.0;
    for (double[] row : out) {
      for (int j = 0; j < k; j++) {
        row[j] = n < 2 ? Double.NaN : row[j] / div;
      }
    }
    return out;
  }

  /** Sample variances (the covariance diagonal); {@code NaN} with fewer than two rows. */
  public double[] variances() {
    double[] v = new double[k];
    for (int i = 0; i < k; i++) {
      v[i] = n < 2 ? Double.NaN : comoment[i * k + i] / (n - 1.0);
    }
    return v;
  }

  /**
   * The Pearson correlation matrix {@code C_ij / sqrt(C_ii C_jj)}. The diagonal is 1; an entry
   * involving a column of zero variance is {@code NaN} (off the diagonal), as are all entries with
   * fewer than two rows.
   */
  public double[][] correlation() {
    double[][] out = new double[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        if (n < 2) {
          out[i][j] = Double.NaN;
        } else if (i == j) {
          out[i][j] = 1.0;
        } else {
          double den = Math.sqrt(comoment[i * k + i] * comoment[j * k + j]);
          out[i][j] = den == 0 ? Double.NaN : comoment[i * k + j] / den;
        }
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return "CoMoments[k=" + k + ", n=" + n + ", means=" + Arrays.toString(mean) + "]";
  }
}
