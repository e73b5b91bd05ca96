package dev.alphapulse.api;

import dev.alphapulse.engine.strategy.ParamSpec;
import dev.alphapulse.engine.strategy.Params;
import dev.alphapulse.engine.strategy.Strategy;
import dev.alphapulse.engine.strategy.StrategyContext;
import dev.alphapulse.engine.strategy.StrategyDescriptor;
import dev.alphapulse.engine.strategy.StrategyProvider;
import dev.alphapulse.engine.strategy.builtin.SmaCross;
import java.util.List;

/**
 * A strategy for the gRPC tests, found through ServiceLoader like any user strategy: sma-cross that
 * sleeps {@code pause} milliseconds before each backtest, so that a job runs long enough to be
 * cancelled or to leave a watch quiet. Its results are sma-cross's.
 */
public final class ApiTestStrategies implements StrategyProvider {
  /** The slow strategy's name. */
  public static final String SLOW_CROSS = "test-api-slow-cross";

  @Override
  public List<StrategyDescriptor> strategies() {
    return List.of(
        new StrategyDescriptor(
            SLOW_CROSS,
            "sma-cross that sleeps before each backtest",
            List.of(
                ParamSpec.integer("fast", 1, 1000, 10, "fast SMA period"),
                ParamSpec.integer("slow", 2, 5000, 30, "slow SMA period"),
                ParamSpec.integer("pause", 0, 60_000, 0, "milliseconds to sleep")),
            List.of(
                new StrategyDescriptor.Constraint(
                    "fast must be < slow", p -> p.getInt("fast") < p.getInt("slow"))),
            ApiTestStrategies::slow));
  }

  private static Strategy slow(Params p) {
    SmaCross inner = new SmaCross(p.getInt("fast"), p.getInt("slow"));
    long pause = p.getInt("pause");
    return new Strategy() {
      @Override
      public void init(StrategyContext ctx) {
        try {
          Thread.sleep(pause);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted", e);
        }
        inner.init(ctx);
      }

      @Override
      public void next(StrategyContext ctx) {
        inner.next(ctx);
      }
    };
  }
}
