package dev.alphapulse.bench;

import dev.alphapulse.engine.data.BarSeries;
import java.util.SplittableRandom;

/**
 * A seeded geometric random walk of one-minute OHLCV bars, for benchmarks that need more bars than
 * real files have.
 *
 * <p>Bar {@code i} is stamped 2020-01-01T00:00Z plus {@code i} minutes. Its open is the previous
 * close moved by a small gap (log-normal, sd 0.0001), its close the open moved by a log-normal
 * return (sd 0.0005), its high and low lie above and below both by a half-normal excursion (sd
 * 0.0003), its volume is uniform in [1,000, 10,000). The first open is 100. Prices stay positive
 * and OHLC-consistent; the same seed always gives the same bars.
 *
 * <p>The volatility is minute-like and low on purpose: an all-in strategy that trades tens of
 * thousands of times on a noisier walk loses most of its cash to volatility drag, and once it
 * cannot afford one unit its orders are cancelled, so its trades would no longer be comparable with
 * a library that does not size positions.
 */
public final class SyntheticBars {
  private static final long START_MILLIS = 1_577_836_800_000L; // 2020-01-01T00:00:00Z
  private static final long MINUTE_MILLIS = 60_000L;

  private SyntheticBars() {}

  /**
   * {@code bars} bars of {@code symbol} from {@code seed}.
   *
   * @throws IllegalArgumentException if {@code bars < 0}
   */
  public static BarSeries randomWalk(String symbol, int bars, long seed) {
    if (bars < 0) {
      throw new IllegalArgumentException("bars must be >= 0, was " + bars);
    }
    SplittableRandom random = new SplittableRandom(seed);
    long[] time = new long[bars];
    double[] open = new double[bars];
    double[] high = new double[bars];
    double[] low = new double[bars];
    double[] close = new double[bars];
    double[] volume = new double[bars];
    double last = 100.0;
    for (int i = 0; i < bars; i++) {
      double o = i == 0 ? last : last * Math.exp(0.0001 * random.nextGaussian());
      double c = o * Math.exp(0.0005 * random.nextGaussian());
      time[i] = START_MILLIS + i * MINUTE_MILLIS;
      open[i] = o;
      close[i] = c;
      high[i] = Math.max(o, c) * (1 + 0.0003 * Math.abs(random.nextGaussian()));
      low[i] = Math.min(o, c) * (1 - 0.0003 * Math.abs(random.nextGaussian()));
      volume[i] = Math.floor(1_000 + 9_000 * random.nextDouble());
      last = c;
    }
    return new BarSeries(symbol, time, open, high, low, close, volume);
  }
}
