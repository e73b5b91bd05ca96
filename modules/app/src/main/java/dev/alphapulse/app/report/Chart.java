package dev.alphapulse.app.report;

import java.util.List;
import java.util.Objects;

/**
 * An extra line chart of the report: named series over one time axis, e.g. the percentile bands of
 * a Monte Carlo run. The report downsamples it like the equity curve, keeping every series'
 * extremes at shared time points.
 *
 * @param title the heading shown above the chart
 * @param time epoch millis, strictly increasing, at least one point; owned by the chart, read-only
 *     by contract
 * @param series at least one series, each with one value per time point
 */
public record Chart(String title, long[] time, List<Series> series) {

  public Chart {
    Objects.requireNonNull(title, "title");
    ReportModel.requireIncreasing(time, "chart '" + title + "' time");
    series = List.copyOf(Objects.requireNonNull(series, "series"));
    if (series.isEmpty()) {
      throw new IllegalArgumentException("chart '" + title + "' needs at least one series");
    }
    for (Series s : series) {
      if (s.values().length != time.length) {
        throw new IllegalArgumentException(
            "chart '"
                + title
                + "' series '"
                + s.name()
                + "' has "
                + s.values().length
                + " values for "
                + time.length
                + " time points");
      }
    }
  }

  /**
   * One named line of a chart.
   *
   * @param name the legend label
   * @param values one value per time point; {@code NaN} or infinite values leave a gap; owned by
   *     the series, read-only by contract
   */
  public record Series(String name, double[] values) {

    public Series {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(values, "values");
    }
  }
}
