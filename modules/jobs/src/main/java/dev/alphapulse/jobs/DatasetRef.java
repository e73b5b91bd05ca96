package dev.alphapulse.jobs;

import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A reference to a dataset, as plans and chunks carry it (never the bars): where it is, its content
 * hash, its symbols and its calendar. A node that resolves a dataset whose hash differs must refuse
 * it. Build one with {@link DatasetFingerprint#ref}.
 *
 * @param location {@code synthetic:SYMBOLSxBARS:SEED} ({@link DataSpec.Synthetic#location()}) or an
 *     absolute file or directory path
 * @param contentHash lower-case hex SHA-256 of the aligned columns ({@link DatasetFingerprint#of})
 * @param symbols the universe's symbols in universe order; distinct, at least one
 * @param bars calendar size (bars of the aligned universe), at least 1
 * @param firstTime time of the first calendar bar, epoch millis
 * @param lastTime time of the last calendar bar, epoch millis, {@code >= firstTime}
 */
public record DatasetRef(
    String location,
    String contentHash,
    List<String> symbols,
    int bars,
    long firstTime,
    long lastTime) {

  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

  public DatasetRef {
    if (location == null || location.isBlank()) {
      throw new IllegalArgumentException("dataset location must not be blank");
    }
    if (contentHash == null || !SHA256_HEX.matcher(contentHash).matches()) {
      throw new IllegalArgumentException(
          "contentHash must be 64 lower-case hex digits, was " + contentHash);
    }
    symbols = List.copyOf(symbols);
    if (symbols.isEmpty()) {
      throw new IllegalArgumentException("a dataset has at least one symbol");
    }
    if (new HashSet<>(symbols).size() != symbols.size()) {
      throw new IllegalArgumentException("dataset symbols must be distinct: " + symbols);
    }
    if (bars < 1) {
      throw new IllegalArgumentException("bars must be >= 1, was " + bars);
    }
    if (lastTime < firstTime) {
      throw new IllegalArgumentException(
          "lastTime " + lastTime + " is before firstTime " + firstTime);
    }
  }
}
