package dev.alphapulse.engine.strategy.builtin;

import dev.alphapulse.engine.strategy.ParamSpec;
import dev.alphapulse.engine.strategy.StrategyDescriptor;
import dev.alphapulse.engine.strategy.StrategyDescriptor.Constraint;
import dev.alphapulse.engine.strategy.StrategyProvider;
import java.util.List;

/** The strategies that ship with AlphaPulse. */
public final class BuiltinStrategies implements StrategyProvider {

  @Override
  public List<StrategyDescriptor> strategies() {
    return List.of(
        new StrategyDescriptor(
            "sma-cross",
            "long/short on crossovers of two simple moving averages of the close",
            List.of(
                ParamSpec.integer("fast", 1, 1000, 10, "fast SMA period in bars"),
                ParamSpec.integer("slow", 2, 5000, 30, "slow SMA period in bars")),
            List.of(
                new Constraint("fast must be < slow", p -> p.getInt("fast") < p.getInt("slow"))),
            p -> new SmaCross(p.getInt("fast"), p.getInt("slow"))),
        new StrategyDescriptor(
            "mean-reversion",
            "fade moves of the rolling z-score of the close, exit near the mean",
            List.of(
                ParamSpec.integer("window", 2, 5000, 20, "rolling window in bars"),
                ParamSpec.real("entry", 0.0, 10.0, 2.0, "z-score beyond which to enter"),
                ParamSpec.real("exit", 0.0, 10.0, 0.5, "z-score within which to exit")),
            List.of(
                new Constraint(
                    "exit must be < entry", p -> p.getDouble("exit") < p.getDouble("entry"))),
            p -> new MeanReversion(p.getInt("window"), p.getDouble("entry"), p.getDouble("exit"))),
        new StrategyDescriptor(
            "breakout",
            "Donchian channel breakout, long above the channel, short below",
            List.of(ParamSpec.integer("period", 2, 5000, 20, "channel length in bars")),
            List.of(),
            p -> new Breakout(p.getInt("period"))),
        new StrategyDescriptor(
            "rsi",
            "long when RSI is oversold, flat when overbought",
            List.of(
                ParamSpec.integer("period", 2, 1000, 14, "RSI period in bars"),
                ParamSpec.real("lower", 0.0, 100.0, 30.0, "oversold band: buy below"),
                ParamSpec.real("upper", 0.0, 100.0, 70.0, "overbought band: exit above")),
            List.of(
                new Constraint(
                    "lower must be < upper", p -> p.getDouble("lower") < p.getDouble("upper"))),
            p -> new RsiBands(p.getInt("period"), p.getDouble("lower"), p.getDouble("upper"))),
        new StrategyDescriptor(
            "momentum",
            "multi-symbol rotation into the top-N symbols by lookback return",
            List.of(
                ParamSpec.integer("lookback", 1, 5000, 60, "return lookback in bars"),
                ParamSpec.integer("top-n", 1, 1000, 2, "number of symbols held"),
                ParamSpec.integer("rebalance", 1, 5000, 21, "bars between rebalances")),
            List.of(),
            p -> new Momentum(p.getInt("lookback"), p.getInt("top-n"), p.getInt("rebalance")),
            true));
  }
}
