package dev.alphapulse.engine.strategy;

import java.util.List;

/**
 * Supplies strategies to the {@link StrategyRegistry}. User strategies are found on the class path
 * through {@link java.util.ServiceLoader}: implement this interface and list the class in {@code
 * META-INF/services/dev.alphapulse.engine.strategy.StrategyProvider}.
 */
public interface StrategyProvider {

  /** The strategies this provider offers; names must be unique across all providers. */
  List<StrategyDescriptor> strategies();
}
