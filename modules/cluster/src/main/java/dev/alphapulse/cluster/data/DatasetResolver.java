package dev.alphapulse.cluster.data;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.alphapulse.dataio.CsvBarReader;
import dev.alphapulse.engine.data.Universe;
import dev.alphapulse.engine.data.synthetic.SyntheticMarket;
import dev.alphapulse.jobs.DataSpec;
import dev.alphapulse.jobs.DatasetFingerprint;
import dev.alphapulse.jobs.DatasetRef;
import dev.alphapulse.jobs.JobSpecs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A node's way from a {@link DatasetRef} to bars: loads synthetic or CSV data, keeps it in a
 * bounded cache, and refuses data whose content hash differs from the reference.
 *
 * <h2>Locations</h2>
 *
 * {@code synthetic:SYMBOLSxBARS:SEED} is regenerated (deterministically, so every node gets the
 * same bits); anything else is an absolute path to a CSV file or a directory of CSV files, read
 * with {@link CsvBarReader} (for a directory, the reference's symbols in order). Paths must mean
 * the same data on every node: a shared volume, or the same files copied everywhere; the content
 * hash is what makes a mismatch an error instead of a silently different result.
 *
 * <h2>Cache</h2>
 *
 * Caffeine, weighted by the bars' bytes (48 per symbol-bar) up to {@code maxBytes}, keyed by
 * location and content hash; concurrent requests for one dataset load it once, and while a dataset
 * stays cached every request gets the same {@link Universe} instance (a later {@link #describe} of
 * the same content keeps it).
 *
 * <p>Thread-safe.
 */
public final class DatasetResolver {
  private static final Pattern SYNTHETIC = Pattern.compile("synthetic:(\\d+)x(\\d+):(-?\\d+)");

  /** Thrown when data at a location does not have the referenced content hash. */
  public static final class DatasetMismatchException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    DatasetMismatchException(DatasetRef ref, String actual) {
      super(
          "dataset at "
              + ref.location()
              + " has content hash "
              + actual
              + ", not the job's "
              + ref.contentHash()
              + "; refusing to compute on different data");
    }
  }

  private record Key(String location, String hash) {}

  private final Cache<Key, Universe> cache;

  private DatasetResolver(long maxBytes) {
    this.cache =
        Caffeine.newBuilder()
            .maximumWeight(maxBytes)
            .weigher(
                (Key k, Universe u) ->
                    (int)
                        Math.min(
                            Integer.MAX_VALUE,
                            (long) u.size() * u.symbolCount() * DataPartitioner.BYTES_PER_BAR))
            .build();
  }

  /** A resolver caching up to {@code maxBytes} of bars. */
  public static DatasetResolver create(long maxBytes) {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes: must be >= 1, was " + maxBytes);
    }
    return new DatasetResolver(maxBytes);
  }

  /** The location string of synthetic data. */
  public static String syntheticLocation(int symbols, int bars, long seed) {
    return "synthetic:" + symbols + "x" + bars + ":" + seed;
  }

  /**
   * Loads a job's data, fingerprints it and caches it: the reference chunks will carry.
   *
   * @param baseDir what relative file paths are resolved against
   * @throws UncheckedIOException if files cannot be read
   * @throws IllegalArgumentException for bad data (messages from the CSV reader)
   */
  public DatasetRef describe(DataSpec data, Path baseDir) {
    String location;
    List<String> symbols = List.of();
    if (data instanceof DataSpec.Synthetic s) {
      location = syntheticLocation(s.symbols(), s.bars(), s.seed());
    } else if (data instanceof DataSpec.Files f) {
      location = JobSpecs.resolve(f, baseDir).toString();
      symbols = f.symbols();
    } else {
      throw new IllegalArgumentException("unknown data spec " + data);
    }
    Universe u = load(location, symbols);
    DatasetRef ref = DatasetFingerprint.ref(location, u);
    // keep a cached instance with the same content: jobs still computing on it hold it, and a
    // second copy of the same bars would only take memory
    cache.asMap().putIfAbsent(new Key(location, ref.contentHash()), u);
    return ref;
  }

  /**
   * The bars of a reference, from the cache or loaded.
   *
   * @throws DatasetMismatchException if the data there has another content hash
   */
  public Universe resolve(DatasetRef ref) {
    return cache.get(
        new Key(ref.location(), ref.contentHash()),
        k -> {
          Universe u = load(ref.location(), ref.symbols());
          String actual = DatasetFingerprint.of(u);
          if (!actual.equals(ref.contentHash())) {
            throw new DatasetMismatchException(ref, actual);
          }
          return u;
        });
  }

  /** Datasets held now. */
  public long cachedDatasets() {
    return cache.estimatedSize();
  }

  private static Universe load(String location, List<String> symbols) {
    Matcher m = SYNTHETIC.matcher(location);
    if (m.matches()) {
      SyntheticMarket.Spec spec =
          SyntheticMarket.Spec.of(
              Integer.parseInt(m.group(1)),
              Integer.parseInt(m.group(2)),
              Long.parseLong(m.group(3)));
      return SyntheticMarket.generate(spec).universe();
    }
    if (location.toLowerCase(Locale.ROOT).startsWith("synthetic:")) {
      throw new IllegalArgumentException(
          "bad synthetic location " + location + "; expected synthetic:SYMBOLSxBARS:SEED");
    }
    Path path = Path.of(location);
    CsvBarReader reader = CsvBarReader.create();
    try {
      if (Files.isDirectory(path)) {
        return (symbols.isEmpty()
                ? reader.readDirectory(path)
                : reader.readDirectory(path, symbols))
            .universe();
      }
      if (Files.isRegularFile(path)) {
        return Universe.of(reader.read(path).series());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
    }
    throw new IllegalArgumentException("dataset location " + location + " does not exist here");
  }
}
