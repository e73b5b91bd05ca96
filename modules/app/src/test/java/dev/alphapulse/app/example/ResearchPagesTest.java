package dev.alphapulse.app.example;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alphapulse.app.report.HtmlPage;
import dev.alphapulse.app.report.Page;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pages from hand-written result objects: shapes of docs/jobs.md, odd values included. */
class ResearchPagesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<String> ids(Page p) {
    return p.sections().stream().map(Page.Section::id).toList();
  }

  @Test
  void optimizeResultWithAFailedTrialAndNoOverfittingStatistics() throws Exception {
    JsonNode r =
        JSON.readTree(
            """
            {"type": "optimize", "strategy": "sma-cross", "metric": "Sharpe Ratio", "mode": "min",
             "algorithm": "random", "scheduler": "fifo",
             "trials": [
               {"trialId": 0, "params": {"fast": 5, "slow": 50}, "status": "COMPLETED",
                "budget": 1.0, "objective": 0.5, "metrics": {"Return [%]": 3.0}},
               {"trialId": 1, "params": {"fast": 9, "slow": 5}, "status": "FAILED",
                "budget": 1.0, "objective": "NaN", "metrics": {}},
               {"trialId": 2, "params": {"fast": 7, "slow": 60}, "status": "COMPLETED",
                "budget": 1.0, "objective": 0.2, "metrics": {"Return [%]": -1.0}}],
             "best": {"trialId": 2, "params": {"fast": 7, "slow": 60}, "objective": 0.2,
                      "metrics": {"Return [%]": -1.0}},
             "overfitting": {"trials": 3, "trialsUsed": 2, "deflatedSharpe": null, "pbo": null}}
            """);

    Page p = ResearchPages.of(r, "").orElseThrow();

    assertThat(p.subtitle()).startsWith("sma-cross | random + fifo | 3 trials");
    assertThat(ids(p)).containsExactly("best", "progress", "trials", "overfitting");
    Page.Plot progress = (Page.Plot) p.sections().get(1);
    // mode min: the best so far is the running minimum of the completed trials
    assertThat(progress.figure().lines().get(0).values()).containsExactly(0.5, 0.5, 0.2);
    String html = HtmlPage.render(p);
    assertThat(html)
        .contains("<td>FAILED</td>")
        .contains("<tr><th>Deflated Sharpe probability</th><td>n/a</td></tr>");
  }

  @Test
  void monteCarloResultWithoutFanHasNoFanChart() throws Exception {
    JsonNode r =
        JSON.readTree(
            """
            {"type": "monte-carlo", "strategy": "rsi", "params": {}, "method": "gbm", "seed": 1,
             "startingEquity": 100.0, "paths": 10, "steps": 5, "base": {"Return [%]": 1.5},
             "finalEquity": {"percentiles": [5.0, 50.0, 95.0], "values": [90.0, 100.0, 120.0]},
             "cagr": {"percentiles": [5.0, 50.0, 95.0], "values": [-0.1, 0.0, 0.2]},
             "maxDrawdown": {"percentiles": [5.0, 50.0, 95.0], "values": [0.01, 0.05, 0.2]},
             "sharpe": {"percentiles": [5.0, 50.0, 95.0], "values": ["NaN", 0.1, 1.0]},
             "varLevel": 0.95, "var": 0.1, "cvar": 0.1, "probabilityOfLoss": 0.4,
             "probabilityOfRuin": 0.0, "ruinThreshold": 0.5, "fan": null}
            """);

    Page p = ResearchPages.of(r, "data").orElseThrow();

    assertThat(ids(p)).containsExactly("risk", "bands", "base");
    String html = HtmlPage.render(p);
    assertThat(html)
        .contains("<td class=\"num\" data-v=\"\">n/a</td>")
        .contains("<tr><th>VaR (95%)</th><td>10.00%</td></tr>");
  }

  @Test
  void portfolioWithoutACombinationStillShowsItsSleeves() throws Exception {
    JsonNode r =
        JSON.readTree(
            """
            {"type": "portfolio", "allocation": "equal", "rebalance": 21, "lookback": 63,
             "capital": 1000, "status": "failed",
             "sleeves": [{"index": 0, "name": "a", "strategy": "rsi", "params": {},
                          "symbols": [], "status": "failed", "stats": {}}],
             "failures": [{"sleeve": 0, "error": "boom"}], "portfolio": null, "symbols": {}}
            """);

    Page p = ResearchPages.of(r, "d").orElseThrow();

    assertThat(ids(p)).containsExactly("statistics", "sleeves");
    assertThat(HtmlPage.render(p)).contains("<td>failed</td>");
  }

  @Test
  void otherTypesHaveNoPage() throws Exception {
    assertThat(ResearchPages.of(JSON.readTree("{\"type\": \"batch\"}"), "")).isEmpty();
  }
}
