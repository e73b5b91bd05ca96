/**
 * Market data as columns: a symbol's bars ({@link dev.alphapulse.engine.data.BarSeries}, primitive
 * arrays, no object per bar) and several symbols aligned on one calendar ({@link
 * dev.alphapulse.engine.data.Universe}). No I/O here; importers live in the dataio module.
 */
package dev.alphapulse.engine.data;
