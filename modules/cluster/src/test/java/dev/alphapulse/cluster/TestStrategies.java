package dev.alphapulse.cluster;

import dev.alphapulse.engine.strategy.ParamSpec;
import dev.alphapulse.engine.strategy.Params;
import dev.alphapulse.engine.strategy.Strategy;
import dev.alphapulse.engine.strategy.StrategyContext;
import dev.alphapulse.engine.strategy.StrategyDescriptor;
import dev.alphapulse.engine.strategy.StrategyProvider;
import dev.alphapulse.engine.strategy.builtin.SmaCross;
import java.util.List;

/**
 * Real strategies for tests, found through ServiceLoader like any user strategy: sma-cross that
 * throws for one fast period (a chunk that always fails), and sma-cross that takes its time (so a
 * node can be stopped while a job runs). Their results are sma-cross's.
 */
public final class TestStrategies implements StrategyProvider {

  @Override
  public List<StrategyDescriptor> strategies() {
    List<StrategyDescriptor.Constraint> fastBelowSlow =
        List.of(
            new StrategyDescriptor.Constraint(
                "fast must be < slow", p -> p.getInt("fast") < p.getInt("slow")));
    return List.of(
        new StrategyDescriptor(
            "test-failing-cross",
            "sma-cross that throws when fast equals fail",
            List.of(
                ParamSpec.integer("fast", 1, 1000, 10, "fast SMA period"),
                ParamSpec.integer("slow", 2, 5000, 30, "slow SMA period"),
                ParamSpec.integer("fail", 0, 1000, 0, "fast period that throws")),
            fastBelowSlow,
            TestStrategies::failing),
        new StrategyDescriptor(
            "test-slow-cross",
            "sma-cross that sleeps before each backtest",
            List.of(
                ParamSpec.integer("fast", 1, 1000, 10, "fast SMA period"),
                ParamSpec.integer("slow", 2, 5000, 30, "slow SMA period"),
                ParamSpec.integer("pause", 0, 10_000, 0, "milliseconds to sleep")),
            fastBelowSlow,
            TestStrategies::slow));
  }

  private static Strategy failing(Params p) {
    SmaCross inner = new SmaCross(p.getInt("fast"), p.getInt("slow"));
    boolean fails = p.getInt("fast") == p.getInt("fail");
    return new Strategy() {
      @Override
      public void init(StrategyContext ctx) {
        if (fails) {
          throw new IllegalStateException("deliberate failure for fast=" + p.getInt("fast"));
        }
        inner.init(ctx);
      }

      @Override
      public void next(StrategyContext ctx) {
        inner.next(ctx);
      }
    };
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
