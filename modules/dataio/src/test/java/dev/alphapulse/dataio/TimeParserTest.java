package dev.alphapulse.dataio;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimeParserTest {
  private static final TimeParser UTC = TimeParser.auto(ZoneOffset.UTC);

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2004-08-19|2004-08-19T00:00:00Z",
        "2017-04-19 09:00:00|2017-04-19T09:00:00Z",
        "2020-12-15 09:30|2020-12-15T09:30:00Z",
        "2020-12-15T09:30:15.25|2020-12-15T09:30:15.250Z",
        "1950-01-02T05:00:00Z|1950-01-02T05:00:00Z",
        "2020-01-02T10:00:00+02:00|2020-01-02T08:00:00Z",
        "2020-01-02T10:00:00-0530|2020-01-02T15:30:00Z",
        "2020-01-02 10:00:00.123456789|2020-01-02T10:00:00.123Z",
        "20110103 090100|2011-01-03T09:01:00Z",
        "20110103|2011-01-03T00:00:00Z",
        "20110103 0901|2011-01-03T09:01:00Z",
        "1/2/1990|1990-01-02T00:00:00Z",
        "12/31/2021 4:05 |2021-12-31T04:05:00Z",
        "2020/03/04|2020-03-04T00:00:00Z",
        "2020.03.04 23:59:59|2020-03-04T23:59:59Z",
        "2000-2-29|2000-02-29T00:00:00Z",
        "  2020-01-01  |2020-01-01T00:00:00Z",
      })
  void readsTheBuiltInShapes(String text, String expected) {
    assertThat(UTC.parse(text)).isEqualTo(Instant.parse(expected).toEpochMilli());
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(
      strings = {
        "",
        "2013-02-30",
        "1900-02-29",
        "2020-13-01",
        "2020-00-10",
        "2020-01-01 24:00",
        "2020-01-01 12:60",
        "2020-01-01T",
        "2020-01-01 9",
        "2020-01-01x",
        "2020-01-01 10:00:00+25:00",
        "13/1/2020",
        "1/2/90",
        "1325376000",
        "2020-01/01",
        "20110103 09010",
        "yesterday"
      })
  void rejectsWhatIsNotADate(String text) {
    assertThat(UTC.parse(text)).isEqualTo(TimeParser.INVALID);
  }

  @Test
  void wallTimesAreReadInTheGivenZoneAcrossDst() {
    TimeParser ny = TimeParser.auto(ZoneId.of("America/New_York"));
    assertThat(ny.parse("2021-01-04 09:30"))
        .isEqualTo(Instant.parse("2021-01-04T14:30:00Z").toEpochMilli());
    assertThat(ny.parse("2021-07-06 09:30"))
        .isEqualTo(Instant.parse("2021-07-06T13:30:00Z").toEpochMilli());
    // An explicit offset wins over the zone.
    assertThat(ny.parse("2021-07-06T09:30Z"))
        .isEqualTo(Instant.parse("2021-07-06T09:30:00Z").toEpochMilli());
    TimeParser plus2 = TimeParser.auto(ZoneOffset.ofHours(2));
    assertThat(plus2.parse("2021-07-06"))
        .isEqualTo(Instant.parse("2021-07-05T22:00:00Z").toEpochMilli());
  }

  @Test
  void patternsUseDateTimeFormatter() {
    TimeParser dayFirst = TimeParser.ofPattern("dd/MM/yyyy", ZoneOffset.UTC);
    assertThat(dayFirst.parse("02/01/2020"))
        .isEqualTo(Instant.parse("2020-01-02T00:00:00Z").toEpochMilli());
    assertThat(dayFirst.parse("2020-01-02")).isEqualTo(TimeParser.INVALID);
    TimeParser zoned = TimeParser.ofPattern("yyyy-MM-dd HH:mm xxx", ZoneId.of("Asia/Tokyo"));
    assertThat(zoned.parse("2020-01-02 10:00 +01:00"))
        .isEqualTo(Instant.parse("2020-01-02T09:00:00Z").toEpochMilli());
  }

  @Test
  void daysFromCivilAgreesWithLocalDateEveryDayFrom1600To2400() {
    for (LocalDate d = LocalDate.of(1600, 1, 1); d.getYear() < 2400; d = d.plusDays(1)) {
      long days = TimeParser.daysFromCivil(d.getYear(), d.getMonthValue(), d.getDayOfMonth());
      if (days != d.toEpochDay()) {
        assertThat(days).as(d.toString()).isEqualTo(d.toEpochDay());
      }
    }
  }
}
