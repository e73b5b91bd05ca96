package dev.alphapulse.jobs;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.alphapulse.engine.data.Universe;
import dev.alphapulse.engine.data.synthetic.SyntheticMarket;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Where a job's bars come from, as written in the job file's {@code data:} block: exactly one of
 * {@code synthetic} or {@code path}. Validated on construction with {@link JobSpecException}s that
 * name the job-file field. (Annotated for Jackson with a {@code kind} property so that a spec
 * persisted as JSON reads back as the right record.)
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = DataSpec.Synthetic.class, name = "synthetic"),
  @JsonSubTypes.Type(value = DataSpec.Files.class, name = "files")
})
public sealed interface DataSpec {

  /**
   * The seeded synthetic market ({@link SyntheticMarket}): {@code {synthetic: {symbols: 4, bars:
   * 200000, seed: 7}}}. Omitted keys take the product's default dataset's values ({@link
   * SyntheticMarket.Spec#DEFAULT}: 8 symbols, 5,217 bars, seed 42).
   *
   * @param symbols number of symbols, in [1, {@value #MAX_SYMBOLS}]; named {@code SYN00, SYN01,
   *     ...}
   * @param bars daily bars per symbol, at least 2; {@code symbols * bars} at most {@value
   *     #MAX_SYMBOL_BARS} (48 bytes each)
   * @param seed the seed the whole market derives from
   */
  record Synthetic(int symbols, int bars, long seed) implements DataSpec {
    /** Largest number of synthetic symbols. */
    public static final int MAX_SYMBOLS = 10_000;

    /** Largest {@code symbols * bars} (2.4 GB of columns). */
    public static final long MAX_SYMBOL_BARS = 50_000_000L;

    public Synthetic {
      if (symbols < 1 || symbols > MAX_SYMBOLS) {
        throw new JobSpecException(
            "data.synthetic.symbols",
            "must be an integer in [1, " + MAX_SYMBOLS + "], was " + symbols);
      }
      if (bars < 2) {
        throw new JobSpecException("data.synthetic.bars", "must be an integer >= 2, was " + bars);
      }
      if ((long) symbols * bars > MAX_SYMBOL_BARS) {
        throw new JobSpecException(
            "data.synthetic.bars",
            symbols
                + " symbols x "
                + bars
                + " bars is more than "
                + MAX_SYMBOL_BARS
                + " symbol-bars in total");
      }
    }

    /** The product's default dataset: 8 symbols, 5,217 bars, seed 42. */
    public static Synthetic defaults() {
      SyntheticMarket.Spec d = SyntheticMarket.Spec.DEFAULT;
      return new Synthetic(d.symbols(), d.bars(), d.seed());
    }

    /** The dataset location used in {@link DatasetRef}s: {@code synthetic:SYMBOLSxBARS:SEED}. */
    public String location() {
      return "synthetic:" + symbols + "x" + bars + ":" + seed;
    }

    /**
     * Generates the market (a pure function of this record; O(symbols x bars), see {@link
     * SyntheticMarket}).
     */
    public Universe generate() {
      return SyntheticMarket.generate(SyntheticMarket.Spec.of(symbols, bars, seed)).universe();
    }
  }

  /**
   * A CSV file or a directory of them: {@code {path: FILE_OR_DIR, symbols: [AAPL, MSFT]}}. A
   * symbol's file in a directory is the {@code .csv}/{@code .tsv} file whose name up to the first
   * {@code _} or the extension is the symbol ({@code AAPL.csv}, {@code AAPL_data.csv}). An empty
   * symbol list means every such file of the directory (or the one file).
   *
   * @param path as written, relative paths being relative to the job file's directory (resolved by
   *     the caller, see {@link JobSpecs#validateData})
   * @param symbols distinct, non-blank symbols, in the order the universe is built
   */
  record Files(String path, List<String> symbols) implements DataSpec {
    public Files {
      if (path == null || path.isBlank()) {
        throw new JobSpecException("data.path", "must be a non-empty file or directory path");
      }
      symbols = List.copyOf(Objects.requireNonNull(symbols, "symbols"));
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < symbols.size(); i++) {
        String s = symbols.get(i);
        if (s.isBlank()) {
          throw new JobSpecException("data.symbols[" + i + "]", "must be a non-empty symbol");
        }
        if (!seen.add(s)) {
          throw new JobSpecException("data.symbols[" + i + "]", "symbol " + s + " is listed twice");
        }
      }
    }
  }
}
