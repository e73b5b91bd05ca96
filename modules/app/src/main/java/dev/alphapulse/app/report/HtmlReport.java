package dev.alphapulse.app.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.alphapulse.engine.broker.Trade;
import dev.alphapulse.engine.metrics.Metrics;
import dev.alphapulse.engine.metrics.Statistics;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a {@link ReportModel} as one self-contained HTML file.
 *
 * <h2>Offline</h2>
 *
 * The page references nothing outside itself: uPlot's minified script and style are read from the
 * uPlot webjar on the classpath and inlined, as are the report's own few lines of script and style
 * (resources next to this class). A file written on a build machine opens the same on a laptop on a
 * plane.
 *
 * <h2>Size</h2>
 *
 * Chart data goes into a {@code <script type="application/json">} block, with epoch seconds on the
 * x axis and {@code null} for non-finite values. Series longer than {@value #MAX_CHART_POINTS}
 * points are downsampled by {@link Downsample} (min/max per bucket, first and last point kept), so
 * a million-bar backtest gives a file of a few hundred kilobytes; the statistics table is computed
 * from the full data by the caller and never downsampled. More than {@value #MAX_TRADE_ROWS} trades
 * are shown as the first and the last {@value #TRADE_HEAD_TAIL}; trade exits are marked on the
 * equity curve when there are at most {@value #MAX_MARKERS} trades.
 *
 * <h2>Safety</h2>
 *
 * Every piece of text that comes from data (titles, symbols, tags, parameter and statistic names)
 * is HTML-escaped, and {@code <}, {@code >} and {@code &} in the JSON block are written as unicode
 * escapes, so no value can close a tag or start a script.
 *
 * <p>The output is a pure function of the model (no clock, no locale): the same model renders to
 * the same bytes. Thread-safe.
 */
public final class HtmlReport {
  /** At most this many points per chart, plus forced trade-exit points. */
  static final int MAX_CHART_POINTS = 5_000;

  /** Above this many trades, only the first and last {@link #TRADE_HEAD_TAIL} are listed. */
  static final int MAX_TRADE_ROWS = 2_000;

  static final int TRADE_HEAD_TAIL = 1_000;

  /** Trade exits are marked on the equity chart up to this many trades. */
  static final int MAX_MARKERS = 500;

  /** At most this many sweep rows are listed. */
  static final int MAX_SWEEP_ROWS = 1_000;

  private static final JsonFactory JSON = new JsonFactory();

  private HtmlReport() {}

  /**
   * Writes the report to {@code file} in UTF-8, creating parent directories and replacing an
   * existing file.
   *
   * @throws IOException if the file cannot be written
   */
  public static void write(Path file, ReportModel model) throws IOException {
    ReportAssets.write(file, render(model));
  }

  /**
   * The report as one HTML document.
   *
   * @throws IllegalStateException if the uPlot webjar is not on the classpath
   */
  public static String render(ReportModel model) {
    ReportAssets assets = ReportAssets.INSTANCE;
    boolean daily = Format.dailyTimes(model.time());
    List<ChartData> charts = charts(model);
    StringBuilder h = new StringBuilder(1 << 16);
    assets.head(h, model.title(), model.subtitle());
    h.append("<nav><a href=\"#statistics\">Statistics</a><a href=\"#equity\">Charts</a>");
    if (!model.sweep().isEmpty()) {
      h.append("<a href=\"#sweep\">Sweep</a>");
    }
    if (!model.extraCharts().isEmpty()) {
      h.append("<a href=\"#more-charts\">More charts</a>");
    }
    h.append("<a href=\"#trades\">Trades</a></nav>\n</header>\n");

    statistics(h, model.stats(), daily);
    h.append("<section id=\"equity\">\n");
    for (int c = 0; c < 2; c++) {
      chartDiv(h, c, charts.get(c).title());
    }
    h.append("</section>\n");
    if (!model.sweep().isEmpty()) {
      sweep(h, model.sweep());
    }
    if (!model.extraCharts().isEmpty()) {
      h.append("<section id=\"more-charts\">\n");
      for (int c = 2; c < charts.size(); c++) {
        chartDiv(h, c, charts.get(c).title());
      }
      h.append("</section>\n");
    }
    trades(h, model.trades(), daily);

    assets.tail(h, json(charts));
    return h.toString();
  }

  private static void chartDiv(StringBuilder h, int index, String title) {
    h.append("<h2>")
        .append(Format.html(title))
        .append("</h2>\n<div class=\"chart\" id=\"chart-")
        .append(index)
        .append("\"></div>\n");
  }

  private static void statistics(StringBuilder h, Statistics stats, boolean daily) {
    h.append("<section id=\"statistics\">\n<h2>Statistics</h2>\n<p class=\"note\">Convention: ")
        .append(Format.html(stats.convention()))
        .append(". Times in UTC; n/a where a statistic is undefined.</p>\n")
        .append("<table class=\"stats\">\n<tbody>\n");
    statRow(h, "Start", Format.time(stats.start(), daily));
    statRow(h, "End", Format.time(stats.end(), daily));
    for (Map.Entry<String, Double> e : stats.values().entrySet()) {
      statRow(h, e.getKey(), Format.statistic(e.getKey(), e.getValue()));
    }
    statRow(h, "Convention", stats.convention());
    h.append("</tbody>\n</table>\n</section>\n");
  }

  private static void statRow(StringBuilder h, String name, String value) {
    h.append("<tr><th>")
        .append(Format.html(name))
        .append("</th><td>")
        .append(Format.html(value))
        .append("</td></tr>\n");
  }

  private static void trades(StringBuilder h, List<Trade> trades, boolean daily) {
    int n = trades.size();
    h.append("<section id=\"trades\">\n<h2>Trades</h2>\n");
    if (n == 0) {
      h.append("<p class=\"note\">No closed trades.</p>\n</section>\n");
      return;
    }
    boolean cut = n > MAX_TRADE_ROWS;
    h.append("<p class=\"note\">")
        .append(Format.fixed(n, 0))
        .append(n == 1 ? " closed trade" : " closed trades");
    if (cut) {
      h.append("; showing the first and the last ")
          .append(Format.fixed(TRADE_HEAD_TAIL, 0))
          .append(" (")
          .append(Format.fixed(n - 2 * TRADE_HEAD_TAIL, 0))
          .append(" in between omitted)");
    }
    h.append(". Times in UTC.</p>\n<div class=\"scroll\">\n<table class=\"trades\">\n<thead><tr>")
        .append("<th class=\"num\">#</th><th>Entry time</th><th>Exit time</th><th>Symbol</th>")
        .append("<th class=\"num\">Size</th><th class=\"num\">Entry price</th>")
        .append("<th class=\"num\">Exit price</th><th class=\"num\">P&amp;L</th>")
        .append("<th class=\"num\">Return [%]</th><th class=\"num\">Duration</th><th>Tag</th>")
        .append("</tr></thead>\n<tbody>\n");
    int head = cut ? TRADE_HEAD_TAIL : n;
    for (int i = 0; i < head; i++) {
      tradeRow(h, i + 1, trades.get(i), daily);
    }
    if (cut) {
      h.append("<tr class=\"gap\"><td colspan=\"11\">… ")
          .append(Format.fixed(n - 2 * TRADE_HEAD_TAIL, 0))
          .append(" trades omitted …</td></tr>\n");
      for (int i = n - TRADE_HEAD_TAIL; i < n; i++) {
        tradeRow(h, i + 1, trades.get(i), daily);
      }
    }
    h.append("</tbody>\n</table>\n</div>\n</section>\n");
  }

  private static void tradeRow(StringBuilder h, int number, Trade t, boolean daily) {
    String sign = t.pnl() > 0 ? "pos" : t.pnl() < 0 ? "neg" : "";
    h.append("<tr><td class=\"num\">")
        .append(number)
        .append("</td><td>")
        .append(Format.time(t.entryTime(), daily))
        .append("</td><td>")
        .append(Format.time(t.exitTime(), daily))
        .append("</td><td>")
        .append(Format.html(t.symbol()))
        .append("</td><td class=\"num\">")
        .append(Format.significant(t.size(), 10, 8))
        .append("</td><td class=\"num\">")
        .append(Format.significant(t.entryPrice(), 8, 8))
        .append("</td><td class=\"num\">")
        .append(Format.significant(t.exitPrice(), 8, 8))
        .append("</td><td class=\"num ")
        .append(sign)
        .append("\">")
        .append(Format.fixed(t.pnl(), 2))
        .append("</td><td class=\"num ")
        .append(sign)
        .append("\">")
        .append(Format.fixed(t.returnPct() * 100, 2))
        .append("</td><td class=\"num\">")
        .append(Format.days(t.durationMillis() / 86_400_000.0))
        .append("</td><td>")
        .append(Format.html(t.tag()))
        .append("</td></tr>\n");
  }

  private static void sweep(StringBuilder h, List<SweepRow> rows) {
    Set<String> params = new LinkedHashSet<>();
    Set<String> stats = new LinkedHashSet<>();
    for (SweepRow r : rows) {
      params.addAll(r.params().keySet());
      stats.addAll(r.stats().keySet());
    }
    int shown = Math.min(rows.size(), MAX_SWEEP_ROWS);
    h.append("<section id=\"sweep\">\n<h2>Sweep</h2>\n<p class=\"note\">");
    if (shown < rows.size()) {
      h.append("The best ")
          .append(Format.fixed(shown, 0))
          .append(" of ")
          .append(Format.fixed(rows.size(), 0))
          .append(" parameter sets");
    } else {
      h.append(Format.fixed(shown, 0)).append(shown == 1 ? " parameter set" : " parameter sets");
    }
    h.append(", best first; click a column header to sort.</p>\n<div class=\"scroll\">\n")
        .append("<table class=\"sweep sortable\">\n<thead><tr><th class=\"num\">Rank</th>");
    for (String p : params) {
      h.append("<th class=\"num\">").append(Format.html(p)).append("</th>");
    }
    for (String s : stats) {
      h.append("<th class=\"num\">").append(Format.html(s)).append("</th>");
    }
    h.append("</tr></thead>\n<tbody>\n");
    for (int i = 0; i < shown; i++) {
      SweepRow r = rows.get(i);
      h.append("<tr>");
      sortCell(h, i + 1, Integer.toString(i + 1));
      for (String p : params) {
        Number v = r.params().get(p);
        if (v == null) {
          sortCell(h, Double.NaN, "");
        } else {
          sortCell(h, v.doubleValue(), Format.number(v));
        }
      }
      for (String s : stats) {
        Double v = r.stats().get(s);
        double x = v == null ? Double.NaN : v;
        sortCell(h, x, v == null ? "" : Format.statistic(s, x));
      }
      h.append("</tr>\n");
    }
    h.append("</tbody>\n</table>\n</div>\n</section>\n");
  }

  private static void sortCell(StringBuilder h, double key, String text) {
    h.append("<td class=\"num\" data-v=\"")
        .append(Double.isNaN(key) ? "" : Double.toString(key))
        .append("\">")
        .append(Format.html(text))
        .append("</td>");
  }

  /** A chart as the page's script reads it: x in epoch seconds, downsampled columns. */
  private record ChartData(
      String title, String format, boolean sync, long[] time, List<SeriesData> series) {}

  private record SeriesData(String name, String style, String color, double[] values) {}

  private static List<ChartData> charts(ReportModel model) {
    long[] time = model.time();
    double[] equity = model.equity();
    int n = time.length;
    List<ChartData> charts = new ArrayList<>();

    double[] win = null;
    double[] loss = null;
    int[] exits = new int[0];
    if (!model.trades().isEmpty() && model.trades().size() <= MAX_MARKERS) {
      win = new double[n];
      loss = new double[n];
      Arrays.fill(win, Double.NaN);
      Arrays.fill(loss, Double.NaN);
      exits = new int[model.trades().size()];
      int k = 0;
      for (Trade t : model.trades()) {
        int i = barOf(time, t.exitBar(), t.exitTime());
        if (i >= 0) {
          (t.pnl() >= 0 ? win : loss)[i] = equity[i];
          exits[k++] = i;
        }
      }
      exits = Arrays.copyOf(exits, k);
    }
    int[] keep = Downsample.indices(n, List.of(equity), MAX_CHART_POINTS, exits);
    List<SeriesData> equitySeries = new ArrayList<>();
    equitySeries.add(new SeriesData("Equity", "line", "#2563eb", pick(equity, keep)));
    if (win != null) {
      equitySeries.add(new SeriesData("Winning exit", "points", "#16a34a", pick(win, keep)));
      equitySeries.add(new SeriesData("Losing exit", "points", "#dc2626", pick(loss, keep)));
    }
    charts.add(new ChartData("Equity", "money", true, pick(time, keep), equitySeries));

    double[] dd = Metrics.drawdown(equity);
    for (int i = 0; i < n; i++) {
      dd[i] = -100 * dd[i];
    }
    keep = Downsample.indices(n, List.of(dd), MAX_CHART_POINTS, new int[0]);
    charts.add(
        new ChartData(
            "Drawdown",
            "percent",
            true,
            pick(time, keep),
            List.of(new SeriesData("Drawdown [%]", "area", "#dc2626", pick(dd, keep)))));

    for (Chart c : model.extraCharts()) {
      List<double[]> columns = new ArrayList<>();
      for (Chart.Series s : c.series()) {
        columns.add(s.values());
      }
      keep = Downsample.indices(c.time().length, columns, MAX_CHART_POINTS, new int[0]);
      List<SeriesData> series = new ArrayList<>();
      for (Chart.Series s : c.series()) {
        series.add(new SeriesData(s.name(), "line", null, pick(s.values(), keep)));
      }
      charts.add(new ChartData(c.title(), "number", false, pick(c.time(), keep), series));
    }
    return charts;
  }

  /** The index of a trade's exit on the calendar: its bar if that matches, else by time; or -1. */
  private static int barOf(long[] time, int bar, long t) {
    if (bar >= 0 && bar < time.length && time[bar] == t) {
      return bar;
    }
    int i = Arrays.binarySearch(time, t);
    return i >= 0 ? i : -1;
  }

  private static double[] pick(double[] v, int[] keep) {
    double[] out = new double[keep.length];
    for (int i = 0; i < keep.length; i++) {
      out[i] = v[keep[i]];
    }
    return out;
  }

  private static long[] pick(long[] v, int[] keep) {
    long[] out = new long[keep.length];
    for (int i = 0; i < keep.length; i++) {
      out[i] = v[keep[i]];
    }
    return out;
  }

  /** The charts as JSON safe to embed in a script element. */
  private static String json(List<ChartData> charts) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeArrayFieldStart("charts");
      for (ChartData c : charts) {
        g.writeStartObject();
        g.writeStringField("title", c.title());
        g.writeStringField("format", c.format());
        g.writeBooleanField("sync", c.sync());
        g.writeArrayFieldStart("x");
        for (long t : c.time()) {
          if (t % 1000 == 0) {
            g.writeNumber(t / 1000);
          } else {
            g.writeNumber(t / 1000.0);
          }
        }
        g.writeEndArray();
        g.writeArrayFieldStart("series");
        for (SeriesData s : c.series()) {
          g.writeStartObject();
          g.writeStringField("name", s.name());
          g.writeStringField("style", s.style());
          if (s.color() != null) {
            g.writeStringField("color", s.color());
          }
          g.writeArrayFieldStart("values");
          for (double v : s.values()) {
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
