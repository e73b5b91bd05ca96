/**
 * Market-data import: {@link dev.alphapulse.dataio.CsvBarReader} turns OHLCV CSV files (any of
 * comma, semicolon or tab; with or without header; dates as {@code yyyy-MM-dd}, ISO-8601, {@code
 * yyyyMMdd HHmmss} or {@code M/d/yyyy}; oldest- or newest-first) into columnar {@link
 * dev.alphapulse.engine.data.BarSeries}, one file or a whole directory at a time, parsing with
 * FastCSV into primitive columns; {@link dev.alphapulse.dataio.CsvOptions} overrides what detection
 * cannot know; every row is validated (prices positive and finite, OHLC order, volume, unique and
 * ordered times) and a {@link dev.alphapulse.dataio.DataQualityReport} lists each bad row by file,
 * line and field; by default bad data fails the load with a {@link
 * dev.alphapulse.dataio.DataFormatException}, and {@link dev.alphapulse.dataio.RepairMode} DROP or
 * FIX loads it with every repair reported.
 */
package dev.alphapulse.dataio;
