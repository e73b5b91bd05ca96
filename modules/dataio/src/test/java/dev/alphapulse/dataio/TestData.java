package dev.alphapulse.dataio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Where the real market data lives for tests: {@code $ALPHAPULSE_DATA} if set, else {@code
 * $ALPHAPULSE_DATA_DEFAULT} if it names a directory (surefire sets it to {@code ../shared/data}
 * from the repository root), else {@code ../shared/data} relative to the repository root found by
 * walking up from the working directory. The data is not part of the repository; tests fail with a
 * clear message without it.
 */
final class TestData {
  private TestData() {}

  /** The data root directory. */
  static Path root() {
    String explicit = System.getenv("ALPHAPULSE_DATA");
    if (explicit != null && !explicit.isBlank()) {
      return existing(Path.of(explicit), "ALPHAPULSE_DATA");
    }
    // The build's default is derived from where Maven was started; if that guess is wrong
    // (started inside a module), fall back to the repository root found from here.
    String byBuild = System.getenv("ALPHAPULSE_DATA_DEFAULT");
    if (byBuild != null && !byBuild.isBlank() && Files.isDirectory(Path.of(byBuild))) {
      return Path.of(byBuild);
    }
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null
        && !(Files.isDirectory(dir.resolve("modules"))
            && Files.isRegularFile(dir.resolve("pom.xml")))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException(
          "cannot find the repository root above "
              + Path.of("").toAbsolutePath()
              + "; set ALPHAPULSE_DATA to the shared data root");
    }
    return existing(dir.resolve("../shared/data").normalize(), "the repository's ../shared/data");
  }

  /** A file or directory under the data root, e.g. {@code finance-vix/vix-daily.csv}. */
  static Path path(String relative) {
    return root().resolve(relative);
  }

  /** Every CSV file under the data root, recursively, in path order. */
  static List<Path> allCsvFiles() {
    try (Stream<Path> files = Files.walk(root())) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path existing(Path root, String source) {
    if (!Files.isDirectory(root)) {
      throw new IllegalStateException(
          "market data directory "
              + root
              + " (from "
              + source
              + ") does not exist; set ALPHAPULSE_DATA to the shared data root");
    }
    return root;
  }
}
