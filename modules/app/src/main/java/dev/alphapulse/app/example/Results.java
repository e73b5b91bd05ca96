package dev.alphapulse.app.example;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reading a research result object (numbers may be written as {@code "NaN"}) and showing its
 * numbers: fixed decimals with a dot whatever the locale, {@code n/a} for undefined values.
 */
final class Results {
  private Results() {}

  /** The number at {@code node}: a JSON number, or text such as {@code "NaN"}; NaN if absent. */
  static double num(JsonNode node) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return Double.NaN;
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isTextual()) {
      try {
        return Double.parseDouble(node.asText());
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
    }
    return Double.NaN;
  }

  /** The numbers of an array node. */
  static double[] nums(JsonNode array) {
    double[] v = new double[array == null ? 0 : array.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = num(array.get(i));
    }
    return v;
  }

  /** {@code v} with {@code decimals} decimals, or {@code n/a}. */
  static String fixed(double v, int decimals) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    String s = String.format(Locale.ROOT, "%,." + decimals + "f", v);
    return s.matches("-0[.,0]*") ? s.substring(1) : s;
  }

  /** A fraction as a percentage with two decimals, e.g. {@code 0.1234 -> 12.34%}. */
  static String pct(double fraction) {
    return Double.isNaN(fraction) ? "n/a" : fixed(100 * fraction, 2) + "%";
  }

  /** A statistic by its name: percentages and money with 2 decimals, counts whole, else 3. */
  static String stat(String name, double v) {
    if (name.startsWith("#")) {
      return fixed(v, 0);
    }
    if (name.endsWith("Duration")) {
      return Double.isNaN(v) ? "n/a" : fixed(v, 0) + " days";
    }
    if (name.contains("[%]") || name.contains("[$]")) {
      return fixed(v, 2);
    }
    return fixed(v, 3);
  }

  /** A parameter value: integers without decimals, else up to 6 significant digits. */
  static String param(JsonNode v) {
    if (v == null) {
      return "";
    }
    if (v.isIntegralNumber()) {
      return v.asText();
    }
    if (v.isNumber()) {
      double d = v.doubleValue();
      return d == Math.rint(d) && Math.abs(d) < 1e15
          ? Long.toString((long) d)
          : String.format(Locale.ROOT, "%.6g", d).replaceAll("\\.?0+$", "");
    }
    return v.asText();
  }

  /** {@code {"fast": 10, "slow": 30}} as {@code fast=10 slow=30}. */
  static String params(JsonNode params) {
    List<String> parts = new ArrayList<>();
    if (params != null) {
      for (Map.Entry<String, JsonNode> e : params.properties()) {
        parts.add(e.getKey() + "=" + param(e.getValue()));
      }
    }
    return String.join(" ", parts);
  }

  /** The names of an object node's fields, in order. */
  static List<String> fieldNames(JsonNode object) {
    List<String> names = new ArrayList<>();
    if (object != null) {
      for (Map.Entry<String, JsonNode> e : object.properties()) {
        names.add(e.getKey());
      }
    }
    return names;
  }

  /** The key statistics the summaries show for a backtest, in this order. */
  static final List<String> KEY_STATS =
      List.of(
          "Return [%]",
          "CAGR [%]",
          "Volatility (Ann.) [%]",
          "Sharpe Ratio",
          "Sortino Ratio",
          "Calmar Ratio",
          "Max. Drawdown [%]",
          "# Trades",
          "Win Rate [%]",
          "Profit Factor",
          "Equity Final [$]");

  /** True if every value is finite and larger than the one before. */
  static boolean increasing(double[] x) {
    for (int i = 0; i < x.length; i++) {
      if (!Double.isFinite(x[i]) || (i > 0 && !(x[i] > x[i - 1]))) {
        return false;
      }
    }
    return true;
  }
}
