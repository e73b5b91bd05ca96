package dev.alphapulse.app.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One parameter set of a sweep and the statistics it scored, as one row of the report's sweep
 * table. Both maps keep the caller's order, which becomes the column order.
 *
 * @param params parameter values by name, e.g. {@code fast -> 10}; no null keys or values
 * @param stats a few key statistics by name (e.g. {@code "Sharpe Ratio"}); {@code NaN} allowed and
 *     shown as n/a; no null keys or values
 */
public record SweepRow(Map<String, Number> params, Map<String, Double> stats) {

  public SweepRow {
    params = copy(params, "params");
    stats = copy(stats, "stats");
  }

  private static <V> Map<String, V> copy(Map<String, V> map, String field) {
    Objects.requireNonNull(map, field);
    Map<String, V> copy = new LinkedHashMap<>();
    map.forEach(
        (k, v) -> {
          if (k == null || v == null) {
            throw new IllegalArgumentException(
                field + " must not hold null names or values, got " + k + " -> " + v);
          }
          copy.put(k, v);
        });
    return Collections.unmodifiableMap(copy);
  }
}
