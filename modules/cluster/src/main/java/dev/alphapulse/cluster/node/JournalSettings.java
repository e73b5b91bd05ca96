package dev.alphapulse.cluster.node;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * The journal database of a node, from its JDBC URL.
 *
 * <ul>
 *   <li>{@code jdbc:postgresql://HOST[:PORT]/DB[?user=U&password=P]}: Slick profile {@code
 *       slick.jdbc.PostgresProfile$}, driver {@code org.postgresql.Driver}, user from the URL or
 *       {@code postgres}, password from the URL or empty.
 *   <li>{@code jdbc:h2:...} (normally {@code jdbc:h2:file:PATH;...}): {@code
 *       slick.jdbc.H2Profile$}, driver {@code org.h2.Driver}, user {@code sa}. An H2 file is for
 *       one process (several nodes in one JVM may share it; separate processes need PostgreSQL).
 * </ul>
 *
 * @param kind which database
 * @param url the JDBC URL as given
 */
public record JournalSettings(Kind kind, String url, String user, String password) {

  /** Supported databases. */
  public enum Kind {
    POSTGRES("slick.jdbc.PostgresProfile$", "org.postgresql.Driver"),
    H2("slick.jdbc.H2Profile$", "org.h2.Driver");

    private final String profile;
    private final String driver;

    Kind(String profile, String driver) {
      this.profile = profile;
      this.driver = driver;
    }

    /** The Slick profile class name. */
    public String profile() {
      return profile;
    }

    /** The JDBC driver class name. */
    public String driver() {
      return driver;
    }
  }

  public JournalSettings {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
  }

  /**
   * Settings from a JDBC URL.
   *
   * @throws IllegalArgumentException naming {@code journal} for any other URL
   */
  public static JournalSettings fromUrl(String url) {
    String u = url.trim();
    String lower = u.toLowerCase(Locale.ROOT);
    if (lower.startsWith("jdbc:postgresql:")) {
      return new JournalSettings(
          Kind.POSTGRES, u, queryParam(u, "user", "postgres"), queryParam(u, "password", ""));
    }
    if (lower.startsWith("jdbc:h2:")) {
      return new JournalSettings(Kind.H2, u, "sa", "");
    }
    throw new IllegalArgumentException(
        "journal: expected a jdbc:postgresql://HOST[:PORT]/DB or jdbc:h2:file:PATH URL, got "
            + url);
  }

  /**
   * The default embedded journal: an H2 file {@code journal} in {@code dataDir}, with H2's
   * automatic mixed mode so that a second process on the same directory (two {@code run}s at once)
   * connects through the first instead of failing on the file lock. The database closes with its
   * last connection, when the last node using it stops (each node's pool keeps one open while it
   * runs): kept open for the JVM's life, its lock-file watchdog would outlive the node and write
   * into a data directory being deleted.
   */
  public static JournalSettings h2File(Path dataDir) {
    Path file = dataDir.toAbsolutePath().normalize().resolve("journal");
    return fromUrl("jdbc:h2:file:" + file + ";AUTO_SERVER=TRUE");
  }

  private static String queryParam(String url, String name, String fallback) {
    int q = url.indexOf('?');
    if (q < 0) {
      return fallback;
    }
    for (String pair : url.substring(q + 1).split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return fallback;
  }

  /** The URL with any password replaced, for logs. */
  public String redactedUrl() {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }
}
