package dev.alphapulse.app.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alphapulse.engine.metrics.Statistics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HtmlReportModelTest {
  private static final Statistics STATS =
      new Statistics("backtesting.py", 0, 86_400_000L, Map.of("Return [%]", 1.0));

  @Test
  void modelRejectsMismatchedOrUnorderedColumns() {
    assertThatThrownBy(
            () ->
                new ReportModel(
                    "t",
                    "",
                    STATS,
                    new long[] {1, 2},
                    new double[] {1},
                    List.of(),
                    List.of(),
                    List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("equity")
        .hasMessageContaining("1 vs 2");
    assertThatThrownBy(
            () ->
                new ReportModel(
                    "t",
                    "",
                    STATS,
                    new long[] {1, 3, 3},
                    new double[3],
                    List.of(),
                    List.of(),
                    List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("time must be strictly increasing")
        .hasMessageContaining("index 2");
    assertThatThrownBy(
            () ->
                new ReportModel(
                    "t", "", STATS, new long[0], new double[0], List.of(), List.of(), List.of()))
        .hasMessageContaining("time must not be empty");
  }

  @Test
  void modelCopiesItsLists() {
    List<SweepRow> rows = new ArrayList<>();
    ReportModel m =
        new ReportModel(
            "t", "", STATS, new long[] {1}, new double[] {1}, List.of(), rows, List.of());
    rows.add(new SweepRow(Map.of("n", 1), Map.of()));
    assertThat(m.sweep()).isEmpty();
    assertThat(m.withSweep(rows).sweep()).hasSize(1);
  }

  @Test
  void chartNeedsOneValuePerTimePoint() {
    assertThatThrownBy(
            () ->
                new Chart(
                    "MC",
                    new long[] {1, 2},
                    List.of(new Chart.Series("p50", new double[] {1, 2, 3}))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'p50' has 3 values for 2 time points");
    assertThatThrownBy(() -> new Chart("MC", new long[] {1}, List.of()))
        .hasMessageContaining("at least one series");
  }

  @Test
  void sweepRowKeepsOrderAndRejectsNulls() {
    Map<String, Number> params = new LinkedHashMap<>();
    params.put("slow", 30);
    params.put("fast", 10);
    assertThat(new SweepRow(params, Map.of()).params().keySet()).containsExactly("slow", "fast");
    params.put("bad", null);
    assertThatThrownBy(() -> new SweepRow(params, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("params")
        .hasMessageContaining("bad");
  }

  @Test
  void formatsNumbersForPeople() {
    assertThat(Format.statistic("Return [%]", 12.3456)).isEqualTo("12.35");
    assertThat(Format.statistic("Equity Final [$]", 1234567.891)).isEqualTo("1,234,567.89");
    assertThat(Format.statistic("# Trades", 42)).isEqualTo("42");
    assertThat(Format.statistic("Sharpe Ratio", 0.123456)).isEqualTo("0.123");
    assertThat(Format.statistic("Sharpe Ratio", Double.NaN)).isEqualTo("n/a");
    assertThat(Format.statistic("Profit Factor", Double.POSITIVE_INFINITY)).isEqualTo("∞");
    assertThat(Format.statistic("Max. Drawdown Duration", 35)).isEqualTo("35 days");
    assertThat(Format.statistic("Avg. Trade Duration", 0.0416666666)).isEqualTo("0 days 01:00:00");
    assertThat(Format.days(1.5 + 1.0 / 86_400)).isEqualTo("1 day 12:00:01");
    assertThat(Format.statistic("Duration", 1)).isEqualTo("1 day");
    assertThat(Format.fixed(-0.001, 2)).isEqualTo("0.00");
    assertThat(Format.significant(1.23456789012, 8, 8)).isEqualTo("1.2345679");
    assertThat(Format.significant(43210.5, 8, 8)).isEqualTo("43210.5");
    assertThat(Format.significant(1e-12, 8, 8)).isEqualTo("0");
    assertThat(Format.number(20)).isEqualTo("20");
    assertThat(Format.number(0.25)).isEqualTo("0.25");
    assertThat(Format.time(86_400_000L, true)).isEqualTo("1970-01-02");
    assertThat(Format.time(86_400_000L + 3_600_000L, false)).isEqualTo("1970-01-02 01:00:00");
    assertThat(Format.html("<a href=\"x\">'&'</a>"))
        .isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  }
}
