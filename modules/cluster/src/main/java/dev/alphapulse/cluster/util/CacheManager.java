package dev.alphapulse.cluster.util;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A size-capped on-disk cache of byte blobs under content-hash keys (the seed's {@code
 * CacheManager}); the cluster keeps chunk results in it, keyed by a hash of everything a result
 * depends on, so that a rerun of the same work reuses them.
 *
 * <h2>Design</h2>
 *
 * One file per key ({@code KEY.bin}, written to a temporary file and moved into place, so a reader
 * never sees half a file). The index is a Caffeine cache weighted by file size with the size cap as
 * its maximum weight: Caffeine decides what to evict (frequency and recency), and its removal
 * listener deletes evicted files. Files left by an earlier process are indexed at start, oldest
 * first. Several processes may share a directory; each enforces the cap on what it indexed.
 *
 * <p>Thread-safe.
 */
public final class CacheManager {
  private static final Pattern KEY = Pattern.compile("[0-9a-zA-Z_-]{8,128}");

  private final Path directory;
  private final long maxBytes;
  private final Cache<String, Long> index;
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong misses = new AtomicLong();
  private final AtomicLong evictions = new AtomicLong();

  /** Hit, miss and eviction counts, and what is indexed now. */
  public record Stats(long hits, long misses, long evictions, long entries, long bytes) {}

  private CacheManager(Path directory, long maxBytes) {
    this.directory = directory;
    this.maxBytes = maxBytes;
    this.index =
        Caffeine.newBuilder()
            .maximumWeight(maxBytes)
            .weigher((String k, Long size) -> (int) Math.min(Integer.MAX_VALUE, size))
            .executor(Runnable::run)
            .removalListener(
                (String key, Long size, RemovalCause cause) -> {
                  if (key != null && (cause.wasEvicted() || cause == RemovalCause.EXPLICIT)) {
                    if (cause.wasEvicted()) {
                      evictions.incrementAndGet();
                    }
                    deleteQuietly(fileOf(key));
                  }
                })
            .build();
  }

  /**
   * Opens (creating if needed) a cache directory capped at {@code maxBytes}, indexing the files
   * already there.
   *
   * @throws UncheckedIOException if the directory cannot be created or listed
   */
  public static CacheManager open(Path directory, long maxBytes) {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes: must be >= 1, was " + maxBytes);
    }
    CacheManager c = new CacheManager(directory.toAbsolutePath().normalize(), maxBytes);
    c.scan();
    return c;
  }

  private void scan() {
    try {
      Files.createDirectories(directory);
      List<Path> files = new ArrayList<>();
      try (Stream<Path> s = Files.list(directory)) {
        s.filter(p -> p.getFileName().toString().endsWith(".bin")).forEach(files::add);
      }
      files.sort(Comparator.comparing(CacheManager::modified));
      for (Path f : files) {
        String name = f.getFileName().toString();
        String key = name.substring(0, name.length() - 4);
        if (KEY.matcher(key).matches()) {
          index.put(key, Files.size(f));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cache directory " + directory + ": " + e.getMessage(), e);
    }
  }

  private static FileTime modified(Path p) {
    try {
      return Files.getLastModifiedTime(p);
    } catch (IOException e) {
      return FileTime.fromMillis(0);
    }
  }

  /** The blob under {@code key}, if present (a file deleted behind the cache's back is a miss). */
  public Optional<byte[]> get(String key) {
    checkKey(key);
    if (index.getIfPresent(key) == null) {
      misses.incrementAndGet();
      return Optional.empty();
    }
    try {
      byte[] bytes = Files.readAllBytes(fileOf(key));
      hits.incrementAndGet();
      return Optional.of(bytes);
    } catch (NoSuchFileException e) {
      index.invalidate(key);
      misses.incrementAndGet();
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cache read " + key + ": " + e.getMessage(), e);
    }
  }

  /**
   * Stores a blob under {@code key} (replacing any), then evicts as needed to stay under the cap; a
   * blob larger than the cap is not stored.
   */
  public void put(String key, byte[] bytes) {
    checkKey(key);
    if (bytes.length > maxBytes) {
      return;
    }
    Path target = fileOf(key);
    try {
      Path tmp = Files.createTempFile(directory, key, ".tmp");
      Files.write(tmp, bytes);
      try {
        Files.move(
            tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cache write " + key + ": " + e.getMessage(), e);
    }
    index.put(key, (long) bytes.length);
    index.cleanUp();
  }

  /** Removes a key and its file. */
  public void remove(String key) {
    checkKey(key);
    index.invalidate(key);
  }

  /** Current statistics. */
  public Stats stats() {
    index.cleanUp();
    long bytes = index.asMap().values().stream().mapToLong(Long::longValue).sum();
    return new Stats(hits.get(), misses.get(), evictions.get(), index.estimatedSize(), bytes);
  }

  public Path directory() {
    return directory;
  }

  public long maxBytes() {
    return maxBytes;
  }

  private Path fileOf(String key) {
    return directory.resolve(key + ".bin");
  }

  private static void checkKey(String key) {
    if (key == null || !KEY.matcher(key).matches()) {
      throw new IllegalArgumentException(
          "key: expected 8-128 characters [0-9a-zA-Z_-], was " + key);
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      // A file that cannot be deleted stays on disk, unindexed; the next start indexes it again.
    }
  }
}
