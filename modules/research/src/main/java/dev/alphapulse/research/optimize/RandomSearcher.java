package dev.alphapulse.research.optimize;

import java.util.Map;
import java.util.SplittableRandom;

/** Independent draws from every domain, from one seeded stream. Tells are ignored. */
final class RandomSearcher extends AbstractSearcher {
  private final SplittableRandom rng;

  RandomSearcher(ParameterSpace space, long seed) {
    super(space);
    this.rng = new SplittableRandom(seed);
  }

  @Override
  Map<String, Object> propose(long id) {
    return space.sample(rng);
  }

  @Override
  void observe(long id, Map<String, Object> params, double objective) {
    // random search does not adapt
  }
}
