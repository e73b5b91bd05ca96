package dev.alphapulse.dataio;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * Turns one time field into epoch milliseconds.
 *
 * <h2>Design</h2>
 *
 * Without an explicit pattern the parser recognises the shapes found in real OHLCV files by their
 * characters, without {@link DateTimeFormatter} and without allocating (when the zone is a fixed
 * offset): {@code yyyy-MM-dd}, {@code yyyy/MM/dd} or {@code yyyy.MM.dd}, optionally followed by
 * {@code ' '} or {@code 'T'} and {@code H:mm[:ss[.fraction]]}; {@code yyyyMMdd} optionally followed
 * by {@code HHmmss} or {@code HHmm} (or a colon time); US {@code M/d/yyyy} with an optional time;
 * each optionally ending in {@code Z} or an offset {@code ±HH[:mm]}. Month and day may have one or
 * two digits. A time without an offset is a wall time in the configured zone (UTC by default).
 * Fractions beyond milliseconds are truncated.
 *
 * <p>With an explicit pattern, {@link DateTimeFormatter} does the work (slower, any layout).
 *
 * <p>Failure is signalled by {@link #INVALID}, not an exception, because bad fields are data, not
 * errors of this class. Immutable and thread-safe.
 */
final class TimeParser {
  /** Returned for a field that is not a valid time. */
  static final long INVALID = Long.MIN_VALUE;

  private static final long MILLIS_PER_DAY = 86_400_000L;

  private final ZoneId zone;
  private final boolean fixedOffset;
  private final long offsetMillis;
  private final DateTimeFormatter formatter;
  private final String pattern;

  private TimeParser(ZoneId zone, String pattern) {
    this.zone = zone;
    ZoneId normalized = zone.normalized();
    this.fixedOffset = normalized instanceof ZoneOffset;
    this.offsetMillis = fixedOffset ? ((ZoneOffset) normalized).getTotalSeconds() * 1000L : 0L;
    this.pattern = pattern;
    this.formatter = pattern == null ? null : DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
  }

  /** A parser for the built-in shapes, reading offset-less times in {@code zone}. */
  static TimeParser auto(ZoneId zone) {
    return new TimeParser(zone, null);
  }

  /**
   * A parser for one {@link DateTimeFormatter} pattern, reading offset-less times in {@code zone}.
   */
  static TimeParser ofPattern(String pattern, ZoneId zone) {
    return new TimeParser(zone, pattern);
  }

  /** What the parser accepts, for error messages. */
  String expected() {
    return pattern != null
        ? "pattern " + pattern
        : "yyyy-MM-dd[ HH:mm[:ss]], yyyyMMdd[ HHmmss], M/d/yyyy or ISO-8601";
  }

  /** Epoch milliseconds of {@code text}, or {@link #INVALID}. */
  long parse(String text) {
    return formatter != null ? parseWithPattern(text) : parseAuto(text);
  }

  private long parseWithPattern(String text) {
    try {
      TemporalAccessor t =
          formatter.parseBest(
              text.strip(), ZonedDateTime::from, LocalDateTime::from, LocalDate::from);
      if (t instanceof ZonedDateTime z) {
        return z.toInstant().toEpochMilli();
      }
      if (t instanceof LocalDateTime l) {
        return toEpochMillis(
            l.toLocalDate().toEpochDay() * MILLIS_PER_DAY
                + l.toLocalTime().toNanoOfDay() / 1_000_000L);
      }
      return toEpochMillis(((LocalDate) t).toEpochDay() * MILLIS_PER_DAY);
    } catch (DateTimeException | ArithmeticException e) {
      return INVALID;
    }
  }

  // The character walk below is long but linear: date, then optional time, then optional offset.
  private long parseAuto(String s) {
    int from = 0;
    int end = s.length();
    while (from < end && s.charAt(from) <= ' ') {
      from++;
    }
    while (end > from && s.charAt(end - 1) <= ' ') {
      end--;
    }
    int p = from;
    int lead = digits(s, p, end);
    int year;
    int month;
    int day;
    boolean compact = false;
    if (lead == 4 && p + 4 < end && isDateSeparator(s.charAt(p + 4))) {
      char sep = s.charAt(p + 4);
      year = number(s, p, 4);
      p += 5;
      int md = digits(s, p, end);
      if (md < 1 || md > 2 || p + md >= end || s.charAt(p + md) != sep) {
        return INVALID;
      }
      month = number(s, p, md);
      p += md + 1;
      int dd = digits(s, p, end);
      if (dd < 1 || dd > 2) {
        return INVALID;
      }
      day = number(s, p, dd);
      p += dd;
    } else if (lead == 8) {
      year = number(s, p, 4);
      month = number(s, p + 4, 2);
      day = number(s, p + 6, 2);
      p += 8;
      compact = true;
    } else if ((lead == 1 || lead == 2) && p + lead < end && s.charAt(p + lead) == '/') {
      month = number(s, p, lead);
      p += lead + 1;
      int dd = digits(s, p, end);
      if (dd < 1 || dd > 2 || p + dd >= end || s.charAt(p + dd) != '/') {
        return INVALID;
      }
      day = number(s, p, dd);
      p += dd + 1;
      if (digits(s, p, end) != 4) {
        return INVALID;
      }
      year = number(s, p, 4);
      p += 4;
    } else {
      return INVALID;
    }
    if (month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)) {
      return INVALID;
    }
    long local = daysFromCivil(year, month, day) * MILLIS_PER_DAY;
    if (p == end) {
      return toEpochMillis(local);
    }
    char c = s.charAt(p);
    if (c != ' ' && c != 'T') {
      return INVALID;
    }
    p++;
    int hd = digits(s, p, end);
    int hour;
    int minute;
    int second = 0;
    int millis = 0;
    if (compact && (hd == 6 || hd == 4)) {
      hour = number(s, p, 2);
      minute = number(s, p + 2, 2);
      second = hd == 6 ? number(s, p + 4, 2) : 0;
      p += hd;
    } else if ((hd == 1 || hd == 2) && p + hd < end && s.charAt(p + hd) == ':') {
      hour = number(s, p, hd);
      p += hd + 1;
      if (digits(s, p, end) != 2) {
        return INVALID;
      }
      minute = number(s, p, 2);
      p += 2;
      if (p < end && s.charAt(p) == ':') {
        p++;
        if (digits(s, p, end) != 2) {
          return INVALID;
        }
        second = number(s, p, 2);
        p += 2;
        if (p < end && (s.charAt(p) == '.' || s.charAt(p) == ',')) {
          p++;
          int fd = digits(s, p, end);
          if (fd < 1 || fd > 9) {
            return INVALID;
          }
          millis = number(s, p, Math.min(fd, 3));
          for (int k = fd; k < 3; k++) {
            millis *= 10;
          }
          p += fd;
        }
      }
    } else {
      return INVALID;
    }
    if (hour > 23 || minute > 59 || second > 59) {
      return INVALID;
    }
    local += hour * 3_600_000L + minute * 60_000L + second * 1000L + millis;
    if (p == end) {
      return toEpochMillis(local);
    }
    return applyOffset(s, p, end, local);
  }

  /** Reads {@code Z} or {@code ±HH[[:]mm]} at {@code p} and returns the instant. */
  private static long applyOffset(String s, int p, int end, long local) {
    char c = s.charAt(p);
    if (c == 'Z' && p + 1 == end) {
      return local;
    }
    if (c != '+' && c != '-') {
      return INVALID;
    }
    p++;
    if (digits(s, p, end) < 2) {
      return INVALID;
    }
    int hours = number(s, p, 2);
    p += 2;
    int minutes = 0;
    if (p < end && s.charAt(p) == ':') {
      p++;
    }
    if (p < end) {
      if (end - p != 2 || digits(s, p, end) != 2) {
        return INVALID;
      }
      minutes = number(s, p, 2);
    }
    if (hours > 18 || minutes > 59) {
      return INVALID;
    }
    long offset = (hours * 60L + minutes) * 60_000L;
    return c == '+' ? local - offset : local + offset;
  }

  /** Wall time {@code local} (millis of a UTC-labelled clock) read in the configured zone. */
  private long toEpochMillis(long local) {
    if (fixedOffset) {
      return local - offsetMillis;
    }
    LocalDateTime wall =
        LocalDateTime.ofEpochSecond(
            Math.floorDiv(local, 1000L),
            (int) Math.floorMod(local, 1000L) * 1_000_000,
            ZoneOffset.UTC);
    return ZonedDateTime.ofLocal(wall, zone, null).toInstant().toEpochMilli();
  }

  private static boolean isDateSeparator(char c) {
    return c == '-' || c == '/' || c == '.';
  }

  /** Number of consecutive ASCII digits starting at {@code p}. */
  private static int digits(String s, int p, int end) {
    int i = p;
    while (i < end && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
    }
    return i - p;
  }

  private static int number(String s, int p, int len) {
    int v = 0;
    for (int i = p; i < p + len; i++) {
      v = v * 10 + (s.charAt(i) - '0');
    }
    return v;
  }

  private static int lengthOfMonth(int year, int month) {
    switch (month) {
      case 2:
        return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
      case 4:
      case 6:
      case 9:
      case 11:
        return 30;
      default:
        return 31;
    }
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
  static long daysFromCivil(int year, int month, int day) {
    long y = month <= 2 ? year - 1L : year;
    long era = Math.floorDiv(y, 400L);
    long yoe = y - era * 400;
    long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146_097 + doe - 719_468;
  }
}
