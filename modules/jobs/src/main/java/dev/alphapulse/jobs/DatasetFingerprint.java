package dev.alphapulse.jobs;

import dev.alphapulse.engine.data.BarSeries;
import dev.alphapulse.engine.data.Universe;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The content hash of a universe: what chunks carry to make sure every node computes on the same
 * bars.
 *
 * <h2>What is hashed</h2>
 *
 * SHA-256 over, in this order and big-endian: the UTF-8 bytes of {@code alphapulse-dataset-v1} and
 * a zero byte; the symbol count and calendar size (ints); the calendar (longs, epoch millis); then
 * per symbol in universe order: the UTF-8 byte length (int) and bytes of its name, its presence
 * bits ({@link Universe#hasBar}, one byte per bar, 1 or 0), and its open, high, low, close and
 * volume columns in that order as {@link Double#doubleToLongBits} (so every NaN hashes alike and
 * 0.0 differs from -0.0). Identical data gives the identical hash on every JVM; any change to a
 * symbol, a time, a price, a volume or to which bars are real gives another. The version prefix
 * changes if the layout ever does.
 *
 * <h2>Cost</h2>
 *
 * One pass over the columns through a 64 KiB buffer: about 49 bytes a symbol-bar, so roughly 0.1 s
 * for the 800,000 symbol-bars of a 4 x 200,000 dataset. Pure and thread-safe.
 */
public final class DatasetFingerprint {
  static final String VERSION = "alphapulse-dataset-v1";
  private static final int BUFFER = 1 << 16;

  private DatasetFingerprint() {}

  /** The lower-case hex SHA-256 of {@code universe} (see the class comment for the layout). */
  public static String of(Universe universe) {
    MessageDigest md = sha256();
    ByteBuffer buf = ByteBuffer.allocate(BUFFER);
    buf.put(VERSION.getBytes(StandardCharsets.UTF_8)).put((byte) 0);
    int n = universe.size();
    buf.putInt(universe.symbolCount()).putInt(n);
    for (long t : universe.calendar()) {
      room(md, buf, Long.BYTES).putLong(t);
    }
    for (int s = 0; s < universe.symbolCount(); s++) {
      BarSeries series = universe.series(s);
      byte[] name = series.symbol().getBytes(StandardCharsets.UTF_8);
      room(md, buf, Integer.BYTES).putInt(name.length);
      for (byte b : name) {
        room(md, buf, 1).put(b);
      }
      for (int i = 0; i < n; i++) {
        room(md, buf, 1).put(universe.hasBar(s, i) ? (byte) 1 : (byte) 0);
      }
      for (double[] column :
          List.of(
              series.opens(), series.highs(), series.lows(), series.closes(), series.volumes())) {
        for (double v : column) {
          room(md, buf, Long.BYTES).putLong(Double.doubleToLongBits(v));
        }
      }
    }
    buf.flip();
    md.update(buf);
    return HexFormat.of().formatHex(md.digest());
  }

  /**
   * A reference to {@code universe} at {@code location}: its hash, symbols, calendar size and first
   * and last times.
   *
   * @param location {@code synthetic:...} or an absolute path, see {@link DatasetRef#location()}
   */
  public static DatasetRef ref(String location, Universe universe) {
    long[] calendar = universe.calendar();
    List<String> symbols = universe.series().stream().map(BarSeries::symbol).toList();
    return new DatasetRef(
        location,
        of(universe),
        symbols,
        universe.size(),
        calendar[0],
        calendar[calendar.length - 1]);
  }

  private static ByteBuffer room(MessageDigest md, ByteBuffer buf, int bytes) {
    if (buf.remaining() < bytes) {
      buf.flip();
      md.update(buf);
      buf.clear();
    }
    return buf;
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM must provide SHA-256", e);
    }
  }
}
