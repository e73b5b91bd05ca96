package dev.alphapulse.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.Map;

/** A readable summary of a research job's result object (the full object is {@code --json}). */
final class ResearchSummary {
  private ResearchSummary() {}

  static void print(PrintWriter out, JsonNode result) {
    String type = result.path("type").asText("research");
    out.printf("%s result:%n", type);
    scalars(out, "  ", result);
    for (String key :
        new String[] {
          "best", "base", "stitched", "portfolio", "finalEquity", "cagr", "maxDrawdown", "sharpe"
        }) {
      JsonNode n = result.get(key);
      if (n != null && n.isObject()) {
        out.printf("  %s:%n", key);
        scalars(out, "    ", n);
        JsonNode params = n.get("params");
        if (params != null && params.isObject()) {
          out.printf("    params: %s%n", params);
        }
        JsonNode metrics = n.get("metrics");
        if (metrics == null) {
          metrics = n.get("stats");
        }
        if (metrics != null && metrics.isObject()) {
          for (String m :
              new String[] {"Sharpe Ratio", "Return [%]", "Max. Drawdown [%]", "# Trades"}) {
            if (metrics.has(m)) {
              out.printf("    %s: %s%n", m, number(metrics.get(m)));
            }
          }
        }
      }
    }
    JsonNode windows = result.get("windows");
    if (windows != null && windows.isArray()) {
      out.printf("  windows: %d%n", windows.size());
    }
    JsonNode trials = result.get("trials");
    if (trials != null && trials.isArray()) {
      long stopped = 0;
      for (JsonNode t : trials) {
        stopped += t.path("stoppedEarly").asBoolean(false) ? 1 : 0;
      }
      out.printf("  trials: %d (%d stopped early)%n", trials.size(), stopped);
    }
    JsonNode of = result.get("overfitting");
    if (of != null && of.isObject()) {
      JsonNode dsr = of.path("deflatedSharpe");
      JsonNode pbo = of.path("pbo");
      if (of.has("meanDeflatedSharpeProbability")) { // walk-forward: per window, averaged
        out.printf(
            "  overfitting: mean deflated Sharpe probability %s, mean PBO %s (per window)%n",
            number(of.get("meanDeflatedSharpeProbability")),
            pbo.isObject() ? number(pbo.path("meanProbability")) : "n/a");
      } else {
        out.printf(
            "  overfitting: deflated Sharpe probability %s, PBO %s%n",
            dsr.isObject() ? number(dsr.path("probability")) : "n/a",
            pbo.isObject() ? number(pbo.path("probability")) : "n/a");
      }
    }
  }

  /**
   * A finished sweep's {@code overfitting} object in two or three lines: the DSR of the best run
   * among its trials, PBO, and the subset recomputed when the sweep was sampled.
   */
  static void sweepOverfitting(PrintWriter out, JsonNode of) {
    if (of.has("error")) {
      out.printf("overfitting: not computed (%s)%n", of.get("error").asText());
      return;
    }
    JsonNode dsr = of.path("deflatedSharpe");
    JsonNode pbo = of.path("pbo");
    out.printf(
        "overfitting: deflated Sharpe probability %s (best of %s runs, expected max Sharpe %s per"
            + " bar), PBO %s (%s runs, %s blocks)%n",
        dsr.isObject() ? number(dsr.path("probability")) : "n/a",
        of.path("trials").asText(),
        dsr.isObject() ? number(dsr.path("benchmarkSharpe")) : "n/a",
        pbo.isObject() ? number(pbo.path("probability")) : "n/a",
        of.path("trialsUsed").asText(),
        pbo.isObject() ? pbo.path("blocks").asText() : "-");
    if (of.path("sampled").asBoolean(false)) {
      out.printf(
          "  (returns recomputed for %s of %s parameter sets, drawn with seed %s)%n",
          of.path("parameterSetsUsed").asText(),
          of.path("parameterSets").asText(),
          of.path("sampleSeed").asText());
    }
    JsonNode by = of.get("bySymbol");
    if (by != null && by.isArray()) {
      for (JsonNode n : by) {
        out.printf(
            "  %s: deflated Sharpe probability %s, PBO %s (%s parameter sets)%n",
            n.path("symbol").asText(),
            n.path("deflatedSharpe").isObject()
                ? number(n.path("deflatedSharpe").path("probability"))
                : "n/a",
            n.path("pbo").isObject() ? number(n.path("pbo").path("probability")) : "n/a",
            n.path("trials").asText());
      }
    }
  }

  private static void scalars(PrintWriter out, String indent, JsonNode n) {
    for (Map.Entry<String, JsonNode> e : n.properties()) {
      if (e.getValue().isValueNode() && !e.getKey().equals("type")) {
        out.printf("%s%s: %s%n", indent, e.getKey(), number(e.getValue()));
      }
    }
  }

  private static String number(JsonNode v) {
    if (v.isFloatingPointNumber()) {
      return String.format(java.util.Locale.ROOT, "%.4f", v.doubleValue());
    }
    return v.asText();
  }
}
