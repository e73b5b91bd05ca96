package dev.alphapulse.research.optimize;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.special.Erf;

/**
 * Tree-structured Parzen estimator, univariate as Optuna's default {@code TPESampler}.
 *
 * <h2>Algorithm</h2>
 *
 * The first {@code startupTrials} proposals are random. After that, the told trials are ranked by
 * objective (best first, ties by trial id, so the tell order does not matter) and split: the best
 * {@code clamp(ceil(gamma * n), 1, 25)} form the good group, the rest the bad group. For each
 * parameter independently a density {@code l} is fitted to the good values and {@code g} to the bad
 * ones; {@code eiCandidates} values are drawn from {@code l} and the one maximising {@code log l(x)
 * - log g(x)} (the expected-improvement criterion of Bergstra et al. 2011) is proposed.
 *
 * <p>Numeric parameters live on their {@link Axis} interval (log scale for log domains, widened by
 * half a step for discrete ones; draws are snapped to the domain and scored at the snapped value).
 * Each density is a mixture, with equal weights, of a prior Gaussian (centre of the interval, width
 * the interval) and one Gaussian per observation, all truncated to the interval; an observation's
 * width is the larger distance to its sorted neighbours (the interval ends included), clipped to
 * {@code [range / min(100, n + 1), range]} (Optuna's "magic clip"). Categorical parameters use
 * counts plus a prior of weight 1 spread evenly over the categories.
 */
final class TpeSearcher extends AbstractSearcher {
  private static final double SQRT2 = Math.sqrt(2);

  private record Observation(long id, Map<String, Object> params, double objective) {}

  private final SplittableRandom rng;
  private final SearcherSpec.Tpe settings;
  private final List<Axis> axes;
  private final List<Observation> observations = new ArrayList<>();

  TpeSearcher(ParameterSpace space, long seed, SearcherSpec.Tpe settings) {
    super(space);
    this.rng = new SplittableRandom(seed);
    this.settings = settings;
    this.axes = Axis.of(space);
  }

  @Override
  Map<String, Object> propose(long id) {
    int n = observations.size();
    if (n < settings.startupTrials() || axes.isEmpty()) {
      return space.sample(rng);
    }
    List<Observation> ranked = new ArrayList<>(observations);
    ranked.sort(
        Comparator.comparingDouble(Observation::objective)
            .reversed()
            .thenComparingLong(Observation::id));
    int nGood = (int) Math.max(1, Math.min(25, Math.ceil(settings.gamma() * n)));
    List<Observation> good = ranked.subList(0, nGood);
    List<Observation> bad = ranked.subList(nGood, n);
    Map<String, Object> picked = new LinkedHashMap<>();
    for (Axis axis : axes) {
      picked.put(
          axis.name,
          axis.categorical() ? pickCategorical(axis, good, bad) : pickNumeric(axis, good, bad));
    }
    return complete(picked);
  }

  @Override
  void observe(long id, Map<String, Object> params, double objective) {
    observations.add(new Observation(id, params, objective));
  }

  private Object pickCategorical(Axis axis, List<Observation> good, List<Observation> bad) {
    double[] l = categoricalDensity(axis, good);
    double[] g = categoricalDensity(axis, bad);
    int best = -1;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < settings.eiCandidates(); c++) {
      double u = rng.nextDouble();
      int k = 0;
      while (k < l.length - 1 && u >= l[k]) {
        u -= l[k];
        k++;
      }
      double score = Math.log(l[k]) - Math.log(g[k]);
      if (best < 0 || score > bestScore) {
        best = k;
        bestScore = score;
      }
    }
    return axis.values.get(best);
  }

  private static double[] categoricalDensity(Axis axis, List<Observation> obs) {
    int m = axis.size();
    double[] p = new double[m];
    for (int k = 0; k < m; k++) {
      p[k] = 1.0 / m;
    }
    for (Observation o : obs) {
      p[axis.index(o.params().get(axis.name))] += 1;
    }
    double total = obs.size() + 1.0;
    for (int k = 0; k < m; k++) {
      p[k] /= total;
    }
    return p;
  }

  private Object pickNumeric(Axis axis, List<Observation> good, List<Observation> bad) {
    Parzen l = Parzen.fit(values(axis, good), axis.lo, axis.hi);
    Parzen g = Parzen.fit(values(axis, bad), axis.lo, axis.hi);
    Object best = null;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < settings.eiCandidates(); c++) {
      Object v = axis.decode(l.sample(rng));
      double x = axis.encode(v);
      double score = l.logPdf(x) - g.logPdf(x);
      if (best == null || score > bestScore) {
        best = v;
        bestScore = score;
      }
    }
    return best;
  }

  private static double[] values(Axis axis, List<Observation> obs) {
    double[] x = new double[obs.size()];
    for (int k = 0; k < x.length; k++) {
      x[k] = axis.encode(obs.get(k).params().get(axis.name));
    }
    return x;
  }

  /** An equally weighted mixture of Gaussians truncated to {@code [lo, hi]}. */
  static final class Parzen {
    final double[] mu;
    final double[] sigma;
    final double[] logNorm;
    final double lo;
    final double hi;

    private Parzen(double[] mu, double[] sigma, double lo, double hi) {
      this.mu = mu;
      this.sigma = sigma;
      this.lo = lo;
      this.hi = hi;
      this.logNorm = new double[mu.length];
      for (int k = 0; k < mu.length; k++) {
        double mass = phi((hi - mu[k]) / sigma[k]) - phi((lo - mu[k]) / sigma[k]);
        logNorm[k] = Math.log(Math.max(mass, 1e-300)) + Math.log(sigma[k]);
      }
    }

    static Parzen fit(double[] obs, double lo, double hi) {
      int n = obs.length;
      double range = hi - lo;
      double prior = 0.5 * (lo + hi);
      double[] mu = new double[n + 1];
      System.arraycopy(obs, 0, mu, 0, n);
      mu[n] = prior;
      java.util.Arrays.sort(mu);
      double[] sigma = new double[n + 1];
      double minSigma = range / Math.min(100.0, n + 1.0);
      boolean priorSeen = false;
      for (int k = 0; k <= n; k++) {
        double left = mu[k] - (k == 0 ? lo : mu[k - 1]);
        double right = (k == n ? hi : mu[k + 1]) - mu[k];
        double s = Math.max(left, right);
        if (!priorSeen && mu[k] == prior) {
          s = range;
          priorSeen = true;
        }
        sigma[k] = Math.max(minSigma, Math.min(range, s));
      }
      return new Parzen(mu, sigma, lo, hi);
    }

    double logPdf(double x) {
      double max = Double.NEGATIVE_INFINITY;
      double[] terms = new double[mu.length];
      for (int k = 0; k < mu.length; k++) {
        double z = (x - mu[k]) / sigma[k];
        terms[k] = -0.5 * z * z - logNorm[k];
        max = Math.max(max, terms[k]);
      }
      double sum = 0;
      for (double t : terms) {
        sum += Math.exp(t - max);
      }
      return max + Math.log(sum) - Math.log(mu.length) - 0.5 * Math.log(2 * Math.PI);
    }

    double sample(SplittableRandom rng) {
      int k = rng.nextInt(mu.length);
      double a = phi((lo - mu[k]) / sigma[k]);
      double b = phi((hi - mu[k]) / sigma[k]);
      double u = a + rng.nextDouble() * (b - a);
      double z = SQRT2 * Erf.erfInv(2 * u - 1);
      double x = mu[k] + sigma[k] * z;
      if (!Double.isFinite(x)) {
        x = lo + rng.nextDouble() * (hi - lo);
      }
      return Math.max(lo, Math.min(hi, x));
    }

    static double phi(double z) {
      return 0.5 * Erf.erfc(-z / SQRT2);
    }
  }
}
