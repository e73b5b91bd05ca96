package dev.alphapulse.dataio;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One problem found in one row of a CSV file, and what was done about it.
 *
 * @param file the file, as passed to the reader
 * @param line the 1-based line number in the file where the row starts (the header is line 1 when
 *     there is one)
 * @param field the field at fault: {@code time}, {@code open}, {@code high}, {@code low}, {@code
 *     close} or {@code volume}
 * @param value the bad value as text: the field as written in the file (empty if blank or missing);
 *     for duplicate and out-of-order times, the parsed time in ISO-8601
 * @param kind the kind of problem
 * @param reason a sentence for humans naming the value, the rule it breaks and the repair, e.g.
 *     {@code 2.58 is below low 13.68 (OHLC violation)}
 * @param action what the importer did with the row
 */
public record DataIssue(
    Path file, long line, String field, String value, Kind kind, String reason, Action action) {

  /** Validates the components. */
  public DataIssue {
    Objects.requireNonNull(file, "file");
    if (line < 1) {
      throw new IllegalArgumentException("line must be >= 1, got " + line);
    }
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(action, "action");
  }

  /** {@code <file name> line <n>, field <field>: <reason>}. */
  public String describe() {
    return file.getFileName() + " line " + line + ", field " + field + ": " + reason;
  }

  @Override
  public String toString() {
    return describe();
  }

  /** The kinds of problem the importer checks for. */
  public enum Kind {
    /** A required field is empty or the row is too short to have it. */
    BLANK_FIELD("blank field"),
    /** A field is not a number, or the time is not a valid date/time. */
    UNPARSEABLE_FIELD("unparseable field"),
    /** A number is NaN or infinite. */
    NON_FINITE_VALUE("non-finite value"),
    /** A price is zero or negative. */
    NON_POSITIVE_PRICE("non-positive price"),
    /** Volume is negative. */
    NEGATIVE_VOLUME("negative volume"),
    /** high < max(open, close), low > min(open, close) or low > high. */
    OHLC_VIOLATION("OHLC violation"),
    /** The time equals the time of the previous kept row. */
    DUPLICATE_TIME("duplicate timestamp"),
    /** The time goes against the file's direction (ascending or newest-first). */
    UNSORTED_TIME("unsorted timestamp");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    /** Lower-case label used in messages, e.g. {@code OHLC violation}. */
    public String label() {
      return label;
    }
  }

  /** What the importer did with a bad row. */
  public enum Action {
    /** Nothing: the load failed ({@link RepairMode#FAIL}). */
    NONE,
    /** The row was left out of the series. */
    DROPPED,
    /** The row was kept with the repair the reason names. */
    FIXED
  }
}
