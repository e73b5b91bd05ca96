package dev.alphapulse.dataio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.alphapulse.dataio.DataIssue.Action;
import dev.alphapulse.dataio.DataIssue.Kind;
import dev.alphapulse.engine.data.BarSeries;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Small hand-made files for each rule, so each message and repair can be checked exactly. */
class HandMadeCsvTest {
  private static final String HEADER = "date,open,high,low,close,volume\n";

  @TempDir Path dir;

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  private static LoadedSeries read(Path file, RepairMode mode) throws IOException {
    return CsvBarReader.create(CsvOptions.defaults().withRepair(mode)).read(file);
  }

  private static long utc(String iso) {
    return Instant.parse(iso).toEpochMilli();
  }

  @Test
  void aBadFieldFailsNamingFileLineFieldAndValue() throws IOException {
    Path file =
        write(
            "bad.csv",
            HEADER
                + "2020-01-01,10,11,9,10.5,100\n"
                + "2020-01-02,10,11,9,10.5,100\n"
                + "2020-01-03,10,abc,9,10.5,100\n"
                + "2020-01-06,10,11,9,10.5,100\n");

    assertThatThrownBy(() -> CsvBarReader.create().read(file))
        .isInstanceOf(DataFormatException.class)
        .hasMessage(
            "bad.csv line 4, field high: 'abc' is not a number (unparseable field); load with"
                + " RepairMode.DROP or RepairMode.FIX to repair");
  }

  @Test
  void severalBadRowsNameTheFirstAndCountTheRest() throws IOException {
    Path file =
        write(
            "many.csv",
            HEADER
                + "2020-01-01,10,11,9,10.5,100\n"
                + "2020-01-02,10,9.5,9,10.5,100\n" // high below open and close
                + "2020-01-03,0,11,9,10.5,100\n" // zero open
                + "2020-01-06,10,11,9,10.5,-5\n" // negative volume
                + "2020-01-07,10,11,9,NaN,100\n" // non-finite close
                + "2020-01-07,10,11,9,10.5,100\n" // duplicate
                + "2020-01-08,10,11,,10.5,100\n" // blank low
                + "2020-01-09,10,11,9\n" // short row
                + "2020-02-30,10,11,9,10.5,100\n"); // no such date

    DataFormatException e =
        catchThrowableOfType(DataFormatException.class, () -> CsvBarReader.create().read(file));

    assertThat(e.getMessage())
        .startsWith(
            "many.csv line 3, field open: 10 is above high 9.5; also close 10.5 is above high 9.5"
                + " (OHLC violation); 6 more issues (")
        .contains(
            "blank field: 2", "non-positive price: 1", "negative volume: 1", "non-finite value: 1");
    assertThat(e.firstIssue()).get().extracting(DataIssue::line).isEqualTo(3L);

    LoadedSeries dropped = read(file, RepairMode.DROP);
    DataQualityReport report = dropped.report();
    assertThat(report.rowsRead()).isEqualTo(9);
    assertThat(report.rowsKept())
        .isEqualTo(2); // 2020-01-01 and line 7: its twin on line 6 was dropped
    assertThat(report.issues())
        .extracting(DataIssue::line, DataIssue::field, DataIssue::kind, DataIssue::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(3L, "open", Kind.OHLC_VIOLATION, "10"),
            org.assertj.core.groups.Tuple.tuple(4L, "open", Kind.NON_POSITIVE_PRICE, "0"),
            org.assertj.core.groups.Tuple.tuple(5L, "volume", Kind.NEGATIVE_VOLUME, "-5"),
            org.assertj.core.groups.Tuple.tuple(6L, "close", Kind.NON_FINITE_VALUE, "NaN"),
            org.assertj.core.groups.Tuple.tuple(8L, "low", Kind.BLANK_FIELD, ""),
            org.assertj.core.groups.Tuple.tuple(9L, "close", Kind.BLANK_FIELD, ""),
            org.assertj.core.groups.Tuple.tuple(10L, "time", Kind.UNPARSEABLE_FIELD, "2020-02-30"));
    assertThat(report.issues().get(5).reason())
        .isEqualTo(
            "missing (the row has 4 fields); also volume missing (the row has 4 fields) (blank"
                + " field); row dropped");
    assertThat(dropped.series().times())
        .containsExactly(utc("2020-01-01T00:00:00Z"), utc("2020-01-07T00:00:00Z"));
  }

  @Test
  void duplicatesAndOutOfOrderRowsAreDroppedKeepingTheFirst() throws IOException {
    Path file =
        write(
            "order.csv",
            HEADER
                + "2020-01-01,10,11,9,10,1\n"
                + "2020-01-02,20,21,19,20,2\n"
                + "2020-01-02,30,31,29,30,3\n"
                + "2020-01-03,40,41,39,40,4\n"
                + "2019-12-31,50,51,49,50,5\n"
                + "2020-01-06,60,61,59,60,6\n");

    assertThatThrownBy(() -> CsvBarReader.create().read(file))
        .hasMessageStartingWith(
            "order.csv line 4, field time: 2020-01-02 repeats the time of line 3 (duplicate"
                + " timestamp); 1 more issue (unsorted timestamp: 1)");

    LoadedSeries loaded = read(file, RepairMode.DROP);
    assertThat(loaded.series().closes()).containsExactly(10, 20, 40, 60);
    assertThat(loaded.report().issues())
        .extracting(DataIssue::describe)
        .containsExactly(
            "order.csv line 4, field time: 2020-01-02 repeats the time of line 3 (duplicate"
                + " timestamp); row dropped, first kept",
            "order.csv line 6, field time: 2019-12-31 is earlier than 2020-01-03 at line 5 in a"
                + " file that runs oldest-first (unsorted timestamp); row dropped, first kept");
  }

  @Test
  void newestFirstIsNotAnErrorButDisorderInItIs() throws IOException {
    Path sorted =
        write(
            "desc.csv",
            HEADER
                + "2020-01-03,30,31,29,30,3\n2020-01-02,20,21,19,20,2\n2020-01-01,10,11,9,10,1\n");
    LoadedSeries loaded = CsvBarReader.create().read(sorted);
    assertThat(loaded.report().isClean()).isTrue();
    assertThat(loaded.series().closes()).containsExactly(10, 20, 30);

    Path mixed =
        write(
            "mixed.csv",
            HEADER
                + "2020-01-06,40,41,39,40,4\n"
                + "2020-01-03,30,31,29,30,3\n"
                + "2020-01-07,99,99,99,99,9\n"
                + "2020-01-02,20,21,19,20,2\n"
                + "2020-01-01,10,11,9,10,1\n");
    assertThatThrownBy(() -> CsvBarReader.create().read(mixed))
        .hasMessageStartingWith(
            "mixed.csv line 4, field time: 2020-01-07 is later than 2020-01-03 at line 3 in a file"
                + " that runs newest-first (unsorted timestamp)");
    assertThat(read(mixed, RepairMode.DROP).series().closes()).containsExactly(10, 20, 30, 40);
  }

  @Test
  void fixModeRepairsOhlcAndVolumeAndReportsEveryChange() throws IOException {
    Path file =
        write(
            "fix.csv",
            HEADER
                + "2020-01-01,10,9.5,9,10.5,100\n"
                + "2020-01-02,10,11,9,10.5,-1\n"
                + "2020-01-03,,11,9,10.5,100\n"
                + "2020-01-06,8,11,9,12,\n");

    LoadedSeries loaded = read(file, RepairMode.FIX);
    BarSeries s = loaded.series();
    DataQualityReport report = loaded.report();

    assertThat(s.size()).isEqualTo(3);
    assertThat(s.highs()).containsExactly(10.5, 11, 12);
    assertThat(s.lows()).containsExactly(9, 9, 8);
    assertThat(s.volume(1)).isNaN();
    assertThat(s.volume(2)).isNaN();
    assertThat(report.rowsFixed()).isEqualTo(3);
    assertThat(report.rowsDropped()).isEqualTo(1);
    assertThat(report.issues())
        .extracting(DataIssue::describe)
        .containsExactly(
            "fix.csv line 2, field open: 10 is above high 9.5; also close 10.5 is above high 9.5"
                + " (OHLC violation); fixed: high 9.5 -> 10.5",
            "fix.csv line 3, field volume: -1 is negative (negative volume); fixed: volume set to"
                + " NaN (unknown)",
            "fix.csv line 4, field open: blank (blank field); row dropped",
            "fix.csv line 5, field volume: blank (blank field); fixed: volume set to NaN (unknown)",
            "fix.csv line 5, field open: 8 is below low 9; also close 12 is above high 11 (OHLC"
                + " violation); fixed: high 11 -> 12, low 9 -> 8");
    assertThat(report.issues())
        .extracting(DataIssue::action)
        .containsExactly(Action.FIXED, Action.FIXED, Action.DROPPED, Action.FIXED, Action.FIXED);
    assertThat(report.summary())
        .isEqualTo(
            "fix.csv: 4 rows read, 3 kept (1 dropped, 3 fixed); blank field: 2, negative volume: 1,"
                + " OHLC violation: 2");
  }

  @Test
  void lineNumbersCountBlankLinesCrlfAndQuotedLineBreaks() throws IOException {
    Path file =
        write(
            "lines.csv",
            "\uFEFFDate,Open,High,Low,Close,Volume,Note\r\n"
                + "2020-01-01,10,11,9,10,1,\"two\r\nlines\"\r\n"
                + "\r\n"
                + "2020-01-02,10,11,9,10,1,x\r\n"
                + "2020-01-03,10,11,9,-10,1,x\r\n");

    assertThatThrownBy(() -> CsvBarReader.create().read(file))
        .hasMessageStartingWith("lines.csv line 6, field close: -10 is not a positive price");
  }

  @Test
  void explicitOptionsForWhatDetectionCannotKnow() throws IOException {
    // No header, semicolons, European day-first dates in New York time, close-only.
    Path file = write("eu.txt", "02.01.2020 09:30;100\n03.01.2020 09:30;101\n");
    CsvOptions options =
        CsvOptions.defaults()
            .withDelimiter(';')
            .withHeader(false)
            .withColumns(ColumnMapping.byIndex(0, 1, 1, 1, 1, -1))
            .withDatePattern("dd.MM.yyyy HH:mm")
            .withZone(ZoneId.of("America/New_York"))
            .withSymbol("SPX");

    BarSeries s = CsvBarReader.create(options).read(file).series();

    assertThat(s.symbol()).isEqualTo("SPX");
    assertThat(s.times()).containsExactly(utc("2020-01-02T14:30:00Z"), utc("2020-01-03T14:30:00Z"));
    assertThat(s.opens()).containsExactly(100, 101);
    assertThat(s.volume(0)).isNaN();
  }

  @Test
  void columnsByNameForUnusualHeaders() throws IOException {
    Path file = write("odd.csv", "when,first,top,bottom,last,qty\n2020-01-01,10,11,9,10.5,7\n");

    assertThatThrownBy(() -> CsvBarReader.create().read(file))
        .isInstanceOf(DataFormatException.class)
        .hasMessageStartingWith("odd.csv: header [when, first, top, bottom, last, qty] has no");

    CsvOptions options =
        CsvOptions.defaults()
            .withColumns(ColumnMapping.byName("WHEN", "first", "top", "bottom", "last", "qty"));
    BarSeries s = CsvBarReader.create(options).read(file).series();
    assertThat(s.close(0)).isEqualTo(10.5);
    assertThat(s.volume(0)).isEqualTo(7);
    assertThat(s.symbol()).isEqualTo("odd");
  }

  @Test
  void layoutErrorsNameTheFile() throws IOException {
    assertThatThrownBy(() -> CsvBarReader.create().read(write("empty.csv", "")))
        .isInstanceOf(DataFormatException.class)
        .hasMessage("empty.csv: file is empty");
    assertThatThrownBy(() -> CsvBarReader.create().read(write("two.csv", "a,b\n1,2\n")))
        .isInstanceOf(DataFormatException.class)
        .hasMessageStartingWith("two.csv: cannot detect the delimiter");
    assertThatThrownBy(
            () -> CsvBarReader.create().read(write("split.csv", "Date,Time,Open,High,Low,Close\n")))
        .hasMessageContaining("separate date and time columns");
  }

  @Test
  void aHeaderOnlyFileIsAnEmptySeries() throws IOException {
    LoadedSeries loaded = CsvBarReader.create().read(write("X_none.csv", HEADER));
    assertThat(loaded.series().size()).isZero();
    assertThat(loaded.series().symbol()).isEqualTo("X");
    assertThat(loaded.report().rowsRead()).isZero();
  }

  @Test
  void directoriesReportPerFileAndRejectDuplicateSymbols() throws IOException {
    write("AAA_data.csv", HEADER + "2020-01-01,10,11,9,10,1\n2020-01-02,10,11,9,10,1\n");
    write("BBB_data.csv", HEADER + "2020-01-02,10,11,9,10,1\n2020-01-03,10,9,9,10,1\n");
    write("notes.txt", "not data");

    assertThatThrownBy(() -> CsvBarReader.create().readDirectory(dir))
        .hasMessageStartingWith("BBB_data.csv line 3, field open: 10 is above high 9");
    LoadedUniverse loaded =
        CsvBarReader.create(CsvOptions.defaults().withRepair(RepairMode.DROP)).readDirectory(dir);
    assertThat(loaded.series()).extracting(BarSeries::symbol).containsExactly("AAA", "BBB");
    assertThat(loaded.reportsWithIssues())
        .singleElement()
        .extracting(DataQualityReport::symbol)
        .isEqualTo("BBB");
    assertThat(loaded.universe().size()).isEqualTo(2);

    write("AAA_old.csv", HEADER);
    assertThatThrownBy(() -> CsvBarReader.create().readDirectory(dir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("files AAA_data.csv and AAA_old.csv both give symbol AAA");
    assertThatThrownBy(
            () ->
                CsvBarReader.create(CsvOptions.defaults().withSymbol("X"))
                    .readDirectory(dir, List.of("AAA")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void symbolsComeFromFileNames() {
    assertThat(CsvBarReader.symbolOf(Path.of("GOOG.csv"))).isEqualTo("GOOG");
    assertThat(CsvBarReader.symbolOf(Path.of("x/AAPL_data.csv"))).isEqualTo("AAPL");
    assertThat(CsvBarReader.symbolOf(Path.of("BRK.B_data.csv"))).isEqualTo("BRK.B");
    assertThat(CsvBarReader.symbolOf(Path.of("vix-daily.csv"))).isEqualTo("vix-daily");
    assertThat(CsvBarReader.symbolOf(Path.of("_odd.csv"))).isEqualTo("_odd");
    assertThat(CsvBarReader.symbolOf(Path.of("NOEXT"))).isEqualTo("NOEXT");
  }
}
