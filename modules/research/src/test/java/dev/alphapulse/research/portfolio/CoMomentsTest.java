package dev.alphapulse.research.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alphapulse.engine.data.Universe;
import dev.alphapulse.engine.data.synthetic.SyntheticMarket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.stat.correlation.Covariance;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.junit.jupiter.api.Test;

class CoMomentsTest {
  private static final double REL = 1e-12;

  @Test
  void chunkedAndMergedInAnyOrderEqualsOnePassAndCommonsMath() {
    double[][] x = TestData.returns(757, 6, 11);
    CoMoments onePass = CoMoments.of(x);
    double[][] refCov = new Covariance(x).getCovarianceMatrix().getData();
    double[][] refCor = new PearsonsCorrelation(x).getCorrelationMatrix().getData();
    assertClose(onePass.covariance(), refCov, refCov);
    assertClose(onePass.correlation(), refCor, null);

    List<CoMoments> parts = new ArrayList<>();
    for (int[] c : TestData.unevenChunks(x.length, 5)) {
      parts.add(CoMoments.of(x, c[0], c[1]));
    }
    assertThat(parts.size()).isGreaterThan(4);
    for (long seed = 0; seed < 10; seed++) {
      CoMoments left = CoMoments.empty(6);
      for (CoMoments p : TestData.shuffled(parts, seed)) {
        left = left.merge(p);
      }
      CoMoments tree = treeMerge(TestData.shuffled(parts, seed + 100));
      for (CoMoments m : List.of(left, tree)) {
        assertThat(m.count()).isEqualTo(x.length);
        assertClose(m.covariance(), refCov, refCov);
        assertClose(m.covariance(), onePass.covariance(), refCov);
        assertClose(m.correlation(), refCor, null);
        assertClose(new double[][] {m.means()}, new double[][] {onePass.means()}, null);
      }
    }
  }

  @Test
  void mergeIsAssociativeAndEmptyIsItsIdentity() {
    double[][] x = TestData.returns(90, 3, 3);
    CoMoments a = CoMoments.of(x, 0, 10);
    CoMoments b = CoMoments.of(x, 10, 11);
    CoMoments c = CoMoments.of(x, 11, 90);
    double[][] ab_c = a.merge(b).merge(c).covariance();
    double[][] a_bc = a.merge(b.merge(c)).covariance();
    double[][] cba = c.merge(b).merge(a).covariance();
    assertClose(ab_c, a_bc, ab_c);
    assertClose(ab_c, cba, ab_c);
    CoMoments e = CoMoments.empty(3);
    assertThat(e.merge(a).covariance()).isDeepEqualTo(a.covariance());
    assertThat(a.merge(e).covariance()).isDeepEqualTo(a.covariance());
    assertThat(e.merge(e).count()).isZero();
    // merge leaves its inputs unchanged
    double[][] before = a.comoments();
    a.merge(c);
    assertThat(a.comoments()).isDeepEqualTo(before);
  }

  @Test
  void universeCovarianceByTimeChunksEqualsOnePass() {
    Universe u = SyntheticMarket.generate(SyntheticMarket.Spec.of(4, 400, 7L)).universe();
    CoMoments whole = UniverseReturns.coMoments(u, 0, u.size());
    assertThat(whole.count()).isEqualTo(u.size() - 1);
    CoMoments merged = CoMoments.empty(4);
    for (int[] c : TestData.shuffled(TestData.unevenChunks(u.size(), 9), 4)) {
      merged = merged.merge(UniverseReturns.coMoments(u, c[0], c[1]));
    }
    double[][] rows = Arrays.copyOfRange(UniverseReturns.matrix(u), 1, u.size());
    double[][] ref = new Covariance(rows).getCovarianceMatrix().getData();
    assertClose(merged.covariance(), ref, ref);
    assertClose(whole.covariance(), ref, ref);
  }

  @Test
  void degenerateCasesAndValidation() {
    CoMoments one = CoMoments.empty(2).add(new double[] {1, 2});
    assertThat(one.covariance()[0][0]).isNaN();
    assertThat(one.correlation()[0][1]).isNaN();
    CoMoments flat = CoMoments.of(new double[][] {{1, 1}, {1, 2}, {1, 3}});
    assertThat(flat.correlation()[0][1]).isNaN();
    assertThat(flat.correlation()[1][1]).isEqualTo(1.0);
    assertThatThrownBy(() -> CoMoments.empty(0))
        .hasMessageContaining("k (columns) must be >= 1, was 0");
    assertThatThrownBy(() -> CoMoments.empty(2).add(new double[] {1}))
        .hasMessageContaining("row length must be 2, was 1");
    assertThatThrownBy(() -> CoMoments.empty(2).add(new double[] {1, Double.NaN}))
        .hasMessageContaining("column 1 must be finite, was NaN");
    assertThatThrownBy(() -> CoMoments.empty(2).merge(CoMoments.empty(3)))
        .hasMessageContaining("2 and 3 columns");
  }

  private static CoMoments treeMerge(List<CoMoments> parts) {
    if (parts.size() == 1) {
      return parts.get(0);
    }
    int mid = parts.size() / 2;
    return treeMerge(parts.subList(0, mid)).merge(treeMerge(parts.subList(mid, parts.size())));
  }

  /**
   * Entry-wise relative closeness; with {@code cov}, off-diagonal entries are compared relative to
   * {@code sqrt(cov_ii cov_jj)} (a covariance near zero has no meaningful relative error).
   */
  static void assertClose(double[][] actual, double[][] expected, double[][] cov) {
    for (int i = 0; i < expected.length; i++) {
      for (int j = 0; j < expected[i].length; j++) {
        double scale =
            cov == null
                ? Math.max(Math.abs(expected[i][j]), 1e-300)
                : Math.sqrt(cov[i][i] * cov[j][j]);
        if (cov == null && Math.abs(expected[i][j]) < 1) {
          scale = 1; // correlations and means: absolute 1e-12 on a unit scale
        }
        assertThat(Math.abs(actual[i][j] - expected[i][j]))
            .as("entry [%d][%d]: %s vs %s", i, j, actual[i][j], expected[i][j])
            .isLessThanOrEqualTo(REL * scale);
      }
    }
  }
}
