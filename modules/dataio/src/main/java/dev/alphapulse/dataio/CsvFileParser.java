package dev.alphapulse.dataio;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.alphapulse.engine.data.BarSeries;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Reads one CSV file into columns and validates it; one instance per file, not thread-safe.
 *
 * <h2>Design</h2>
 *
 * <p>Two passes over primitive columns. Pass 1 streams FastCSV records, parses each field with
 * {@link Double#parseDouble} / {@link TimeParser} and checks each row on its own (blank,
 * unparseable, non-finite, non-positive, negative volume, OHLC order); a good row is appended to
 * growable {@code long[]}/{@code double[]} columns, a bad one becomes one issue (naming its first
 * bad field and listing the others) and is dropped or, in {@link RepairMode#FIX}, repaired. Pass 2
 * looks at the order of the kept times: the file's direction is the majority of its steps
 * (ascending, or newest-first, which is normal and silently reversed at the end); a row equal to
 * the previous kept time is a duplicate, a row going against the direction is out of order, and
 * both are dropped keeping the first occurrence. Only rows with issues allocate beyond what FastCSV
 * gives per record.
 *
 * <p>In {@link RepairMode#FAIL} the checks run as in {@link RepairMode#DROP} so the report counts
 * every bad row; the caller then throws.
 */
final class CsvFileParser {
  private final Path file;
  private final String symbol;
  private final CsvOptions options;
  private final CsvLayout layout;
  private final TimeParser timeParser;
  private final boolean fix;
  private final DataIssue.Action dropAction;
  private final DataIssue.Action fixAction;
  private final List<DataIssue> issues = new ArrayList<>();

  private int size;
  private long[] time;
  private double[] open;
  private double[] high;
  private double[] low;
  private double[] close;
  private double[] volume;
  private long[] lines;

  // The current row's problems: the first names the issue, the others are listed in its reason.
  private DataIssue.Kind firstKind;
  private String firstField;
  private String firstValue;
  private String firstReason;
  private StringBuilder otherProblems;
  private int fieldCount;

  private CsvFileParser(Path file, String symbol, CsvOptions options, CsvLayout layout)
      throws IOException {
    this.file = file;
    this.symbol = symbol;
    this.options = options;
    this.layout = layout;
    this.timeParser =
        options.datePattern() == null
            ? TimeParser.auto(options.zone())
            : TimeParser.ofPattern(options.datePattern(), options.zone());
    this.fix = options.repair() == RepairMode.FIX;
    this.dropAction =
        options.repair() == RepairMode.FAIL ? DataIssue.Action.NONE : DataIssue.Action.DROPPED;
    this.fixAction =
        options.repair() == RepairMode.FAIL ? DataIssue.Action.NONE : DataIssue.Action.FIXED;
    int capacity = (int) Math.min(1 << 20, Math.max(16, Files.size(file) / 48));
    time = new long[capacity];
    open = new double[capacity];
    high = new double[capacity];
    low = new double[capacity];
    close = new double[capacity];
    volume = new double[capacity];
    lines = new long[capacity];
  }

  /** The series (null if {@link RepairMode#FAIL} and there are issues) and the report. */
  record Result(BarSeries series, DataQualityReport report) {}

  static Result parse(Path file, String symbol, CsvOptions options) throws IOException {
    CsvLayout layout = CsvLayout.detect(file, options);
    return new CsvFileParser(file, symbol, options, layout).run();
  }

  private Result run() throws IOException {
    long rowsRead = 0;
    try (CsvReader<CsvRecord> reader =
        CsvLayout.readerBuilder(layout.delimiter())
            .detectBomHeader(true)
            .ofCsvRecord(file, StandardCharsets.UTF_8)) {
      boolean skipHeader = layout.header();
      for (CsvRecord rec : reader) {
        if (skipHeader) {
          skipHeader = false;
          continue;
        }
        rowsRead++;
        readRow(rec);
      }
    } catch (CsvParseException e) {
      throw new DataFormatException(file.getFileName() + ": " + e.getMessage(), e);
    }
    int kept = checkOrder();
    issues.sort(Comparator.comparingLong(DataIssue::line)); // stable: a row's issues keep order
    DataQualityReport report =
        new DataQualityReport(file, symbol, options.repair(), rowsRead, kept, issues);
    if (options.repair() == RepairMode.FAIL && !issues.isEmpty()) {
      return new Result(null, report);
    }
    double[] v = Arrays.copyOf(volume, kept);
    if (layout.volume() < 0) {
      Arrays.fill(v, Double.NaN);
    }
    BarSeries series =
        new BarSeries(
            symbol,
            Arrays.copyOf(time, kept),
            Arrays.copyOf(open, kept),
            Arrays.copyOf(high, kept),
            Arrays.copyOf(low, kept),
            Arrays.copyOf(close, kept),
            v);
    return new Result(series, report);
  }

  // ---------------------------------------------------------------- pass 1: one row at a time

  private void readRow(CsvRecord rec) {
    long line = rec.getStartingLineNumber();
    fieldCount = rec.getFieldCount();
    firstKind = null;
    otherProblems = null;

    long t = parseTime(field(rec, layout.time()));
    double o = price(rec, layout.open(), "open");
    double h = price(rec, layout.high(), "high");
    double l = price(rec, layout.low(), "low");
    double c = price(rec, layout.close(), "close");
    double v = layout.volume() < 0 ? Double.NaN : volume(rec, line);
    if (firstKind != null) {
      String reason =
          firstReason
              + (otherProblems == null ? "" : "; also " + otherProblems)
              + " ("
              + firstKind.label()
              + ")"
              + (dropAction == DataIssue.Action.DROPPED ? "; row dropped" : "");
      issues.add(new DataIssue(file, line, firstField, firstValue, firstKind, reason, dropAction));
      return;
    }
    if (o > h || o < l || c > h || c < l || l > h) {
      if (!ohlcViolation(rec, line, o, h, l, c)) {
        return;
      }
      h = Math.max(h, Math.max(o, c));
      l = Math.min(l, Math.min(o, c));
    }
    append(t, o, h, l, c, v, line);
  }

  private static String field(CsvRecord rec, int index) {
    return index < rec.getFieldCount() ? rec.getField(index) : null;
  }

  private long parseTime(String text) {
    if (text == null || text.isBlank()) {
      blankOrMissing("time", text);
      return TimeParser.INVALID;
    }
    long t = timeParser.parse(text);
    if (t == TimeParser.INVALID) {
      String value = text.strip();
      problem(
          DataIssue.Kind.UNPARSEABLE_FIELD,
          "time",
          value,
          "'" + value + "' is not a valid time (expected " + timeParser.expected() + ")");
    }
    return t;
  }

  private double price(CsvRecord rec, int index, String name) {
    String text = field(rec, index);
    double value = number(name, text);
    if (value <= 0) {
      String v = text.strip();
      problem(DataIssue.Kind.NON_POSITIVE_PRICE, name, v, v + " is not a positive price");
      return Double.NaN;
    }
    return value;
  }

  /** The field as a finite number, or NaN after recording why not. */
  private double number(String name, String text) {
    if (text == null || text.isBlank()) {
      blankOrMissing(name, text);
      return Double.NaN;
    }
    double value;
    try {
      value = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      String v = text.strip();
      problem(DataIssue.Kind.UNPARSEABLE_FIELD, name, v, "'" + v + "' is not a number");
      return Double.NaN;
    }
    if (!Double.isFinite(value)) {
      String v = text.strip();
      problem(DataIssue.Kind.NON_FINITE_VALUE, name, v, v + " is not finite");
      return Double.NaN;
    }
    return value;
  }

  /**
   * The volume, or NaN after recording why not. On a row that is good so far in {@link
   * RepairMode#FIX}, a bad volume is repaired to NaN (unknown) and reported as fixed; otherwise it
   * is one more problem of the row.
   */
  private double volume(CsvRecord rec, long line) {
    boolean fixable = fix && firstKind == null;
    String text = field(rec, layout.volume());
    double value = number("volume", text);
    if (value < 0) {
      String v = text.strip();
      problem(DataIssue.Kind.NEGATIVE_VOLUME, "volume", v, v + " is negative");
      value = Double.NaN;
    }
    if (fixable && firstKind != null) {
      String reason =
          firstReason + " (" + firstKind.label() + "); fixed: volume set to NaN (unknown)";
      issues.add(new DataIssue(file, line, "volume", firstValue, firstKind, reason, fixAction));
      firstKind = null;
      otherProblems = null;
    }
    return value;
  }

  private void blankOrMissing(String name, String text) {
    if (text == null) {
      problem(
          DataIssue.Kind.BLANK_FIELD, name, "", "missing (the row has " + fieldCount + " fields)");
    } else {
      problem(DataIssue.Kind.BLANK_FIELD, name, "", "blank");
    }
  }

  private void problem(DataIssue.Kind kind, String field, String value, String reason) {
    if (firstKind == null) {
      firstKind = kind;
      firstField = field;
      firstValue = value;
      firstReason = reason;
    } else {
      if (otherProblems == null) {
        otherProblems = new StringBuilder();
      } else {
        otherProblems.append(", ");
      }
      otherProblems.append(field).append(' ').append(reason);
    }
  }

  /**
   * Records an OHLC violation; returns whether the row is kept (and must be widened), which is the
   * case only in {@link RepairMode#FIX}. The issue names the first broken rule's field and lists
   * the others.
   */
  private boolean ohlcViolation(CsvRecord rec, long line, double o, double h, double l, double c) {
    String os = rec.getField(layout.open()).strip();
    String hs = rec.getField(layout.high()).strip();
    String ls = rec.getField(layout.low()).strip();
    String cs = rec.getField(layout.close()).strip();
    List<String[]> broken = new ArrayList<>(3); // {field, value, rule}
    if (o > h) {
      broken.add(new String[] {"open", os, "is above high " + hs});
    }
    if (o < l) {
      broken.add(new String[] {"open", os, "is below low " + ls});
    }
    if (c > h) {
      broken.add(new String[] {"close", cs, "is above high " + hs});
    }
    if (c < l) {
      broken.add(new String[] {"close", cs, "is below low " + ls});
    }
    if (l > h) {
      broken.add(new String[] {"low", ls, "is above high " + hs});
    }
    String[] first = broken.get(0);
    StringBuilder reason = new StringBuilder(first[1]).append(' ').append(first[2]);
    for (int i = 1; i < broken.size(); i++) {
      String[] b = broken.get(i);
      reason.append(i == 1 ? "; also " : ", ").append(b[0]).append(' ').append(b[1]);
      reason.append(' ').append(b[2]);
    }
    reason.append(" (").append(DataIssue.Kind.OHLC_VIOLATION.label()).append(')');
    if (fix) {
      double newHigh = Math.max(h, Math.max(o, c));
      double newLow = Math.min(l, Math.min(o, c));
      reason.append("; fixed:");
      if (newHigh != h) {
        reason.append(" high ").append(hs).append(" -> ").append(newHigh == o ? os : cs);
      }
      if (newLow != l) {
        reason.append(newHigh != h ? "," : "").append(" low ").append(ls).append(" -> ");
        reason.append(newLow == o ? os : cs);
      }
    } else if (dropAction == DataIssue.Action.DROPPED) {
      reason.append("; row dropped");
    }
    DataIssue.Action action = fix ? fixAction : dropAction;
    issues.add(
        new DataIssue(
            file,
            line,
            first[0],
            first[1],
            DataIssue.Kind.OHLC_VIOLATION,
            reason.toString(),
            action));
    return fix;
  }

  private void append(long t, double o, double h, double l, double c, double v, long line) {
    if (size == time.length) {
      int capacity = Math.max(16, size + (size >> 1));
      time = Arrays.copyOf(time, capacity);
      open = Arrays.copyOf(open, capacity);
      high = Arrays.copyOf(high, capacity);
      low = Arrays.copyOf(low, capacity);
      close = Arrays.copyOf(close, capacity);
      volume = Arrays.copyOf(volume, capacity);
      lines = Arrays.copyOf(lines, capacity);
    }
    time[size] = t;
    open[size] = o;
    high[size] = h;
    low[size] = l;
    close[size] = c;
    volume[size] = v;
    lines[size] = line;
    size++;
  }

  // ---------------------------------------------------------------- pass 2: order of the times

  /** Drops duplicate and out-of-order rows, reverses a newest-first file; returns rows kept. */
  private int checkOrder() {
    int ascending = 0;
    int descending = 0;
    for (int i = 1; i < size; i++) {
      if (time[i] > time[i - 1]) {
        ascending++;
      } else if (time[i] < time[i - 1]) {
        descending++;
      }
    }
    boolean newestFirst = descending > ascending;
    int w = 0;
    for (int r = 0; r < size; r++) {
      if (w > 0) {
        long prev = time[w - 1];
        if (time[r] == prev) {
          orderIssue(
              r,
              DataIssue.Kind.DUPLICATE_TIME,
              format(time[r]) + " repeats the time of line " + lines[w - 1]);
          continue;
        }
        if (newestFirst ? time[r] > prev : time[r] < prev) {
          orderIssue(
              r,
              DataIssue.Kind.UNSORTED_TIME,
              format(time[r])
                  + (newestFirst ? " is later than " : " is earlier than ")
                  + format(prev)
                  + " at line "
                  + lines[w - 1]
                  + " in a file that runs "
                  + (newestFirst ? "newest-first" : "oldest-first"));
          continue;
        }
      }
      if (w != r) {
        time[w] = time[r];
        open[w] = open[r];
        high[w] = high[r];
        low[w] = low[r];
        close[w] = close[r];
        volume[w] = volume[r];
        lines[w] = lines[r];
      }
      w++;
    }
    if (newestFirst) {
      reverse(w);
    }
    return w;
  }

  private void orderIssue(int row, DataIssue.Kind kind, String text) {
    String reason =
        text
            + " ("
            + kind.label()
            + ")"
            + (dropAction == DataIssue.Action.DROPPED ? "; row dropped, first kept" : "");
    issues.add(
        new DataIssue(file, lines[row], "time", format(time[row]), kind, reason, dropAction));
  }

  private String format(long epochMillis) {
    ZoneId zone = options.zone();
    LocalDateTime t = LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), zone);
    return t.toLocalTime().equals(LocalTime.MIDNIGHT) ? t.toLocalDate().toString() : t.toString();
  }

  private void reverse(int n) {
    for (int i = 0, j = n - 1; i < j; i++, j--) {
      long t = time[i];
      time[i] = time[j];
      time[j] = t;
      swap(open, i, j);
      swap(high, i, j);
      swap(low, i, j);
      swap(close, i, j);
      swap(volume, i, j);
      long line = lines[i];
      lines[i] = lines[j];
      lines[j] = line;
    }
  }

  private static void swap(double[] a, int i, int j) {
    double x = a[i];
    a[i] = a[j];
    a[j] = x;
  }
}
