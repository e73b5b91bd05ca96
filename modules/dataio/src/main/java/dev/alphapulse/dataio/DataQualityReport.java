package dev.alphapulse.dataio;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the importer found in one file: how many data rows it read and kept, and every issue, in
 * line order. A row appears here if and only if it was dropped or changed (or, in {@link
 * RepairMode#FAIL}, would have been).
 *
 * @param file the file, as passed to the reader
 * @param symbol the symbol the series was given
 * @param mode the repair mode in force
 * @param rowsRead data rows in the file (header and empty lines excluded)
 * @param rowsKept bars in the resulting series ({@code <= rowsRead})
 * @param issues every issue, ordered by line (copied)
 */
public record DataQualityReport(
    Path file,
    String symbol,
    RepairMode mode,
    long rowsRead,
    long rowsKept,
    List<DataIssue> issues) {

  /** Validates counts and copies the issues. */
  public DataQualityReport {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(mode, "mode");
    if (rowsRead < 0 || rowsKept < 0 || rowsKept > rowsRead) {
      throw new IllegalArgumentException(
          "need 0 <= rowsKept <= rowsRead, got rowsKept=" + rowsKept + " rowsRead=" + rowsRead);
    }
    issues = List.copyOf(issues);
  }

  /** Whether the file had no issue at all. */
  public boolean isClean() {
    return issues.isEmpty();
  }

  /** Rows left out of the series ({@code rowsRead - rowsKept}). */
  public long rowsDropped() {
    return rowsRead - rowsKept;
  }

  /** Rows kept with a repair (rows both fixed and later dropped count as dropped only). */
  public long rowsFixed() {
    Set<Long> fixed = new HashSet<>();
    Set<Long> dropped = new HashSet<>();
    for (DataIssue issue : issues) {
      if (issue.action() == DataIssue.Action.FIXED) {
        fixed.add(issue.line());
      } else if (issue.action() == DataIssue.Action.DROPPED) {
        dropped.add(issue.line());
      }
    }
    fixed.removeAll(dropped);
    return fixed.size();
  }

  /** Number of issues of each kind present (kinds without issues are absent), in kind order. */
  public Map<DataIssue.Kind, Long> countsByKind() {
    return countByKind(issues);
  }

  /** Number of issues of {@code kind}. */
  public long count(DataIssue.Kind kind) {
    return issues.stream().filter(i -> i.kind() == kind).count();
  }

  /**
   * One line for logs, e.g. {@code vix-daily.csv: 9235 rows read, 9188 kept (47 dropped, 0 fixed);
   * OHLC violation: 47}.
   */
  public String summary() {
    StringBuilder sb =
        new StringBuilder()
            .append(file.getFileName())
            .append(": ")
            .append(rowsRead)
            .append(" rows read, ")
            .append(rowsKept)
            .append(" kept (")
            .append(rowsDropped())
            .append(" dropped, ")
            .append(rowsFixed())
            .append(" fixed)");
    if (!issues.isEmpty()) {
      sb.append("; ").append(describeCounts(countsByKind()));
    }
    return sb.toString();
  }

  static Map<DataIssue.Kind, Long> countByKind(List<DataIssue> issues) {
    Map<DataIssue.Kind, Long> counts = new EnumMap<>(DataIssue.Kind.class);
    for (DataIssue issue : issues) {
      counts.merge(issue.kind(), 1L, Long::sum);
    }
    return Collections.unmodifiableMap(counts);
  }

  /** {@code OHLC violation: 46, blank field: 2}. */
  static String describeCounts(Map<DataIssue.Kind, Long> counts) {
    StringBuilder sb = new StringBuilder();
    counts.forEach(
        (kind, n) -> {
          if (sb.length() > 0) {
            sb.append(", ");
          }
          sb.append(kind.label()).append(": ").append(n);
        });
    return sb.toString();
  }
}
