package dev.alphapulse.app.clusterbench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL journal a {@link LocalCluster} shares, seen from outside the nodes: creates the
 * database when it is missing, empties it, and reads a job's events back.
 *
 * <h2>What is read</h2>
 *
 * A job's coordinator persists under persistence id {@code JobCoordinator|<jobId>} (table {@code
 * event_journal} of pekko-persistence-jdbc). Events are Jackson CBOR with the event class in {@code
 * event_ser_manifest} ({@code dev.alphapulse.cluster.job.JobEvent$ChunkCompleted}); the chunk
 * events' {@code chunkId}, {@code attempt} and {@code node} are decoded from the payload. {@code
 * write_timestamp} is the writing node's clock in epoch millis (same machine, so comparable with
 * this JVM's clock).
 *
 * <p>A missing or unreachable server is an error, never a skip.
 */
public final class JournalDatabase {
  private static final Pattern URL =
      Pattern.compile("(jdbc:postgresql://[^/?]+/)([^?]+)(\\?.*)?", Pattern.CASE_INSENSITIVE);
  private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");
  private static final CBORMapper CBOR = new CBORMapper();

  /**
   * One persisted event of a job.
   *
   * @param sequenceNr the event's sequence number in the job's journal
   * @param type the event's simple class name, e.g. {@code ChunkCompleted}
   * @param chunkId the chunk of a chunk event, else -1
   * @param attempt the attempt of {@code ChunkCompleted}/{@code ChunkFailed}, else 0
   * @param node the worker node ({@code host:port}) of {@code ChunkCompleted}/{@code ChunkFailed},
   *     else null
   * @param writeTimestamp when it was written, epoch millis
   */
  public record JobEvent(
      long sequenceNr, String type, int chunkId, int attempt, String node, long writeTimestamp) {}

  private final String url;
  private final String adminUrl;
  private final String name;

  private JournalDatabase(String url, String adminUrl, String name) {
    this.url = url;
    this.adminUrl = adminUrl;
    this.name = name;
  }

  /**
   * The database of {@code url}, created if missing.
   *
   * @param url {@code jdbc:postgresql://HOST[:PORT]/DB[?user=U&...]}
   * @throws IllegalStateException if PostgreSQL cannot be reached or the database not created
   */
  public static JournalDatabase ensure(String url) {
    Matcher m = URL.matcher(url);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "journal URL: expected jdbc:postgresql://HOST[:PORT]/DB[?user=U], was " + url);
    }
    String db = m.group(2);
    if (!NAME.matcher(db).matches()) {
      throw new IllegalArgumentException(
          "journal URL: database name must match " + NAME + ", was " + db);
    }
    String admin = m.group(1) + "postgres" + (m.group(3) == null ? "" : m.group(3));
    try (Connection c = DriverManager.getConnection(admin);
        Statement s = c.createStatement()) {
      boolean exists;
      try (ResultSet r = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + db + "'")) {
        exists = r.next();
      }
      if (!exists) {
        try {
          s.execute("CREATE DATABASE " + db);
        } catch (SQLException raced) {
          // created by another process meanwhile; checked by the connection below
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "PostgreSQL is required at "
              + m.group(1)
              + " (user postgres, trust authentication): "
              + e.getMessage(),
          e);
    }
    JournalDatabase d = new JournalDatabase(url, admin, db.toLowerCase(Locale.ROOT));
    d.query("SELECT 1");
    return d;
  }

  /** The URL nodes are given ({@code --journal}). */
  public String url() {
    return url;
  }

  /** The database name of a PostgreSQL JDBC URL. */
  public static String databaseName(String url) {
    Matcher m = URL.matcher(url);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + url);
    }
    return m.group(2).toLowerCase(Locale.ROOT);
  }

  /**
   * {@code url} with its database name replaced by {@code database} (host, port and parameters
   * kept): a separate journal on the same server.
   */
  public static String withDatabase(String url, String database) {
    Matcher m = URL.matcher(url);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + url);
    }
    return m.group(1) + database + (m.group(3) == null ? "" : m.group(3));
  }

  /**
   * Drops the journal tables (nodes create them again at start): a clean slate, so no job of an
   * earlier run is resumed by remembered entities.
   */
  public void reset() {
    query("DROP TABLE IF EXISTS event_tag, event_journal, snapshot, durable_state CASCADE");
  }

  /**
   * Drops the whole database, closing the connections still open to it ({@code WITH (FORCE)},
   * PostgreSQL 13 and later). For databases made for one run only.
   */
  public void dropDatabase() {
    try (Connection c = DriverManager.getConnection(adminUrl);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot drop database " + name + ": " + e.getMessage(), e);
    }
  }

  /** Every event of job {@code jobId}, in sequence order. */
  public List<JobEvent> events(String jobId) {
    String sql =
        "SELECT sequence_number, event_ser_manifest, event_payload, write_timestamp"
            + " FROM event_journal WHERE persistence_id = ? AND NOT deleted"
            + " ORDER BY sequence_number";
    List<JobEvent> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, "JobCoordinator|" + jobId);
      try (ResultSet r = ps.executeQuery()) {
        while (r.next()) {
          String manifest = r.getString(2);
          String type = manifest.substring(manifest.lastIndexOf('$') + 1);
          JsonNode payload = CBOR.readTree(r.getBytes(3));
          out.add(
              new JobEvent(
                  r.getLong(1),
                  type,
                  payload.path("chunkId").asInt(-1),
                  payload.path("attempt").asInt(0),
                  payload.hasNonNull("node") ? payload.get("node").asText() : null,
                  r.getLong(4)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the journal at " + url + ": " + e, e);
    } catch (IOException e) {
      throw new IllegalStateException("undecodable event of job " + jobId + ": " + e, e);
    }
    return out;
  }

  /** Number of persisted events of job {@code jobId} (0 before it was accepted). */
  public int eventCount(String jobId) {
    return events(jobId).size();
  }

  /** Number of jobs that have a journal (persistence ids {@code JobCoordinator|...}). */
  public int jobCount() {
    String sql =
        "SELECT count(DISTINCT persistence_id) FROM event_journal"
            + " WHERE persistence_id LIKE 'JobCoordinator|%'";
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getInt(1);
    } catch (SQLException e) {
      if ("42P01".equals(e.getSQLState())) {
        return 0; // no event_journal table yet: no job
      }
      throw new IllegalStateException("cannot read the journal at " + url + ": " + e, e);
    }
  }

  private void query(String sql) {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL at " + url + ": " + e.getMessage(), e);
    }
  }
}
