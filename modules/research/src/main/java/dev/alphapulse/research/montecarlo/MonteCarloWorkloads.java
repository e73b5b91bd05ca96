package dev.alphapulse.research.montecarlo;

import java.util.SplittableRandom;

/**
 * Reference workloads for the benchmark module (no timing here: JMH measures them there). The
 * reference is the block bootstrap of 2,520 steps (ten years of daily bars) over 2,520 seeded
 * synthetic daily returns (normal, mean 4e-4, standard deviation 0.01), mean block length 10, no
 * fan curves; the performance target is 100,000 such paths in at most 2 s on 2 cores.
 */
public final class MonteCarloWorkloads {
  private MonteCarloWorkloads() {}

  /** The reference block-bootstrap model with {@code steps} steps per path and the given seed. */
  public static MonteCarloModel referenceBlockBootstrap(int steps, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] returns = new double[2520];
    for (int i = 0; i < returns.length; i++) {
      returns[i] = 4e-4 + 0.01 * rng.nextGaussian();
    }
    MonteCarloSpec spec =
        MonteCarloSpec.of(MonteCarloMethod.BLOCK_BOOTSTRAP, seed, steps).withFanPaths(0);
    return MonteCarloModel.create(spec, returns);
  }

  /**
   * Simulates paths {@code [fromPath, toPath)} of {@code model} and returns the sum of their final
   * equities (a value for the benchmark to consume).
   */
  public static double run(MonteCarloModel model, long fromPath, long toPath) {
    PathBatch batch = model.simulate(fromPath, toPath);
    double sum = 0;
    for (int i = 0; i < batch.size(); i++) {
      sum += batch.finalEquity(i);
    }
    return sum;
  }
}
