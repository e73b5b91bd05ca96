package dev.alphapulse.research.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearcherTest {
  static final ParameterSpace MIXED =
      ParameterSpace.of(
          "a", Domain.uniform(-1, 1),
          "b", Domain.randint(1, 9),
          "c", Domain.loguniform(0.01, 10),
          "d", Domain.quniform(0, 1, 0.25),
          "e", Domain.choice("x", "y", "z"),
          "f", Domain.fixed("const"),
          "g", Domain.lograndint(2, 200));

  static final List<SearcherSpec> ALL =
      List.of(
          new SearcherSpec.Random(), SearcherSpec.Tpe.defaults(), SearcherSpec.CmaEs.defaults());

  /** Runs a searcher on a toy objective and returns everything it proposed. */
  static List<Candidate> drive(Searcher s, int rounds, int batch) {
    List<Candidate> all = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      List<Candidate> cs = s.ask(batch);
      all.addAll(cs);
      for (Candidate c : cs) {
        Map<String, Object> p = c.params();
        double a = ((Number) p.get("a")).doubleValue();
        double b = ((Number) p.get("b")).doubleValue();
        s.tell(
            c.trialId(),
            -(a - 0.3) * (a - 0.3) - (b - 4) * (b - 4) + (p.get("e").equals("y") ? 1 : 0));
      }
    }
    return all;
  }

  @Test
  void gridEnumeratesTheCartesianProductExactlyFirstParameterSlowest() {
    ParameterSpace space =
        ParameterSpace.of(
            "p", Domain.grid(10, 20),
            "q", Domain.choice("x", "y"),
            "r", Domain.fixed(7),
            "s", Domain.randint(1, 3));
    Searcher g = new SearcherSpec.Grid().create(space, 0);
    List<Candidate> all = new ArrayList<>(g.ask(5));
    all.addAll(g.ask(100));
    assertThat(g.isExhausted()).isTrue();
    assertThat(g.ask(3)).isEmpty();
    assertThat(all).hasSize(12);
    assertThat(all.stream().map(Candidate::trialId))
        .containsExactlyElementsOf(java.util.stream.LongStream.range(0, 12).boxed().toList());
    assertThat(all.get(0).params())
        .containsExactly(
            Map.entry("p", 10), Map.entry("q", "x"), Map.entry("r", 7), Map.entry("s", 1));
    assertThat(all.get(1).params()).containsEntry("s", 2);
    assertThat(all.get(3).params()).containsEntry("q", "y").containsEntry("s", 1);
    assertThat(all.get(11).params())
        .containsEntry("p", 20)
        .containsEntry("q", "y")
        .containsEntry("s", 3);
    assertThat(all.stream().map(Candidate::params).distinct().count()).isEqualTo(12);
  }

  @Test
  void gridRejectsContinuousDomainsNamingTheField() {
    assertThatThrownBy(
            () -> new SearcherSpec.Grid().create(ParameterSpace.of("x", Domain.uniform(0, 1)), 0))
        .isInstanceOf(ResearchSpecException.class)
        .hasMessageStartingWith("search-space.x.uniform:");
  }

  @Test
  void everySearcherIsDeterministicPerSeedAndStaysInsideTheDomains() {
    for (SearcherSpec spec : ALL) {
      List<Candidate> one = drive(spec.create(MIXED, 42), 10, 7);
      List<Candidate> two = drive(spec.create(MIXED, 42), 10, 7);
      List<Candidate> other = drive(spec.create(MIXED, 43), 10, 7);
      assertThat(one).as(spec.name()).isEqualTo(two);
      assertThat(one).as(spec.name()).isNotEqualTo(other);
      for (Candidate c : one) {
        MIXED
            .domains()
            .forEach(
                (name, d) ->
                    assertThat(d.contains(c.params().get(name)))
                        .as("%s %s=%s", spec.name(), name, c.params().get(name))
                        .isTrue());
        assertThat(c.params().keySet()).containsExactlyElementsOf(MIXED.names());
      }
    }
  }

  @Test
  void tellChecksIds() {
    Searcher s = SearcherSpec.Tpe.defaults().create(MIXED, 1);
    List<Candidate> cs = s.ask(2);
    s.tell(cs.get(1).trialId(), 1.0);
    assertThatThrownBy(() -> s.tell(cs.get(1).trialId(), 2.0))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> s.tell(99, 2.0)).isInstanceOf(IllegalArgumentException.class);
    s.tell(cs.get(0).trialId(), Double.NaN); // a failure is accepted and ranks last
  }

  @Test
  void tpeConcentratesOnTheGoodRegionIncludingCategoricals() {
    List<Candidate> all = drive(SearcherSpec.Tpe.defaults().create(MIXED, 7), 20, 5);
    List<Candidate> late = all.subList(50, 100);
    long goodChoice = late.stream().filter(c -> c.params().get("e").equals("y")).count();
    long nearB =
        late.stream().filter(c -> Math.abs((Integer) c.params().get("b") - 4) <= 1).count();
    assertThat(goodChoice).isGreaterThan(25); // random: ~17 of 50
    assertThat(nearB).isGreaterThan(25); // random: ~17 of 50
  }

  @Test
  void cmaEsConvergesOnAShiftedSphere() {
    ParameterSpace space =
        ParameterSpace.of(
            "x", Domain.uniform(-5, 5), "y", Domain.uniform(-5, 5), "z", Domain.uniform(-5, 5));
    Searcher s = SearcherSpec.CmaEs.defaults().create(space, 3);
    double best = Double.NEGATIVE_INFINITY;
    for (int r = 0; r < 60; r++) {
      for (Candidate c : s.ask(7)) {
        double x = (Double) c.params().get("x") - 1.5;
        double y = (Double) c.params().get("y") + 2;
        double z = (Double) c.params().get("z") - 0.5;
        double f = -(x * x + y * y + z * z);
        best = Math.max(best, f);
        s.tell(c.trialId(), f);
      }
    }
    assertThat(best).isGreaterThan(-1e-4);
  }
}
