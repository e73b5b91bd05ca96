package dev.alphapulse.cluster.node;

import dev.alphapulse.cluster.util.RetryPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Creates the journal schema if it is missing: idempotent, and safe when several nodes start at
 * once.
 *
 * <h2>Why our own DDL</h2>
 *
 * pekko-persistence-jdbc's scripts are not idempotent on PostgreSQL ({@code CREATE INDEX
 * CONCURRENTLY}, which cannot run in a transaction, without {@code IF NOT EXISTS}), and {@code
 * SchemaUtils.createIfNotExists} tolerates existing tables but not two nodes creating them at the
 * same moment. So the node ships the same tables as {@code IF NOT EXISTS} statements ({@code
 * alphapulse/schema/*.sql}) and, on PostgreSQL, runs them in one transaction under a
 * transaction-scoped advisory lock: concurrent nodes queue on the lock and the later ones find
 * everything there. Connection failures (the database still starting) are retried with back-off.
 */
public final class JournalSchema {
  private JournalSchema() {}

  /** Advisory lock key of schema creation ("AP" + 1). */
  static final long LOCK_KEY = 0x4150_0001L;

  /**
   * Ensures the schema exists, retrying for about half a minute on {@link SQLException}s.
   *
   * @throws IllegalStateException if the database stays unreachable or refuses the DDL
   */
  public static void ensure(JournalSettings journal) {
    RetryPolicy retry = RetryPolicy.exponential(Duration.ofMillis(250), Duration.ofSeconds(4), 10);
    try {
      retry.call(
          "journal-schema",
          e -> e instanceof SQLException,
          () -> {
            create(journal);
            return null;
          });
    } catch (Exception e) {
      throw new IllegalStateException(
          "cannot create the journal schema at " + journal.redactedUrl() + ": " + e.getMessage(),
          e);
    }
  }

  private static void create(JournalSettings journal) throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", journal.user());
    props.setProperty("password", journal.password());
    try (Connection c = DriverManager.getConnection(journal.url(), props)) {
      List<String> statements = statements(journal.kind());
      if (journal.kind() == JournalSettings.Kind.POSTGRES) {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
          s.execute("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")");
          for (String sql : statements) {
            s.execute(sql);
          }
          c.commit();
        } catch (SQLException e) {
          c.rollback();
          throw e;
        }
      } else {
        try (Statement s = c.createStatement()) {
          for (String sql : statements) {
            s.execute(sql);
          }
        }
      }
    }
  }

  /** The DDL statements for a database, in order. */
  static List<String> statements(JournalSettings.Kind kind) {
    String resource =
        kind == JournalSettings.Kind.POSTGRES
            ? "/alphapulse/schema/postgres.sql"
            : "/alphapulse/schema/h2.sql";
    String text;
    try (InputStream in = JournalSchema.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : text.split("\n")) {
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("--")) {
        continue;
      }
      current.append(line).append('\n');
      if (t.endsWith(";")) {
        String sql = current.toString().strip();
        out.add(sql.substring(0, sql.length() - 1));
        current.setLength(0);
      }
    }
    return out;
  }
}
