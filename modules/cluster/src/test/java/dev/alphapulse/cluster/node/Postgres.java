package dev.alphapulse.cluster.node;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The real PostgreSQL of the tests: 127.0.0.1:5432, user postgres, trust authentication. The test
 * database {@code alphapulse_test} is created when missing. There is no skip: a missing PostgreSQL
 * fails the tests that need it (CI must provide one).
 */
final class Postgres {
  private Postgres() {}

  static final String HOST = System.getenv().getOrDefault("ALPHAPULSE_PG_HOST", "127.0.0.1:5432");
  static final String DATABASE = "alphapulse_test";
  static final String URL = "jdbc:postgresql://" + HOST + "/" + DATABASE + "?user=postgres";

  /** Creates the test database if missing and drops the journal tables in it (a clean slate). */
  static String freshDatabase() {
    try (Connection admin =
            DriverManager.getConnection("jdbc:postgresql://" + HOST + "/postgres?user=postgres");
        Statement s = admin.createStatement()) {
      try (ResultSet r =
          s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
        if (!r.next()) {
          try {
            s.execute("CREATE DATABASE " + DATABASE);
          } catch (SQLException raced) {
            // another test JVM created it meanwhile
          }
        }
      }
    } catch (SQLException e) {
      throw new AssertionError(
          "PostgreSQL is required at " + HOST + " (user postgres, trust auth): " + e.getMessage(),
          e);
    }
    try (Connection c = DriverManager.getConnection(URL);
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS event_tag, event_journal, snapshot, durable_state CASCADE");
    } catch (SQLException e) {
      throw new AssertionError("cannot reset " + URL + ": " + e.getMessage(), e);
    }
    return URL;
  }
}
