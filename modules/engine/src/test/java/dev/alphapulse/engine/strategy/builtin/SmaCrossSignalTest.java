package dev.alphapulse.engine.strategy.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alphapulse.engine.broker.OrderRequest;
import dev.alphapulse.engine.data.Universe;
import dev.alphapulse.engine.indicator.Indicator;
import dev.alphapulse.engine.strategy.StrategyContext;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * {@link SmaCross#nextSignal} finds exactly the bars where {@link SmaCross#next} acts, on columns
 * with many ties and NaNs (which break a strict state), for every start and end.
 */
class SmaCrossSignalTest {
  @Test
  void nextSignalIsTheFirstBarWhereNextActs() {
    SplittableRandom rng = new SplittableRandom(7);
    for (int round = 0; round < 200; round++) {
      int n = 2 + rng.nextInt(60);
      double[] f = new double[n];
      double[] s = new double[n];
      for (int i = 0; i < n; i++) {
        f[i] = column(rng);
        s[i] = column(rng);
      }
      SmaCross strategy = new SmaCross(1, 2);
      strategy.init(new Columns(f, s));
      for (int from = 1; from <= n; from++) {
        for (int to = from; to <= n; to++) {
          int expected = to;
          for (int i = from; i < to; i++) {
            boolean up = f[i - 1] < s[i - 1] && f[i] > s[i];
            boolean down = s[i - 1] < f[i - 1] && s[i] > f[i];
            if (up || down) {
              expected = i;
              break;
            }
          }
          assertThat(strategy.nextSignal(from, to))
              .as("round %d, from %d to %d", round, from, to)
              .isEqualTo(expected);
        }
      }
    }
  }

  /** Few distinct values, so that ties are common, and some NaNs. */
  private static double column(SplittableRandom rng) {
    int k = rng.nextInt(8);
    return k == 0 ? Double.NaN : k;
  }

  /** Serves the two columns in the order SmaCross requests them (fast, then slow). */
  private static final class Columns implements StrategyContext {
    private final double[][] columns;
    private int served;

    Columns(double[] fast, double[] slow) {
      this.columns = new double[][] {fast, slow};
    }

    @Override
    public double[] indicator(int symbol, String key, Supplier<Indicator> factory) {
      return columns[served++];
    }

    @Override
    public int bar() {
      throw new UnsupportedOperationException();
    }

    @Override
    public Universe universe() {
      throw new UnsupportedOperationException();
    }

    @Override
    public double[] register(double[] column) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void order(OrderRequest request) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void closePosition(int symbol, double portion) {
      throw new UnsupportedOperationException();
    }

    @Override
    public double position(int symbol) {
      throw new UnsupportedOperationException();
    }

    @Override
    public double averageEntryPrice(int symbol) {
      throw new UnsupportedOperationException();
    }

    @Override
    public double equity() {
      throw new UnsupportedOperationException();
    }

    @Override
    public double cash() {
      throw new UnsupportedOperationException();
    }
  }
}
