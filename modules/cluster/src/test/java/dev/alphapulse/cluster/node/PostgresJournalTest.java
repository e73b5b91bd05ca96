package dev.alphapulse.cluster.node;

/**
 * The journal contract on the real PostgreSQL at 127.0.0.1:5432 (database {@code alphapulse_test},
 * created when missing). Fails, never skips, when PostgreSQL is not there.
 */
class PostgresJournalTest extends JournalContract {
  @Override
  String freshJournal() {
    return Postgres.freshDatabase();
  }
}
