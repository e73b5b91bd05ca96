package dev.alphapulse.app.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link Page} (a research result: optimisation trials, Monte Carlo bands, a portfolio)
 * as one self-contained HTML file, with the look of {@link HtmlReport}.
 *
 * <h2>Same rules as the backtest report</h2>
 *
 * Offline (uPlot and the report's script and style inlined, nothing fetched), escaped (every text
 * from data is HTML-escaped; the embedded JSON has {@code <}, {@code >} and {@code &} as unicode
 * escapes) and deterministic (a pure function of the page: no clock, no locale, so the same page
 * renders to the same bytes). Figures longer than {@value HtmlReport#MAX_CHART_POINTS} points are
 * downsampled by {@link Downsample}, keeping every line's extremes.
 *
 * <h2>Chart data</h2>
 *
 * One {@code <script type="application/json" id="ap-data">} block: {@code {"charts": [{"title",
 * "format", "sync": false, "xkind": "time"|"number", "xlabel", "x": [...], "series": [{"name",
 * "style", "color"?, "width", "values"}], "bands": [{"upper", "lower", "color"}]}]}}, chart {@code
 * i} drawn into the element {@code chart-i}; x in epoch seconds for time axes; {@code null} for
 * non-finite values. Thread-safe.
 */
public final class HtmlPage {
  private static final JsonFactory JSON = new JsonFactory();

  private HtmlPage() {}

  /**
   * Writes the page to {@code file} in UTF-8, creating parent directories and replacing an existing
   * file.
   *
   * @throws IOException if the file cannot be written
   */
  public static void write(Path file, Page page) throws IOException {
    ReportAssets.write(file, render(page));
  }

  /**
   * The page as one HTML document.
   *
   * @throws IllegalStateException if the uPlot webjar is not on the classpath
   */
  public static String render(Page page) {
    ReportAssets assets = ReportAssets.INSTANCE;
    StringBuilder h = new StringBuilder(1 << 16);
    assets.head(h, page.title(), page.subtitle());
    h.append("<nav>");
    for (Page.Section s : page.sections()) {
      h.append("<a href=\"#")
          .append(s.id())
          .append("\">")
          .append(Format.html(s.heading()))
          .append("</a>");
    }
    h.append("</nav>\n</header>\n");
    List<Figure> figures = new ArrayList<>();
    for (Page.Section s : page.sections()) {
      h.append("<section id=\"").append(s.id()).append("\">\n<h2>");
      h.append(Format.html(s.heading())).append("</h2>\n");
      if (!s.note().isEmpty()) {
        h.append("<p class=\"note\">").append(Format.html(s.note())).append("</p>\n");
      }
      if (s instanceof Page.Facts f) {
        facts(h, f);
      } else if (s instanceof Page.Table t) {
        table(h, t);
      } else if (s instanceof Page.Plot p) {
        h.append("<div class=\"chart\" id=\"chart-").append(figures.size()).append("\"></div>\n");
        figures.add(p.figure());
      }
      h.append("</section>\n");
    }
    assets.tail(h, json(figures));
    return h.toString();
  }

  private static void facts(StringBuilder h, Page.Facts f) {
    h.append("<table class=\"stats\">\n<tbody>\n");
    for (Page.Fact fact : f.facts()) {
      h.append("<tr><th>")
          .append(Format.html(fact.name()))
          .append("</th><td>")
          .append(Format.html(fact.value()))
          .append("</td></tr>\n");
    }
    h.append("</tbody>\n</table>\n");
  }

  private static void table(StringBuilder h, Page.Table t) {
    h.append("<div class=\"scroll\">\n<table class=\"sortable\">\n<thead><tr>");
    for (int c = 0; c < t.columns().size(); c++) {
      h.append(t.numeric().get(c) ? "<th class=\"num\">" : "<th>")
          .append(Format.html(t.columns().get(c)))
          .append("</th>");
    }
    h.append("</tr></thead>\n<tbody>\n");
    for (List<Page.Cell> row : t.rows()) {
      h.append("<tr>");
      for (int c = 0; c < row.size(); c++) {
        Page.Cell cell = row.get(c);
        if (t.numeric().get(c)) {
          double k = cell.sortKey();
          h.append("<td class=\"num\" data-v=\"")
              .append(Double.isNaN(k) ? "" : Double.toString(k))
              .append("\">");
        } else {
          h.append("<td>");
        }
        h.append(Format.html(cell.text())).append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</tbody>\n</table>\n</div>\n");
  }

  private static String json(List<Figure> figures) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeArrayFieldStart("charts");
      for (Figure f : figures) {
        List<double[]> columns = new ArrayList<>();
        for (Figure.Line l : f.lines()) {
          columns.add(l.values());
        }
        int[] keep =
            Downsample.indices(f.x().length, columns, HtmlReport.MAX_CHART_POINTS, new int[0]);
        boolean time = f.axis() == Figure.Axis.TIME;
        g.writeStartObject();
        g.writeStringField("title", f.title());
        g.writeStringField("format", f.format());
        g.writeBooleanField("sync", false);
        g.writeStringField("xkind", time ? "time" : "number");
        g.writeStringField("xlabel", f.xLabel());
        g.writeArrayFieldStart("x");
        for (int i : keep) {
          double x = f.x()[i];
          if (time && x % 1000 == 0) {
            g.writeNumber((long) x / 1000);
          } else if (time) {
            g.writeNumber(x / 1000.0);
          } else if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            g.writeNumber((long) x);
          } else {
            g.writeNumber(x);
          }
        }
        g.writeEndArray();
        g.writeArrayFieldStart("series");
        for (Figure.Line l : f.lines()) {
          g.writeStartObject();
          g.writeStringField("name", l.name());
          g.writeStringField("style", l.style());
          if (l.color() != null) {
            g.writeStringField("color", l.color());
          }
          g.writeNumberField("width", l.width());
          g.writeArrayFieldStart("values");
          for (int i : keep) {
            double v = l.values()[i];
            if (Double.isFinite(v)) {
              g.writeNumber(v);
            } else {
              g.writeNull();
            }
          }
          g.writeEndArray();
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("bands");
        for (Figure.Band b : f.bands()) {
          g.writeStartObject();
          g.writeNumberField("upper", b.upper());
          g.writeNumberField("lower", b.lower());
          g.writeStringField("color", b.color());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return ReportAssets.scriptSafeJson(out.toString());
  }
}
