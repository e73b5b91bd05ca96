package dev.alphapulse.app.example;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table for the terminal: a header row, then rows, columns padded to their widest
 * cell; columns marked numeric are right-aligned.
 */
final class TextTable {
  private final List<String> header;
  private final boolean[] numeric;
  private final List<List<String>> rows = new ArrayList<>();

  private TextTable(List<String> header, boolean[] numeric) {
    this.header = List.copyOf(header);
    this.numeric = numeric;
  }

  /**
   * A table with these columns; a column whose name starts with {@code >} is right-aligned (the
   * {@code >} is not shown).
   */
  static TextTable of(String... columns) {
    List<String> names = new ArrayList<>();
    boolean[] right = new boolean[columns.length];
    for (int i = 0; i < columns.length; i++) {
      right[i] = columns[i].startsWith(">");
      names.add(right[i] ? columns[i].substring(1) : columns[i]);
    }
    return new TextTable(names, right);
  }

  /** Adds a row of one cell per column. */
  TextTable row(List<String> cells) {
    if (cells.size() != header.size()) {
      throw new IllegalArgumentException(
          "row has " + cells.size() + " cells for " + header.size() + " columns");
    }
    rows.add(List.copyOf(cells));
    return this;
  }

  TextTable row(String... cells) {
    return row(List.of(cells));
  }

  /** Prints the table, each line starting with {@code indent}. */
  void print(PrintWriter out, String indent) {
    int[] width = new int[header.size()];
    for (int c = 0; c < width.length; c++) {
      width[c] = header.get(c).length();
      for (List<String> r : rows) {
        width[c] = Math.max(width[c], r.get(c).length());
      }
    }
    line(out, indent, header, width);
    StringBuilder rule = new StringBuilder();
    for (int c = 0; c < width.length; c++) {
      rule.append(c == 0 ? "" : "  ").append("-".repeat(width[c]));
    }
    out.println(indent + rule);
    for (List<String> r : rows) {
      line(out, indent, r, width);
    }
  }

  private void line(PrintWriter out, String indent, List<String> cells, int[] width) {
    StringBuilder sb = new StringBuilder(indent);
    for (int c = 0; c < width.length; c++) {
      String s = cells.get(c);
      String pad = " ".repeat(width[c] - s.length());
      sb.append(c == 0 ? "" : "  ").append(numeric[c] ? pad + s : s + pad);
    }
    out.println(sb.toString().stripTrailing());
  }
}
