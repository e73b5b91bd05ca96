/**
 * The backtest loop: runs a strategy over a universe with a broker and returns the equity curve and
 * trades, sharing indicator columns through a cache.
 */
package dev.alphapulse.engine.backtest;
