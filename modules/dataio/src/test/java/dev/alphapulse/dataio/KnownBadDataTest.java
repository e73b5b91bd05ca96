package dev.alphapulse.dataio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.alphapulse.dataio.DataIssue.Action;
import dev.alphapulse.dataio.DataIssue.Kind;
import dev.alphapulse.engine.data.BarSeries;
import dev.alphapulse.engine.data.Universe;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The real bad rows of the VIX file and of the S&P 500 five-year set, as exact cases with counts.
 * The counts were made independently with a Python script over the files.
 */
class KnownBadDataTest {
  private static final CsvBarReader DROP =
      CsvBarReader.create(CsvOptions.defaults().withRepair(RepairMode.DROP));
  private static final CsvBarReader FIX =
      CsvBarReader.create(CsvOptions.defaults().withRepair(RepairMode.FIX));

  private static Path vix() {
    return TestData.path("finance-vix/vix-daily.csv");
  }

  private static Path sp500() {
    return TestData.path("cnuge-sp500-5yr/SandP_5yr");
  }

  private static long day(String isoDate) {
    return Instant.parse(isoDate + "T00:00:00Z").toEpochMilli();
  }

  // ------------------------------------------------------------------------------------ VIX

  @Test
  void vixFailsByDefaultNamingTheFirstOfItsFortySevenOhlcViolations() {
    DataFormatException e =
        catchThrowableOfType(DataFormatException.class, () -> CsvBarReader.create().read(vix()));

    assertThat(e)
        .hasMessage(
            "vix-daily.csv line 535, field open: 19.240000 is above high 18.570000 (OHLC"
                + " violation); 46 more issues (OHLC violation: 46); load with RepairMode.DROP or"
                + " RepairMode.FIX to repair");
    DataQualityReport report = e.reports().get(0);
    assertThat(report.rowsRead()).isEqualTo(9235);
    assertThat(report.countsByKind()).isEqualTo(Map.of(Kind.OHLC_VIOLATION, 47L));
    assertThat(report.issues()).allSatisfy(i -> assertThat(i.action()).isEqualTo(Action.NONE));
  }

  @Test
  void vixDropModeDropsExactlyTheBadRows() throws IOException {
    LoadedSeries loaded = DROP.read(vix());
    DataQualityReport report = loaded.report();

    assertThat(report.rowsRead()).isEqualTo(9235);
    assertThat(report.rowsKept()).isEqualTo(9188);
    assertThat(report.count(Kind.OHLC_VIOLATION)).isEqualTo(47);
    assertThat(report.issues())
        .filteredOn(i -> i.line() == 3745)
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.field()).isEqualTo("open");
              assertThat(i.value()).isEqualTo("2.580000");
              assertThat(i.describe())
                  .isEqualTo(
                      "vix-daily.csv line 3745, field open: 2.580000 is below low 13.680000 (OHLC"
                          + " violation); row dropped");
            });
    assertThat(report.issues())
        .filteredOn(i -> i.line() == 4060)
        .singleElement()
        .satisfies(
            i ->
                assertThat(i.describe())
                    .startsWith(
                        "vix-daily.csv line 4060, field open: 41.600000 is above high 13.610000"));
    BarSeries vix = loaded.series();
    assertThat(vix.symbol()).isEqualTo("vix-daily");
    assertThat(Arrays.binarySearch(vix.times(), day("2004-11-08"))).isNegative();
    assertThat(Arrays.binarySearch(vix.times(), day("2004-11-09"))).isNotNegative();
  }

  @Test
  void vixFixModeWidensHighAndLowAndHasNoVolume() throws IOException {
    LoadedSeries loaded = FIX.read(vix());
    BarSeries vix = loaded.series();

    assertThat(loaded.report().rowsKept()).isEqualTo(9235);
    assertThat(loaded.report().rowsFixed()).isEqualTo(47);
    int nov8 = Arrays.binarySearch(vix.times(), day("2004-11-08"));
    assertThat(vix.open(nov8)).isEqualTo(2.58);
    assertThat(vix.low(nov8)).isEqualTo(2.58);
    assertThat(vix.high(nov8)).isEqualTo(14.48);
    int feb8 = Arrays.binarySearch(vix.times(), day("2006-02-08"));
    assertThat(vix.high(feb8)).isEqualTo(41.6);
    assertThat(vix.low(feb8)).isEqualTo(12.76);
    assertThat(loaded.report().issues())
        .filteredOn(i -> i.line() == 4060)
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.action()).isEqualTo(Action.FIXED);
              assertThat(i.reason()).endsWith("; fixed: high 13.610000 -> 41.600000");
            });
    assertThat(Arrays.stream(vix.volumes()).allMatch(Double::isNaN)).isTrue();
    assertThat(vix.time(0)).isEqualTo(day("1990-01-02"));
    assertThat(vix.time(vix.size() - 1)).isEqualTo(day("2026-07-23"));
  }

  // ------------------------------------------------------------------ S&P 500, five years

  @Test
  void sp500FailsByDefaultAfterReadingAllFiles() {
    DataFormatException e =
        catchThrowableOfType(
            DataFormatException.class, () -> CsvBarReader.create().readDirectory(sp500()));

    assertThat(e.getMessage())
        .startsWith(
            "AOS_data.csv line 322, field open: 23.89 is above high 23.595; also close 24.445 is"
                + " above high 23.595, low 23.85 is above high 23.595 (OHLC violation); 22 more"
                + " issues (blank field: 11, OHLC violation: 11) in 16 files: AOS_data.csv,"
                + " BBY_data.csv, BHF_data.csv,");
    assertThat(e.reports()).hasSize(16);
  }

  @Test
  void sp500DropModeLoadsAllFiveHundredFiveSymbolsAndCountsTheBadRows() throws IOException {
    LoadedUniverse loaded = DROP.readDirectory(sp500());

    assertThat(loaded.series()).hasSize(505);
    assertThat(loaded.rowsRead()).isEqualTo(619_040);
    assertThat(loaded.rowsKept()).isEqualTo(619_040 - 23);
    assertThat(loaded.countsByKind())
        .isEqualTo(Map.of(Kind.BLANK_FIELD, 11L, Kind.OHLC_VIOLATION, 12L));
    assertThat(loaded.reports()).hasSize(505);
    assertThat(loaded.reportsWithIssues()).hasSize(16);
  }

  @Test
  void sp500BlankAndOhlcRowsAreExact() throws IOException {
    LoadedUniverse loaded = DROP.readDirectory(sp500());
    List<DataIssue> issues = loaded.issues();

    assertThat(loaded.countsByKind())
        .isEqualTo(Map.of(Kind.BLANK_FIELD, 11L, Kind.OHLC_VIOLATION, 12L));
    assertThat(issues)
        .filteredOn(i -> i.kind() == Kind.BLANK_FIELD)
        .extracting(i -> i.file().getFileName() + ":" + i.line())
        .containsExactly(
            "BHF_data.csv:9",
            "DHR_data.csv:600",
            "DHR_data.csv:723",
            "ES_data.csv:605",
            "FTV_data.csv:2",
            "O_data.csv:599",
            "O_data.csv:722",
            "REGN_data.csv:588",
            "UA_data.csv:2",
            "VRTX_data.csv:569",
            "WRK_data.csv:4");
    assertThat(issues)
        .filteredOn(i -> i.kind() == Kind.OHLC_VIOLATION)
        .extracting(i -> i.file().getFileName() + ":" + i.line())
        .containsExactly(
            "AOS_data.csv:322",
            "BBY_data.csv:780",
            "CHD_data.csv:322",
            "CHK_data.csv:351",
            "DHR_data.csv:437",
            "IP_data.csv:352",
            "LNT_data.csv:827",
            "O_data.csv:386",
            "O_data.csv:436",
            "SPG_data.csv:328",
            "UA_data.csv:47",
            "WRK_data.csv:226");
    assertThat(issues)
        .filteredOn(i -> i.file().endsWith("BHF_data.csv"))
        .singleElement()
        .satisfies(
            i ->
                assertThat(i.describe())
                    .isEqualTo(
                        "BHF_data.csv line 9, field open: blank; also high blank, low blank"
                            + " (blank field); row dropped"));
    assertThat(issues)
        .filteredOn(i -> i.file().endsWith("CHD_data.csv"))
        .singleElement()
        .satisfies(
            i ->
                assertThat(i.describe())
                    .isEqualTo(
                        "CHD_data.csv line 322, field open: 18.77 is below low 33.695 (OHLC"
                            + " violation); row dropped"));

    Universe universe = loaded.universe();
    assertThat(universe.symbolCount()).isEqualTo(505);
    assertThat(universe.size()).isEqualTo(1259);
    int bhf = universe.indexOf("BHF");
    int dhr = universe.indexOf("DHR");
    int jul26 = Arrays.binarySearch(universe.calendar(), day("2017-07-26"));
    int jan12 = Arrays.binarySearch(universe.calendar(), day("2016-01-12"));
    assertThat(universe.hasBar(bhf, jul26)).isFalse();
    assertThat(universe.hasBar(dhr, jan12)).isFalse();
    assertThat(universe.indexOf("BRK.B")).isNotNegative();
  }

  @Test
  void sp500FixModeKeepsTheOhlcRowsWidened() throws IOException {
    LoadedUniverse loaded = FIX.readDirectory(sp500(), List.of("CHD", "BHF", "AOS"));

    assertThat(loaded.series()).extracting(BarSeries::symbol).containsExactly("CHD", "BHF", "AOS");
    assertThat(loaded.rowsKept()).isEqualTo(loaded.rowsRead() - 1);
    BarSeries chd = loaded.series().get(0);
    int i = Arrays.binarySearch(chd.times(), day("2014-05-19"));
    assertThat(chd.open(i)).isEqualTo(18.77);
    assertThat(chd.low(i)).isEqualTo(18.77);
    assertThat(chd.high(i)).isEqualTo(33.9525);
    BarSeries aos = loaded.series().get(2);
    int j = Arrays.binarySearch(aos.times(), day("2014-05-19"));
    assertThat(aos.high(j)).isEqualTo(24.445);
    assertThat(aos.low(j)).isEqualTo(23.85);
    assertThat(loaded.reports().get(2).issues())
        .singleElement()
        .satisfies(x -> assertThat(x.reason()).endsWith("; fixed: high 23.595 -> 24.445"));
  }

  @Test
  void symbolSubsetsLoadInTheOrderGiven() throws IOException {
    LoadedUniverse loaded =
        CsvBarReader.create().readDirectory(sp500(), List.of("MSFT", "AAPL", "BRK.B"));

    assertThat(loaded.series())
        .extracting(BarSeries::symbol)
        .containsExactly("MSFT", "AAPL", "BRK.B");
    assertThat(loaded.series().get(1).close(0)).isEqualTo(67.8542);
    assertThat(loaded.universe().size()).isEqualTo(1259);
    assertThatThrownBy(
            () -> CsvBarReader.create().readDirectory(sp500(), List.of("AAPL", "NOPE", "ZZZ")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[NOPE, ZZZ]");
  }
}
