package dev.alphapulse.app.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlPageTest {
  private static final Pattern DATA =
      Pattern.compile("<script type=\"application/json\" id=\"ap-data\">(.*?)</script>");

  private static Figure fan(int steps) {
    double[] x = new double[steps + 1];
    double[] lo = new double[steps + 1];
    double[] mid = new double[steps + 1];
    double[] hi = new double[steps + 1];
    for (int i = 0; i <= steps; i++) {
      x[i] = i;
      mid[i] = 100 + Math.sin(i / 10.0);
      lo[i] = mid[i] - Math.sqrt(i);
      hi[i] = mid[i] + Math.sqrt(i);
    }
    return Figure.of(
            "Equity by step",
            "step",
            "money",
            x,
            List.of(
                Figure.Line.of("P5", lo), Figure.Line.of("P50", mid), Figure.Line.of("P95", hi)))
        .withBands(List.of(new Figure.Band(2, 0, "#2563eb")));
  }

  private static Page page(String title, Figure figure) {
    return new Page(
        title,
        "sub <b>",
        List.of(
            new Page.Facts(
                "risk", "Risk", "note & more", List.of(new Page.Fact("VaR <95%>", "1%"))),
            new Page.Plot("fan", "Fan chart", "", figure),
            new Page.Table(
                "bands",
                "Bands",
                "",
                List.of("Percentile", "Name"),
                List.of(true, false),
                List.of(
                    List.of(Page.Cell.number(5, "5"), Page.Cell.text("<script>x</script>")),
                    List.of(Page.Cell.number(Double.NaN, "n/a"), Page.Cell.text("ok"))))));
  }

  private static JsonNode charts(String html) throws Exception {
    Matcher m = DATA.matcher(html);
    assertThat(m.find()).isTrue();
    return new ObjectMapper().readTree(m.group(1)).get("charts");
  }

  @Test
  void rendersSectionsInOrderWithNavigationAndEscapedText() {
    String html = HtmlPage.render(page("A </title> & B", fan(10)));

    assertThat(html)
        .contains("<title>A &lt;/title&gt; &amp; B</title>")
        .contains("<p class=\"subtitle\">sub &lt;b&gt;</p>")
        .contains("<nav><a href=\"#risk\">Risk</a><a href=\"#fan\">Fan chart</a>")
        .contains("<tr><th>VaR &lt;95%&gt;</th><td>1%</td></tr>")
        .contains("<td>&lt;script&gt;x&lt;/script&gt;</td>")
        .contains("<td class=\"num\" data-v=\"5.0\">5</td>")
        .contains("<td class=\"num\" data-v=\"\">n/a</td>")
        .contains("<div class=\"chart\" id=\"chart-0\"></div>")
        .doesNotContain("<script>x</script>");
    assertThat(html.indexOf("id=\"risk\"")).isLessThan(html.indexOf("id=\"fan\""));
    assertThat(html.indexOf("id=\"fan\"")).isLessThan(html.indexOf("id=\"bands\""));
  }

  @Test
  void opensOfflineAndRendersTheSameBytesTwice(@TempDir Path dir) throws Exception {
    Page p = page("t", fan(50));
    HtmlPage.write(dir.resolve("a/b.html"), p);
    String html = Files.readString(dir.resolve("a/b.html"), StandardCharsets.UTF_8);

    assertThat(html).isEqualTo(HtmlPage.render(page("t", fan(50))));
    assertThat(html).doesNotContainPattern("(?i)<(script|link|img|iframe)\\b[^>]*\\b(src|href)=");
    assertThat(html.replace("/*! https://github.com/leeoniya/uPlot", ""))
        .doesNotContainPattern("https?://");
    assertThat(html).contains("var uPlot=function()").contains("opts.bands");
  }

  @Test
  void chartDataCarriesNumberAxesBandsAndNulls() throws Exception {
    double[] v = {1, Double.NaN, 3};
    Figure f =
        Figure.of(
            "f", "trial", "number", new double[] {0, 1, 2.5}, List.of(Figure.Line.of("a", v)));
    JsonNode c =
        charts(HtmlPage.render(new Page("t", "", List.of(new Page.Plot("p", "P", "", f))))).get(0);

    assertThat(c.get("xkind").asText()).isEqualTo("number");
    assertThat(c.get("xlabel").asText()).isEqualTo("trial");
    assertThat(c.get("x").toString()).isEqualTo("[0,1,2.5]");
    assertThat(c.get("series").get(0).get("values").toString()).isEqualTo("[1.0,null,3.0]");
    assertThat(c.get("bands")).isEmpty();

    JsonNode fan = charts(HtmlPage.render(page("t", fan(10)))).get(0);
    assertThat(fan.get("bands").toString())
        .isEqualTo("[{\"upper\":2,\"lower\":0,\"color\":\"#2563eb\"}]");
  }

  @Test
  void timeAxesAreInEpochSecondsAndLongFiguresAreDownsampled() throws Exception {
    int n = 3 * HtmlReport.MAX_CHART_POINTS;
    double[] t = new double[n];
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = 1_577_836_800_000.0 + i * 86_400_000.0;
      v[i] = i == 7_777 ? 1e9 : i;
    }
    Figure f =
        new Figure(
            "Equity",
            Figure.Axis.TIME,
            "",
            "money",
            t,
            List.of(Figure.Line.of("Equity", v)),
            List.of());
    JsonNode c =
        charts(HtmlPage.render(new Page("t", "", List.of(new Page.Plot("e", "E", "", f))))).get(0);

    assertThat(c.get("xkind").asText()).isEqualTo("time");
    assertThat(c.get("x").get(0).asLong()).isEqualTo(1_577_836_800L);
    assertThat(c.get("x").size()).isLessThanOrEqualTo(HtmlReport.MAX_CHART_POINTS);
    List<Double> values = new java.util.ArrayList<>();
    c.get("series").get(0).get("values").forEach(x -> values.add(x.asDouble()));
    assertThat(values).contains(1e9, 0.0, n - 1.0);
  }

  @Test
  void badFiguresAndPagesAreRejectedByField() {
    double[] two = {1, 2};
    assertThatThrownBy(
            () ->
                Figure.of(
                    "f", "", "number", new double[] {1, 1}, List.of(Figure.Line.of("a", two))))
        .hasMessageContaining("strictly increasing");
    assertThatThrownBy(
            () -> Figure.of("f", "", "number", new double[] {1}, List.of(Figure.Line.of("a", two))))
        .hasMessageContaining("line 'a' has 2 values for 1 x values");
    assertThatThrownBy(() -> Figure.of("f", "", "euros", two, List.of(Figure.Line.of("a", two))))
        .hasMessageContaining("format");
    assertThatThrownBy(
            () ->
                Figure.of("f", "", "number", two, List.of(Figure.Line.of("a", two)))
                    .withBands(List.of(new Figure.Band(1, 0, "#000000"))))
        .hasMessageContaining("band");
    assertThatThrownBy(() -> new Figure.Band(0, 1, "red")).hasMessageContaining("#rrggbb");
    assertThatThrownBy(() -> new Page.Facts("a b", "h", "", List.of()))
        .hasMessageContaining("section id");
    assertThatThrownBy(
            () ->
                new Page(
                    "t",
                    "",
                    List.of(
                        new Page.Facts("a", "h", "", List.of()),
                        new Page.Facts("a", "h", "", List.of()))))
        .hasMessageContaining("'a' is used twice");
    assertThatThrownBy(
            () ->
                new Page.Table(
                    "t",
                    "h",
                    "",
                    List.of("a", "b"),
                    List.of(true, true),
                    List.of(List.of(Page.Cell.text("x")))))
        .hasMessageContaining("row 0 has 1 cells for 2 columns");
  }
}
