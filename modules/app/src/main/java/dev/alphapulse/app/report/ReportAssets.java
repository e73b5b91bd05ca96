package dev.alphapulse.app.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The script and style every report page inlines, read once from the classpath: uPlot's minified
 * script and style from the uPlot webjar, and the report's own {@code report.js} and {@code
 * report.css} (resources next to this class). Also the one escaping rule for JSON embedded in a
 * script element. Thread-safe.
 */
final class ReportAssets {
  private static final String WEBJAR = "META-INF/resources/webjars/uplot/";
  private static final String UPLOT_POM = "META-INF/maven/org.webjars.npm/uplot/pom.properties";
  private static final Pattern SCRIPT_END = Pattern.compile("(?i)</(script)");
  private static final Pattern STYLE_END = Pattern.compile("(?i)</(style)");

  /** Declared after the patterns its constructor uses. */
  static final ReportAssets INSTANCE = new ReportAssets();

  final String uplotJs;
  final String uplotCss;
  final String reportJs;
  final String reportCss;

  private ReportAssets() {
    String version = uplotVersion();
    String dist = WEBJAR + version + "/dist/";
    uplotJs = scriptSafe(read(dist + "uPlot.iife.min.js"));
    uplotCss = STYLE_END.matcher(read(dist + "uPlot.min.css")).replaceAll("<\\\\/$1");
    String here = ReportAssets.class.getPackageName().replace('.', '/') + "/";
    reportJs = scriptSafe(read(here + "report.js"));
    reportCss = read(here + "report.css");
  }

  private static String scriptSafe(String js) {
    // "</script" can only occur inside a string or regex literal, where "<\/" means the same.
    return SCRIPT_END.matcher(js).replaceAll("<\\\\/$1");
  }

  private static String uplotVersion() {
    Properties p = new Properties();
    try (InputStream in = resource(UPLOT_POM)) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + UPLOT_POM, e);
    }
    String v = p.getProperty("version");
    if (v == null) {
      throw new IllegalStateException(UPLOT_POM + " names no version");
    }
    return v.trim();
  }

  private static String read(String name) {
    try (InputStream in = resource(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = ReportAssets.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException(
          name + " is not on the classpath; the report needs the org.webjars.npm:uplot jar");
    }
    return in;
  }

  /** Writes a page in UTF-8, creating parent directories and replacing an existing file. */
  static void write(Path file, String html) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, html, StandardCharsets.UTF_8);
  }

  /**
   * Starts a page: document head with the inlined styles, then the body's header with the title and
   * (if not empty) the subtitle, up to where the navigation goes.
   */
  void head(StringBuilder h, String title, String subtitle) {
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(Format.html(title))
        .append("</title>\n<style>\n")
        .append(uplotCss)
        .append("\n</style>\n<style>\n")
        .append(reportCss)
        .append("</style>\n</head>\n<body>\n<header>\n<h1>")
        .append(Format.html(title))
        .append("</h1>\n");
    if (!subtitle.isEmpty()) {
      h.append("<p class=\"subtitle\">").append(Format.html(subtitle)).append("</p>\n");
    }
  }

  /** Ends a page: the chart data block ({@code ap-data}, already script-safe) and the scripts. */
  void tail(StringBuilder h, String chartJson) {
    h.append("<script type=\"application/json\" id=\"ap-data\">")
        .append(chartJson)
        .append("</script>\n<script>\n")
        .append(uplotJs)
        .append("\n</script>\n<script>\n")
        .append(reportJs)
        .append("</script>\n</body>\n</html>\n");
  }

  /**
   * JSON made safe to embed in a {@code <script>} element: outside strings JSON has no {@code <},
   * {@code >} or {@code &}, so writing them as unicode escapes everywhere keeps the JSON equal.
   */
  static String scriptSafeJson(String json) {
    return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
  }
}
