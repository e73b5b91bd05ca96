package dev.alphapulse.app.report;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a research report page shows (an optimisation, a Monte Carlo run, a portfolio): a
 * title, one line under it, and sections in order, each a list of facts, a table or a figure.
 * {@link HtmlPage} renders it with the same look, safety and offline rules as {@link HtmlReport}.
 *
 * @param title the page heading
 * @param subtitle one line under it (data, settings); may be empty
 * @param sections at least one; their ids are distinct
 */
public record Page(String title, String subtitle, List<Section> sections) {

  public Page {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(subtitle, "subtitle");
    sections = List.copyOf(Objects.requireNonNull(sections, "sections"));
    if (sections.isEmpty()) {
      throw new IllegalArgumentException("a page needs at least one section");
    }
    Set<String> ids = new HashSet<>();
    for (Section s : sections) {
      if (!ids.add(s.id())) {
        throw new IllegalArgumentException("section id '" + s.id() + "' is used twice");
      }
    }
  }

  /** One part of a page, listed in the page's navigation under its heading. */
  public sealed interface Section permits Facts, Table, Plot {
    /** The element id: letters, digits and {@code -}, starting with a letter. */
    String id();

    /** The section heading. */
    String heading();

    /** A line of explanation under the heading; may be empty. */
    String note();
  }

  /**
   * Named values shown as a two-column table, e.g. key statistics.
   *
   * @param facts name and display text, in order
   */
  public record Facts(String id, String heading, String note, List<Fact> facts) implements Section {
    public Facts {
      checkSection(id, heading, note);
      facts = List.copyOf(Objects.requireNonNull(facts, "facts"));
    }
  }

  /** A name and its display text. */
  public record Fact(String name, String value) {
    public Fact {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * A table whose columns can be sorted by clicking their header.
   *
   * @param columns the column headers
   * @param numeric per column, whether it is right-aligned and sorted by the cells' numbers
   * @param rows each with one cell per column
   */
  public record Table(
      String id,
      String heading,
      String note,
      List<String> columns,
      List<Boolean> numeric,
      List<List<Cell>> rows)
      implements Section {
    public Table {
      checkSection(id, heading, note);
      columns = List.copyOf(Objects.requireNonNull(columns, "columns"));
      numeric = List.copyOf(Objects.requireNonNull(numeric, "numeric"));
      if (numeric.size() != columns.size()) {
        throw new IllegalArgumentException(
            "table '" + id + "': " + numeric.size() + " numeric flags for " + columns.size());
      }
      rows = rows.stream().map(List::copyOf).toList();
      for (int i = 0; i < rows.size(); i++) {
        if (rows.get(i).size() != columns.size()) {
          throw new IllegalArgumentException(
              "table '"
                  + id
                  + "' row "
                  + i
                  + " has "
                  + rows.get(i).size()
                  + " cells for "
                  + columns.size()
                  + " columns");
        }
      }
    }
  }

  /**
   * A table cell.
   *
   * @param text what is shown
   * @param sortKey the number it sorts by in a numeric column; {@code NaN} sorts last
   */
  public record Cell(String text, double sortKey) {
    public Cell {
      Objects.requireNonNull(text, "text");
    }

    /** A text cell. */
    public static Cell text(String text) {
      return new Cell(text, Double.NaN);
    }

    /** A number shown as {@code text} and sorted by {@code value}. */
    public static Cell number(double value, String text) {
      return new Cell(text, value);
    }
  }

  /** A figure under a heading. */
  public record Plot(String id, String heading, String note, Figure figure) implements Section {
    public Plot {
      checkSection(id, heading, note);
      Objects.requireNonNull(figure, "figure");
    }
  }

  private static void checkSection(String id, String heading, String note) {
    if (id == null || !id.matches("[A-Za-z][A-Za-z0-9-]*")) {
      throw new IllegalArgumentException(
          "section id: letters, digits and '-', starting with a letter; was " + id);
    }
    Objects.requireNonNull(heading, "heading");
    Objects.requireNonNull(note, "note");
  }
}
