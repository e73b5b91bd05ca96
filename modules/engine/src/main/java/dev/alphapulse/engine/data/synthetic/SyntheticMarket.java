package dev.alphapulse.engine.data.synthetic;

import dev.alphapulse.engine.data.BarSeries;
import dev.alphapulse.engine.data.Universe;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A seeded synthetic market: several correlated symbols of daily OHLCV bars with regime changes.
 *
 * <h2>Model</h2>
 *
 * <ul>
 *   <li><b>Calendar.</b> One bar per weekday (no holidays) from {@link #FIRST_DAY} 2000-01-03, time
 *       = UTC midnight in epoch milliseconds; all symbols share one calendar (and one time array).
 *   <li><b>Regimes.</b> A Markov chain over {@link Regime} ({@code BULL}, {@code BEAR}, {@code
 *       SIDEWAYS}, {@code HIGH_VOLATILITY}), common to all symbols, sets each bar's drift and
 *       volatility. Regimes persist (mean durations of 25 to 125 bars), which gives trend followers
 *       their trends; in {@code SIDEWAYS} each log price is also pulled toward its level at the
 *       start of the regime (half-life about 12 bars), which gives mean reversion its edge.
 *   <li><b>Correlation.</b> Symbol {@code s} in sector {@code g = s % sectors} gets the standard
 *       shock {@code z = a*M + b*S[g] + c*e[s]} with {@code a = sqrt(correlation)}, {@code b =
 *       sqrt(sectorCorrelation - correlation)}, {@code c = sqrt(1 - sectorCorrelation)} from
 *       independent normal market, sector and idiosyncratic draws. This is the factor form of the
 *       constant-correlation (block) matrix: the same distribution as multiplying i.i.d. normals by
 *       its Cholesky factor, at O(symbols) per bar instead of O(symbols<sup>2</sup>). Shocks of two
 *       symbols correlate by {@code sectorCorrelation} within a sector and by {@code correlation}
 *       across; per-symbol volatility scales leave correlations unchanged.
 *   <li><b>Returns.</b> The close-to-close log return is {@code drift(regime) + alpha[s] + pulls +
 *       vol(regime) * volScale[s] * z}. A weak pull toward the starting level (half-life about
 *       1,400 bars) keeps prices in a realistic range however long the series.
 *   <li><b>Bars.</b> The open gaps from the previous close by a quarter of the return plus noise;
 *       the close completes the return; high and low extend beyond {@code max(open, close)} and
 *       {@code min(open, close)} by exponentially distributed amounts scaled by the volatility.
 *       Prices are exponentials, hence positive, and {@code low <= min(open, close) <= max(open,
 *       close) <= high} holds exactly (a product with a factor {@code >= 1} never rounds below the
 *       other factor). Volume is a per-symbol base times {@code exp(0.25 * |shock| + noise)} with
 *       the shock measured against a common reference volatility, so it rises with absolute returns
 *       and in volatile regimes; it is a whole number {@code >= 1}.
 * </ul>
 *
 * <h2>Determinism</h2>
 *
 * Every random draw comes from a {@link SplittableRandom} whose seed is mixed from the spec's seed
 * and a stream id (one stream for the regime chain, one for the market factor, one per sector and
 * one per symbol), and every transcendental function is {@link StrictMath}'s, so a spec gives the
 * same bits on every JVM and platform. Bars are generated in time order and each stream is consumed
 * only by its own item, so the first {@code n} bars do not depend on {@code bars} and a symbol's
 * bars do not depend on how many symbols follow it (given the same sector count). Changing this
 * class's constants changes the default dataset: do so deliberately.
 *
 * <h2>Cost</h2>
 *
 * One pass, no object per bar: 48 bytes of columns per symbol and bar plus one byte of regime;
 * about five {@code exp} and four {@code log} calls per symbol and bar dominate the time. Instances
 * are immutable and thread-safe.
 */
public final class SyntheticMarket {

  /** The first bar's day, a Monday. */
  public static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 3);

  private static final long DAY_MILLIS = 86_400_000L;
  private static final long FIRST_MILLIS = FIRST_DAY.toEpochDay() * DAY_MILLIS;

  private static final long STREAM_REGIME = 1L;
  private static final long STREAM_MARKET = 2L;
  private static final long STREAM_SECTOR = 1L << 32;
  private static final long STREAM_SYMBOL = 2L << 32;

  /** Per-bar pull of log price toward the start level (half-life ln 2 / 0.0005 ~ 1,386 bars). */
  private static final double LONG_PULL = 0.0005;

  /** Per-bar pull toward the level at the start of a sideways regime (half-life ~ 12 bars). */
  private static final double SIDEWAYS_PULL = 0.06;

  /** Share of the bar's return realised in the opening gap. */
  private static final double GAP_SHARE = 0.25;

  /** Opening-gap noise, in units of the bar's volatility (moved from gap to session). */
  private static final double GAP_NOISE = 0.3;

  /** Mean extension of high and low beyond the body, in units of the bar's volatility. */
  private static final double WICK = 0.6;

  /** Reference daily volatility against which volume measures a shock. */
  private static final double VOLUME_REFERENCE_VOL = 0.012;

  private static final double VOLUME_SHOCK = 0.25;
  private static final double VOLUME_NOISE = 0.35;

  /** Market regime; drift and volatility are of daily log returns. */
  public enum Regime {
    /** Rising market: positive drift, moderate volatility, mean duration 125 bars. */
    BULL(0.0007, 0.011, 0.992, new double[] {0, 0.30, 0.50, 0.20}),
    /** Falling market: negative drift, raised volatility, mean duration about 67 bars. */
    BEAR(-0.0010, 0.017, 0.985, new double[] {0.25, 0, 0.35, 0.40}),
    /** Range-bound market: no drift, low volatility, mean reversion; mean duration 100 bars. */
    SIDEWAYS(0.0, 0.009, 0.99, new double[] {0.50, 0.35, 0, 0.15}),
    /** Turbulent market: slight negative drift, high volatility, mean duration 25 bars. */
    HIGH_VOLATILITY(-0.0004, 0.032, 0.96, new double[] {0.30, 0.40, 0.30, 0});

    private static final Regime[] VALUES = values();

    private final double drift;
    private final double volatility;
    private final double stay;
    private final double[] leaveTo;

    Regime(double drift, double volatility, double stay, double[] leaveTo) {
      this.drift = drift;
      this.volatility = volatility;
      this.stay = stay;
      this.leaveTo = leaveTo;
    }

    /** Expected daily log return before per-symbol terms. */
    public double drift() {
      return drift;
    }

    /** Daily volatility of log returns before the per-symbol scale. */
    public double volatility() {
      return volatility;
    }

    /** Probability of staying in this regime from one bar to the next. */
    public double persistence() {
      return stay;
    }

    Regime next(double u) {
      if (u < stay) {
        return this;
      }
      double x = (u - stay) / (1.0 - stay);
      double cumulative = 0.0;
      for (int r = 0; r < VALUES.length; r++) {
        cumulative += leaveTo[r];
        if (x < cumulative) {
          return VALUES[r];
        }
      }
      // rounding left x at the very top: take the last regime one can leave to
      for (int r = VALUES.length - 1; ; r--) {
        if (leaveTo[r] > 0) {
          return VALUES[r];
        }
      }
    }
  }

  /**
   * What to generate.
   *
   * @param symbols number of symbols, {@code >= 1}; named {@code SYN00}, {@code SYN01}, ...
   * @param bars number of daily bars per symbol, {@code >= 1}
   * @param seed the seed all randomness derives from
   * @param correlation correlation of the return shocks of two symbols in different sectors, in
   *     {@code [0, 1]}
   * @param sectors number of sectors, in {@code [1, symbols]}; symbol {@code s} is in sector {@code
   *     s % sectors}
   * @param sectorCorrelation correlation of the return shocks of two symbols in the same sector, in
   *     {@code [correlation, 1]}
   */
  public record Spec(
      int symbols, int bars, long seed, double correlation, int sectors, double sectorCorrelation) {

    /** Default cross-sector correlation of {@link #of}. */
    public static final double DEFAULT_CORRELATION = 0.3;

    /** Default within-sector correlation of {@link #of}. */
    public static final double DEFAULT_SECTOR_CORRELATION = 0.6;

    /**
     * The product's default dataset: 8 symbols in 2 sectors, 5,217 bars (every weekday from
     * 2000-01-03 through 2019-12-31), seed 42.
     */
    public static final Spec DEFAULT = of(8, 5_217, 42L);

    /** Validates. */
    public Spec {
      if (symbols < 1) {
        throw new IllegalArgumentException("symbols must be >= 1, was " + symbols);
      }
      if (bars < 1) {
        throw new IllegalArgumentException("bars must be >= 1, was " + bars);
      }
      if (!(correlation >= 0.0 && correlation <= 1.0)) {
        throw new IllegalArgumentException("correlation must be in [0, 1], was " + correlation);
      }
      if (sectors < 1 || sectors > symbols) {
        throw new IllegalArgumentException(
            "sectors must be in [1, symbols=" + symbols + "], was " + sectors);
      }
      if (!(sectorCorrelation >= correlation && sectorCorrelation <= 1.0)) {
        throw new IllegalArgumentException(
            "sectorCorrelation must be in [correlation="
                + correlation
                + ", 1], was "
                + sectorCorrelation);
      }
    }

    /**
     * A spec with the default correlations (0.3 across sectors, 0.6 within) and sectors of about
     * four symbols (at least two sectors when there are at least two symbols).
     */
    public static Spec of(int symbols, int bars, long seed) {
      int sectors = symbols <= 1 ? 1 : Math.max(2, (symbols + 3) / 4);
      return new Spec(
          symbols, bars, seed, DEFAULT_CORRELATION, sectors, DEFAULT_SECTOR_CORRELATION);
    }

    /** The correlation the model targets between the shocks of symbols {@code a} and {@code b}. */
    public double targetCorrelation(int a, int b) {
      Objects.checkIndex(a, symbols);
      Objects.checkIndex(b, symbols);
      if (a == b) {
        return 1.0;
      }
      return a % sectors == b % sectors ? sectorCorrelation : correlation;
    }
  }

  private final Spec spec;
  private final List<BarSeries> series;
  private final byte[] regimes;
  private final Object universeLock = new Object();
  private volatile Universe universe;

  private SyntheticMarket(Spec spec, List<BarSeries> series, byte[] regimes) {
    this.spec = spec;
    this.series = List.copyOf(series);
    this.regimes = regimes;
  }

  /** Generates the market described by {@code spec}; a pure function of {@code spec}. */
  public static SyntheticMarket generate(Spec spec) {
    Objects.requireNonNull(spec, "spec");
    return new Generator(spec).run();
  }

  /** The name of symbol {@code index}: {@code SYN00}, {@code SYN01}, ..., {@code SYN100}, ... */
  public static String symbolName(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("index must be >= 0, was " + index);
    }
    return index < 10 ? "SYN0" + index : "SYN" + index;
  }

  /**
   * Epoch milliseconds (UTC midnight) of bar {@code index}: the index-th weekday from 2000-01-03.
   */
  public static long barTime(int index) {
    long days = (index / 5) * 7L + index % 5;
    return FIRST_MILLIS + days * DAY_MILLIS;
  }

  public Spec spec() {
    return spec;
  }

  /** One series per symbol, in symbol order, all on the same calendar. */
  public List<BarSeries> series() {
    return series;
  }

  /** Symbol {@code s}'s series. */
  public BarSeries series(int s) {
    return series.get(s);
  }

  /** All symbols as a universe (every symbol has every bar), built on first call; thread-safe. */
  public Universe universe() {
    Universe u = universe;
    if (u == null) {
      synchronized (universeLock) {
        u = universe;
        if (u == null) {
          u = Universe.align(series);
          universe = u;
        }
      }
    }
    return u;
  }

  /**
   * The regime that drove bar {@code bar}: ground truth for tests and for judging strategies, not
   * something a strategy can observe.
   */
  public Regime regime(int bar) {
    return Regime.VALUES[regimes[bar]];
  }

  /** Seed of stream {@code stream} of a spec seeded {@code seed} (murmur3's 64-bit finaliser). */
  static long streamSeed(long seed, long stream) {
    return fmix64(seed ^ fmix64(stream * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L));
  }

  private static long fmix64(long z) {
    z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
    z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
    return z ^ (z >>> 33);
  }

  /** A random stream with standard normal and exponential draws (polar method, StrictMath). */
  private static final class Draws {
    private final SplittableRandom random;
    private double spare;
    private boolean hasSpare;

    Draws(long seed) {
      this.random = new SplittableRandom(seed);
    }

    double uniform() {
      return random.nextDouble();
    }

    double normal() {
      if (hasSpare) {
        hasSpare = false;
        return spare;
      }
      double u;
      double v;
      double s;
      do {
        u = 2.0 * random.nextDouble() - 1.0;
        v = 2.0 * random.nextDouble() - 1.0;
        s = u * u + v * v;
      } while (s >= 1.0 || s == 0.0);
      double m = StrictMath.sqrt(-2.0 * StrictMath.log(s) / s);
      spare = v * m;
      hasSpare = true;
      return u * m;
    }

    /** Exponential with mean 1. */
    double exponential() {
      return -StrictMath.log(1.0 - random.nextDouble());
    }
  }

  /** One run of the model; holds per-symbol state in arrays, never an object per bar. */
  private static final class Generator {
    private final Spec spec;
    private final int n;
    private final int bars;

    Generator(Spec spec) {
      this.spec = spec;
      this.n = spec.symbols();
      this.bars = spec.bars();
    }

    SyntheticMarket run() {
      long seed = spec.seed();
      Draws regimeDraws = new Draws(streamSeed(seed, STREAM_REGIME));
      Draws market = new Draws(streamSeed(seed, STREAM_MARKET));
      Draws[] sector = new Draws[spec.sectors()];
      for (int g = 0; g < sector.length; g++) {
        sector[g] = new Draws(streamSeed(seed, STREAM_SECTOR + g));
      }
      double a = Math.sqrt(spec.correlation());
      double b = Math.sqrt(spec.sectorCorrelation() - spec.correlation());
      double c = Math.sqrt(1.0 - spec.sectorCorrelation());

      Draws[] own = new Draws[n];
      double[] volScale = new double[n];
      double[] alpha = new double[n];
      double[] startLog = new double[n];
      double[] logVolumeBase = new double[n];
      double[] logPrice = new double[n];
      double[] anchor = new double[n];
      for (int s = 0; s < n; s++) {
        Draws d = new Draws(streamSeed(seed, STREAM_SYMBOL + s));
        own[s] = d;
        volScale[s] = 0.7 + 0.7 * d.uniform();
        alpha[s] = 0.0002 * (2.0 * d.uniform() - 1.0);
        startLog[s] = StrictMath.log(20.0) + StrictMath.log(10.0) * d.uniform();
        logVolumeBase[s] = StrictMath.log(1e5) + StrictMath.log(100.0) * d.uniform();
        logPrice[s] = startLog[s];
        anchor[s] = startLog[s];
      }

      long[] time = new long[bars];
      for (int t = 0; t < bars; t++) {
        time[t] = barTime(t);
      }
      double[][] open = new double[n][bars];
      double[][] high = new double[n][bars];
      double[][] low = new double[n][bars];
      double[][] close = new double[n][bars];
      double[][] volume = new double[n][bars];
      byte[] regimes = new byte[bars];
      double[] sectorShock = new double[sector.length];

      Regime regime = Regime.VALUES[(int) (regimeDraws.uniform() * Regime.VALUES.length)];
      for (int t = 0; t < bars; t++) {
        if (t > 0) {
          Regime next = regime.next(regimeDraws.uniform());
          if (next == Regime.SIDEWAYS && regime != Regime.SIDEWAYS) {
            System.arraycopy(logPrice, 0, anchor, 0, n);
          }
          regime = next;
        }
        regimes[t] = (byte) regime.ordinal();
        boolean sideways = regime == Regime.SIDEWAYS;
        double m = market.normal();
        for (int g = 0; g < sector.length; g++) {
          sectorShock[g] = sector[g].normal();
        }
        for (int s = 0; s < n; s++) {
          Draws d = own[s];
          double z = a * m + b * sectorShock[s % sector.length] + c * d.normal();
          double vol = regime.volatility * volScale[s];
          double p = logPrice[s];
          double expected = regime.drift + alpha[s] - LONG_PULL * (p - startLog[s]);
          if (sideways) {
            expected -= SIDEWAYS_PULL * (p - anchor[s]);
          }
          double shock = vol * z;
          double r = expected + shock;
          double gap = GAP_SHARE * r + GAP_NOISE * vol * d.normal();
          double logOpen = p + gap;
          double logClose = p + r;
          double o = StrictMath.exp(logOpen);
          double cl = StrictMath.exp(logClose);
          double top = Math.max(o, cl);
          double bottom = Math.min(o, cl);
          open[s][t] = o;
          close[s][t] = cl;
          high[s][t] = top * StrictMath.exp(WICK * vol * d.exponential());
          low[s][t] = bottom * StrictMath.exp(-WICK * vol * d.exponential());
          double logVolume =
              logVolumeBase[s]
                  + VOLUME_SHOCK * Math.abs(shock) / (VOLUME_REFERENCE_VOL * volScale[s])
                  + VOLUME_NOISE * d.normal();
          volume[s][t] = Math.max(1.0, Math.rint(StrictMath.exp(logVolume)));
          logPrice[s] = logClose;
        }
      }

      List<BarSeries> series = new ArrayList<>(n);
      for (int s = 0; s < n; s++) {
        series.add(
            new BarSeries(symbolName(s), time, open[s], high[s], low[s], close[s], volume[s]));
      }
      return new SyntheticMarket(spec, series, regimes);
    }
  }
}
