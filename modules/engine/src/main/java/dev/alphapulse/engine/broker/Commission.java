package dev.alphapulse.engine.broker;

/**
 * Commission charged on each fill, at entry and again at exit, in cash.
 *
 * <p>Implementations must be pure and thread-safe. {@code size} is the signed number of units of
 * the fill (a fraction of equity while sizing an all-in order), {@code price} the fill price.
 */
@FunctionalInterface
public interface Commission {

  /** Commission in cash for a fill of {@code size} units at {@code price}; never negative. */
  double of(double size, double price);

  /** No commission. */
  static Commission none() {
    return fixedPlusRelative(0, 0);
  }

  /** {@code relative * |size| * price}, e.g. 0.001 for 0.1%. */
  static Commission relative(double relative) {
    return fixedPlusRelative(0, relative);
  }

  /**
   * {@code fixed + relative * |size| * price}.
   *
   * @throws IllegalArgumentException if {@code fixed < 0} or {@code relative} is outside [-0.1,
   *     0.1) (a negative relative commission models a rebate)
   */
  static Commission fixedPlusRelative(double fixed, double relative) {
    return new FixedPlusRelative(fixed, relative);
  }

  /** The fixed-plus-relative commission, kept as a value so it can be described and compared. */
  record FixedPlusRelative(double fixed, double relative) implements Commission {
    public FixedPlusRelative {
      if (!(fixed >= 0) || Double.isInfinite(fixed)) {
        throw new IllegalArgumentException("commission fixed part must be >= 0, was " + fixed);
      }
      if (!(relative >= -0.1 && relative < 0.1)) {
        throw new IllegalArgumentException(
            "commission relative part must be in [-0.1, 0.1), was " + relative);
      }
    }

    @Override
    public double of(double size, double price) {
      return fixed + Math.abs(size) * price * relative;
    }

    /** True when this commission is always zero. */
    public boolean isZero() {
      return fixed == 0 && relative == 0;
    }
  }
}
