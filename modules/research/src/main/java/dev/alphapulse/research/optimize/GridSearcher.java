package dev.alphapulse.research.optimize;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Enumerates the cartesian product of the space's discrete domains, first parameter slowest, then
 * is exhausted. Tells are accepted and ignored.
 */
final class GridSearcher extends AbstractSearcher {
  /** Larger grids are almost surely a mistake (a randint over a huge range). */
  static final long MAX_POINTS = 10_000_000L;

  private final List<String> names;
  private final List<List<Object>> values;
  private final long size;
  private long next;

  GridSearcher(ParameterSpace space) {
    super(space);
    this.names = space.names();
    this.values = new ArrayList<>();
    long n = 1;
    for (String name : names) {
      Domain d = space.domain(name);
      List<Object> v = enumerate(d, ParameterSpace.ROOT + "." + name + "." + d.kind());
      values.add(v);
      n *= v.size();
      if (n > MAX_POINTS) {
        throw new ResearchSpecException(
            ParameterSpace.ROOT, "the grid has more than " + MAX_POINTS + " points");
      }
    }
    this.size = n;
  }

  /** Number of grid points. */
  long size() {
    return size;
  }

  static List<Object> enumerate(Domain d, String path) {
    List<Object> out = new ArrayList<>();
    if (d instanceof Domain.Fixed f) {
      out.add(f.value());
    } else if (d instanceof Domain.Choice c) {
      out.addAll(c.values());
    } else if (d instanceof Domain.Grid g) {
      out.addAll(g.values());
    } else if (d instanceof Domain.RandInt r) {
      checkCount((long) r.hi() - r.lo() + 1, path);
      for (long v = r.lo(); v <= r.hi(); v++) {
        out.add((int) v);
      }
    } else if (d instanceof Domain.QUniform q) {
      checkCount(q.count(), path);
      for (int k = 0; k < q.count(); k++) {
        out.add(q.value(k));
      }
    } else if (d instanceof Domain.LogUniform l && l.integer()) {
      checkCount((long) (l.hi() - l.lo()) + 1, path);
      for (long v = (long) l.lo(); v <= (long) l.hi(); v++) {
        out.add((int) v);
      }
    } else {
      throw new ResearchSpecException(
          path,
          d
              + " is continuous: grid search enumerates grid, choice, fixed, randint, quniform and"
              + " lograndint values only");
    }
    return out;
  }

  private static void checkCount(long n, String path) {
    if (n > MAX_POINTS) {
      throw new ResearchSpecException(path, n + " values are too many to enumerate");
    }
  }

  @Override
  public boolean isExhausted() {
    return next >= size;
  }

  @Override
  Map<String, Object> propose(long id) {
    long k = next++;
    Object[] picked = new Object[names.size()];
    for (int p = names.size() - 1; p >= 0; p--) {
      int m = values.get(p).size();
      picked[p] = values.get(p).get((int) (k % m));
      k /= m;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (int p = 0; p < names.size(); p++) {
      out.put(names.get(p), picked[p]);
    }
    return out;
  }

  @Override
  void observe(long id, Map<String, Object> params, double objective) {
    // a grid does not adapt
  }
}
