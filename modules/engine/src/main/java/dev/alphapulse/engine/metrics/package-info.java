/**
 * Performance statistics under named conventions: backtesting.py's full set (reproduced to 1e-8)
 * and arithmetic Sharpe conventions. Every output names its convention.
 */
package dev.alphapulse.engine.metrics;
