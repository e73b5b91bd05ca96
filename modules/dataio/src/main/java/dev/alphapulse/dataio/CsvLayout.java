package dev.alphapulse.dataio;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where the fields of one CSV file are: its delimiter, whether it has a header, and the 0-based
 * index of each field ({@code volume} is {@code -1} when the file has none).
 *
 * <h2>Detection</h2>
 *
 * Detection reads the first {@value #SAMPLE_BYTES} bytes (after a UTF-8 BOM) and parses up to
 * {@value #SAMPLE_RECORDS} records of them with FastCSV once per candidate delimiter (comma,
 * semicolon, tab). A candidate is viable if its first record has at least 5 fields (2 with an
 * explicit column mapping) and at least 90% of the sampled records have as many; the viable
 * candidate with the most fields wins. The first record is a header unless it has four or more
 * numeric fields. Header names are compared in lower case with everything but letters and digits
 * removed, so {@code Open}, {@code OPEN} and {@code Close*} all match, while {@code Adj Close} and
 * {@code Adj. Open} do not. The time column is the first named {@code date}, {@code time}, {@code
 * timestamp}, {@code datetime} or {@code dt}, else the first whose name contains {@code date} or
 * {@code time}, else an unnamed first column (a pandas index, as in backtesting.py's files).
 * Without a header the fields are positional: time, open, high, low, close and, if present, volume.
 */
record CsvLayout(
    char delimiter, boolean header, int time, int open, int high, int low, int close, int volume) {

  static final int SAMPLE_BYTES = 16 * 1024;
  static final int SAMPLE_RECORDS = 20;
  private static final char[] DELIMITERS = {',', ';', '\t'};
  private static final Set<String> TIME_NAMES =
      Set.of("date", "time", "timestamp", "datetime", "dt");

  /** A FastCSV reader builder for this delimiter that tolerates ragged rows (they are reported). */
  static CsvReader.CsvReaderBuilder readerBuilder(char delimiter) {
    return CsvReader.builder()
        .fieldSeparator(delimiter)
        .skipEmptyLines(true)
        .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
        .missingFieldStrategy(FieldMismatchStrategy.IGNORE);
  }

  /** Detects the layout of {@code file}, honouring the explicit parts of {@code options}. */
  static CsvLayout detect(Path file, CsvOptions options) throws IOException {
    String name = String.valueOf(file.getFileName());
    String sample = sample(file);
    if (sample.isBlank()) {
      throw new DataFormatException(name + ": file is empty");
    }
    ColumnMapping mapping = options.columns();
    char delimiter =
        options.delimiter() != null
            ? options.delimiter()
            : detectDelimiter(name, sample, mapping == null ? 5 : 2);
    List<CsvRecord> records = records(sample, delimiter, 1);
    if (records.isEmpty()) {
      throw new DataFormatException(name + ": file has no records");
    }
    CsvRecord first = records.get(0);
    boolean header = options.header() != null ? options.header() : detectHeader(first, mapping);
    if (mapping != null) {
      return fromMapping(name, delimiter, header, first, mapping);
    }
    return header ? fromHeader(name, delimiter, first) : positional(name, delimiter, first);
  }

  /** The first {@link #SAMPLE_BYTES} bytes as text, without BOM, cut after the last full line. */
  private static String sample(Path file) throws IOException {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(SAMPLE_BYTES);
    }
    int start =
        bytes.length >= 3
                && bytes[0] == (byte) 0xEF
                && bytes[1] == (byte) 0xBB
                && bytes[2] == (byte) 0xBF
            ? 3
            : 0;
    String text = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
    if (bytes.length == SAMPLE_BYTES) {
      int lastNewline = text.lastIndexOf('\n');
      if (lastNewline > 0) {
        text = text.substring(0, lastNewline + 1);
      }
    }
    return text;
  }

  static List<CsvRecord> records(String text, char delimiter, int max) {
    List<CsvRecord> out = new ArrayList<>();
    try (CsvReader<CsvRecord> reader = readerBuilder(delimiter).ofCsvRecord(text)) {
      for (CsvRecord rec : reader) {
        out.add(rec);
        if (out.size() == max) {
          break;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // cannot happen when reading a String
    }
    return out;
  }

  private static char detectDelimiter(String name, String sample, int minFields) {
    char best = 0;
    int bestFields = 0;
    for (char candidate : DELIMITERS) {
      List<CsvRecord> recs = records(sample, candidate, SAMPLE_RECORDS);
      if (recs.isEmpty()) {
        continue;
      }
      int n = recs.get(0).getFieldCount();
      long same = recs.stream().filter(r -> r.getFieldCount() == n).count();
      if (n >= minFields && same * 10 >= recs.size() * 9L && n > bestFields) {
        best = candidate;
        bestFields = n;
      }
    }
    if (best == 0) {
      throw new DataFormatException(
          name
              + ": cannot detect the delimiter: no comma, semicolon or tab gives "
              + minFields
              + " or more fields on every line; set CsvOptions.withDelimiter");
    }
    return best;
  }

  private static boolean detectHeader(CsvRecord first, ColumnMapping mapping) {
    if (mapping != null) {
      if (mapping.close().name() != null) {
        return true;
      }
      int close = mapping.close().index();
      return close >= first.getFieldCount() || !isNumber(first.getField(close));
    }
    int numeric = 0;
    for (int i = 0; i < first.getFieldCount(); i++) {
      if (isNumber(first.getField(i))) {
        numeric++;
      }
    }
    return numeric < 4;
  }

  private static boolean isNumber(String s) {
    // Cheap pre-check so header names do not cost an exception each.
    boolean digit = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digit = true;
      } else if ("+-.eE \t".indexOf(c) < 0) {
        return false;
      }
    }
    if (!digit) {
      return false;
    }
    try {
      Double.parseDouble(s);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static CsvLayout fromHeader(String name, char delimiter, CsvRecord header) {
    int n = header.getFieldCount();
    String[] names = new String[n];
    for (int i = 0; i < n; i++) {
      names[i] = normalize(header.getField(i));
    }
    int time = -1;
    for (int i = 0; i < n && time < 0; i++) {
      if (TIME_NAMES.contains(names[i])) {
        time = i;
      }
    }
    if (indexOf(names, "date") >= 0 && indexOf(names, "time") >= 0) {
      throw new DataFormatException(
          name
              + ": separate date and time columns "
              + header.getFields()
              + " are not supported; join them into one column");
    }
    for (int i = 0; i < n && time < 0; i++) {
      if (names[i].contains("date") || names[i].contains("time")) {
        time = i;
      }
    }
    if (time < 0 && n > 0 && names[0].isEmpty()) {
      time = 0;
    }
    if (time < 0) {
      throw missing(name, "time", header);
    }
    return new CsvLayout(
        delimiter,
        true,
        time,
        required(name, names, "open", header),
        required(name, names, "high", header),
        required(name, names, "low", header),
        required(name, names, "close", header),
        indexOf(names, "volume"));
  }

  private static CsvLayout positional(String name, char delimiter, CsvRecord first) {
    int n = first.getFieldCount();
    if (n < 5) {
      throw new DataFormatException(
          name
              + ": a file without header needs at least 5 fields (time, open, high, low, close),"
              + " got "
              + n
              + "; set CsvOptions.withColumns");
    }
    return new CsvLayout(delimiter, false, 0, 1, 2, 3, 4, n >= 6 ? 5 : -1);
  }

  private static CsvLayout fromMapping(
      String name, char delimiter, boolean header, CsvRecord first, ColumnMapping m) {
    return new CsvLayout(
        delimiter,
        header,
        resolve(name, header, first, "time", m.time()),
        resolve(name, header, first, "open", m.open()),
        resolve(name, header, first, "high", m.high()),
        resolve(name, header, first, "low", m.low()),
        resolve(name, header, first, "close", m.close()),
        m.volume() == null ? -1 : resolve(name, header, first, "volume", m.volume()));
  }

  private static int resolve(
      String name, boolean header, CsvRecord first, String field, ColumnMapping.Column column) {
    if (column.name() == null) {
      if (column.index() >= first.getFieldCount()) {
        throw new DataFormatException(
            name
                + ": "
                + field
                + " column index "
                + column.index()
                + " is beyond the "
                + first.getFieldCount()
                + " fields of the first line");
      }
      return column.index();
    }
    if (!header) {
      throw new DataFormatException(
          name
              + ": "
              + field
              + " column is given by name "
              + column
              + " but the file has no header");
    }
    String wanted = column.name().strip();
    for (int i = 0; i < first.getFieldCount(); i++) {
      if (stripBom(first.getField(i)).strip().equalsIgnoreCase(wanted)) {
        return i;
      }
    }
    throw new DataFormatException(
        name
            + ": no column named "
            + column
            + " (for "
            + field
            + ") in header "
            + first.getFields());
  }

  private static int required(String name, String[] names, String field, CsvRecord header) {
    int i = indexOf(names, field);
    if (i < 0) {
      throw missing(name, field, header);
    }
    return i;
  }

  private static DataFormatException missing(String name, String field, CsvRecord header) {
    return new DataFormatException(
        name
            + ": header "
            + header.getFields()
            + " has no "
            + field
            + " column; set CsvOptions.withColumns");
  }

  private static int indexOf(String[] names, String wanted) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(wanted)) {
        return i;
      }
    }
    return -1;
  }

  /** Lower case, letters and digits only. */
  private static String normalize(String headerName) {
    StringBuilder sb = new StringBuilder(headerName.length());
    String lower = headerName.toLowerCase(Locale.ROOT);
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static String stripBom(String s) {
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }
}
