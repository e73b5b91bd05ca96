package dev.alphapulse.app.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Text for the report: HTML escaping and the display of numbers, times and durations. Times are
 * shown in UTC; numbers with a dot as decimal separator whatever the default locale, so a report
 * reads the same on every machine. Non-finite numbers show as {@code n/a} (NaN) or {@code ±∞}.
 */
final class Format {
  static final String NA = "n/a";
  private static final long DAY = 86_400_000L;
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

  private Format() {}

  /** Escapes the five characters that matter in HTML text and attribute values. */
  static String html(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /** True if every time is a UTC midnight, so dates alone say it all. */
  static boolean dailyTimes(long[] time) {
    for (long t : time) {
      if (Math.floorMod(t, DAY) != 0) {
        return false;
      }
    }
    return true;
  }

  /** An epoch-millis time as an ISO date, or date and time of day when {@code daily} is false. */
  static String time(long epochMillis, boolean daily) {
    Instant t = Instant.ofEpochMilli(epochMillis);
    return daily ? DATE.format(t) : DATE_TIME.format(t);
  }

  /** A statistic by its name: money and percentages with two decimals, counts whole, etc. */
  static String statistic(String name, double v) {
    if (!Double.isFinite(v)) {
      return nonFinite(v);
    }
    if (name.endsWith("Duration")) {
      return days(v);
    }
    if (name.startsWith("#")) {
      return fixed(v, 0);
    }
    if (name.contains("[$]") || name.contains("[%]")) {
      return fixed(v, 2);
    }
    return fixed(v, 3);
  }

  /**
   * A duration given in days, as pandas prints a timedelta: {@code 12 days}, or with the time of
   * day when there is one, {@code 0 days 01:30:00}; rounded to the second.
   */
  static String days(double days) {
    if (!Double.isFinite(days)) {
      return nonFinite(days);
    }
    long seconds = Math.round(Math.abs(days) * 86_400);
    long d = seconds / 86_400;
    long s = seconds % 86_400;
    StringBuilder sb = new StringBuilder();
    if (days < 0 && seconds != 0) {
      sb.append('-');
    }
    sb.append(d).append(d == 1 ? " day" : " days");
    if (s != 0) {
      sb.append(String.format(Locale.ROOT, " %02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60));
    }
    return sb.toString();
  }

  /** Grouped thousands and a fixed number of decimals, e.g. {@code 12,345.68}. */
  static String fixed(double v, int decimals) {
    if (!Double.isFinite(v)) {
      return nonFinite(v);
    }
    String s = String.format(Locale.ROOT, "%,." + decimals + "f", v);
    // "-0.00" reads as a loss that is not there.
    return s.matches("-0[.,0]*") ? s.substring(1) : s;
  }

  /**
   * Up to {@code digits} significant digits and at most {@code maxDecimals} decimals, trailing
   * zeros dropped, never in scientific notation: suits prices and sizes of any magnitude.
   */
  static String significant(double v, int digits, int maxDecimals) {
    if (!Double.isFinite(v)) {
      return nonFinite(v);
    }
    BigDecimal d = new BigDecimal(v).round(new MathContext(digits));
    if (d.scale() > maxDecimals) {
      d = d.setScale(maxDecimals, RoundingMode.HALF_EVEN);
    }
    d = d.stripTrailingZeros();
    if (d.signum() == 0) {
      return "0";
    }
    return d.toPlainString();
  }

  /** A parameter value: integers as such, other numbers with up to ten significant digits. */
  static String number(Number n) {
    if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
      return Long.toString(n.longValue());
    }
    return significant(n.doubleValue(), 10, 10);
  }

  private static String nonFinite(double v) {
    return Double.isNaN(v) ? NA : v > 0 ? "∞" : "-∞";
  }
}
