package dev.alphapulse.research.optimize;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A parameter set a {@link Searcher} proposes, under the trial id it will be told about.
 *
 * @param trialId id the searcher assigned, {@code >= 0}, increasing in ask order
 * @param params values in search-space order ({@link Integer}, {@link Double}, {@link String} or
 *     {@link Boolean}); copied, unmodifiable
 */
public record Candidate(long trialId, Map<String, Object> params) {
  public Candidate {
    if (trialId < 0) {
      throw new IllegalArgumentException("trialId must be >= 0, was " + trialId);
    }
    Objects.requireNonNull(params, "params");
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }
}
