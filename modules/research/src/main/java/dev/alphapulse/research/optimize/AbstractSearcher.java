package dev.alphapulse.research.optimize;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Id bookkeeping shared by the searchers: ids in ask order, each told at most once. */
abstract class AbstractSearcher implements Searcher {
  final ParameterSpace space;
  private final Map<Long, Map<String, Object>> asked = new HashMap<>();
  private final Map<Long, Boolean> told = new HashMap<>();
  private long nextId;

  AbstractSearcher(ParameterSpace space) {
    this.space = space;
  }

  @Override
  public final List<Candidate> ask(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, was " + n);
    }
    List<Candidate> out = new ArrayList<>(n);
    for (int k = 0; k < n && !isExhausted(); k++) {
      long id = nextId++;
      Map<String, Object> params = propose(id);
      asked.put(id, params);
      out.add(new Candidate(id, params));
    }
    return out;
  }

  @Override
  public final void tell(long trialId, double objective) {
    Map<String, Object> params = asked.get(trialId);
    if (params == null) {
      throw new IllegalArgumentException("trial " + trialId + " was never asked for");
    }
    if (told.putIfAbsent(trialId, Boolean.TRUE) != null) {
      throw new IllegalStateException("trial " + trialId + " was told already");
    }
    observe(trialId, params, Double.isFinite(objective) ? objective : Double.NEGATIVE_INFINITY);
  }

  /** Proposes the parameters of trial {@code id}. */
  abstract Map<String, Object> propose(long id);

  /** Records a result; {@code objective} is finite or negative infinity. */
  abstract void observe(long id, Map<String, Object> params, double objective);

  /** Fills fixed parameters and orders values as the space. */
  final Map<String, Object> complete(Map<String, Object> axisValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (Map.Entry<String, Domain> e : space.domains().entrySet()) {
      Domain d = e.getValue();
      m.put(e.getKey(), d instanceof Domain.Fixed f ? f.value() : axisValues.get(e.getKey()));
    }
    return m;
  }
}
