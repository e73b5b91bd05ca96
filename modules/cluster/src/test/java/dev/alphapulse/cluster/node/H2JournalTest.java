package dev.alphapulse.cluster.node;

/** The journal contract on an H2 file (the embedded default). */
class H2JournalTest extends JournalContract {
  private int databases;

  @Override
  String freshJournal() {
    return JournalSettings.h2File(dir.resolve("h2-" + databases++)).url();
  }
}
