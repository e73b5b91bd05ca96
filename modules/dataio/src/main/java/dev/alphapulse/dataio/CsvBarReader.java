package dev.alphapulse.dataio;

import dev.alphapulse.engine.data.BarSeries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Loads OHLCV bars from CSV files into {@link BarSeries}, with validation and a {@link
 * DataQualityReport} per file.
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li>Input: UTF-8 text (a BOM is skipped), parsed with FastCSV. Unless {@link CsvOptions} says
 *       otherwise, the delimiter (comma, semicolon, tab), the header, the columns and the time
 *       format are detected per file, with no per-file options (see {@link CsvOptions} for the
 *       rules and the overrides). Extra columns ({@code Adj Close}, {@code Name}, {@code dividend},
 *       ...) are ignored; a missing volume column gives volume {@code NaN}.
 *   <li>Times become epoch milliseconds; a time without an offset is a wall time in {@link
 *       CsvOptions#zone()} (UTC by default). Bars come out ascending: a newest-first file is
 *       reversed, which is not an issue.
 *   <li>Validation: blank, unparseable or non-finite fields, non-positive prices, negative volume,
 *       OHLC violations (high &lt; max(open, close), low &gt; min(open, close), low &gt; high),
 *       duplicate timestamps, and timestamps against the file's direction. By default ({@link
 *       RepairMode#FAIL}) any issue throws {@link DataFormatException}; {@link RepairMode#DROP} and
 *       {@link RepairMode#FIX} load and list every dropped or repaired row in the report.
 *   <li>Symbols come from {@link CsvOptions#symbol()} or else the file name ({@link #symbolOf}).
 * </ul>
 *
 * <p>Instances are immutable and thread-safe; each call reads its files afresh.
 */
public final class CsvBarReader {
  private final CsvOptions options;

  private CsvBarReader(CsvOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  /** A reader that detects everything and fails on any bad row. */
  public static CsvBarReader create() {
    return new CsvBarReader(CsvOptions.defaults());
  }

  /** A reader with the given overrides and repair mode. */
  public static CsvBarReader create(CsvOptions options) {
    return new CsvBarReader(options);
  }

  /** The options this reader applies to every file. */
  public CsvOptions options() {
    return options;
  }

  /**
   * Loads one file.
   *
   * @return the bars (ascending) and the file's report
   * @throws DataFormatException if the layout cannot be understood, or in {@link RepairMode#FAIL}
   *     if any row is bad (the message names the file, line, field and value of the first)
   * @throws IOException if the file cannot be read
   */
  public LoadedSeries read(Path file) throws IOException {
    String symbol = options.symbol() != null ? options.symbol() : symbolOf(file);
    CsvFileParser.Result result = CsvFileParser.parse(file, symbol, options);
    if (result.series() == null) {
      throw new DataFormatException(List.of(result.report()));
    }
    return new LoadedSeries(result.series(), result.report());
  }

  /**
   * Loads every {@code *.csv} and {@code *.tsv} file directly in {@code directory} (not in
   * subdirectories), in file-name order, one series per file named by {@link #symbolOf}.
   *
   * @throws DataFormatException if a file's layout cannot be understood, or in {@link
   *     RepairMode#FAIL} if any row of any file is bad (after reading all files, naming the first
   *     bad row and counting the rest, file by file)
   * @throws IllegalArgumentException if the options name a symbol, or two files give one symbol
   * @throws IOException if the directory or a file cannot be read
   */
  public LoadedUniverse readDirectory(Path directory) throws IOException {
    return load(new ArrayList<>(filesBySymbol(directory).values()));
  }

  /**
   * Loads the files of the given symbols from {@code directory}, in the order given. A symbol's
   * file is the {@code *.csv} or {@code *.tsv} file whose {@link #symbolOf symbol} it is, e.g.
   * {@code AAPL_data.csv} for {@code AAPL}.
   *
   * @throws IllegalArgumentException if a symbol has no file, or is requested twice
   * @throws DataFormatException as for {@link #readDirectory(Path)}
   * @throws IOException if the directory or a file cannot be read
   */
  public LoadedUniverse readDirectory(Path directory, Collection<String> symbols)
      throws IOException {
    Map<String, Path> available = filesBySymbol(directory);
    Map<String, Path> chosen = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    for (String symbol : symbols) {
      Path file = available.get(symbol);
      if (file == null) {
        missing.add(symbol);
      } else if (chosen.put(symbol, file) != null) {
        throw new IllegalArgumentException("symbol " + symbol + " is requested twice");
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("no file in " + directory + " for symbols " + missing);
    }
    return load(new ArrayList<>(chosen.values()));
  }

  /**
   * The symbol of a file: its name without the last extension, cut at the first underscore ({@code
   * GOOG.csv} gives {@code GOOG}, {@code AAPL_data.csv} gives {@code AAPL}, {@code BRK.B_data.csv}
   * gives {@code BRK.B}, {@code BTCUSD_M30.csv} gives {@code BTCUSD}, {@code vix-daily.csv} gives
   * {@code vix-daily}). A name that starts with an underscore is not cut.
   */
  public static String symbolOf(Path file) {
    String name = String.valueOf(file.getFileName());
    int dot = name.lastIndexOf('.');
    String base = dot > 0 ? name.substring(0, dot) : name;
    int underscore = base.indexOf('_');
    return underscore > 0 ? base.substring(0, underscore) : base;
  }

  private Map<String, Path> filesBySymbol(Path directory) throws IOException {
    if (options.symbol() != null) {
      throw new IllegalArgumentException(
          "options name the symbol " + options.symbol() + "; a directory needs one per file");
    }
    Map<String, Path> bySymbol = new TreeMap<>();
    try (Stream<Path> entries = Files.list(directory)) {
      for (Path file : (Iterable<Path>) entries.sorted()::iterator) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        if (!Files.isRegularFile(file) || !(name.endsWith(".csv") || name.endsWith(".tsv"))) {
          continue;
        }
        Path previous = bySymbol.put(symbolOf(file), file);
        if (previous != null) {
          throw new IllegalArgumentException(
              "files "
                  + previous.getFileName()
                  + " and "
                  + file.getFileName()
                  + " both give symbol "
                  + symbolOf(file));
        }
      }
    }
    return bySymbol;
  }

  private LoadedUniverse load(List<Path> files) throws IOException {
    List<BarSeries> series = new ArrayList<>(files.size());
    List<DataQualityReport> reports = new ArrayList<>(files.size());
    List<DataQualityReport> failed = new ArrayList<>();
    for (Path file : files) {
      CsvFileParser.Result result = CsvFileParser.parse(file, symbolOf(file), options);
      reports.add(result.report());
      if (result.series() == null) {
        failed.add(result.report());
      } else {
        series.add(result.series());
      }
    }
    if (!failed.isEmpty()) {
      throw new DataFormatException(failed);
    }
    return new LoadedUniverse(series, reports);
  }
}
