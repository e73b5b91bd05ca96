package dev.alphapulse.dataio;

import java.util.Objects;

/**
 * Explicit positions of the time and OHLCV fields in a CSV file, for files whose header the
 * importer cannot read (or that have none). Each field is given by header name (matched ignoring
 * case and surrounding blanks) or by 0-based column index; the two may be mixed. Several fields may
 * share a column, so a close-only file can map open, high, low and close all to its close column.
 *
 * @param time the time column; never null
 * @param open the open column; never null
 * @param high the high column; never null
 * @param low the low column; never null
 * @param close the close column; never null
 * @param volume the volume column, or {@code null} if the file has none (volume is then {@code
 *     NaN})
 */
public record ColumnMapping(
    Column time, Column open, Column high, Column low, Column close, Column volume) {

  /** Validates that time, open, high, low and close are present. */
  public ColumnMapping {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(open, "open");
    Objects.requireNonNull(high, "high");
    Objects.requireNonNull(low, "low");
    Objects.requireNonNull(close, "close");
  }

  /**
   * Fields by header name.
   *
   * @param volume the volume column's name, or {@code null} if there is none
   */
  public static ColumnMapping byName(
      String time, String open, String high, String low, String close, String volume) {
    return new ColumnMapping(
        Column.named(time),
        Column.named(open),
        Column.named(high),
        Column.named(low),
        Column.named(close),
        volume == null ? null : Column.named(volume));
  }

  /**
   * Fields by 0-based column index.
   *
   * @param volume the volume column's index, or a negative number if there is none
   */
  public static ColumnMapping byIndex(
      int time, int open, int high, int low, int close, int volume) {
    return new ColumnMapping(
        Column.at(time),
        Column.at(open),
        Column.at(high),
        Column.at(low),
        Column.at(close),
        volume < 0 ? null : Column.at(volume));
  }

  /**
   * One column, by header name or by index: exactly one of {@code name} (non-blank) and {@code
   * index} ({@code >= 0}) is set; the unset one is {@code null} or {@code -1}.
   *
   * @param name the header name, or {@code null}
   * @param index the 0-based index, or {@code -1}
   */
  public record Column(String name, int index) {

    /** Validates that exactly one of name and index is given. */
    public Column {
      if (name == null && index < 0) {
        throw new IllegalArgumentException(
            "column needs a name or an index >= 0, got index " + index);
      }
      if (name != null && index != -1) {
        throw new IllegalArgumentException(
            "column has both name '" + name + "' and index " + index + "; give one");
      }
      if (name != null && name.isBlank()) {
        throw new IllegalArgumentException("column name is blank");
      }
    }

    /** The column whose header is {@code name} (ignoring case and surrounding blanks). */
    public static Column named(String name) {
      return new Column(Objects.requireNonNull(name, "name"), -1);
    }

    /** The column at 0-based {@code index}. */
    public static Column at(int index) {
      if (index < 0) {
        throw new IllegalArgumentException("column index must be >= 0, got " + index);
      }
      return new Column(null, index);
    }

    @Override
    public String toString() {
      return name != null ? "'" + name + "'" : "#" + index;
    }
  }
}
