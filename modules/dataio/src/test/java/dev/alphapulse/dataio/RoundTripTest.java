package dev.alphapulse.dataio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alphapulse.engine.data.BarSeries;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property-style test: random valid bars, written in a random one of the supported layouts
 * (delimiter, header case or no header, date format, order, BOM, line ending, trailing newline,
 * volume or not), read back exactly with no options. Each case is generated from its explicit seed,
 * so a failure is reproduced by its seed alone.
 */
class RoundTripTest {
  private static final String[] DATE_PATTERNS = {
    "yyyy-MM-dd",
    "yyyy-MM-dd HH:mm:ss",
    "yyyy-MM-dd HH:mm",
    "yyyy-MM-dd'T'HH:mm:ss",
    "yyyy-MM-dd'T'HH:mm:ss'Z'",
    "yyyyMMdd HHmmss",
    "M/d/yyyy",
    "M/d/yyyy H:mm:ss"
  };
  private static final char[] DELIMITERS = {',', ';', '\t'};
  private static final long[] STEP_MINUTES = {1, 15, 60, 1440};

  @TempDir Path dir;

  static LongStream seeds() {
    return LongStream.range(0, 300);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void validBarsRoundTripInAnyLayout(long seed) throws IOException {
    SplittableRandom rnd = new SplittableRandom(seed);
    char delimiter = DELIMITERS[rnd.nextInt(DELIMITERS.length)];
    String datePattern = DATE_PATTERNS[rnd.nextInt(DATE_PATTERNS.length)];
    boolean header = rnd.nextBoolean();
    int headerCase = rnd.nextInt(3);
    boolean hasVolume = rnd.nextBoolean();
    boolean newestFirst = rnd.nextBoolean();
    String newline = rnd.nextBoolean() ? "\n" : "\r\n";
    boolean trailingNewline = rnd.nextBoolean();
    boolean bom = rnd.nextBoolean();
    long step = datePattern.contains("H") ? STEP_MINUTES[rnd.nextInt(STEP_MINUTES.length)] : 1440;
    int n = 1 + rnd.nextInt(40);
    LocalDateTime start = LocalDateTime.of(1999, 12, 31, 0, 0).plusDays(rnd.nextInt(20_000));

    double[][] bars = new double[n][];
    for (int i = 0; i < n; i++) {
      double[] p = new double[4];
      for (int k = 0; k < 4; k++) {
        p[k] = Math.round(rnd.nextDouble(0.01, 1e5) * 1e4) / 1e4; // low, two of open/close, high
      }
      Arrays.sort(p);
      boolean upBar = rnd.nextBoolean();
      double volume = Math.round(rnd.nextDouble(0, 1e9) * 100) / 100.0;
      bars[i] = new double[] {upBar ? p[1] : p[2], p[3], p[0], upBar ? p[2] : p[1], volume};
    }

    String sep = String.valueOf(delimiter);
    List<String> lines = new ArrayList<>();
    if (header) {
      String names = "Date" + sep + "Open" + sep + "High" + sep + "Low" + sep + "Close";
      names += (hasVolume ? sep + "Volume" : "") + sep + "Adj Close";
      lines.add(
          headerCase == 0
              ? names
              : headerCase == 1 ? names.toLowerCase(Locale.ROOT) : names.toUpperCase(Locale.ROOT));
    }
    DateTimeFormatter fmt = DateTimeFormatter.ofPattern(datePattern, Locale.ROOT);
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      StringBuilder row = new StringBuilder(start.plusMinutes(i * step).format(fmt));
      for (int k = 0; k < (hasVolume ? 5 : 4); k++) {
        row.append(delimiter).append(bars[i][k]);
      }
      if (header) {
        row.append(delimiter).append("1.0"); // Adj Close, ignored
      }
      rows.add(row.toString());
    }
    if (newestFirst) {
      Collections.reverse(rows);
    }
    lines.addAll(rows);
    String text =
        (bom ? "\uFEFF" : "") + String.join(newline, lines) + (trailingNewline ? newline : "");
    Path file = Files.writeString(dir.resolve("R" + seed + ".csv"), text, StandardCharsets.UTF_8);

    LoadedSeries loaded = CsvBarReader.create().read(file);
    BarSeries s = loaded.series();

    assertThat(loaded.report().isClean()).as(text).isTrue();
    assertThat(s.symbol()).isEqualTo("R" + seed);
    assertThat(s.size()).isEqualTo(n);
    for (int i = 0; i < n; i++) {
      long expected = start.plusMinutes(i * step).toInstant(ZoneOffset.UTC).toEpochMilli();
      assertThat(s.time(i)).isEqualTo(expected);
      assertThat(new double[] {s.open(i), s.high(i), s.low(i), s.close(i)})
          .containsExactly(bars[i][0], bars[i][1], bars[i][2], bars[i][3]);
      if (hasVolume) {
        assertThat(s.volume(i)).isEqualTo(bars[i][4]);
      } else {
        assertThat(s.volume(i)).isNaN();
      }
    }
  }
}
