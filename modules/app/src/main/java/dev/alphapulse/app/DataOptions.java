package dev.alphapulse.app;

import dev.alphapulse.dataio.CsvBarReader;
import dev.alphapulse.dataio.CsvOptions;
import dev.alphapulse.dataio.DataQualityReport;
import dev.alphapulse.dataio.LoadedSeries;
import dev.alphapulse.dataio.LoadedUniverse;
import dev.alphapulse.dataio.RepairMode;
import dev.alphapulse.engine.data.Universe;
import dev.alphapulse.engine.data.synthetic.SyntheticMarket;
import dev.alphapulse.jobs.DataSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * Where the bars come from: a CSV file, a directory of CSV files (one per symbol), or, when no
 * {@code --data} is given, the seeded synthetic market (the product's default dataset).
 */
final class DataOptions {

  @Option(
      names = "--data",
      paramLabel = "FILE_OR_DIR",
      description =
          "A CSV file of OHLCV bars, or a directory of them (one symbol per file). Delimiter,"
              + " header, column names and date format are detected. Default: the synthetic"
              + " market.")
  Path data;

  @Option(
      names = "--symbols",
      split = ",",
      paramLabel = "SYM",
      description = "With a directory: load only these symbols (file name up to '_' or '.').")
  List<String> symbols;

  @Option(
      names = "--symbol",
      paramLabel = "NAME",
      description = "With a file: the symbol name (default: derived from the file name).")
  String symbol;

  @Option(
      names = "--repair",
      defaultValue = "none",
      description =
          "What to do with bad rows (non-positive prices, OHLC violations, blank fields,"
              + " duplicate times): none (fail naming file, line and field; the default), drop"
              + " (drop them) or fix (widen high/low to cover open/close, drop the rest). The"
              + " data-quality report goes to stderr.")
  String repair;

  @Option(
      names = "--date-format",
      paramLabel = "PATTERN",
      description = "Override date detection with a java.time pattern, e.g. yyyyMMdd HHmmss.")
  String datePattern;

  @Option(
      names = "--delimiter",
      paramLabel = "CHAR",
      description = "Override delimiter detection (',', ';', or 'tab').")
  String delimiter;

  @Option(
      names = "--synthetic-symbols",
      defaultValue = "1",
      description = "Synthetic market: number of symbols (default: ${DEFAULT-VALUE}).")
  int syntheticSymbols;

  @Option(
      names = "--synthetic-bars",
      defaultValue = "5000",
      description = "Synthetic market: bars per symbol (default: ${DEFAULT-VALUE}).")
  int syntheticBars;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Synthetic market: seed (default: ${DEFAULT-VALUE}).")
  long seed;

  /** The same data as a job's {@code data:} block. */
  DataSpec dataSpec() {
    if (data == null) {
      return new DataSpec.Synthetic(syntheticSymbols, syntheticBars, seed);
    }
    return new DataSpec.Files(
        data.toAbsolutePath().toString(), symbols == null ? List.of() : symbols);
  }

  /** The loaded universe and a one-line description of where it came from. */
  record Loaded(Universe universe, String description) {}

  Loaded load(PrintStream err) {
    if (data == null) {
      SyntheticMarket.Spec spec = SyntheticMarket.Spec.of(syntheticSymbols, syntheticBars, seed);
      Universe u = SyntheticMarket.generate(spec).universe();
      return new Loaded(
          u,
          "synthetic market ("
              + syntheticSymbols
              + " symbols x "
              + syntheticBars
              + " bars, seed "
              + seed
              + ")");
    }
    CsvBarReader reader = CsvBarReader.create(csvOptions());
    if (Files.isDirectory(data)) {
      LoadedUniverse lu;
      try {
        lu =
            symbols == null || symbols.isEmpty()
                ? reader.readDirectory(data)
                : reader.readDirectory(data, symbols);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + data + ": " + e.getMessage(), e);
      }
      for (DataQualityReport r : lu.reportsWithIssues()) {
        err.println(r.summary());
      }
      return new Loaded(lu.universe(), data + " (" + lu.series().size() + " symbols)");
    }
    if (!Files.isRegularFile(data)) {
      throw new IllegalArgumentException("--data: no such file or directory: " + data);
    }
    LoadedSeries ls;
    try {
      ls = reader.read(data);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + data + ": " + e.getMessage(), e);
    }
    if (!ls.report().isClean()) {
      err.println(ls.report().summary());
    }
    return new Loaded(Universe.of(ls.series()), data.toString());
  }

  private CsvOptions csvOptions() {
    CsvOptions o = CsvOptions.defaults().withRepair(parseRepair(repair));
    if (symbol != null) {
      o = o.withSymbol(symbol);
    }
    if (datePattern != null) {
      o = o.withDatePattern(datePattern);
    }
    if (delimiter != null) {
      String d = delimiter.equalsIgnoreCase("tab") ? "\t" : delimiter;
      if (d.length() != 1) {
        throw new IllegalArgumentException(
            "--delimiter: expected one character or 'tab', got " + delimiter);
      }
      o = o.withDelimiter(d.charAt(0));
    }
    return o;
  }

  private static RepairMode parseRepair(String text) {
    String t = text.trim().toUpperCase(Locale.ROOT);
    if (t.equals("NONE") || t.equals("FAIL")) {
      return RepairMode.FAIL;
    }
    try {
      return RepairMode.valueOf(t);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--repair: expected none, drop or fix, got " + text);
    }
  }
}
