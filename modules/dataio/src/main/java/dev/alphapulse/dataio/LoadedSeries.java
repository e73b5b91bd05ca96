package dev.alphapulse.dataio;

import dev.alphapulse.engine.data.BarSeries;
import java.util.Objects;

/**
 * One file's bars and what the importer found in it.
 *
 * @param series the bars, ascending in time; never null (may be empty)
 * @param report rows read, kept, and every issue; never null
 */
public record LoadedSeries(BarSeries series, DataQualityReport report) {

  /** Validates that the report matches the series. */
  public LoadedSeries {
    Objects.requireNonNull(series, "series");
    Objects.requireNonNull(report, "report");
    if (series.size() != report.rowsKept()) {
      throw new IllegalArgumentException(
          "series has " + series.size() + " bars but report kept " + report.rowsKept());
    }
  }
}
