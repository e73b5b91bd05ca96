package dev.alphapulse.jobs;

import dev.alphapulse.engine.broker.OrderRequest;
import dev.alphapulse.engine.indicator.Sma;
import dev.alphapulse.engine.strategy.ParamSpec;
import dev.alphapulse.engine.strategy.Strategy;
import dev.alphapulse.engine.strategy.StrategyContext;
import dev.alphapulse.engine.strategy.StrategyDescriptor;
import dev.alphapulse.engine.strategy.StrategyProvider;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Strategies for the tests, found by the registry through {@code META-INF/services}: {@code
 * random-trader}, a stateful strategy (its random stream advances on every bar) that places every
 * kind of order (market, limit, stop, stop-limit, stop-loss, take-profit, trailing stops, partial
 * closes) after a warm-up of {@code warm - 1} bars, so that time chunks meet pending orders, open
 * trades and strategy state at their boundaries.
 */
public final class TestStrategies implements StrategyProvider {

  @Override
  public List<StrategyDescriptor> strategies() {
    return List.of(
        new StrategyDescriptor(
            "random-trader",
            "random orders of every kind from a seeded stream (tests only)",
            List.of(
                ParamSpec.integer("seed", 0, 1_000_000, 1, "seed of the order stream"),
                ParamSpec.integer("warm", 1, 5_000, 1, "SMA period whose warm-up it waits for"),
                ParamSpec.real("rate", 0, 1, 0.15, "probability of an order on a bar")),
            List.of(),
            p -> new RandomTrader(p.getInt("seed"), p.getInt("warm"), p.getDouble("rate"))));
  }

  /** See the class comment. */
  static final class RandomTrader implements Strategy {
    private final SplittableRandom rnd;
    private final int warm;
    private final double rate;
    private double[] sma;

    RandomTrader(long seed, int warm, double rate) {
      this.rnd = new SplittableRandom(seed);
      this.warm = warm;
      this.rate = rate;
    }

    @Override
    public void init(StrategyContext ctx) {
      sma = ctx.indicator(0, "sma(close," + warm + ")", () -> new Sma(warm));
    }

    @Override
    public void next(StrategyContext ctx) {
      int i = ctx.bar();
      if (rnd.nextDouble() > rate || Double.isNaN(sma[i])) {
        return;
      }
      double close = ctx.data().close(i);
      switch (rnd.nextInt(6)) {
        case 0 -> ctx.closePosition(0, rnd.nextBoolean() ? 1.0 : 0.5);
        case 1 -> {
          double size = rnd.nextBoolean() ? rnd.nextDouble(0.05, 0.9) : 1 + rnd.nextInt(20);
          ctx.order(OrderRequest.market(0, rnd.nextBoolean() ? size : -size));
        }
        case 2 ->
            ctx.order(
                OrderRequest.market(0, 0.5)
                    .withStopLoss(close * 0.95)
                    .withTakeProfit(close * 1.08));
        case 3 ->
            ctx.order(
                OrderRequest.market(0, -0.4).withLimit(close * 1.01).withStopLoss(close * 1.1));
        case 4 ->
            ctx.order(OrderRequest.market(0, 0.3).withStop(close * 1.01).withTrailingPercent(0.05));
        default ->
            ctx.order(OrderRequest.market(0, -0.3).withStop(close * 0.99).withLimit(close * 0.985));
      }
    }
  }
}
