package dev.alphapulse.dataio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.alphapulse.engine.data.BarSeries;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every OHLCV CSV file under the data root loads with no per-file option: cleanly, or, for the
 * files known to hold bad rows, failing by default with a message naming the first and loading with
 * repair.
 */
class AllDataFilesTest {

  /** Files with bad rows and their number of issues (counted independently with a script). */
  static final Map<String, Integer> KNOWN_BAD =
      Map.ofEntries(
          Map.entry("vix-daily.csv", 47),
          Map.entry("AOS_data.csv", 1),
          Map.entry("BBY_data.csv", 1),
          Map.entry("BHF_data.csv", 1),
          Map.entry("CHD_data.csv", 1),
          Map.entry("CHK_data.csv", 1),
          Map.entry("DHR_data.csv", 3),
          Map.entry("ES_data.csv", 1),
          Map.entry("FTV_data.csv", 1),
          Map.entry("IP_data.csv", 1),
          Map.entry("LNT_data.csv", 1),
          Map.entry("O_data.csv", 4),
          Map.entry("REGN_data.csv", 1),
          Map.entry("SPG_data.csv", 1),
          Map.entry("UA_data.csv", 2),
          Map.entry("VRTX_data.csv", 1),
          Map.entry("WRK_data.csv", 2));

  static Stream<Path> csvFiles() {
    return TestData.allCsvFiles().stream();
  }

  @Test
  void theWalkFindsEveryDataSet() {
    List<Path> files = TestData.allCsvFiles();
    assertThat(files).hasSize(505 + 32);
    assertThat(files.stream().map(p -> p.getFileName().toString()))
        .contains("GOOG.csv", "vix-daily.csv", "nt-spy-minute-2011.csv", "BTCUSD_M30.csv")
        .doesNotContain("LICENSE", "README.md", "datapackage.json", "NOTICE");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("csvFiles")
  void loadsWithoutOptions(Path file) throws IOException {
    String name = file.getFileName().toString();
    Integer bad = KNOWN_BAD.get(name);
    if (bad == null) {
      LoadedSeries loaded = CsvBarReader.create().read(file);
      assertClean(loaded, name);
      return;
    }
    DataFormatException e =
        catchThrowableOfType(DataFormatException.class, () -> CsvBarReader.create().read(file));
    assertThat(e).as("default mode must fail on " + name).isNotNull();
    assertThat(e.getMessage()).startsWith(name + " line ").contains(", field ");
    assertThat(e.reports()).singleElement().satisfies(r -> assertThat(r.issues()).hasSize(bad));
    if (bad > 1) {
      assertThat(e.getMessage()).contains("; " + (bad - 1) + " more issue");
    }

    LoadedSeries dropped =
        CsvBarReader.create(CsvOptions.defaults().withRepair(RepairMode.DROP)).read(file);
    assertThat(dropped.report().issues()).hasSize(bad);
    assertThat(dropped.report().rowsKept()).isEqualTo(dropped.report().rowsRead() - bad);
    assertThat(dropped.report().issues())
        .allSatisfy(i -> assertThat(i.action()).isEqualTo(DataIssue.Action.DROPPED));
    assertAscending(dropped.series());

    LoadedSeries fixed =
        CsvBarReader.create(CsvOptions.defaults().withRepair(RepairMode.FIX)).read(file);
    long ohlc = fixed.report().count(DataIssue.Kind.OHLC_VIOLATION);
    assertThat(fixed.report().rowsFixed()).isEqualTo(ohlc);
    assertThat(fixed.report().rowsKept()).isEqualTo(fixed.report().rowsRead() - (bad - ohlc));
    assertOhlcOrdered(fixed.series());
  }

  private static void assertClean(LoadedSeries loaded, String name) {
    DataQualityReport report = loaded.report();
    assertThat(report.issues()).as(name).isEmpty();
    assertThat(report.rowsRead()).isPositive().isEqualTo(report.rowsKept());
    assertThat(loaded.series().size()).isEqualTo(report.rowsKept());
    assertAscending(loaded.series());
    assertOhlcOrdered(loaded.series());
  }

  static void assertAscending(BarSeries s) {
    for (int i = 1; i < s.size(); i++) {
      assertThat(s.time(i)).isGreaterThan(s.time(i - 1));
    }
  }

  static void assertOhlcOrdered(BarSeries s) {
    for (int i = 0; i < s.size(); i++) {
      assertThat(s.low(i)).isPositive().isLessThanOrEqualTo(Math.min(s.open(i), s.close(i)));
      assertThat(s.high(i)).isGreaterThanOrEqualTo(Math.max(s.open(i), s.close(i)));
      double v = s.volume(i);
      assertThat(Double.isNaN(v) || v >= 0).isTrue();
    }
  }

  @Test
  void aDirectoryThatIsNotAllCsvStillLoadsItsCsvFiles() throws IOException {
    // finance-vix holds vix-daily.csv and datapackage.json; only the CSV is read.
    assertThatThrownBy(() -> CsvBarReader.create().readDirectory(TestData.path("finance-vix")))
        .isInstanceOf(DataFormatException.class)
        .hasMessageStartingWith("vix-daily.csv line 535");
    LoadedUniverse zipline = CsvBarReader.create().readDirectory(TestData.path("zipline"));
    assertThat(zipline.series())
        .extracting(BarSeries::symbol)
        .containsExactly("AAPL", "IBM", "KO", "MSFT");
    assertThat(zipline.universe().size()).isEqualTo(754);
  }
}
