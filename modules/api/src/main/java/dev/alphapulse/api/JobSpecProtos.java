package dev.alphapulse.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.alphapulse.api.grpc.BacktestSettings;
import dev.alphapulse.api.grpc.DataSpec;
import dev.alphapulse.api.grpc.FileData;
import dev.alphapulse.api.grpc.NumberList;
import dev.alphapulse.api.grpc.Parallelization;
import dev.alphapulse.api.grpc.ParamValues;
import dev.alphapulse.api.grpc.Range;
import dev.alphapulse.api.grpc.SyntheticData;
import dev.alphapulse.jobs.JobSpec;
import dev.alphapulse.jobs.JobSpecException;
import dev.alphapulse.jobs.JobSpecs;
import dev.alphapulse.jobs.ParamRange;
import java.util.List;
import java.util.Map;

/**
 * Converts between the protobuf {@code JobSpec} message and the job file's {@link JobSpec} record.
 *
 * <h2>One parser</h2>
 *
 * {@link #fromProto} does not re-implement the job file's rules: it writes the message as the job
 * file it stands for (YAML, every string quoted) and hands that to {@link JobSpecs#parseYaml}. A
 * message therefore gets exactly the defaults, the checks and the error field paths ({@code
 * params.fast.range: ...}) of the equivalent YAML, and equals its {@link JobSpec}. Proto3 cannot
 * tell an unset string from an empty one: empty strings and unset {@code optional} fields are left
 * out of the file and take their defaults. Numbers are doubles on the wire; whole ones are written
 * as integers, as YAML reads {@code 60} (so {@code 60.0} in a YAML file and {@code 60} differ, and
 * the message always means {@code 60}).
 *
 * <p>{@link #toProto} is the reverse, for Java clients that build specs as records.
 *
 * <p>Stateless and thread-safe.
 */
public final class JobSpecProtos {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper();

  private JobSpecProtos() {}

  /**
   * The job a message describes, read as the equivalent job file.
   *
   * @throws JobSpecException naming the job-file field of the first problem
   */
  public static JobSpec fromProto(dev.alphapulse.api.grpc.JobSpec m) {
    String yaml;
    try {
      yaml = YAML.writeValueAsString(toJobFile(m));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a job file tree as YAML", e);
    }
    return JobSpecs.parseYaml(yaml);
  }

  /** The message as the job file it stands for (keys as in {@code docs/jobs.md}). */
  static ObjectNode toJobFile(dev.alphapulse.api.grpc.JobSpec m) {
    ObjectNode root = MAPPER.createObjectNode();
    putText(root, "type", m.getType());
    if (m.hasData()) {
      root.set("data", data(m.getData()));
    }
    putText(root, "strategy", m.getStrategy());
    if (m.getParamsCount() > 0) {
      ObjectNode params = root.putObject("params");
      for (ParamValues p : m.getParamsList()) {
        if (params.has(p.getName())) {
          throw new JobSpecException("params." + p.getName(), "is given twice");
        }
        switch (p.getValuesCase()) {
          case RANGE -> {
            Range r = p.getRange();
            ArrayNode a = params.putObject(p.getName()).putArray("range");
            addNumber(a, r.getFrom());
            addNumber(a, r.getTo());
            addNumber(a, r.getStep());
          }
          case LIST -> {
            ArrayNode a = params.putArray(p.getName());
            for (double v : p.getList().getValuesList()) {
              addNumber(a, v);
            }
          }
          case VALUES_NOT_SET -> params.putNull(p.getName());
        }
      }
    }
    if (m.hasBacktest()) {
      BacktestSettings b = m.getBacktest();
      ObjectNode o = root.putObject("backtest");
      if (b.hasCash()) {
        putNumber(o, "cash", b.getCash());
      }
      putText(o, "commission", b.getCommission());
      if (b.hasSpread()) {
        putNumber(o, "spread", b.getSpread());
      }
      if (b.hasMargin()) {
        putNumber(o, "margin", b.getMargin());
      }
      putText(o, "fill", b.getFill());
      if (b.hasFinalizeTrades()) {
        o.put("finalize-trades", b.getFinalizeTrades());
      }
    }
    if (m.hasParallelization()) {
      ObjectNode o = root.putObject("parallelization");
      putText(o, "strategy", m.getParallelization().getStrategy());
      putText(o, "chunk-size", m.getParallelization().getChunkSize());
    }
    if (m.hasMaxRetries()) {
      root.put("max-retries", m.getMaxRetries());
    }
    if (m.hasCheckpointInterval()) {
      root.put("checkpoint-interval", m.getCheckpointInterval());
    }
    if (m.hasSeed()) {
      root.put("seed", m.getSeed());
    }
    return root;
  }

  private static ObjectNode data(DataSpec d) {
    ObjectNode o = MAPPER.createObjectNode();
    switch (d.getSourceCase()) {
      case SYNTHETIC -> {
        SyntheticData s = d.getSynthetic();
        ObjectNode syn = o.putObject("synthetic");
        if (s.hasSymbols()) {
          syn.put("symbols", s.getSymbols());
        }
        if (s.hasBars()) {
          syn.put("bars", s.getBars());
        }
        if (s.hasSeed()) {
          syn.put("seed", s.getSeed());
        }
      }
      case PATH -> {
        o.put("path", d.getPath().getPath());
        if (d.getPath().getSymbolsCount() > 0) {
          ArrayNode symbols = o.putArray("symbols");
          d.getPath().getSymbolsList().forEach(symbols::add);
        }
      }
      case SOURCE_NOT_SET -> {
        // an empty data block: the parser names it ("gives neither synthetic nor path")
      }
    }
    return o;
  }

  /** The message for a job spec; {@link #fromProto} of it equals {@code spec}. */
  public static dev.alphapulse.api.grpc.JobSpec toProto(JobSpec spec) {
    var b =
        dev.alphapulse.api.grpc.JobSpec.newBuilder()
            .setType(spec.type().fileName())
            .setStrategy(spec.strategy())
            .setMaxRetries(spec.maxRetries())
            .setCheckpointInterval(spec.checkpointInterval())
            .setSeed(spec.seed());
    if (spec.data() instanceof dev.alphapulse.jobs.DataSpec.Synthetic s) {
      b.setData(
          DataSpec.newBuilder()
              .setSynthetic(
                  SyntheticData.newBuilder()
                      .setSymbols(s.symbols())
                      .setBars(s.bars())
                      .setSeed(s.seed())));
    } else if (spec.data() instanceof dev.alphapulse.jobs.DataSpec.Files f) {
      b.setData(
          DataSpec.newBuilder()
              .setPath(FileData.newBuilder().setPath(f.path()).addAllSymbols(f.symbols())));
    }
    for (Map.Entry<String, List<Number>> e : spec.params().entrySet()) {
      ParamValues.Builder p = ParamValues.newBuilder().setName(e.getKey());
      ParamRange r = spec.ranges().get(e.getKey());
      if (r != null) {
        p.setRange(Range.newBuilder().setFrom(r.from()).setTo(r.to()).setStep(r.step()));
      } else {
        NumberList.Builder list = NumberList.newBuilder();
        e.getValue().forEach(v -> list.addValues(v.doubleValue()));
        p.setList(list);
      }
      b.addParams(p);
    }
    dev.alphapulse.jobs.BacktestSettings bt = spec.backtest();
    b.setBacktest(
        BacktestSettings.newBuilder()
            .setCash(bt.cash())
            .setCommission(
                bt.commissionFixed() == 0
                    ? Double.toString(bt.commissionRelative())
                    : bt.commissionFixed() + "+" + bt.commissionRelative())
            .setSpread(bt.spread())
            .setMargin(bt.margin())
            .setFill(bt.fill().cliName())
            .setFinalizeTrades(bt.finalizeTrades()));
    b.setParallelization(
        Parallelization.newBuilder()
            .setStrategy(spec.parallelization().strategy().name())
            .setChunkSize(
                spec.parallelization().autoChunkSize()
                    ? "auto"
                    : Integer.toString(spec.parallelization().chunkSize())));
    return b.build();
  }

  private static void putText(ObjectNode o, String key, String value) {
    if (!value.isEmpty()) {
      o.put(key, value);
    }
  }

  /** Whole numbers as integers (as YAML reads {@code 60}), others as doubles. */
  private static void putNumber(ObjectNode o, String key, double v) {
    if (isWhole(v)) {
      o.put(key, (long) v);
    } else {
      o.put(key, v);
    }
  }

  private static void addNumber(ArrayNode a, double v) {
    if (isWhole(v)) {
      a.add((long) v);
    } else {
      a.add(v);
    }
  }

  private static boolean isWhole(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15;
  }
}
