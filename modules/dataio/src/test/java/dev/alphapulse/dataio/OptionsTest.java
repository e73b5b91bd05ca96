package dev.alphapulse.dataio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The value types validate in their constructors and name the bad value. */
class OptionsTest {

  @Test
  void defaultsDetectEverythingAndFail() {
    CsvOptions d = CsvOptions.defaults();
    assertThat(d.delimiter()).isNull();
    assertThat(d.header()).isNull();
    assertThat(d.columns()).isNull();
    assertThat(d.zone()).isEqualTo(ZoneOffset.UTC);
    assertThat(d.repair()).isEqualTo(RepairMode.FAIL);
    assertThat(d.withRepair(RepairMode.FIX).withDelimiter('\t').delimiter()).isEqualTo('\t');
  }

  @Test
  void badOptionsAreRejected() {
    assertThatThrownBy(() -> CsvOptions.defaults().withDatePattern("yyyy-MM-dd {"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("datePattern 'yyyy-MM-dd {' is invalid");
    assertThatThrownBy(() -> CsvOptions.defaults().withDelimiter('"'))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CsvOptions.defaults().withSymbol(" ")).hasMessage("symbol is blank");
    assertThatThrownBy(() -> CsvOptions.defaults().withRepair(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("repair");
  }

  @Test
  void columnsAreByNameOrByIndex() {
    assertThat(ColumnMapping.byIndex(0, 1, 2, 3, 4, -1).volume()).isNull();
    assertThat(ColumnMapping.byName("d", "o", "h", "l", "c", "v").volume().name()).isEqualTo("v");
    assertThatThrownBy(() -> ColumnMapping.Column.at(-2))
        .hasMessage("column index must be >= 0, got -2");
    assertThatThrownBy(() -> new ColumnMapping.Column("x", 3))
        .hasMessage("column has both name 'x' and index 3; give one");
    assertThatThrownBy(() -> ColumnMapping.byName("d", "o", "h", "l", " ", null))
        .hasMessage("column name is blank");
  }

  @Test
  void reportsValidateTheirCounts() {
    Path f = Path.of("x.csv");
    assertThatThrownBy(() -> new DataQualityReport(f, "X", RepairMode.DROP, 3, 4, List.of()))
        .hasMessage("need 0 <= rowsKept <= rowsRead, got rowsKept=4 rowsRead=3");
    assertThatThrownBy(
            () ->
                new DataIssue(
                    f, 0, "open", "1", DataIssue.Kind.BLANK_FIELD, "r", DataIssue.Action.NONE))
        .hasMessage("line must be >= 1, got 0");
    assertThatThrownBy(
            () ->
                new DataFormatException(
                    List.of(new DataQualityReport(f, "X", RepairMode.FAIL, 1, 1, List.of()))))
        .hasMessage("no report has an issue");
  }
}
