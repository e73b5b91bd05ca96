package dev.alphapulse.research.optimize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One searchable dimension of a space as model-based searchers see it: either categorical ({@code
 * choice}, {@code grid}: an index into {@link #values}) or numeric on an internal real interval
 * {@code [lo, hi]} (log scale for log domains; widened by half a step for discrete domains so that
 * rounding gives every value the same width). Fixed parameters are not axes.
 */
final class Axis {
  final String name;
  final Domain domain;
  final List<Object> values;
  final double lo;
  final double hi;

  private Axis(String name, Domain domain, List<Object> values, double lo, double hi) {
    this.name = name;
    this.domain = domain;
    this.values = values;
    this.lo = lo;
    this.hi = hi;
  }

  /** The non-fixed parameters of a space, in order. */
  static List<Axis> of(ParameterSpace space) {
    List<Axis> out = new ArrayList<>();
    for (Map.Entry<String, Domain> e : space.domains().entrySet()) {
      Domain d = e.getValue();
      String n = e.getKey();
      if (d instanceof Domain.Fixed) {
        continue;
      } else if (d instanceof Domain.Choice c) {
        out.add(new Axis(n, d, c.values(), 0, c.values().size()));
      } else if (d instanceof Domain.Grid g) {
        out.add(new Axis(n, d, g.values(), 0, g.values().size()));
      } else if (d instanceof Domain.Uniform u) {
        out.add(new Axis(n, d, null, u.lo(), u.hi()));
      } else if (d instanceof Domain.QUniform q) {
        double last = q.lo() + (q.count() - 1) * q.q();
        out.add(new Axis(n, d, null, q.lo() - q.q() / 2, last + q.q() / 2));
      } else if (d instanceof Domain.LogUniform l) {
        out.add(new Axis(n, d, null, l.logLo(), l.logHi()));
      } else {
        Domain.RandInt r = (Domain.RandInt) d;
        out.add(new Axis(n, d, null, r.lo() - 0.5, r.hi() + 0.5));
      }
    }
    return List.copyOf(out);
  }

  boolean categorical() {
    return values != null;
  }

  /** Number of categories. */
  int size() {
    return values.size();
  }

  /** The value at an internal coordinate (clipped to the interval, snapped to the domain). */
  Object decode(double x) {
    if (categorical()) {
      int k = (int) Math.floor(x);
      return values.get(Math.max(0, Math.min(values.size() - 1, k)));
    }
    double c = Math.max(lo, Math.min(hi, x));
    if (domain instanceof Domain.Uniform u) {
      return Math.min(c, Math.nextDown(u.hi()));
    }
    if (domain instanceof Domain.QUniform q) {
      int k = (int) Math.rint((c - q.lo()) / q.q());
      return q.value(Math.max(0, Math.min(q.count() - 1, k)));
    }
    if (domain instanceof Domain.LogUniform l) {
      return l.fromLog(c);
    }
    Domain.RandInt r = (Domain.RandInt) domain;
    return (int) Math.max(r.lo(), Math.min(r.hi(), Math.rint(c)));
  }

  /** The internal coordinate of a value (for categoricals the index plus one half). */
  double encode(Object value) {
    if (categorical()) {
      return values.indexOf(value) + 0.5;
    }
    double v = ((Number) value).doubleValue();
    return domain instanceof Domain.LogUniform ? Math.log(v) : v;
  }

  /** The index of a categorical value. */
  int index(Object value) {
    return values.indexOf(value);
  }
}
