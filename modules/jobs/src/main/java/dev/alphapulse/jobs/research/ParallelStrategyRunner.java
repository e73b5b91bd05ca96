package dev.alphapulse.jobs.research;

import dev.alphapulse.engine.backtest.BacktestResult;
import dev.alphapulse.engine.data.Universe;
import dev.alphapulse.engine.indicator.IndicatorCache;
import dev.alphapulse.engine.metrics.Metrics;
import dev.alphapulse.engine.metrics.StatMap;
import dev.alphapulse.engine.strategy.Params;
import dev.alphapulse.engine.strategy.StrategyDescriptor;
import dev.alphapulse.engine.strategy.StrategyRegistry;
import dev.alphapulse.jobs.BacktestSettings;
import dev.alphapulse.jobs.ChunkExecutor;
import dev.alphapulse.jobs.DatasetFingerprint;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a queue of (strategy, params, data, priority) backtests on this JVM, with a result cache and
 * retries: the library form of a batch, for research code and tests.
 *
 * <h2>Modes</h2>
 *
 * {@link Mode#SEQUENTIAL} runs the requests one after the other on the caller's thread; {@link
 * Mode#LOCAL_THREADS} on a pool of {@code maxWorkers} threads. The third mode, on the cluster, is
 * the {@code type: batch} job ({@link BatchKind}): the same runs as chunks of a job, journaled and
 * retried by the job pipeline. Results do not depend on the mode: a backtest is a pure function of
 * its inputs.
 *
 * <h2>Order</h2>
 *
 * {@link #run()} starts the queued requests by priority (higher first), then in submission order;
 * with threads, up to {@code maxWorkers} run at once in that order. {@link #getResults()} and
 * {@link #getFailures()} are in submission order whatever the mode.
 *
 * <h2>Cache</h2>
 *
 * A request's statistics are cached under {@link #cacheKey}: the SHA-256 of the strategy, its
 * resolved parameters (defaults filled in), the symbols, the data's content hash ({@link
 * DatasetFingerprint#of}), the backtest settings and the engine version string. The cache is
 * pluggable ({@link ResultCache}; {@link InMemoryCache} by default; an on-disk implementation only
 * has to store a map of doubles under a hex key), so a rerun of the same requests, in this runner
 * or a later one sharing the cache, executes no backtest. Requests with the same key in one {@code
 * run()} are executed once.
 *
 * <h2>Retries</h2>
 *
 * A request whose backtest throws is tried again, up to {@code maxAttempts} attempts in all, then
 * reported in {@link #getFailures()} with its last error. (The engine's backtests are
 * deterministic; retries are for injected backtesters that touch the outside world.)
 *
 * <p>Not thread-safe: one caller submits and runs; the workers are internal.
 */
public final class ParallelStrategyRunner {
  /** The engine version string of cache keys unless another is given. */
  public static final String ENGINE_VERSION = "alphapulse-engine-1";

  /** Where the backtests run. */
  public enum Mode {
    /** On the caller's thread, one after the other. */
    SEQUENTIAL,
    /** On {@code maxWorkers} threads of this JVM. */
    LOCAL_THREADS
  }

  /**
   * One backtest to run.
   *
   * @param strategy registry name
   * @param params raw parameter values (unknown names and bad values are refused on submit)
   * @param data the universe
   * @param priority higher runs earlier
   * @param symbols the symbols it trades, empty for all (single-symbol strategies on several
   *     symbols run per symbol with an equal share of the cash, summed into one account)
   */
  public record Request(
      String strategy,
      Map<String, Number> params,
      Universe data,
      int priority,
      List<String> symbols) {
    public Request {
      Objects.requireNonNull(strategy, "strategy");
      Objects.requireNonNull(data, "data");
      params = Collections.unmodifiableMap(new TreeMap<>(params));
      symbols = List.copyOf(symbols);
    }

    /** A request on all symbols. */
    public Request(String strategy, Map<String, Number> params, Universe data, int priority) {
      this(strategy, params, data, priority, List.of());
    }
  }

  /**
   * A request's statistics.
   *
   * @param id the request's submission number (from 0)
   * @param params the resolved parameters
   * @param stats every statistic ({@link ChunkExecutor#CONVENTION})
   * @param cached whether it was served from the cache (no backtest ran)
   * @param attempts backtests tried for it (0 when cached)
   */
  public record Result(
      long id,
      Request request,
      Map<String, Number> params,
      Map<String, Double> stats,
      boolean cached,
      int attempts) {}

  /** A request given up after {@code attempts} attempts; {@code error} is the last one. */
  public record Failure(long id, Request request, String error, int attempts) {}

  /** Computes a request's statistics (the engine by default; tests inject others). */
  @FunctionalInterface
  public interface Backtester {
    /**
     * The statistics of {@code request} with its resolved parameters.
     *
     * @param cache indicator columns shared by the backtests of one {@link #run()}
     */
    Map<String, Double> run(Request request, Params resolved, IndicatorCache cache);
  }

  /** Cached statistics by key. Implementations must be thread-safe. */
  public interface ResultCache {
    /** The statistics stored under {@code key}, if any. */
    Optional<Map<String, Double>> get(String key);

    /** Stores statistics under {@code key} (64 lower-case hex digits). */
    void put(String key, Map<String, Double> stats);
  }

  /** A {@link ResultCache} in a concurrent map. */
  public static final class InMemoryCache implements ResultCache {
    private final ConcurrentHashMap<String, Map<String, Double>> map = new ConcurrentHashMap<>();

    @Override
    public Optional<Map<String, Double>> get(String key) {
      return Optional.ofNullable(map.get(key));
    }

    @Override
    public void put(String key, Map<String, Double> stats) {
      map.put(key, StatMap.copyOf(stats));
    }

    /** Number of entries. */
    public int size() {
      return map.size();
    }
  }

  private final StrategyRegistry registry;
  private final BacktestSettings settings;
  private final Mode mode;
  private final int maxWorkers;
  private final int maxAttempts;
  private final ResultCache cache;
  private final String engineVersion;
  private final Backtester backtester;

  private final List<Queued> queue = new ArrayList<>();
  private final TreeMap<Long, Result> results = new TreeMap<>();
  private final TreeMap<Long, Failure> failures = new TreeMap<>();
  private final IdentityHashMap<Universe, String> dataHashes = new IdentityHashMap<>();
  private final AtomicLong executed = new AtomicLong();
  private long cacheHits;
  private long nextId;

  private record Queued(long id, Request request, Params resolved, String key) {}

  private ParallelStrategyRunner(Builder b) {
    this.registry = b.registry;
    this.settings = b.settings;
    this.mode = b.mode;
    this.maxWorkers = b.maxWorkers;
    this.maxAttempts = b.maxAttempts;
    this.cache = b.cache;
    this.engineVersion = b.engineVersion;
    this.backtester = b.backtester != null ? b.backtester : this::engine;
  }

  /** A builder over the strategies of {@code registry}. */
  public static Builder builder(StrategyRegistry registry) {
    return new Builder(registry);
  }

  /** Settings of a runner; defaults: SEQUENTIAL, 1 worker, 1 attempt, in-memory cache. */
  public static final class Builder {
    private final StrategyRegistry registry;
    private BacktestSettings settings = BacktestSettings.defaults();
    private Mode mode = Mode.SEQUENTIAL;
    private int maxWorkers = 1;
    private int maxAttempts = 1;
    private ResultCache cache = new InMemoryCache();
    private String engineVersion = ENGINE_VERSION;
    private Backtester backtester;

    private Builder(StrategyRegistry registry) {
      this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** The account and execution settings of every backtest. */
    public Builder settings(BacktestSettings v) {
      this.settings = Objects.requireNonNull(v, "settings");
      return this;
    }

    public Builder mode(Mode v) {
      this.mode = Objects.requireNonNull(v, "mode");
      return this;
    }

    /** Threads of {@link Mode#LOCAL_THREADS}, {@code >= 1}. */
    public Builder maxWorkers(int v) {
      if (v < 1) {
        throw new IllegalArgumentException("maxWorkers must be >= 1, was " + v);
      }
      this.maxWorkers = v;
      return this;
    }

    /** Attempts per request before it is given up, {@code >= 1}. */
    public Builder maxAttempts(int v) {
      if (v < 1) {
        throw new IllegalArgumentException("maxAttempts must be >= 1, was " + v);
      }
      this.maxAttempts = v;
      return this;
    }

    public Builder cache(ResultCache v) {
      this.cache = Objects.requireNonNull(v, "cache");
      return this;
    }

    /** The engine version string in cache keys (change it when results may change). */
    public Builder engineVersion(String v) {
      if (v == null || v.isBlank()) {
        throw new IllegalArgumentException("engineVersion must not be blank");
      }
      this.engineVersion = v;
      return this;
    }

    /** Replaces the engine (for tests and for backtests with side effects). */
    public Builder backtester(Backtester v) {
      this.backtester = Objects.requireNonNull(v, "backtester");
      return this;
    }

    public ParallelStrategyRunner build() {
      return new ParallelStrategyRunner(this);
    }
  }

  /**
   * Queues a request.
   *
   * @return its id (submission number)
   * @throws IllegalArgumentException naming an unknown strategy, parameter or symbol, or a bad
   *     value
   */
  public long submit(Request request) {
    StrategyDescriptor d = registry.get(request.strategy());
    Params resolved = d.resolve(request.params());
    for (String s : request.symbols()) {
      if (request.data().indexOf(s) < 0) {
        throw new IllegalArgumentException("symbol " + s + " is not in the request's data");
      }
    }
    long id = nextId++;
    queue.add(new Queued(id, request, resolved, cacheKey(request, resolved)));
    return id;
  }

  /** Queues several requests; their ids. */
  public List<Long> submitAll(List<Request> requests) {
    List<Long> ids = new ArrayList<>();
    for (Request r : requests) {
      ids.add(submit(r));
    }
    return ids;
  }

  /** Requests queued and not run yet. */
  public int queued() {
    return queue.size();
  }

  /**
   * Runs every queued request (see the class comment) and empties the queue.
   *
   * @throws IllegalStateException if interrupted while waiting for the workers
   */
  public void run() {
    List<Queued> order = new ArrayList<>(queue);
    queue.clear();
    order.sort(
        Comparator.comparingInt((Queued q) -> q.request().priority())
            .reversed()
            .thenComparingLong(Queued::id));
    // one execution per key, at the place of its first (highest-priority) request
    LinkedHashMap<String, List<Queued>> byKey = new LinkedHashMap<>();
    for (Queued q : order) {
      byKey.computeIfAbsent(q.key(), k -> new ArrayList<>()).add(q);
    }
    List<List<Queued>> toRun = new ArrayList<>();
    for (List<Queued> same : byKey.values()) {
      Optional<Map<String, Double>> hit = cache.get(same.get(0).key());
      if (hit.isPresent()) {
        for (Queued q : same) {
          cacheHits++;
          results.put(
              q.id(), new Result(q.id(), q.request(), q.resolved().values(), hit.get(), true, 0));
        }
      } else {
        toRun.add(same);
      }
    }
    IndicatorCache indicators = new IndicatorCache();
    List<Outcome> outcomes = new ArrayList<>();
    if (mode == Mode.SEQUENTIAL || maxWorkers == 1 || toRun.size() <= 1) {
      for (List<Queued> same : toRun) {
        outcomes.add(attempt(same.get(0), indicators));
      }
    } else {
      ExecutorService pool =
          Executors.newFixedThreadPool(
              Math.min(maxWorkers, toRun.size()),
              r -> {
                Thread t = new Thread(r, "strategy-runner");
                t.setDaemon(true);
                return t;
              });
      try {
        List<Future<Outcome>> futures = new ArrayList<>();
        for (List<Queued> same : toRun) {
          futures.add(pool.submit(() -> attempt(same.get(0), indicators)));
        }
        for (Future<Outcome> f : futures) {
          outcomes.add(f.get());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while running strategies", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("a strategy worker failed", e.getCause());
      } finally {
        pool.shutdownNow();
      }
    }
    for (int i = 0; i < toRun.size(); i++) {
      Outcome o = outcomes.get(i);
      for (Queued q : toRun.get(i)) {
        if (o.stats() != null) {
          results.put(
              q.id(),
              new Result(
                  q.id(), q.request(), q.resolved().values(), o.stats(), false, o.attempts()));
        } else {
          failures.put(q.id(), new Failure(q.id(), q.request(), o.error(), o.attempts()));
        }
      }
    }
  }

  private record Outcome(Map<String, Double> stats, String error, int attempts) {}

  private Outcome attempt(Queued q, IndicatorCache indicators) {
    String error = null;
    for (int a = 1; a <= maxAttempts; a++) {
      executed.incrementAndGet();
      try {
        Map<String, Double> stats =
            StatMap.copyOf(backtester.run(q.request(), q.resolved(), indicators));
        cache.put(q.key(), stats);
        return new Outcome(stats, null, a);
      } catch (RuntimeException e) {
        error = e.toString();
      }
    }
    return new Outcome(null, error, maxAttempts);
  }

  private Map<String, Double> engine(Request r, Params resolved, IndicatorCache indicators) {
    BacktestResult b =
        BatchSections.backtest(
            r.data(),
            r.strategy(),
            resolved.values(),
            r.symbols(),
            settings.toConfig(),
            registry,
            indicators);
    return Metrics.compute(b, ChunkExecutor.CONVENTION).values();
  }

  /** The statistics of the requests run so far, in submission order. */
  public List<Result> getResults() {
    return List.copyOf(results.values());
  }

  /** The requests given up, in submission order. */
  public List<Failure> getFailures() {
    return List.copyOf(failures.values());
  }

  /** Backtests executed so far (each attempt counts; cache hits do not). */
  public long executedBacktests() {
    return executed.get();
  }

  /** Requests served from the cache so far. */
  public long cacheHits() {
    return cacheHits;
  }

  /** The mode. */
  public Mode mode() {
    return mode;
  }

  /**
   * The cache key of a request with its resolved parameters: lower-case hex SHA-256 of the
   * strategy, the parameters, the symbols, the data's content hash, the settings and the engine
   * version.
   */
  public String cacheKey(Request r, Params resolved) {
    String dataHash = dataHashes.computeIfAbsent(r.data(), DatasetFingerprint::of);
    StringBuilder sb = new StringBuilder("alphapulse-run-v1\0");
    sb.append(engineVersion).append('\0').append(r.strategy()).append('\0');
    resolved
        .values()
        .forEach(
            (k, v) ->
                sb.append(k)
                    .append('=')
                    .append(v instanceof Integer ? v.toString() : Double.toString(v.doubleValue()))
                    .append(';'));
    sb.append('\0').append(String.join(",", r.symbols())).append('\0').append(dataHash);
    sb.append('\0').append(settings);
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    }
  }
}
