package dev.alphapulse.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alphapulse.engine.metrics.Statistics;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Statistics as the JSON object of the CLI contract: keys are backtesting.py's statistic names,
 * {@code Start}/{@code End} are ISO-8601 date-times (UTC wall time, no zone suffix, as the data),
 * durations are numbers of days, undefined values are {@code null}, and the convention is named
 * under {@code "Convention"}.
 */
final class StatsJson {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private StatsJson() {}

  static ObjectNode toJson(Statistics stats) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("Start", isoDateTime(stats.start()));
    o.put("End", isoDateTime(stats.end()));
    for (Map.Entry<String, Double> e : stats.values().entrySet()) {
      putNumber(o, e.getKey(), e.getValue());
    }
    o.put("Convention", stats.convention());
    return o;
  }

  /** Puts a number: whole values as integers, NaN and infinities as null. */
  static void putNumber(ObjectNode o, String key, double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      o.putNull(key);
    } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      o.put(key, (long) v);
    } else {
      o.put(key, v);
    }
  }

  static String isoDateTime(long epochMillis) {
    return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
        LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC));
  }
}
