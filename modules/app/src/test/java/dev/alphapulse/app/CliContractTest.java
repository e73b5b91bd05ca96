package dev.alphapulse.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line contract: what scripts and later issues depend on. */
class CliContractTest {

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void backtestJsonReproducesTheReference() throws Exception {
    Run r =
        run(
            "backtest",
            "--data",
            TestData.goog().toString(),
            "--strategy",
            "sma-cross",
            "--param",
            "fast=10",
            "--param",
            "slow=30",
            "--finalize-trades",
            "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(r.out().strip()).startsWith("{").endsWith("}"); // exactly one object on stdout
    assertThat(json.get("Start").asText()).isEqualTo("2004-08-19T00:00:00");
    assertThat(json.get("End").asText()).isEqualTo("2013-03-01T00:00:00");
    assertThat(json.get("Duration").asDouble()).isEqualTo(3116.0);
    assertThat(json.get("# Trades").isIntegralNumber()).isTrue();
    assertThat(json.get("# Trades").asInt()).isEqualTo(66);
    assertThat(json.get("Convention").asText()).isEqualTo("backtesting.py");
    assertThat(json.has("Commissions [$]")).isFalse();
    for (Map.Entry<String, Double> e : ReferenceFixtureTest.EXPECTED.entrySet()) {
      assertThat(json.get(e.getKey()).isNumber()).as(e.getKey()).isTrue();
      assertThat(json.get(e.getKey()).asDouble())
          .as(e.getKey())
          .isCloseTo(e.getValue(), Offset.offset(Math.abs(e.getValue()) * 1e-8 + 1e-12));
    }
    Iterator<String> names = json.fieldNames();
    assertThat(names.next()).isEqualTo("Start");
    assertThat(names.next()).isEqualTo("End");
    assertThat(names.next()).isEqualTo("Duration");
  }

  @Test
  void commissionKeyAppearsWhenNonZeroAndFilesAreWritten(@TempDir Path dir) throws Exception {
    Path trades = dir.resolve("trades.csv");
    Path equity = dir.resolve("equity.csv");
    Run r =
        run(
            "backtest",
            "--data",
            TestData.goog().toString(),
            "--strategy",
            "sma-cross",
            "--commission",
            "0.002",
            "--json",
            "--trades",
            trades.toString(),
            "--equity",
            equity.toString());
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("Commissions [$]").asDouble()).isPositive();
    assertThat(Files.readAllLines(trades)).hasSize(1 + json.get("# Trades").asInt());
    assertThat(Files.readAllLines(equity)).hasSize(1 + 2148);
  }

  @Test
  void withoutFinalizeTheOpenTradeIsNotCounted() throws Exception {
    Run r =
        run("backtest", "--data", TestData.goog().toString(), "--strategy", "sma-cross", "--json");
    assertThat(new ObjectMapper().readTree(r.out()).get("# Trades").asInt()).isEqualTo(65);
  }

  @Test
  void badInputExitsNonZeroWithOneClearMessage(@TempDir Path dir) throws Exception {
    Run unknownStrategy =
        run("backtest", "--data", TestData.goog().toString(), "--strategy", "nope");
    assertThat(unknownStrategy.code()).isEqualTo(2);
    assertThat(unknownStrategy.err()).contains("unknown strategy 'nope'").contains("sma-cross");
    assertThat(unknownStrategy.out()).isEmpty();

    Run badParam =
        run(
            "backtest",
            "--data",
            TestData.goog().toString(),
            "--strategy",
            "sma-cross",
            "--param",
            "fast=40",
            "--param",
            "slow=30");
    assertThat(badParam.code()).isEqualTo(2);
    assertThat(badParam.err()).contains("fast must be < slow");

    Run unknownParam =
        run(
            "backtest",
            "--data",
            TestData.goog().toString(),
            "--strategy",
            "sma-cross",
            "--param",
            "speed=3");
    assertThat(unknownParam.err()).contains("unknown parameter 'speed'").contains("fast, slow");

    Run missing =
        run("backtest", "--data", dir.resolve("none.csv").toString(), "--strategy", "rsi");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("none.csv");

    Path bad = dir.resolve("bad.csv");
    Files.writeString(
        bad,
        "Date,Open,High,Low,Close,Volume\n"
            + "2020-01-01,10,11,9,10,100\n"
            + "2020-01-02,10,11,9,10.5,100\n"
            + "2020-01-03,12,11,9,10,100\n");
    Run badRow = run("backtest", "--data", bad.toString(), "--strategy", "sma-cross");
    assertThat(badRow.code()).isEqualTo(2);
    assertThat(badRow.err()).contains("bad.csv").contains("line 4").containsIgnoringCase("open");
    assertThat(badRow.err().lines().filter(l -> l.startsWith("error:")).count()).isEqualTo(1);

    Run badFill =
        run(
            "backtest",
            "--data",
            TestData.goog().toString(),
            "--strategy",
            "sma-cross",
            "--fill",
            "later");
    assertThat(badFill.code()).isEqualTo(2);
    assertThat(badFill.err()).contains("next-open or close");
  }

  @Test
  void fillAtCloseChangesTheEntryPrices() throws Exception {
    Run r =
        run(
            "backtest",
            "--data",
            TestData.goog().toString(),
            "--strategy",
            "sma-cross",
            "--fill",
            "close",
            "--json");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(new ObjectMapper().readTree(r.out()).get("Return [%]").asDouble())
        .isNotCloseTo(414.2298999999996, Offset.offset(1e-6));
  }

  @Test
  void pairBenchOptionsAreRefusedForOtherSuitesAndBadSlotsNameTheOption() {
    Run other = run("bench", "engine", "--pairs", "3");
    assertThat(other.code()).isEqualTo(2);
    assertThat(other.err()).contains("apply to the cluster-pair suite only");
    other = run("bench", "cluster", "--no-freeze");
    assertThat(other.code()).isEqualTo(2);
    assertThat(other.err()).contains("apply to the cluster-pair suite only");
    Run badSlots = run("bench", "cluster-pair", "--a", "0,one");
    assertThat(badSlots.code()).isEqualTo(2);
    assertThat(badSlots.err()).contains("--a: expected worker slots per node");
    Run noPairs = run("bench", "cluster-pair", "--pairs", "0");
    assertThat(noPairs.code()).isEqualTo(2);
    assertThat(noPairs.err()).contains("--pairs: must be >= 1");
  }

  @Test
  void helpExplainsEveryOption() {
    Run top = run("--help");
    assertThat(top.code()).isZero();
    assertThat(top.out()).contains("backtest", "demo", "strategies", "bench", "data");
    Run bt = run("backtest", "--help");
    assertThat(bt.out())
        .contains(
            "--data",
            "--strategy",
            "--param",
            "--cash",
            "--commission",
            "--spread",
            "--fill",
            "--finalize-trades",
            "--json",
            "--trades",
            "--equity",
            "--report",
            "--repair");
  }

  @Test
  void strategiesListsDeclaredParameters() {
    Run r = run("strategies");
    assertThat(r.out())
        .contains("sma-cross", "mean-reversion", "breakout", "rsi", "momentum", "fast", "top-n");
  }
}
