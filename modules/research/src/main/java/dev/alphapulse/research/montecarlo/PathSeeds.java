package dev.alphapulse.research.montecarlo;

/**
 * Per-path seeds: a path's random stream depends on the job seed and the path index only, never on
 * which batch computed it.
 */
final class PathSeeds {
  private PathSeeds() {}

  /** SplitMix64's finaliser (Steele, Lea and Flood 2014). */
  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** The seed of path {@code pathIndex} of the job seeded with {@code jobSeed}. */
  static long pathSeed(long jobSeed, long pathIndex) {
    return mix64(mix64(jobSeed) ^ (pathIndex * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L));
  }
}
