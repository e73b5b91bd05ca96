package dev.alphapulse.cluster.worker;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import dev.alphapulse.cluster.serialization.AlphaPulseJacksonModule;
import dev.alphapulse.cluster.util.CacheManager;
import dev.alphapulse.cluster.util.CodeVersion;
import dev.alphapulse.jobs.ChunkExecutor;
import dev.alphapulse.jobs.ChunkResult;
import dev.alphapulse.jobs.ChunkSpec;
import dev.alphapulse.jobs.JobPlan;
import dev.alphapulse.jobs.JobSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Chunk results on disk ({@link CacheManager}), keyed by a SHA-256 of everything a chunk's result
 * depends on: the engine and job-model code (a hash of their jars or class directories), the
 * dataset's content hash, the strategy, the chunk's parameter sets, symbols and bar range, the
 * backtest settings, the split strategy and the job seed. So a rerun of the same work, in any job,
 * reuses the result instead of recomputing it. Results are stored as Jackson CBOR.
 *
 * <p>Thread-safe.
 */
public final class ChunkResultCache {
  private static final String CODE =
      CodeVersion.of(ChunkExecutor.class, dev.alphapulse.engine.backtest.Backtest.class);

  private final CacheManager store;
  private final ObjectMapper mapper =
      CBORMapper.builder()
          .addModule(new AlphaPulseJacksonModule())
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  public ChunkResultCache(CacheManager store) {
    this.store = store;
  }

  /** The content key of a chunk of a plan. */
  public String keyOf(JobPlan plan, ChunkSpec chunk) {
    JobSpec spec = plan.spec();
    StringBuilder sb = new StringBuilder(256);
    sb.append("alphapulse-chunk-v1|code=")
        .append(CODE)
        .append("|data=")
        .append(plan.dataset().contentHash())
        .append("|strategy=")
        .append(spec.strategy())
        .append("|type=")
        .append(spec.type())
        .append("|split=")
        .append(spec.parallelization().strategy())
        .append("|seed=")
        .append(spec.seed())
        .append("|backtest=")
        .append(spec.backtest())
        .append("|params=")
        .append(plan.paramSets().subList(chunk.paramFrom(), chunk.paramTo()))
        .append("|paramFrom=")
        .append(chunk.paramFrom())
        .append("|symbols=")
        .append(plan.dataset().symbols().subList(chunk.symbolFrom(), chunk.symbolTo()))
        .append("|symbolFrom=")
        .append(chunk.symbolFrom())
        .append("|bars=")
        .append(chunk.barFrom())
        .append('-')
        .append(chunk.barTo())
        .append('-')
        .append(chunk.warmupBars());
    return sha256(sb.toString());
  }

  /** A cached result, re-labelled with {@code chunkId}. */
  public Optional<ChunkResult> get(String key, int chunkId) {
    return store
        .get(key)
        .map(
            bytes -> {
              try {
                ChunkResult r = mapper.readValue(bytes, ChunkResult.class);
                return new ChunkResult(chunkId, r.runs(), r.segment());
              } catch (IOException e) {
                store.remove(key);
                return null;
              }
            });
  }

  /** Stores a result. */
  public void put(String key, ChunkResult result) {
    try {
      store.put(key, mapper.writeValueAsBytes(result));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode chunk result: " + e.getMessage(), e);
    }
  }

  /** The underlying store. */
  public CacheManager store() {
    return store;
  }

  private static String sha256(String s) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM must provide SHA-256", e);
    }
  }
}
