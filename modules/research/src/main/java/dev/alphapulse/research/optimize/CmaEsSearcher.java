package dev.alphapulse.research.optimize;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * CMA-ES with rank-one and rank-mu updates and cumulative step-size adaptation, as in Hansen's "The
 * CMA Evolution Strategy: A Tutorial" (2016) and its {@code purecma} reference code, maximising.
 *
 * <h2>Space</h2>
 *
 * The search runs in the unit cube {@code [0, 1]^d} over the non-fixed parameters. Coordinate
 * {@code u} of a numeric parameter maps linearly to its {@link Axis} interval (log scale for log
 * domains) and is then snapped (rounded for integer and {@code quniform} domains); a categorical
 * parameter of {@code K} values takes value {@code floor(u * K)}, i.e. its index is rounded, which
 * is meaningful for ordered grids and a crude but legitimate encoding for unordered choices. A draw
 * outside the cube is redrawn up to 100 times, then clipped. The mean starts at the centre of the
 * cube with step size {@code sigma0}.
 *
 * <h2>Ask/tell</h2>
 *
 * Every proposal is drawn from the current distribution and tagged with its generation. When {@code
 * lambda} trials of the current generation have been told (in tell order), the distribution is
 * updated from those {@code lambda} (ranked best first, ties by trial id) and the generation
 * advances; late tells of older generations are ignored. More asks than {@code lambda} before the
 * tells simply draw more from the same distribution, so any batch size works.
 */
final class CmaEsSearcher extends AbstractSearcher {
  private record Told(long id, double[] x, double objective) {}

  private final SplittableRandom rng;
  private final List<Axis> axes;
  private final int d;
  private final int lambda;
  private final int mu;
  private final double[] weights;
  private final double mueff;
  private final double cc;
  private final double cs;
  private final double c1;
  private final double cmu;
  private final double damps;
  private final double chiN;

  private final double[] mean;
  private double sigma;
  private RealMatrix cov;
  private RealMatrix basis;
  private double[] scales;
  private RealMatrix invSqrt;
  private final double[] pc;
  private final double[] ps;
  private int generation;
  private final Map<Long, double[]> drawn = new HashMap<>();
  private final Map<Long, Integer> generationOf = new HashMap<>();
  private final List<Told> current = new ArrayList<>();

  CmaEsSearcher(ParameterSpace space, long seed, SearcherSpec.CmaEs settings) {
    super(space);
    this.rng = new SplittableRandom(seed);
    this.axes = Axis.of(space);
    this.d = axes.size();
    int n = Math.max(1, d);
    this.lambda =
        settings.populationSize() > 0
            ? settings.populationSize()
            : 4 + (int) Math.floor(3 * Math.log(n));
    this.mu = lambda / 2;
    this.weights = new double[mu];
    double sum = 0;
    for (int i = 0; i < mu; i++) {
      weights[i] = Math.log(mu + 0.5) - Math.log(i + 1);
      sum += weights[i];
    }
    double sumSq = 0;
    for (int i = 0; i < mu; i++) {
      weights[i] /= sum;
      sumSq += weights[i] * weights[i];
    }
    this.mueff = 1 / sumSq;
    this.cc = (4 + mueff / n) / (n + 4 + 2 * mueff / n);
    this.cs = (mueff + 2) / (n + mueff + 5);
    this.c1 = 2 / ((n + 1.3) * (n + 1.3) + mueff);
    this.cmu = Math.min(1 - c1, 2 * (mueff - 2 + 1 / mueff) / ((n + 2) * (n + 2) + mueff));
    this.damps = 1 + 2 * Math.max(0, Math.sqrt((mueff - 1) / (n + 1)) - 1) + cs;
    this.chiN = Math.sqrt(n) * (1 - 1.0 / (4 * n) + 1.0 / (21.0 * n * n));
    this.mean = new double[d];
    java.util.Arrays.fill(mean, 0.5);
    this.sigma = settings.sigma0();
    this.cov = MatrixUtils.createRealIdentityMatrix(n);
    this.basis = MatrixUtils.createRealIdentityMatrix(n);
    this.invSqrt = MatrixUtils.createRealIdentityMatrix(n);
    this.scales = new double[n];
    java.util.Arrays.fill(scales, 1.0);
    this.pc = new double[d];
    this.ps = new double[d];
  }

  /** Population size lambda. */
  int populationSize() {
    return lambda;
  }

  /** Generations completed. */
  int generation() {
    return generation;
  }

  @Override
  Map<String, Object> propose(long id) {
    if (d == 0) {
      return space.sample(rng);
    }
    double[] x = new double[d];
    for (int attempt = 0; attempt < 100; attempt++) {
      double[] z = new double[d];
      for (int i = 0; i < d; i++) {
        z[i] = scales[i] * gaussian();
      }
      boolean inside = true;
      for (int i = 0; i < d; i++) {
        double y = 0;
        for (int j = 0; j < d; j++) {
          y += basis.getEntry(i, j) * z[j];
        }
        x[i] = mean[i] + sigma * y;
        inside &= x[i] >= 0 && x[i] <= 1;
      }
      if (inside) {
        break;
      }
    }
    for (int i = 0; i < d; i++) {
      x[i] = Math.max(0, Math.min(1, x[i]));
    }
    drawn.put(id, x);
    generationOf.put(id, generation);
    Map<String, Object> picked = new LinkedHashMap<>();
    for (int i = 0; i < d; i++) {
      Axis a = axes.get(i);
      double u = Math.min(x[i], Math.nextDown(1.0));
      picked.put(a.name, a.decode(a.lo + u * (a.hi - a.lo)));
    }
    return complete(picked);
  }

  /** Box-Muller on the seeded stream: the same numbers on every JDK. */
  private double gaussian() {
    double u1 = 1.0 - rng.nextDouble();
    double u2 = rng.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  @Override
  void observe(long id, Map<String, Object> params, double objective) {
    double[] x = drawn.remove(id);
    Integer g = generationOf.remove(id);
    if (d == 0 || g == null || g != generation) {
      return;
    }
    current.add(new Told(id, x, objective));
    if (current.size() == lambda) {
      update();
      current.clear();
      generation++;
    }
  }

  private void update() {
    List<Told> ranked = new ArrayList<>(current);
    ranked.sort(Comparator.comparingDouble(Told::objective).reversed().thenComparingLong(Told::id));
    double[] old = mean.clone();
    for (int i = 0; i < d; i++) {
      double m = 0;
      for (int k = 0; k < mu; k++) {
        m += weights[k] * ranked.get(k).x()[i];
      }
      mean[i] = m;
    }
    double[] step = new double[d];
    for (int i = 0; i < d; i++) {
      step[i] = (mean[i] - old[i]) / sigma;
    }
    double[] cStep = invSqrt.operate(step);
    double csFactor = Math.sqrt(cs * (2 - cs) * mueff);
    double psNorm = 0;
    for (int i = 0; i < d; i++) {
      ps[i] = (1 - cs) * ps[i] + csFactor * cStep[i];
      psNorm += ps[i] * ps[i];
    }
    psNorm = Math.sqrt(psNorm);
    boolean hsig =
        psNorm / Math.sqrt(1 - Math.pow(1 - cs, 2.0 * (generation + 1))) / chiN
            < 1.4 + 2.0 / (d + 1);
    double ccFactor = Math.sqrt(cc * (2 - cc) * mueff);
    for (int i = 0; i < d; i++) {
      pc[i] = (1 - cc) * pc[i] + (hsig ? ccFactor * step[i] : 0);
    }
    double c1a = c1 * (1 - (hsig ? 0 : cc * (2 - cc)));
    RealMatrix next = cov.scalarMultiply(1 - c1a - cmu);
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        double rankMu = 0;
        for (int k = 0; k < mu; k++) {
          double[] xk = ranked.get(k).x();
          rankMu += weights[k] * (xk[i] - old[i]) / sigma * (xk[j] - old[j]) / sigma;
        }
        next.addToEntry(i, j, c1 * pc[i] * pc[j] + cmu * rankMu);
      }
    }
    cov = next.add(next.transpose()).scalarMultiply(0.5);
    sigma *= Math.exp(Math.min(1.0, (cs / damps) * (psNorm / chiN - 1)));
    sigma = Math.min(sigma, 1.0);
    decompose();
  }

  private void decompose() {
    EigenDecomposition eig = new EigenDecomposition(cov);
    basis = eig.getV();
    double[] ev = eig.getRealEigenvalues();
    RealMatrix invD = MatrixUtils.createRealMatrix(d, d);
    for (int i = 0; i < d; i++) {
      scales[i] = Math.sqrt(Math.max(ev[i], 1e-20));
      invD.setEntry(i, i, 1 / scales[i]);
    }
    invSqrt = basis.multiply(invD).multiply(basis.transpose());
  }
}
