package dev.alphapulse.jobs;

import dev.alphapulse.dataio.CsvBarReader;
import dev.alphapulse.engine.data.BarSeries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real market data for tests: {@code $ALPHAPULSE_DATA} if set, else {@code
 * $ALPHAPULSE_DATA_DEFAULT} (surefire sets it to {@code ../shared/data} from the repository root),
 * else {@code ../shared/data} above the repository root found from the working directory. Tests
 * fail with a clear message without it.
 */
final class TestData {
  private TestData() {}

  static Path root() {
    for (String env : new String[] {"ALPHAPULSE_DATA", "ALPHAPULSE_DATA_DEFAULT"}) {
      String v = System.getenv(env);
      if (v != null && !v.isBlank() && Files.isDirectory(Path.of(v))) {
        return Path.of(v);
      }
    }
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null
        && !(Files.isDirectory(dir.resolve("modules"))
            && Files.isRegularFile(dir.resolve("pom.xml")))) {
      dir = dir.getParent();
    }
    Path root = dir == null ? null : dir.resolve("../shared/data").normalize();
    if (root == null || !Files.isDirectory(root)) {
      throw new IllegalStateException(
          "cannot find the shared market data; set ALPHAPULSE_DATA to its root");
    }
    return root;
  }

  /** backtesting.py's GOOG.csv (2,148 daily bars), the reference dataset. */
  static BarSeries goog() {
    try {
      return CsvBarReader.create().read(root().resolve("backtesting.py/GOOG.csv")).series();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
