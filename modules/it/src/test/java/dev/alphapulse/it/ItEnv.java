package dev.alphapulse.it;

import dev.alphapulse.app.clusterbench.JournalDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where the multi-process tests find things: their work directories (kept after the run for
 * diagnosis: node logs, run logs, job files), the PostgreSQL journal, the market data and the class
 * path the node processes run on.
 */
final class ItEnv {
  private ItEnv() {}

  static {
    // Initialise SLF4J on this thread before a client's actor system logs from its own threads
    // (SLF4J would otherwise replay those calls with a warning), as the CLI's Main does.
    org.slf4j.LoggerFactory.getILoggerFactory();
  }

  /**
   * The database of this test run: {@code alphapulse_it_<pid>}, so that two builds on one machine
   * (a developer's and CI's) never share a journal. Created on first use, emptied before every
   * cluster, dropped when the test JVM exits.
   */
  static final String DATABASE = "alphapulse_it_" + ProcessHandle.current().pid();

  private static JournalDatabase journal;

  private static final Pattern PG_URL =
      Pattern.compile("(jdbc:postgresql://[^/?]+/)[^?]*(\\?.*)?", Pattern.CASE_INSENSITIVE);

  /**
   * The journal URL: the server and parameters of {@code $ALPHAPULSE_PG_URL} (CI's), else
   * 127.0.0.1:5432 as user postgres, with this module's own database {@value #DATABASE}.
   */
  static String journalUrl() {
    String base = System.getenv("ALPHAPULSE_PG_URL");
    if (base != null && !base.isBlank()) {
      Matcher m = PG_URL.matcher(base.trim());
      if (m.matches()) {
        return m.group(1) + DATABASE + (m.group(2) == null ? "?user=postgres" : m.group(2));
      }
    }
    return "jdbc:postgresql://127.0.0.1:5432/" + DATABASE + "?user=postgres";
  }

  /** This run's journal database (created now if missing; dropped at JVM exit). */
  static synchronized JournalDatabase journal() {
    if (journal == null) {
      JournalDatabase db = JournalDatabase.ensure(journalUrl());
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      db.dropDatabase();
                    } catch (RuntimeException e) {
                      System.err.println("could not drop " + DATABASE + ": " + e.getMessage());
                    }
                  },
                  "alphapulse-it-drop-database"));
      journal = db;
    }
    return journal;
  }

  /** A fresh (emptied) work directory for {@code name} under the build directory. */
  static Path workDir(String name) {
    Path root = Path.of(System.getProperty("alphapulse.it.work", "target/it-work"));
    Path dir = root.resolve(name).toAbsolutePath().normalize();
    deleteTree(dir);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir;
  }

  /** The class path of this JVM: the app, its dependencies and this module's test classes. */
  static String classPath() {
    return System.getProperty("java.class.path");
  }

  /**
   * The shared market data: {@code $ALPHAPULSE_DATA}, else {@code $ALPHAPULSE_DATA_DEFAULT} (set by
   * the build), else {@code ../shared/data} beside the checkout.
   */
  static Path dataRoot() {
    for (String var : new String[] {"ALPHAPULSE_DATA", "ALPHAPULSE_DATA_DEFAULT"}) {
      String v = System.getenv(var);
      if (v != null && !v.isBlank() && Files.isDirectory(Path.of(v))) {
        return Path.of(v).toAbsolutePath();
      }
    }
    return Path.of("../../../shared/data").toAbsolutePath().normalize();
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
