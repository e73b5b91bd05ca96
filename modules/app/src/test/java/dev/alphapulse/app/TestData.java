package dev.alphapulse.app;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the real market data is: {@code $ALPHAPULSE_DATA}, else {@code $ALPHAPULSE_DATA_DEFAULT}
 * (set by the build to {@code ../shared/data} beside the checkout), else {@code ../shared/data}
 * from the repository root.
 */
final class TestData {
  private TestData() {}

  static Path root() {
    for (String var : new String[] {"ALPHAPULSE_DATA", "ALPHAPULSE_DATA_DEFAULT"}) {
      String v = System.getenv(var);
      if (v != null && !v.isBlank() && Files.isDirectory(Path.of(v))) {
        return Path.of(v);
      }
    }
    return Path.of("../../../shared/data").toAbsolutePath().normalize();
  }

  static Path goog() {
    Path p = root().resolve("backtesting.py/GOOG.csv");
    if (!Files.isRegularFile(p)) {
      throw new IllegalStateException(
          "GOOG.csv not found at " + p + "; set ALPHAPULSE_DATA to the shared data directory");
    }
    return p;
  }
}
