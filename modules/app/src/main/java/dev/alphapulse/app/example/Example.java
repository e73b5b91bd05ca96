package dev.alphapulse.app.example;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.alphapulse.jobs.DataSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The four examples by name. Each builds its job file (the content of {@code examples/*.yaml}, with
 * the data swapped for {@code --data} and smaller sizes for {@code --quick}), then turns the
 * finished job into a summary and a report.
 */
enum Example {
  BASIC(
      "basic",
      "distributed backtest: sma-cross swept over a parameter grid on every symbol",
      new BasicExample()),
  HPO(
      "hpo",
      "hyper-parameter optimisation: TPE with ASHA early stopping, with overfitting statistics",
      new HpoExample()),
  MONTE_CARLO(
      "monte-carlo",
      "large Monte Carlo: block-bootstrap equity paths, percentile bands, VaR, fan chart",
      new MonteCarloExample()),
  PORTFOLIO(
      "portfolio",
      "multi-strategy portfolio: four sleeves in one account with risk-parity weights",
      new PortfolioExample());

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML =
      new ObjectMapper(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .build());

  final String fileName;
  final String description;
  final Kind kind;

  Example(String fileName, String description, Kind kind) {
    this.fileName = fileName;
    this.description = description;
    this.kind = kind;
  }

  /**
   * The example called {@code name} (case-insensitive).
   *
   * @throws IllegalArgumentException naming the known examples
   */
  static Example parse(String name) {
    for (Example e : values()) {
      if (e.fileName.equalsIgnoreCase(name.trim())) {
        return e;
      }
    }
    throw new IllegalArgumentException(
        "unknown example '" + name + "'; expected one of " + names());
  }

  /** The names, comma-separated. */
  static String names() {
    return Arrays.stream(values()).map(e -> e.fileName).collect(Collectors.joining(", "));
  }

  /** The job file of this example on {@code data} as YAML text ({@code JobSpecs.parseYaml}). */
  String jobYaml(ExampleData data, boolean quick) {
    ObjectNode job = kind.job(data, quick);
    try {
      return YAML.writeValueAsString(job);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(new IOException("cannot write the job as YAML", e));
    }
  }

  /** The data of this example: {@code --data} if given, else its synthetic market. */
  ExampleData data(Path path, List<String> symbols, boolean quick, long seed) {
    if (path == null) {
      if (!symbols.isEmpty()) {
        throw new IllegalArgumentException("--symbols: picks files of --data, which is not given");
      }
      int[] size = kind.syntheticSize(quick);
      return ExampleData.synthetic(size[0], size[1], seed);
    }
    return kind.select(ExampleData.files(path, symbols));
  }

  /** The {@code data} block of a job file. */
  static ObjectNode dataNode(ExampleData data) {
    ObjectNode d = JSON.createObjectNode();
    if (data.spec() instanceof DataSpec.Synthetic s) {
      d.putObject("synthetic")
          .put("symbols", s.symbols())
          .put("bars", s.bars())
          .put("seed", s.seed());
    } else if (data.spec() instanceof DataSpec.Files f) {
      d.put("path", f.path());
      if (!f.symbols().isEmpty()) {
        ArrayNode a = d.putArray("symbols");
        f.symbols().forEach(a::add);
      }
    }
    return d;
  }

  /** A fresh job with {@code type} and {@code data} set. */
  static ObjectNode newJob(String type, ExampleData data) {
    ObjectNode job = JSON.createObjectNode();
    job.put("type", type);
    job.set("data", dataNode(data));
    return job;
  }

  /** The usual account: 0.1% commission, next-open fills, open trades closed at the end. */
  static ObjectNode backtest(ObjectNode job, double cash) {
    return job.putObject("backtest")
        .put("cash", cash)
        .put("commission", 0.001)
        .put("fill", "next-open")
        .put("finalize-trades", true);
  }

  @Override
  public String toString() {
    return fileName.toLowerCase(Locale.ROOT);
  }

  /** What an example does at each step. */
  interface Kind {
    /** Symbols and bars of the synthetic market this example runs on by default. */
    int[] syntheticSize(boolean quick);

    /** The part of real data this example runs on: all of it unless overridden. */
    default ExampleData select(ExampleData data) {
      return data;
    }

    /** The job file as a JSON tree. */
    ObjectNode job(ExampleData data, boolean quick);

    /** Prints the readable summary of the finished job (tables, at most {@code top} rows each). */
    void summarize(PrintWriter out, ExampleRun run, int top);

    /** Writes the HTML report of the finished job. */
    void report(Path file, ExampleRun run) throws IOException;
  }
}
