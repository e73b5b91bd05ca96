package dev.alphapulse.app.example;

import dev.alphapulse.dataio.CsvBarReader;
import dev.alphapulse.dataio.DataFormatException;
import dev.alphapulse.engine.data.Universe;
import dev.alphapulse.jobs.DataSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The bars an example runs on: the seeded synthetic market, or real CSV files read here first, so a
 * bad file fails before any node starts, with a message naming it.
 *
 * @param spec the job file's {@code data} block
 * @param universe the same bars, loaded in this JVM (for the report's local re-run and for symbol
 *     names); the node loads {@code spec} itself and checks the content hash
 * @param description one line on where the bars come from
 */
record ExampleData(DataSpec spec, Universe universe, String description) {

  /** The synthetic market of {@code symbols x bars} daily bars from {@code seed}. */
  static ExampleData synthetic(int symbols, int bars, long seed) {
    DataSpec.Synthetic s = new DataSpec.Synthetic(symbols, bars, seed);
    return new ExampleData(
        s,
        s.generate(),
        "synthetic market (" + symbols + " x " + bars + " daily bars, seed " + seed + ")");
  }

  /**
   * A CSV file, or a directory of them (one symbol per file; {@code symbols} picks and orders them,
   * empty for all).
   *
   * @throws IllegalArgumentException naming the path (and the CSV reader's file, line and field)
   *     when it is missing or not readable bar data
   */
  static ExampleData files(Path path, List<String> symbols) {
    Path abs = path.toAbsolutePath().normalize();
    CsvBarReader reader = CsvBarReader.create();
    Universe u;
    try {
      if (Files.isDirectory(abs)) {
        u =
            (symbols.isEmpty() ? reader.readDirectory(abs) : reader.readDirectory(abs, symbols))
                .universe();
      } else if (Files.isRegularFile(abs)) {
        if (!symbols.isEmpty()) {
          throw new IllegalArgumentException(
              "--symbols: picks files of a directory, but --data " + path + " is one file");
        }
        u = Universe.of(reader.read(abs).series());
      } else {
        throw new IllegalArgumentException("--data: no such file or directory: " + path);
      }
    } catch (IOException | DataFormatException e) {
      throw new IllegalArgumentException(
          "--data " + path + ": not usable bar data: " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("--")) {
        throw e;
      }
      throw new IllegalArgumentException("--data " + path + ": " + e.getMessage(), e);
    }
    if (u.symbolCount() == 0) {
      throw new IllegalArgumentException("--data " + path + ": no symbols found");
    }
    String what =
        u.symbolCount() == 1
            ? u.symbol(0) + " from " + path
            : u.symbolCount() + " symbols from " + path;
    return new ExampleData(
        new DataSpec.Files(abs.toString(), symbols),
        u,
        what + " (" + u.size() + " bars, " + first(u) + ")");
  }

  /** The symbols, in data order. */
  List<String> symbols() {
    List<String> out = new ArrayList<>();
    for (int s = 0; s < universe.symbolCount(); s++) {
      out.add(universe.symbol(s));
    }
    return out;
  }

  /** True for CSV data. */
  boolean isFiles() {
    return spec instanceof DataSpec.Files;
  }

  /**
   * This data cut to its first symbol, for the single-symbol examples: the same dataset for
   * synthetic data and single files; for a directory, that symbol's file alone.
   */
  ExampleData firstSymbolOnly() {
    if (universe.symbolCount() == 1) {
      return this;
    }
    String first = universe.symbol(0);
    if (spec instanceof DataSpec.Files f) {
      return new ExampleData(
          new DataSpec.Files(f.path(), List.of(first)),
          Universe.of(universe.series(0)),
          first + " from " + f.path() + " (first symbol; " + universe.size() + " bars)");
    }
    return this;
  }

  private static String first(Universe u) {
    long[] t = u.calendar();
    return day(t[0]) + " to " + day(t[t.length - 1]);
  }

  private static String day(long epochMillis) {
    return Instant.ofEpochMilli(epochMillis).toString().substring(0, 10);
  }
}
