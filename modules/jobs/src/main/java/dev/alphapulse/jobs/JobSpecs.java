package dev.alphapulse.jobs;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.alphapulse.dataio.CsvBarReader;
import dev.alphapulse.engine.broker.FillPolicy;
import dev.alphapulse.engine.strategy.ParamSpec;
import dev.alphapulse.engine.strategy.ParameterGrid;
import dev.alphapulse.engine.strategy.Params;
import dev.alphapulse.engine.strategy.StrategyDescriptor;
import dev.alphapulse.engine.strategy.StrategyRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads and checks job specs.
 *
 * <h2>Three stages</h2>
 *
 * <ol>
 *   <li>{@link #parseYaml} turns the YAML text into a {@link JobSpec}: shape, types, unknown keys,
 *       defaults, and every rule the records enforce on construction (ranges, sizes, retries,
 *       parallelization against the job type). Pure: no registry, no file system.
 *   <li>{@link #validate} checks the spec against the strategies: the strategy exists, every
 *       parameter is declared, every value is within its bounds and of its type, some combination
 *       satisfies the strategy's constraints, and the parallelization suits the strategy.
 *   <li>{@link #validateData} checks that a file dataset exists, with {@link Files} only (the
 *       caller, which resolves datasets, calls it; nothing is read).
 * </ol>
 *
 * Every failure is a {@link JobSpecException} naming the job-file field, thrown before anything
 * runs. The format, the defaults and the rules are documented in {@code docs/jobs.md}.
 *
 * <p>Thread-safe; all methods are static.
 */
public final class JobSpecs {
  /** Default of {@code max-retries}. */
  public static final int DEFAULT_MAX_RETRIES = 3;

  /** Default of {@code checkpoint-interval}. */
  public static final int DEFAULT_CHECKPOINT_INTERVAL = 50;

  /** Default of {@code seed}. */
  public static final long DEFAULT_SEED = 0;

  /** Default of {@code type}. */
  public static final JobType DEFAULT_TYPE = JobType.BACKTEST;

  /** Largest job file accepted, in characters. */
  public static final int MAX_YAML_CHARS = 1 << 20;

  private static final List<String> TOP_KEYS =
      List.of(
          "type",
          "data",
          "strategy",
          "params",
          "backtest",
          "parallelization",
          "max-retries",
          "checkpoint-interval",
          "seed",
          "search-space",
          "search",
          "scheduler",
          "walk-forward",
          "monte-carlo",
          "batch",
          "portfolio");
  private static final List<String> DATA_KEYS = List.of("synthetic", "path", "symbols");
  private static final List<String> SYNTHETIC_KEYS = List.of("symbols", "bars", "seed");
  private static final List<String> BACKTEST_KEYS =
      List.of("cash", "commission", "spread", "margin", "fill", "finalize-trades");
  private static final List<String> PARALLELIZATION_KEYS = List.of("strategy", "chunk-size");
  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  private static final ObjectMapper YAML =
      new ObjectMapper(
          YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

  private JobSpecs() {}

  // ------------------------------------------------------------------------------- parsing

  /**
   * Parses a YAML job file. Omitted keys take their defaults: {@code type: backtest}, {@code
   * params: {}} (every parameter at its default), {@code backtest} as {@link
   * BacktestSettings#defaults()}, {@code parallelization: {strategy: AUTO, chunk-size: auto}},
   * {@code max-retries: 3}, {@code checkpoint-interval: 50}, {@code seed: 0}; {@code data} and
   * {@code strategy} are required.
   *
   * @throws JobSpecException naming the first bad field (or {@code yaml} for text that is not a
   *     YAML mapping)
   */
  public static JobSpec parseYaml(String yaml) {
    if (yaml.length() > MAX_YAML_CHARS) {
      throw new JobSpecException(
          "yaml", "the job file has " + yaml.length() + " characters; at most " + MAX_YAML_CHARS);
    }
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (JacksonException e) {
      throw new JobSpecException("yaml", "not valid YAML: " + summary(e) + where(e));
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw new JobSpecException("yaml", "the job file is empty");
    }
    if (!root.isObject()) {
      throw new JobSpecException("yaml", "the job file must be a mapping of keys to values");
    }
    checkKeys(root, "", TOP_KEYS);

    JobType type = has(root, "type") ? JobType.parse(text(root.get("type"), "type")) : DEFAULT_TYPE;
    String research = ResearchSections.extract(root, type);
    DataSpec data = parseData(root.get("data"));
    boolean multiStrategy = type == JobType.BATCH || type == JobType.PORTFOLIO;
    if (!has(root, "strategy") && !multiStrategy) {
      throw new JobSpecException("strategy", "is missing: name a strategy, e.g. sma-cross");
    }
    String strategy = has(root, "strategy") ? text(root.get("strategy"), "strategy") : "";
    Map<String, List<Number>> params = new LinkedHashMap<>();
    Map<String, ParamRange> ranges = new LinkedHashMap<>();
    parseParams(root.get("params"), params, ranges);
    BacktestSettings backtest = parseBacktest(root.get("backtest"));
    Parallelization parallelization = parseParallelization(root.get("parallelization"));
    int maxRetries =
        has(root, "max-retries")
            ? intValue(root.get("max-retries"), "max-retries", "an integer >= 0")
            : DEFAULT_MAX_RETRIES;
    int checkpointInterval =
        has(root, "checkpoint-interval")
            ? intValue(root.get("checkpoint-interval"), "checkpoint-interval", "an integer >= 1")
            : DEFAULT_CHECKPOINT_INTERVAL;
    long seed = has(root, "seed") ? longValue(root.get("seed"), "seed") : DEFAULT_SEED;
    return new JobSpec(
        type,
        data,
        strategy,
        params,
        backtest,
        parallelization,
        maxRetries,
        checkpointInterval,
        seed,
        ranges,
        research);
  }

  private static DataSpec parseData(JsonNode node) {
    if (absent(node)) {
      throw new JobSpecException(
          "data", "is missing: give {synthetic: {...}} or {path: FILE_OR_DIR, symbols: [...]}");
    }
    if (!node.isObject()) {
      throw new JobSpecException(
          "data", "must be {synthetic: {...}} or {path: FILE_OR_DIR, symbols: [...]}");
    }
    checkKeys(node, "data", DATA_KEYS);
    boolean synthetic = has(node, "synthetic");
    boolean path = has(node, "path");
    if (synthetic == path) {
      throw new JobSpecException(
          "data",
          synthetic
              ? "gives both synthetic and path; give exactly one"
              : "gives neither synthetic nor path; give exactly one");
    }
    if (synthetic) {
      if (has(node, "symbols")) {
        throw new JobSpecException(
            "data.symbols", "selects files of a path; synthetic data takes symbols: N inside");
      }
      JsonNode s = node.get("synthetic");
      DataSpec.Synthetic d = DataSpec.Synthetic.defaults();
      if (absent(s)) {
        return d;
      }
      if (!s.isObject()) {
        throw new JobSpecException(
            "data.synthetic", "must be a mapping such as {symbols: 4, bars: 200000, seed: 7}");
      }
      checkKeys(s, "data.synthetic", SYNTHETIC_KEYS);
      int symbols =
          has(s, "symbols")
              ? intValue(s.get("symbols"), "data.synthetic.symbols", "a positive integer")
              : d.symbols();
      int bars =
          has(s, "bars")
              ? intValue(s.get("bars"), "data.synthetic.bars", "an integer >= 2")
              : d.bars();
      long seed = has(s, "seed") ? longValue(s.get("seed"), "data.synthetic.seed") : d.seed();
      return new DataSpec.Synthetic(symbols, bars, seed);
    }
    String p = text(node.get("path"), "data.path");
    List<String> symbols = new ArrayList<>();
    JsonNode list = node.get("symbols");
    if (!absent(list)) {
      if (list.isValueNode()) {
        symbols.add(text(list, "data.symbols"));
      } else if (!list.isArray()) {
        throw new JobSpecException("data.symbols", "must be a list of symbols, e.g. [AAPL, MSFT]");
      } else {
        for (int i = 0; i < list.size(); i++) {
          symbols.add(text(list.get(i), "data.symbols[" + i + "]"));
        }
      }
    }
    return new DataSpec.Files(p, symbols);
  }

  private static void parseParams(
      JsonNode node, Map<String, List<Number>> params, Map<String, ParamRange> ranges) {
    if (absent(node)) {
      return;
    }
    if (!node.isObject()) {
      throw new JobSpecException(
          "params", "must be a mapping of parameter names to values, lists or {range: [...]}");
    }
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String name = e.getKey();
      String path = "params." + name;
      JsonNode v = e.getValue();
      if (v.isArray()) {
        if (v.isEmpty()) {
          throw new JobSpecException(path, "the list of values is empty");
        }
        List<Number> values = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
          values.add(number(v.get(i), path + "[" + i + "]"));
        }
        params.put(name, values);
      } else if (v.isObject()) {
        checkKeys(v, path, List.of("range"));
        if (!has(v, "range")) {
          throw new JobSpecException(path, "a mapping value must be {range: [from, to, step]}");
        }
        String rangePath = path + ".range";
        JsonNode r = v.get("range");
        if (!r.isArray() || r.size() != 3) {
          throw new JobSpecException(
              rangePath,
              "must be [from, to, step] (three numbers, inclusive), was "
                  + (r.isArray() && r.isEmpty() ? "empty" : r.toString()));
        }
        double from = number(r.get(0), rangePath).doubleValue();
        double to = number(r.get(1), rangePath).doubleValue();
        double step = number(r.get(2), rangePath).doubleValue();
        ParamRange range;
        try {
          range = new ParamRange(from, to, step);
        } catch (IllegalArgumentException bad) {
          throw new JobSpecException(rangePath, bad.getMessage());
        }
        ranges.put(name, range);
        params.put(name, range.values());
      } else if (absent(v)) {
        throw new JobSpecException(path, "has no value");
      } else {
        params.put(name, List.of(number(v, path)));
      }
    }
  }

  private static BacktestSettings parseBacktest(JsonNode node) {
    BacktestSettings d = BacktestSettings.defaults();
    if (absent(node)) {
      return d;
    }
    if (!node.isObject()) {
      throw new JobSpecException("backtest", "must be a mapping such as {cash: 10000}");
    }
    checkKeys(node, "backtest", BACKTEST_KEYS);
    double fixed = d.commissionFixed();
    double relative = d.commissionRelative();
    if (has(node, "commission")) {
      double[] c = commission(node.get("commission"));
      fixed = c[0];
      relative = c[1];
    }
    FillPolicy fill = d.fill();
    if (has(node, "fill")) {
      String f = text(node.get("fill"), "backtest.fill");
      try {
        fill = FillPolicy.parse(f);
      } catch (IllegalArgumentException e) {
        throw new JobSpecException("backtest.fill", e.getMessage());
      }
    }
    return new BacktestSettings(
        has(node, "cash") ? number(node.get("cash"), "backtest.cash").doubleValue() : d.cash(),
        fixed,
        relative,
        has(node, "spread")
            ? number(node.get("spread"), "backtest.spread").doubleValue()
            : d.spread(),
        has(node, "margin")
            ? number(node.get("margin"), "backtest.margin").doubleValue()
            : d.margin(),
        fill,
        has(node, "finalize-trades")
            ? bool(node.get("finalize-trades"), "backtest.finalize-trades")
            : d.finalizeTrades());
  }

  /** {@code RATE} or {@code "FIXED+RATE"} as {fixed, relative}. */
  private static double[] commission(JsonNode node) {
    String field = "backtest.commission";
    if (node.isNumber()) {
      return new double[] {0, node.doubleValue()};
    }
    if (!node.isTextual()) {
      throw new JobSpecException(
          field, "must be a rate such as 0.001 or \"FIXED+RATE\" such as \"10+0.01\"");
    }
    String t = node.textValue().trim();
    if (DECIMAL.matcher(t).matches()) {
      return new double[] {0, Double.parseDouble(t)};
    }
    int plus = t.lastIndexOf('+');
    if (plus > 0) {
      String a = t.substring(0, plus).trim();
      String b = t.substring(plus + 1).trim();
      if (DECIMAL.matcher(a).matches() && DECIMAL.matcher(b).matches()) {
        return new double[] {Double.parseDouble(a), Double.parseDouble(b)};
      }
    }
    throw new JobSpecException(
        field,
        "'" + t + "' is not a rate such as 0.001 or FIXED+RATE such as 10+0.01 (10 cash plus 1%)");
  }

  private static Parallelization parseParallelization(JsonNode node) {
    Parallelization d = Parallelization.defaults();
    if (absent(node)) {
      return d;
    }
    if (!node.isObject()) {
      throw new JobSpecException(
          "parallelization",
          "must be a mapping such as {strategy: PARAMETER_BASED, chunk-size: 20}");
    }
    checkKeys(node, "parallelization", PARALLELIZATION_KEYS);
    ParallelizationStrategy strategy =
        has(node, "strategy")
            ? ParallelizationStrategy.parse(text(node.get("strategy"), "parallelization.strategy"))
            : d.strategy();
    int chunkSize = d.chunkSize();
    if (has(node, "chunk-size")) {
      String field = "parallelization.chunk-size";
      JsonNode c = node.get("chunk-size");
      if (c.isTextual() && c.textValue().trim().equalsIgnoreCase("auto")) {
        chunkSize = Parallelization.AUTO_CHUNK_SIZE;
      } else {
        chunkSize = intValue(c, field, "a positive integer or auto");
        if (chunkSize < 1) {
          throw new JobSpecException(field, "must be a positive integer or auto, was " + chunkSize);
        }
      }
    }
    return new Parallelization(strategy, chunkSize);
  }

  // ------------------------------------------------------------------------------- validation

  /**
   * Checks {@code spec} against the strategies and returns its parameter sets in grid order (the
   * first parameter varies slowest; combinations the strategy's constraints reject are left out;
   * parameters not given take their defaults, so a spec without params gives one set).
   *
   * @throws JobSpecException on {@code strategy} (unknown), {@code params.NAME} (undeclared),
   *     {@code params.NAME.range} / {@code params.NAME[i]} / {@code params.NAME} (a value outside
   *     the declared bounds or not whole for an INT parameter), {@code params} (no combination
   *     satisfies the constraints) or {@code parallelization.strategy} (TIME_BASED or SYMBOL_BASED
   *     with a multi-symbol strategy)
   */
  public static List<Params> validate(JobSpec spec, StrategyRegistry registry) {
    if (spec.type().isResearch()) {
      if (spec.type() != JobType.MONTE_CARLO && !spec.params().isEmpty()) {
        throw new JobSpecException(
            "params",
            "a "
                + spec.type().fileName()
                + " job takes its parameters from its own sections (see docs/jobs.md), not from"
                + " params");
      }
      dev.alphapulse.jobs.research.ResearchJobs.check(spec, registry);
      if (spec.type() != JobType.MONTE_CARLO) {
        return List.of();
      }
    }
    StrategyDescriptor d;
    try {
      d = registry.get(spec.strategy());
    } catch (IllegalArgumentException e) {
      throw new JobSpecException("strategy", e.getMessage());
    }
    Map<String, List<Number>> normalised = new LinkedHashMap<>();
    for (Map.Entry<String, List<Number>> e : spec.params().entrySet()) {
      String name = e.getKey();
      ParamSpec p = d.params().stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
      if (p == null) {
        throw new JobSpecException(
            "params." + name,
            "unknown parameter '"
                + name
                + "' for strategy "
                + d.name()
                + "; known: "
                + (d.params().isEmpty() ? "(none)" : d.paramNames()));
      }
      List<Number> values = e.getValue();
      List<Number> checked = new ArrayList<>(values.size());
      for (int i = 0; i < values.size(); i++) {
        try {
          checked.add(p.validate(values.get(i)));
        } catch (IllegalArgumentException bad) {
          throw new JobSpecException(spec.valuePath(name, i), bad.getMessage());
        }
      }
      normalised.put(name, checked);
    }
    List<Params> sets = ParameterGrid.expand(d, normalised);
    if (sets.isEmpty()) {
      String rules =
          d.constraints().stream()
              .map(StrategyDescriptor.Constraint::message)
              .reduce((a, b) -> a + "; " + b)
              .orElse("(none)");
      throw new JobSpecException(
          "params",
          "no combination of the "
              + spec.gridSize()
              + " in the grid satisfies the constraints of "
              + d.name()
              + ": "
              + rules);
    }
    ParallelizationStrategy split = spec.parallelization().strategy();
    if (d.multiSymbol() && split == ParallelizationStrategy.TIME_BASED) {
      throw new JobSpecException(
          "parallelization.strategy",
          "TIME_BASED splits one symbol's bars, but "
              + d.name()
              + " trades the whole universe at once; use PARAMETER_BASED or AUTO");
    }
    if (d.multiSymbol() && split == ParallelizationStrategy.SYMBOL_BASED) {
      throw new JobSpecException(
          "parallelization.strategy",
          "SYMBOL_BASED splits the symbols, but "
              + d.name()
              + " trades the whole universe at once; use PARAMETER_BASED or AUTO");
    }
    return sets;
  }

  /**
   * Checks that a file dataset exists, with {@link Files} only (nothing is read): the path (made
   * absolute against {@code baseDir} when relative) must exist; for a directory, every listed
   * symbol must have its {@code .csv} or {@code .tsv} file there ({@link CsvBarReader#symbolOf}
   * naming: {@code AAPL.csv}, {@code AAPL_data.csv}), and without a list the directory must hold at
   * least one such file; for a file, listed symbols must be the file's own symbol. Synthetic data
   * needs no check.
   *
   * @param baseDir directory relative paths are resolved against (the job file's directory)
   * @throws JobSpecException on {@code data.path} or {@code data.symbols[i]}
   */
  public static void validateData(JobSpec spec, Path baseDir) {
    if (!(spec.data() instanceof DataSpec.Files files)) {
      return;
    }
    Path p = resolve(files, baseDir);
    if (Files.isDirectory(p)) {
      Map<String, Path> bySymbol = new TreeMap<>();
      try (Stream<Path> entries = Files.list(p)) {
        entries
            .filter(Files::isRegularFile)
            .filter(
                f -> {
                  String n = String.valueOf(f.getFileName()).toLowerCase(Locale.ROOT);
                  return n.endsWith(".csv") || n.endsWith(".tsv");
                })
            .forEach(f -> bySymbol.putIfAbsent(CsvBarReader.symbolOf(f), f));
      } catch (IOException e) {
        throw new JobSpecException("data.path", "cannot list directory " + p + ": " + e);
      }
      if (files.symbols().isEmpty() && bySymbol.isEmpty()) {
        throw new JobSpecException("data.path", "directory " + p + " has no .csv or .tsv files");
      }
      for (int i = 0; i < files.symbols().size(); i++) {
        String s = files.symbols().get(i);
        if (!bySymbol.containsKey(s)) {
          throw new JobSpecException(
              "data.symbols[" + i + "]",
              "no file for symbol "
                  + s
                  + " in "
                  + p
                  + " (expected "
                  + s
                  + ".csv or "
                  + s
                  + "_*.csv)");
        }
      }
    } else if (Files.isRegularFile(p)) {
      if (!Files.isReadable(p)) {
        throw new JobSpecException("data.path", "file " + p + " is not readable");
      }
      String own = CsvBarReader.symbolOf(p);
      for (int i = 0; i < files.symbols().size(); i++) {
        if (!files.symbols().get(i).equals(own)) {
          throw new JobSpecException(
              "data.symbols[" + i + "]",
              "file " + p + " holds symbol " + own + ", not " + files.symbols().get(i));
        }
      }
    } else if (Files.exists(p)) {
      throw new JobSpecException("data.path", p + " is neither a file nor a directory");
    } else {
      throw new JobSpecException(
          "data.path", "'" + files.path() + "' does not exist (looked for " + p + ")");
    }
  }

  /** The absolute, normalised path of a file dataset, relative paths taken from {@code baseDir}. */
  public static Path resolve(DataSpec.Files files, Path baseDir) {
    return baseDir.toAbsolutePath().resolve(files.path()).normalize();
  }

  // ------------------------------------------------------------------------------- helpers

  /** A number for messages: whole values without a decimal point. */
  static String format(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  private static boolean has(JsonNode node, String key) {
    return node.has(key);
  }

  /** No value: missing, {@code null}, or empty ({@code key:} with nothing after it). */
  private static boolean absent(JsonNode node) {
    return node == null
        || node.isMissingNode()
        || node.isNull()
        || (node.isTextual() && node.textValue().isBlank());
  }

  private static void checkKeys(JsonNode node, String path, List<String> allowed) {
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String key = e.getKey();
      if (!allowed.contains(key)) {
        throw new JobSpecException(
            path.isEmpty() ? key : path + "." + key,
            "unknown key '" + key + "'; expected one of " + String.join(", ", allowed));
      }
    }
  }

  private static String text(JsonNode node, String field) {
    if (node == null || node.isNull() || !node.isValueNode() || node.isBinary()) {
      throw new JobSpecException(field, "must be a text value");
    }
    String t = node.asText().trim();
    if (t.isEmpty()) {
      throw new JobSpecException(field, "must not be empty");
    }
    return t;
  }

  /** A number; numeric text such as {@code 1e-4} (which YAML reads as text) is accepted. */
  private static Number number(JsonNode node, String field) {
    if (node != null && node.isIntegralNumber()) {
      return node.canConvertToLong() ? (Number) node.longValue() : node.bigIntegerValue();
    }
    if (node != null && node.isNumber()) {
      return node.doubleValue();
    }
    if (node != null && node.isTextual()) {
      String t = node.textValue().trim();
      if (INTEGER.matcher(t).matches()) {
        try {
          return Long.parseLong(t);
        } catch (NumberFormatException tooBig) {
          return Double.parseDouble(t);
        }
      }
      if (DECIMAL.matcher(t).matches()) {
        return Double.parseDouble(t);
      }
    }
    throw new JobSpecException(field, "must be a number, was " + describe(node));
  }

  private static long longValue(JsonNode node, String field) {
    Number n = number(node, field);
    if (!(n instanceof Long)) {
      throw new JobSpecException(field, "must be an integer, was " + describe(node));
    }
    return n.longValue();
  }

  private static int intValue(JsonNode node, String field, String expected) {
    Number n;
    try {
      n = number(node, field);
    } catch (JobSpecException e) {
      throw new JobSpecException(field, "must be " + expected + ", was " + describe(node));
    }
    double v = n.doubleValue();
    if (v != Math.rint(v) || v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw new JobSpecException(field, "must be " + expected + ", was " + describe(node));
    }
    return (int) v;
  }

  private static boolean bool(JsonNode node, String field) {
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isTextual()) {
      String t = node.textValue().trim().toLowerCase(Locale.ROOT);
      if (t.equals("true") || t.equals("yes")) {
        return true;
      }
      if (t.equals("false") || t.equals("no")) {
        return false;
      }
    }
    throw new JobSpecException(field, "must be true or false, was " + describe(node));
  }

  private static String describe(JsonNode node) {
    if (absent(node)) {
      return "empty";
    }
    return node.isTextual() ? "'" + node.textValue() + "'" : node.toString();
  }

  /** The parser's message without SnakeYAML's repeated excerpts of the text. */
  private static String summary(JacksonException e) {
    String m = String.valueOf(e.getOriginalMessage());
    return m.lines()
        .filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
        .reduce((a, b) -> a + "; " + b)
        .orElse(m);
  }

  private static String where(JacksonException e) {
    return e.getLocation() == null
        ? ""
        : " (line "
            + e.getLocation().getLineNr()
            + ", column "
            + e.getLocation().getColumnNr()
            + ")";
  }
}
