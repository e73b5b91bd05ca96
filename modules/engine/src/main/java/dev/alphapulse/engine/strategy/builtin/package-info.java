/**
 * The strategies that ship with AlphaPulse: sma-cross, mean-reversion, breakout, rsi and the
 * multi-symbol momentum rotation.
 */
package dev.alphapulse.engine.strategy.builtin;
