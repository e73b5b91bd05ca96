package dev.alphapulse.dataio;

import dev.alphapulse.engine.data.BarSeries;
import dev.alphapulse.engine.data.Universe;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Several files' bars, one series per file, and one report per file.
 *
 * @param series the series in load order (the requested symbol order, else by file name)
 * @param reports one report per series, same order
 */
public record LoadedUniverse(List<BarSeries> series, List<DataQualityReport> reports) {

  /** Validates that series and reports pair up, and copies both lists. */
  public LoadedUniverse {
    series = List.copyOf(series);
    reports = List.copyOf(reports);
    if (series.size() != reports.size()) {
      throw new IllegalArgumentException(
          series.size() + " series but " + reports.size() + " reports");
    }
  }

  /**
   * The series aligned on the union of their times ({@link Universe#align}); computed on each call.
   *
   * @throws IllegalArgumentException if there are no series
   */
  public Universe universe() {
    return Universe.align(series);
  }

  /** Data rows read over all files. */
  public long rowsRead() {
    return reports.stream().mapToLong(DataQualityReport::rowsRead).sum();
  }

  /** Bars kept over all files. */
  public long rowsKept() {
    return reports.stream().mapToLong(DataQualityReport::rowsKept).sum();
  }

  /** Every issue of every file, file by file in load order. */
  public List<DataIssue> issues() {
    List<DataIssue> all = new ArrayList<>();
    reports.forEach(r -> all.addAll(r.issues()));
    return List.copyOf(all);
  }

  /** Number of issues of each kind over all files (kinds without issues are absent). */
  public Map<DataIssue.Kind, Long> countsByKind() {
    return DataQualityReport.countByKind(issues());
  }

  /** The reports of files with at least one issue. */
  public List<DataQualityReport> reportsWithIssues() {
    return reports.stream().filter(r -> !r.isClean()).toList();
  }
}
