package dev.alphapulse.research.portfolio;

import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/** The implementations behind {@link Allocation}'s factories. */
final class AllocationMethods {
  private AllocationMethods() {}

  record Fixed(double[] weights) implements Allocation {
    Fixed {
      if (weights.length == 0) {
        throw new IllegalArgumentException("weights must not be empty");
      }
      double sum = 0;
      for (int i = 0; i < weights.length; i++) {
        if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
          throw new IllegalArgumentException(
              "weights[" + i + "] must be finite and >= 0, was " + weights[i]);
        }
        sum += weights[i];
      }
      if (sum == 0) {
        throw new IllegalArgumentException(
            "weights must not all be zero, were " + Arrays.toString(weights));
      }
      double[] w = new double[weights.length];
      for (int i = 0; i < w.length; i++) {
        w[i] = weights[i] / sum;
      }
      weights = w;
    }

    @Override
    public double[] weights() {
      return weights.clone();
    }

    @Override
    public String name() {
      return "fixed" + Arrays.toString(weights);
    }

    @Override
    public boolean needsHistory() {
      return false;
    }

    @Override
    public double[] weights(CoMoments trailing) {
      if (trailing.columns() != weights.length) {
        throw new IllegalArgumentException(
            "fixed allocation has "
                + weights.length
                + " weights but there are "
                + trailing.columns()
                + " sleeves");
      }
      return weights.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Fixed f && Arrays.equals(weights, f.weights);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(weights);
    }

    @Override
    public String toString() {
      return name();
    }
  }

  record Equal() implements Allocation {
    static final Equal INSTANCE = new Equal();

    @Override
    public String name() {
      return "equal";
    }

    @Override
    public boolean needsHistory() {
      return false;
    }

    @Override
    public double[] weights(CoMoments trailing) {
      return equal(trailing.columns());
    }
  }

  /**
   * An allocation from the trailing return variances: needs history, and falls back to {@link
   * AllocationMethods#zeroVarianceWeights} when a sleeve's variance is zero (see there) before
   * {@link #fromVariances} sees the data.
   */
  interface VarianceBased extends Allocation {
    @Override
    default boolean needsHistory() {
      return true;
    }

    @Override
    default double[] weights(CoMoments trailing) {
      double[] var = variances(trailing);
      double[] zero = zeroVarianceWeights(var);
      return zero != null ? zero : fromVariances(trailing, var);
    }

    /** The weights when every variance in {@code var} is positive. */
    double[] fromVariances(CoMoments trailing, double[] var);
  }

  record InverseVolatility() implements VarianceBased {
    static final InverseVolatility INSTANCE = new InverseVolatility();

    @Override
    public String name() {
      return "inverse-volatility";
    }

    @Override
    public double[] fromVariances(CoMoments trailing, double[] var) {
      double[] w = new double[var.length];
      for (int i = 0; i < w.length; i++) {
        w[i] = 1 / Math.sqrt(var[i]);
      }
      return normalise(w);
    }
  }

  record MinimumVariance() implements VarianceBased {
    static final MinimumVariance INSTANCE = new MinimumVariance();

    @Override
    public String name() {
      return "minimum-variance";
    }

    @Override
    public double[] fromVariances(CoMoments trailing, double[] var) {
      double[][] cov = trailing.covariance();
      int k = cov.length;
      boolean[] all = new boolean[k];
      Arrays.fill(all, true);
      double[] closed = solveOnSupport(cov, all);
      if (closed != null && min(closed) >= 0) {
        return closed;
      }
      double[] w = projectedGradient(cov);
      // polish: the exact equality-constrained solution on the support, if it satisfies KKT
      boolean[] support = new boolean[k];
      for (int i = 0; i < k; i++) {
        support[i] = w[i] > 1e-9;
      }
      double[] exact = solveOnSupport(cov, support);
      if (exact != null && min(exact) >= 0 && kkt(cov, exact, support)) {
        return exact;
      }
      return w;
    }
  }

  record RiskParity(double tolerance, int maxIterations) implements VarianceBased {
    RiskParity {
      if (!(tolerance > 0 && tolerance <= 0.1)) {
        throw new IllegalArgumentException("tolerance must be in (0, 0.1], was " + tolerance);
      }
      if (maxIterations < 1) {
        throw new IllegalArgumentException("maxIterations must be >= 1, was " + maxIterations);
      }
    }

    @Override
    public String name() {
      return "risk-parity";
    }

    @Override
    public double[] fromVariances(CoMoments trailing, double[] var) {
      double[][] cov = trailing.covariance();
      int k = cov.length;
      double b = 1.0 / k;
      // Cyclical coordinate descent on 1/2 y'Σy - b sum log y (Griveau-Billion, Richard and
      // Roncalli 2013): its minimiser satisfies y_i (Σy)_i = b, so w = y / sum y has equal risk
      // contributions. The objective is strictly convex for positive variances.
      double[] y = new double[k];
      for (int i = 0; i < k; i++) {
        y[i] = 1 / Math.sqrt(var[i]);
      }
      for (int it = 0; it < maxIterations; it++) {
        for (int i = 0; i < k; i++) {
          double s = 0;
          for (int j = 0; j < k; j++) {
            if (j != i) {
              s += cov[i][j] * y[j];
            }
          }
          y[i] = (-s + Math.sqrt(s * s + 4 * cov[i][i] * b)) / (2 * cov[i][i]);
        }
        double[] w = normalise(y.clone());
        double[] rc = Allocation.riskContributions(w, cov);
        double worst = 0;
        for (double r : rc) {
          worst = Math.max(worst, Math.abs(r - b));
        }
        if (worst <= tolerance) {
          return w;
        }
      }
      throw new ArithmeticException(
          "risk parity did not converge to tolerance "
              + tolerance
              + " in "
              + maxIterations
              + " iterations");
    }
  }

  static double[] equal(int k) {
    double[] w = new double[k];
    Arrays.fill(w, 1.0 / k);
    return w;
  }

  static double[] variances(CoMoments trailing) {
    if (trailing.count() < 2) {
      throw new IllegalArgumentException(
          "trailing returns must have at least 2 rows, had " + trailing.count());
    }
    return trailing.variances();
  }

  /** Equal weights on the zero-variance columns, or null if there are none. */
  static double[] zeroVarianceWeights(double[] var) {
    int zeros = 0;
    for (double v : var) {
      zeros += v <= 0 ? 1 : 0;
    }
    if (zeros == 0) {
      return null;
    }
    double[] w = new double[var.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = var[i] <= 0 ? 1.0 / zeros : 0;
    }
    return w;
  }

  static double[] normalise(double[] w) {
    double sum = 0;
    for (double x : w) {
      sum += x;
    }
    for (int i = 0; i < w.length; i++) {
      w[i] /= sum;
    }
    return w;
  }

  static double[] times(double[][] m, double[] v) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      double s = 0;
      for (int j = 0; j < v.length; j++) {
        s += m[i][j] * v[j];
      }
      out[i] = s;
    }
    return out;
  }

  private static double min(double[] w) {
    double m = Double.POSITIVE_INFINITY;
    for (double x : w) {
      m = Math.min(m, x);
    }
    return m;
  }

  /**
   * {@code Σ_S^-1 1 / (1'Σ_S^-1 1)} on the support {@code S}, zero elsewhere; null if {@code Σ_S}
   * is singular.
   */
  static double[] solveOnSupport(double[][] cov, boolean[] support) {
    int k = cov.length;
    int m = 0;
    int[] idx = new int[k];
    for (int i = 0; i < k; i++) {
      if (support[i]) {
        idx[m++] = i;
      }
    }
    if (m == 0) {
      return null;
    }
    RealMatrix sub = new Array2DRowRealMatrix(m, m);
    for (int a = 0; a < m; a++) {
      for (int b = 0; b < m; b++) {
        sub.setEntry(a, b, cov[idx[a]][idx[b]]);
      }
    }
    DecompositionSolver solver = new LUDecomposition(sub, 1e-14).getSolver();
    if (!solver.isNonSingular()) {
      return null;
    }
    RealVector x = solver.solve(new ArrayRealVector(m, 1.0));
    double sum = 0;
    for (int a = 0; a < m; a++) {
      sum += x.getEntry(a);
    }
    if (!(sum > 0)) {
      return null;
    }
    double[] w = new double[k];
    for (int a = 0; a < m; a++) {
      w[idx[a]] = x.getEntry(a) / sum;
    }
    return w;
  }

  /** KKT of min w'Σw on the simplex: {@code (Σw)_i >= λ} off the support, where λ on it. */
  private static boolean kkt(double[][] cov, double[] w, boolean[] support) {
    double[] g = times(cov, w);
    double lambda = 0;
    for (int i = 0; i < w.length; i++) {
      lambda += w[i] * g[i];
    }
    double scale = Math.max(Math.abs(lambda), 1e-300);
    for (int i = 0; i < w.length; i++) {
      if (!support[i] && g[i] < lambda - 1e-9 * scale) {
        return false;
      }
    }
    return true;
  }

  /** FISTA on {@code w'Σw} over the simplex, from equal weights. */
  static double[] projectedGradient(double[][] cov) {
    int k = cov.length;
    double lipschitz = 0; // 2 * a Gershgorin bound on the largest eigenvalue
    for (double[] row : cov) {
      double s = 0;
      for (double v : row) {
        s += Math.abs(v);
      }
      lipschitz = Math.max(lipschitz, 2 * s);
    }
    double[] w = equal(k);
    double[] z = w.clone();
    double t = 1;
    for (int it = 0; it < 100_000; it++) {
      double[] g = times(cov, z);
      double[] next = new double[k];
      for (int i = 0; i < k; i++) {
        next[i] = z[i] - 2 * g[i] / lipschitz;
      }
      next = projectOnSimplex(next);
      double tNext = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
      double change = 0;
      for (int i = 0; i < k; i++) {
        change = Math.max(change, Math.abs(next[i] - w[i]));
        z[i] = next[i] + (t - 1) / tNext * (next[i] - w[i]);
      }
      w = next;
      t = tNext;
      if (change < 1e-15) {
        break;
      }
    }
    return w;
  }

  /** Euclidean projection onto {@code {w >= 0, sum w = 1}} (Duchi et al. 2008). */
  static double[] projectOnSimplex(double[] v) {
    int k = v.length;
    double[] u = v.clone();
    Arrays.sort(u);
    double cum = 0;
    double theta = 0;
    for (int j = k - 1; j >= 0; j--) {
      cum += u[j];
      double candidate = (cum - 1) / (k - j);
      if (u[j] - candidate > 0) {
        theta = candidate;
      } else {
        break;
      }
    }
    double[] w = new double[k];
    for (int i = 0; i < k; i++) {
      w[i] = Math.max(v[i] - theta, 0);
    }
    return w;
  }
}
