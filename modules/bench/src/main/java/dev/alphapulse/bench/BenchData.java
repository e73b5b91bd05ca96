package dev.alphapulse.bench;

import dev.alphapulse.dataio.CsvBarReader;
import dev.alphapulse.engine.data.BarSeries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The data sets the benchmarks run on, by name.
 *
 * <ul>
 *   <li>{@value #GOOG}: backtesting.py's {@code GOOG.csv} (2,148 daily bars), read with the dataio
 *       importer from {@code <data root>/backtesting.py/GOOG.csv}.
 *   <li>{@value #SYNTHETIC_1M}: {@link SyntheticBars#randomWalk} of {@value #SYNTHETIC_BARS} bars
 *       with seed {@value #SYNTHETIC_SEED}.
 * </ul>
 *
 * <p>The data root is, in this order: the system property {@value #DATA_PROPERTY} (the runner
 * passes it to JMH's forked JVMs), the environment variables {@code ALPHAPULSE_DATA} and {@code
 * ALPHAPULSE_DATA_DEFAULT}, else {@code ../shared/data} beside the repository root found by walking
 * up from the working directory.
 */
public final class BenchData {
  /** Name of the GOOG data set. */
  public static final String GOOG = "goog";

  /** Name of the synthetic 1,000,000-bar data set. */
  public static final String SYNTHETIC_1M = "synthetic1m";

  /** Bars in the synthetic data set. */
  public static final int SYNTHETIC_BARS = 1_000_000;

  /** Seed of the synthetic data set. */
  public static final long SYNTHETIC_SEED = 20_240_601L;

  /** System property naming the data root. */
  public static final String DATA_PROPERTY = "alphapulse.data";

  /** GOOG's path under the data root. */
  public static final String GOOG_FILE = "backtesting.py/GOOG.csv";

  private BenchData() {}

  /**
   * Loads a data set by name.
   *
   * @throws IllegalArgumentException for an unknown name
   * @throws IllegalStateException if the GOOG file cannot be found or read
   */
  public static BarSeries load(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case GOOG -> goog();
      case SYNTHETIC_1M -> synthetic1m();
      default ->
          throw new IllegalArgumentException(
              "unknown data set '" + name + "': expected " + GOOG + " or " + SYNTHETIC_1M);
    };
  }

  /** The synthetic 1,000,000-bar series. */
  public static BarSeries synthetic1m() {
    return SyntheticBars.randomWalk("SYN", SYNTHETIC_BARS, SYNTHETIC_SEED);
  }

  /** GOOG's daily bars, from the data root. */
  public static BarSeries goog() {
    Path file = googFile();
    try {
      return CsvBarReader.create().read(file).series();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /**
   * The GOOG file.
   *
   * @throws IllegalStateException naming the place looked at if it is not there
   */
  public static Path googFile() {
    Path file = dataRoot().resolve(GOOG_FILE);
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(
          "GOOG data not found at "
              + file
              + "; set ALPHAPULSE_DATA (or -D"
              + DATA_PROPERTY
              + ") to the data root");
    }
    return file;
  }

  /**
   * The data root directory (see the class comment).
   *
   * @throws IllegalStateException if none of the places exists
   */
  public static Path dataRoot() {
    String property = System.getProperty(DATA_PROPERTY);
    if (property != null && !property.isBlank()) {
      return existing(Path.of(property), "system property " + DATA_PROPERTY);
    }
    for (String variable : List.of("ALPHAPULSE_DATA", "ALPHAPULSE_DATA_DEFAULT")) {
      String value = System.getenv(variable);
      if (value != null && !value.isBlank()) {
        return existing(Path.of(value), "environment variable " + variable);
      }
    }
    Path cwd = Path.of("").toAbsolutePath();
    for (Path dir = cwd; dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("modules"))
          && Files.isRegularFile(dir.resolve("pom.xml"))) {
        return existing(
            dir.resolve("../shared/data").normalize(), "the repository's ../shared/data");
      }
    }
    throw new IllegalStateException(
        "cannot find the market data root: set ALPHAPULSE_DATA, or run from inside the repository"
            + " (working directory "
            + cwd
            + ")");
  }

  private static Path existing(Path root, String source) {
    Path absolute = root.toAbsolutePath().normalize();
    if (!Files.isDirectory(absolute)) {
      throw new IllegalStateException(
          "market data directory " + absolute + " (from " + source + ") does not exist");
    }
    return absolute;
  }
}
