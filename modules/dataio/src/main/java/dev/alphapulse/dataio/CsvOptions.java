package dev.alphapulse.dataio;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * Overrides for what {@link CsvBarReader} cannot detect, plus the repair mode. Start from {@link
 * #defaults()} and change fields with the {@code with...} methods; a {@code null} component means
 * "detect it".
 *
 * <h2>What is detected</h2>
 *
 * <ul>
 *   <li>Delimiter: comma, semicolon or tab, whichever gives the most fields (at least 5) on the
 *       first line and as many on at least 90% of the first 20 lines.
 *   <li>Header: the first line is data if four or more of its fields are numbers.
 *   <li>Columns, by header name compared in lower case with everything but letters and digits
 *       removed: {@code open}, {@code high}, {@code low}, {@code close}, {@code volume} (so {@code
 *       OPEN} and {@code Close*} match, {@code Adj Close} and {@code Adj. Open} do not; other
 *       columns are ignored). The time column is the first named {@code date}, {@code time}, {@code
 *       timestamp}, {@code datetime} or {@code dt}, else the first whose name contains {@code date}
 *       or {@code time}, else an unnamed first column (a pandas index). Separate date and time
 *       columns are rejected. Without a header: time, open, high, low, close[, volume].
 *   <li>Time format: per value, see {@code datePattern} below; slashed dates are US month-first.
 * </ul>
 *
 * @param delimiter the field separator, or {@code null} to detect comma, semicolon or tab
 * @param header whether the first record is a header, or {@code null} to detect it (a first record
 *     with four or more numeric fields is data)
 * @param columns where the time and OHLCV fields are, or {@code null} to find them by header name
 *     (or, without a header, by position: time, open, high, low, close[, volume])
 * @param datePattern a {@link DateTimeFormatter} pattern for the time field, or {@code null} for
 *     the built-in formats ({@code yyyy-MM-dd[ HH:mm[:ss]]}, ISO-8601 with {@code T} and offset,
 *     {@code yyyyMMdd[ HHmmss]}, US {@code M/d/yyyy})
 * @param zone the zone in which times without an offset are read; never null ({@link
 *     ZoneOffset#UTC} by default, so wall times are read as UTC)
 * @param symbol the symbol of the series, or {@code null} to derive it from the file name (see
 *     {@link CsvBarReader#symbolOf})
 * @param repair what to do with bad rows; never null ({@link RepairMode#FAIL} by default)
 */
public record CsvOptions(
    Character delimiter,
    Boolean header,
    ColumnMapping columns,
    String datePattern,
    ZoneId zone,
    String symbol,
    RepairMode repair) {

  private static final CsvOptions DEFAULTS =
      new CsvOptions(null, null, null, null, ZoneOffset.UTC, null, RepairMode.FAIL);

  /** Validates the overrides. */
  public CsvOptions {
    if (delimiter != null && (delimiter == '"' || delimiter == '\r' || delimiter == '\n')) {
      throw new IllegalArgumentException(
          "delimiter must not be a quote or line break, got " + (int) delimiter.charValue());
    }
    if (datePattern != null) {
      try {
        DateTimeFormatter.ofPattern(datePattern, Locale.ROOT);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "datePattern '" + datePattern + "' is invalid: " + e.getMessage(), e);
      }
    }
    Objects.requireNonNull(zone, "zone");
    if (symbol != null && symbol.isBlank()) {
      throw new IllegalArgumentException("symbol is blank");
    }
    Objects.requireNonNull(repair, "repair");
  }

  /** Detect everything, read times as UTC, fail on any bad row. */
  public static CsvOptions defaults() {
    return DEFAULTS;
  }

  /** These options with the given field separator. */
  public CsvOptions withDelimiter(char newDelimiter) {
    return new CsvOptions(newDelimiter, header, columns, datePattern, zone, symbol, repair);
  }

  /** These options stating whether the first record is a header. */
  public CsvOptions withHeader(boolean hasHeader) {
    return new CsvOptions(delimiter, hasHeader, columns, datePattern, zone, symbol, repair);
  }

  /** These options with explicit column positions. */
  public CsvOptions withColumns(ColumnMapping newColumns) {
    return new CsvOptions(
        delimiter,
        header,
        Objects.requireNonNull(newColumns, "columns"),
        datePattern,
        zone,
        symbol,
        repair);
  }

  /** These options parsing times with a {@link DateTimeFormatter} pattern. */
  public CsvOptions withDatePattern(String pattern) {
    return new CsvOptions(
        delimiter,
        header,
        columns,
        Objects.requireNonNull(pattern, "datePattern"),
        zone,
        symbol,
        repair);
  }

  /** These options reading offset-less times in {@code newZone}. */
  public CsvOptions withZone(ZoneId newZone) {
    return new CsvOptions(delimiter, header, columns, datePattern, newZone, symbol, repair);
  }

  /** These options naming the series {@code newSymbol} (single-file reads only). */
  public CsvOptions withSymbol(String newSymbol) {
    return new CsvOptions(
        delimiter,
        header,
        columns,
        datePattern,
        zone,
        Objects.requireNonNull(newSymbol, "symbol"),
        repair);
  }

  /** These options with the given repair mode. */
  public CsvOptions withRepair(RepairMode mode) {
    return new CsvOptions(delimiter, header, columns, datePattern, zone, symbol, mode);
  }
}
