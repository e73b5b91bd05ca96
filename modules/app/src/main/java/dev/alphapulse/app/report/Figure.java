package dev.alphapulse.app.report;

import java.util.List;
import java.util.Objects;

/**
 * A chart of a report page: named lines over one x axis, which is either time (bar times, e.g. a
 * portfolio's equity curve) or a plain number (a Monte Carlo step, a trial number), optionally with
 * filled bands between two of its lines (a fan chart). Long figures are downsampled like the
 * backtest report's charts, keeping every line's extremes at shared x points.
 *
 * @param title the heading shown above the chart
 * @param axis what the x values are
 * @param xLabel the x axis label, e.g. {@code step}; may be empty
 * @param format how y values are shown: {@code money}, {@code percent} or {@code number}
 * @param x strictly increasing x values, at least one: epoch millis for {@link Axis#TIME}, else any
 *     finite numbers; owned by the figure, read-only by contract
 * @param lines at least one line, each with one value per x
 * @param bands fills between two lines, drawn under the lines; may be empty
 */
public record Figure(
    String title,
    Axis axis,
    String xLabel,
    String format,
    double[] x,
    List<Line> lines,
    List<Band> bands) {

  /** What the x values are. */
  public enum Axis {
    /** Epoch millis, shown as UTC dates and times. */
    TIME,
    /** Plain numbers. */
    NUMBER
  }

  public Figure {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(axis, "axis");
    Objects.requireNonNull(xLabel, "xLabel");
    if (!List.of("money", "percent", "number").contains(format)) {
      throw new IllegalArgumentException(
          "figure '" + title + "' format: expected money, percent or number, was " + format);
    }
    Objects.requireNonNull(x, "x");
    if (x.length == 0) {
      throw new IllegalArgumentException("figure '" + title + "' x must not be empty");
    }
    for (int i = 0; i < x.length; i++) {
      if (!Double.isFinite(x[i]) || (i > 0 && x[i] <= x[i - 1])) {
        throw new IllegalArgumentException(
            "figure '"
                + title
                + "' x must be finite and strictly increasing, but index "
                + i
                + " has "
                + x[i]);
      }
    }
    lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
    bands = List.copyOf(Objects.requireNonNull(bands, "bands"));
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("figure '" + title + "' needs at least one line");
    }
    for (Line l : lines) {
      if (l.values().length != x.length) {
        throw new IllegalArgumentException(
            "figure '"
                + title
                + "' line '"
                + l.name()
                + "' has "
                + l.values().length
                + " values for "
                + x.length
                + " x values");
      }
    }
    for (Band b : bands) {
      if (b.upper() >= lines.size() || b.lower() >= lines.size()) {
        throw new IllegalArgumentException(
            "figure '" + title + "' band " + b + " names a line beyond the " + lines.size());
      }
    }
  }

  /** A figure over plain numbers {@code x} with no bands. */
  public static Figure of(
      String title, String xLabel, String format, double[] x, List<Line> lines) {
    return new Figure(title, Axis.NUMBER, xLabel, format, x, lines, List.of());
  }

  /** This figure with the given bands instead of its own. */
  public Figure withBands(List<Band> bands) {
    return new Figure(title, axis, xLabel, format, x, lines, bands);
  }

  /**
   * One named line.
   *
   * @param name the legend label
   * @param style {@code line}, {@code area} (filled to zero) or {@code points} (markers only)
   * @param color a CSS colour {@code #rrggbb}, or null for the palette's next one
   * @param width the stroke width in pixels, positive
   * @param values one value per x; {@code NaN} or infinite values leave a gap; owned by the line,
   *     read-only by contract
   */
  public record Line(String name, String style, String color, double width, double[] values) {

    public Line {
      Objects.requireNonNull(name, "name");
      if (!List.of("line", "area", "points").contains(style)) {
        throw new IllegalArgumentException(
            "line '" + name + "' style: expected line, area or points, was " + style);
      }
      if (color != null && !color.matches("#[0-9a-fA-F]{6}")) {
        throw new IllegalArgumentException(
            "line '" + name + "' color: expected #rrggbb, was " + color);
      }
      if (!(width > 0) || !Double.isFinite(width)) {
        throw new IllegalArgumentException("line '" + name + "' width: must be > 0, was " + width);
      }
      Objects.requireNonNull(values, "values");
    }

    /** A plain line in the palette's next colour. */
    public static Line of(String name, double[] values) {
      return new Line(name, "line", null, 1.5, values);
    }
  }

  /**
   * A fill between two lines.
   *
   * @param upper index of the upper line in {@link #lines()}
   * @param lower index of the lower line
   * @param color a CSS colour {@code #rrggbb}; drawn translucent
   */
  public record Band(int upper, int lower, String color) {

    public Band {
      if (upper < 0 || lower < 0 || upper == lower) {
        throw new IllegalArgumentException(
            "band: upper and lower must be distinct line indices >= 0, were "
                + upper
                + " and "
                + lower);
      }
      if (color == null || !color.matches("#[0-9a-fA-F]{6}")) {
        throw new IllegalArgumentException("band color: expected #rrggbb, was " + color);
      }
    }
  }
}
