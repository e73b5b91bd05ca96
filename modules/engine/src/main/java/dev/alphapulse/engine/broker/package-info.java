/**
 * The simulated broker: orders (market, limit, stop, stop-limit, with stop-loss, take-profit and
 * trailing stops), FIFO netting of trades per symbol, one shared cash account, commission, spread
 * and margin, and the named fill policies. Semantics follow backtesting.py 0.6 so its published
 * results are reproduced exactly.
 */
package dev.alphapulse.engine.broker;
