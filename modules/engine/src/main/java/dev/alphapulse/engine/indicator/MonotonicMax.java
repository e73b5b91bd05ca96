package dev.alphapulse.engine.indicator;

/**
 * Maximum of the last {@code window} values in O(1) amortised per value, with no allocation.
 *
 * <h2>Design</h2>
 *
 * A monotonic deque held in two preallocated ring buffers of capacity {@code window}: positions
 * ({@code int}) and values ({@code double}), values strictly decreasing from front to back. A new
 * value first drops the front if it has left the window, then pops every back entry not greater
 * than itself and is pushed; the front is the maximum. Each value is pushed and popped at most
 * once. Positions are an {@code int} counter compared by wrap-safe subtraction, so the counter may
 * overflow on an endless feed without harm. Capacity never exceeds {@code window}: after expiry the
 * deque holds positions of the last {@code window - 1} values only.
 */
final class MonotonicMax {
  private final int window;
  private final int[] positions;
  private final double[] values;
  private int head;
  private int size;
  private int position;

  MonotonicMax(int window) {
    this.window = window;
    this.positions = new int[window];
    this.values = new double[window];
  }

  /** Adds a value and returns the maximum of the window ending with it. */
  double add(double x) {
    if (size > 0 && position - positions[head] >= window) {
      head = head + 1 == window ? 0 : head + 1;
      size--;
    }
    while (size > 0 && values[slot(size - 1)] <= x) {
      size--;
    }
    int back = slot(size);
    positions[back] = position;
    values[back] = x;
    size++;
    position++;
    return values[head];
  }

  private int slot(int offset) {
    int s = head + offset;
    return s >= window ? s - window : s;
  }

  void reset() {
    head = 0;
    size = 0;
    position = 0;
  }
}
