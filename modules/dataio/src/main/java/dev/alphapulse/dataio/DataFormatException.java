package dev.alphapulse.dataio;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A CSV file cannot be loaded as it stands: either its layout cannot be understood (no delimiter,
 * missing column, empty file), or, in {@link RepairMode#FAIL}, some rows are bad. The message names
 * the file, the line, the field and the bad value of the first bad row and how many more issues
 * there are, e.g. {@code vix-daily.csv line 535, field open: 19.240000 is above high 18.570000
 * (OHLC violation); 46 more issues (OHLC violation: 46); ...}. The full reports are in {@link
 * #reports()}.
 */
public final class DataFormatException extends RuntimeException {
  private static final int MAX_FILES_NAMED = 10;

  /** Reports of the files with issues; empty for layout errors. Not serialized. */
  private final transient List<DataQualityReport> reports;

  /** A layout error; the message must name the file. */
  public DataFormatException(String message) {
    super(message);
    this.reports = List.of();
  }

  /** A layout error with its cause; the message must name the file. */
  public DataFormatException(String message, Throwable cause) {
    super(message, cause);
    this.reports = List.of();
  }

  /**
   * Bad rows in one or more files.
   *
   * @param reports the reports of the files with issues, at least one of them with an issue
   */
  public DataFormatException(List<DataQualityReport> reports) {
    super(message(reports));
    this.reports = List.copyOf(reports);
  }

  /** Reports of the files whose rows failed validation (empty for layout errors). */
  public List<DataQualityReport> reports() {
    return reports == null ? List.of() : reports;
  }

  /** The first issue of the first bad file, if the failure is about rows. */
  public Optional<DataIssue> firstIssue() {
    return reports().stream().flatMap(r -> r.issues().stream()).findFirst();
  }

  private static String message(List<DataQualityReport> reports) {
    List<DataQualityReport> bad = new ArrayList<>();
    for (DataQualityReport r : reports) {
      if (!r.isClean()) {
        bad.add(r);
      }
    }
    if (bad.isEmpty()) {
      throw new IllegalArgumentException("no report has an issue");
    }
    DataIssue first = bad.get(0).issues().get(0);
    Map<DataIssue.Kind, Long> rest = new EnumMap<>(DataIssue.Kind.class);
    long more = -1;
    for (DataQualityReport r : bad) {
      for (DataIssue issue : r.issues()) {
        if (more >= 0) {
          rest.merge(issue.kind(), 1L, Long::sum);
        }
        more++;
      }
    }
    StringBuilder sb = new StringBuilder(first.describe());
    if (more > 0) {
      sb.append("; ")
          .append(more)
          .append(more == 1 ? " more issue (" : " more issues (")
          .append(DataQualityReport.describeCounts(rest))
          .append(')');
    }
    if (bad.size() > 1) {
      sb.append(" in ").append(bad.size()).append(" files: ");
      for (int i = 0; i < Math.min(bad.size(), MAX_FILES_NAMED); i++) {
        sb.append(i == 0 ? "" : ", ").append(bad.get(i).file().getFileName());
      }
      if (bad.size() > MAX_FILES_NAMED) {
        sb.append(", ...");
      }
    }
    sb.append("; load with RepairMode.DROP or RepairMode.FIX to repair");
    return sb.toString();
  }
}
