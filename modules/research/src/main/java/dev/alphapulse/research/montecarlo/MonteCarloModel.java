package dev.alphapulse.research.montecarlo;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A Monte Carlo simulation ready to run: the spec, a copy of the input returns and, for the
 * parametric methods, the fitted parameters. Immutable and thread-safe; batches may be simulated
 * concurrently.
 *
 * <h2>Design</h2>
 *
 * <p>Path {@code i} uses a {@link SplittableRandom} seeded from {@code (spec.seed(), i)} alone, so
 * {@code simulate(0, n)} and any split of {@code [0, n)} into batches, merged in any order, give
 * the same numbers bit for bit. The bootstrap loop is fused with the metrics and allocation-free:
 * one 64-bit random word per step decides whether a block continues and where a new one starts, and
 * the path's state lives in locals. Equity is tracked in log space ({@code ln(E_t / E_0)}, the
 * running sum of {@code ln(1 + r)}, precomputed per input return), so the running peak, maximum
 * drawdown and minimum need additions and comparisons only, no division per step; the Sharpe ratio
 * comes from running sums of the simple returns (shifted by the data mean for accuracy). The
 * parametric methods draw the log returns of a path into a per-batch scratch array first.
 *
 * <h2>Path conventions</h2>
 *
 * <ul>
 *   <li>Equity starts at {@code startingEquity} and compounds: {@code E_t = E_(t-1) (1 + r_t)},
 *       computed as {@code E_0 exp(sum ln(1 + r))}.
 *   <li>A return at or below -1 wipes the path out: equity becomes 0 and stays 0 (absorbing).
 *   <li>Maximum drawdown is {@code max_t (1 - E_t / max_{s <= t} E_s)}, a fraction in [0, 1], with
 *       the starting equity as the first peak.
 *   <li>CAGR is {@code (E_T / E_0)^(periodsPerYear / steps) - 1}.
 *   <li>Sharpe is {@code mean(r) / sd(r) * sqrt(periodsPerYear)} over the path's drawn simple
 *       returns (sample standard deviation, risk-free rate 0); {@code NaN} when {@code steps < 2}
 *       or the standard deviation is 0.
 *   <li>Ruin: the equity fell strictly below {@code ruinThreshold * startingEquity} at some step.
 *   <li>Fan curves ({@code steps + 1} points) start with the starting equity.
 * </ul>
 */
public final class MonteCarloModel {
  private final MonteCarloSpec spec;
  private final double[] data;
  private final double[] logData;
  private final double shift;
  private final GbmFit fit;
  private final double logMean;
  private final double logScale;
  private final long newBlockThreshold;

  private MonteCarloModel(MonteCarloSpec spec, double[] data) {
    this.spec = spec;
    this.data = data;
    this.logData = new double[data.length];
    for (int i = 0; i < data.length; i++) {
      // A loss of 100% or more wipes the path out: ln(0) = -infinity absorbs.
      logData[i] = data[i] <= -1 ? Double.NEGATIVE_INFINITY : Math.log1p(data[i]);
    }
    double sum = 0;
    for (double r : data) {
      sum += r;
    }
    this.shift = sum / data.length;
    if (spec.method().parametric()) {
      this.fit = GbmFit.fit(data, spec.periodsPerYear());
      this.logMean = fit.logMeanPerStep();
      double nu = spec.degreesOfFreedom();
      this.logScale =
          spec.method() == MonteCarloMethod.STUDENT_T
              ? fit.logSdPerStep() * Math.sqrt((nu - 2) / nu)
              : fit.logSdPerStep();
    } else {
      this.fit = null;
      this.logMean = 0;
      this.logScale = 0;
    }
    // A new block starts when the high 32 bits of the step's random word are below this.
    this.newBlockThreshold =
        spec.method() == MonteCarloMethod.BLOCK_BOOTSTRAP
            ? (long) Math.ceil(4294967296.0 / spec.meanBlockLength())
            : 1L << 32;
  }

  /**
   * A model over the given returns.
   *
   * @param spec the simulation settings
   * @param returns per-bar simple returns (or per-trade returns for {@link
   *     MonteCarloMethod#TRADE_RESAMPLE}), copied; at least 1 value (2 for the parametric methods),
   *     all finite, and greater than -1 for the parametric methods
   * @throws IllegalArgumentException naming {@code returns} when the input is unusable
   */
  public static MonteCarloModel create(MonteCarloSpec spec, double[] returns) {
    Objects.requireNonNull(spec, "spec");
    boolean parametric = spec.method().parametric();
    Inputs.checkReturns(returns, parametric ? 2 : 1, parametric);
    return new MonteCarloModel(spec, returns.clone());
  }

  /** The settings. */
  public MonteCarloSpec spec() {
    return spec;
  }

  /** A copy of the input returns. */
  public double[] returns() {
    return data.clone();
  }

  /** The fitted GBM parameters (also the base of Student-t paths), or null for a bootstrap. */
  public GbmFit fit() {
    return fit;
  }

  /**
   * Simulates the paths with indices in {@code [fromPath, toPath)}.
   *
   * @param fromPath first path index, non-negative
   * @param toPath end path index (exclusive), at least {@code fromPath}; a batch holds at most
   *     {@code Integer.MAX_VALUE - 8} paths
   */
  public PathBatch simulate(long fromPath, long toPath) {
    if (fromPath < 0) {
      throw new IllegalArgumentException("fromPath must be non-negative, was " + fromPath);
    }
    if (toPath < fromPath || toPath - fromPath > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "toPath must be in [fromPath, fromPath + 2^31 - 9], was "
              + toPath
              + " (fromPath "
              + fromPath
              + ")");
    }
    int n = (int) (toPath - fromPath);
    int steps = spec.steps();
    long[] index = new long[n];
    double[] finalEquity = new double[n];
    double[] cagr = new double[n];
    double[] maxDrawdown = new double[n];
    double[] sharpe = new double[n];
    double[] minEquity = new double[n];
    boolean[] ruined = new boolean[n];
    long fanEnd = Math.min(toPath, spec.fanPaths());
    int fanCount = (int) Math.max(0, fanEnd - fromPath);
    long[] fanIndex = new long[fanCount];
    double[][] fanCurves = new double[fanCount][];

    double start = spec.startingEquity();
    double ruinLevel = spec.ruinThreshold() * start;
    double exponent = spec.periodsPerYear() / steps;
    double sqrtPpy = Math.sqrt(spec.periodsPerYear());
    Accumulator acc = new Accumulator();
    double[] scratch = spec.method().parametric() ? new double[steps] : null;
    for (int i = 0; i < n; i++) {
      long path = fromPath + i;
      double[] curve = null;
      if (i < fanCount) {
        curve = new double[steps + 1];
        fanIndex[i] = path;
        fanCurves[i] = curve;
      }
      run(new SplittableRandom(PathSeeds.pathSeed(spec.seed(), path)), acc, curve, scratch, null);
      double mean = shift + acc.s / steps;
      double var = steps > 1 ? (acc.ss - acc.s * acc.s / steps) / (steps - 1) : 0;
      double eq = start * Math.exp(acc.logEq);
      index[i] = path;
      finalEquity[i] = eq;
      cagr[i] = Math.pow(eq / start, exponent) - 1;
      maxDrawdown[i] = -Math.expm1(-acc.logDd);
      sharpe[i] = var > 0 ? mean / Math.sqrt(var) * sqrtPpy : Double.NaN;
      double min = start * Math.exp(acc.logMin);
      minEquity[i] = min;
      // the same comparison as MonteCarloSummary, so flag and summary never disagree by rounding
      ruined[i] = min < ruinLevel;
    }
    return new PathBatch(
        index, finalEquity, cagr, maxDrawdown, sharpe, minEquity, ruined, fanIndex, fanCurves);
  }

  /**
   * The simple returns that path {@code pathIndex} draws (exactly those {@link #simulate} uses),
   * for inspection and tests.
   */
  public double[] pathReturns(long pathIndex) {
    if (pathIndex < 0) {
      throw new IllegalArgumentException("pathIndex must be non-negative, was " + pathIndex);
    }
    double[] out = new double[spec.steps()];
    double[] scratch = spec.method().parametric() ? new double[spec.steps()] : null;
    run(
        new SplittableRandom(PathSeeds.pathSeed(spec.seed(), pathIndex)),
        new Accumulator(),
        null,
        scratch,
        out);
    return out;
  }

  /** The running state of one path, reused across the paths of a batch. */
  private static final class Accumulator {
    double logEq;
    double logDd;
    double logMin;
    double s;
    double ss;
  }

  private void run(
      SplittableRandom rng, Accumulator acc, double[] curve, double[] scratch, double[] out) {
    if (spec.method().parametric()) {
      runParametric(rng, acc, curve, scratch, out);
    } else {
      runBootstrap(rng, acc, curve, out);
    }
  }

  /**
   * The bootstrap path loop, fused with the metrics (no buffer): Politis and Romano's stationary
   * bootstrap draws one 64-bit word per step; its high 32 bits decide whether a new block starts
   * (probability {@code 1 / meanBlockLength}, quantised to 2^-32; always for the i.i.d. methods and
   * at step 0) and its low 32 bits give the new block's uniform start index by multiply-shift (bias
   * below {@code n / 2^32}); otherwise the block continues at the next index, wrapping circularly.
   * Block lengths are therefore geometric with the configured mean.
   */
  private void runBootstrap(SplittableRandom rng, Accumulator acc, double[] curve, double[] out) {
    double[] d = data;
    double[] ld = logData;
    int n = d.length;
    long threshold = newBlockThreshold;
    int steps = spec.steps();
    double c = shift;
    double start = spec.startingEquity();
    double logEq = 0;
    double logPeak = 0;
    double logDd = 0;
    double logMin = 0;
    double s = 0;
    double ss = 0;
    int idx = 0;
    for (int t = 0; t < steps; t++) {
      long u = rng.nextLong();
      int next = idx + 1;
      if (next == n) {
        next = 0;
      }
      int random = (int) (((u & 0xFFFFFFFFL) * n) >>> 32);
      idx = ((u >>> 32) < threshold || t == 0) ? random : next;
      // Log-equity space: no division per step; ln(0) = -infinity absorbs a wipe-out.
      logEq += ld[idx];
      double r = d[idx] - c;
      s += r;
      ss += r * r;
      if (logEq > logPeak) {
        logPeak = logEq;
      } else {
        double dd = logPeak - logEq;
        if (dd > logDd) {
          logDd = dd;
        }
        if (logEq < logMin) {
          logMin = logEq;
        }
      }
      if (curve != null) {
        curve[t + 1] = start * Math.exp(logEq);
      }
      if (out != null) {
        out[t] = d[idx];
      }
    }
    if (curve != null) {
      curve[0] = start;
    }
    acc.logEq = logEq;
    acc.logDd = logDd;
    acc.logMin = logMin;
    acc.s = s;
    acc.ss = ss;
  }

  /** Parametric paths: log returns {@code m + scale * z}, z standard normal or scaled Student-t. */
  private void runParametric(
      SplittableRandom rng, Accumulator acc, double[] curve, double[] logs, double[] out) {
    int steps = spec.steps();
    double m = logMean;
    double sc = logScale;
    double nu = spec.degreesOfFreedom();
    boolean student = spec.method() == MonteCarloMethod.STUDENT_T;
    for (int t = 0; t < steps; t++) {
      double z = student ? studentT(rng, nu) : rng.nextGaussian();
      logs[t] = m + sc * z;
    }
    double c = shift;
    double start = spec.startingEquity();
    double logEq = 0;
    double logPeak = 0;
    double logDd = 0;
    double logMin = 0;
    double s = 0;
    double ss = 0;
    for (int t = 0; t < steps; t++) {
      double x = logs[t];
      double simple = Math.expm1(x);
      logEq += x;
      double r = simple - c;
      s += r;
      ss += r * r;
      if (logEq > logPeak) {
        logPeak = logEq;
      } else {
        double dd = logPeak - logEq;
        if (dd > logDd) {
          logDd = dd;
        }
        if (logEq < logMin) {
          logMin = logEq;
        }
      }
      if (curve != null) {
        curve[t + 1] = start * Math.exp(logEq);
      }
      if (out != null) {
        out[t] = simple;
      }
    }
    if (curve != null) {
      curve[0] = start;
    }
    acc.logEq = logEq;
    acc.logDd = logDd;
    acc.logMin = logMin;
    acc.s = s;
    acc.ss = ss;
  }

  /** A Student-t variate: {@code Z / sqrt(2 G / nu)} with {@code G ~ Gamma(nu / 2, 1)}. */
  static double studentT(SplittableRandom rng, double nu) {
    double z = rng.nextGaussian();
    double g = gamma(rng, nu / 2);
    return z / Math.sqrt(2 * g / nu);
  }

  /** Marsaglia and Tsang (2000) for shape {@code a >= 1}; boosted by {@code U^(1/a)} below 1. */
  static double gamma(SplittableRandom rng, double a) {
    if (a < 1) {
      double u = 1 - rng.nextDouble();
      return gamma(rng, a + 1) * Math.pow(u, 1 / a);
    }
    double d = a - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double x;
      double v;
      do {
        x = rng.nextGaussian();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      double u = 1 - rng.nextDouble();
      if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
        return d * v;
      }
    }
  }
}
