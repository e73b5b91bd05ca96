/**
 * The strategy API: {@link dev.alphapulse.engine.strategy.Strategy} with its {@link
 * dev.alphapulse.engine.strategy.StrategyContext}, declared parameters ({@link
 * dev.alphapulse.engine.strategy.ParamSpec}) that sweeps and searches enumerate, and the registry
 * that creates strategies by name from the built-ins and from {@link java.util.ServiceLoader}
 * providers.
 */
package dev.alphapulse.engine.strategy;
