package io.flowengine.samples.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class EarClipperTest {
  private static final Ring SQUARE = new Ring(new double[] {0, 0, 4, 0, 4, 4, 0, 4});
  private static final Ring HOLE = new Ring(new double[] {1, 1, 1, 3, 3, 3, 3, 1});

  @Test
  void squareWithHole_coversExactlyTheRing() {
    PolygonWithHoles polygon = new PolygonWithHoles(SQUARE, List.of(HOLE));
    int[] triangles = EarClipper.triangulate(polygon);
    assertThat(triangles.length / 3).isEqualTo(8 - 2 + 2);
    assertThat(area(polygon, triangles)).isCloseTo(16 - 4, Offset.offset(1e-12));
  }

  @Test
  void concaveOutline_isTriangulatedCounterClockwise() {
    Ring comb =
        new Ring(
            new double[] {0, 0, 5, 0, 5, 3, 4, 3, 4, 1, 3, 1, 3, 3, 2, 3, 2, 1, 1, 1, 1, 3, 0, 3});
    PolygonWithHoles polygon = new PolygonWithHoles(comb, List.of());
    int[] triangles = EarClipper.triangulate(polygon);
    assertThat(triangles.length / 3).isEqualTo(12 - 2);
    assertThat(area(polygon, triangles)).isCloseTo(comb.signedArea(), Offset.offset(1e-12));
  }

  @Test
  void collinearCornersOnTheBridgeLine_areKept() {
    // The hole's leftmost point lies level with an outer corner: the bridge must not drop it.
    Ring outer = new Ring(new double[] {0, 0, 6, 0, 6, 2, 3, 2, 3, 4, 0, 4, 0, 2, 1, 2});
    Ring hole = new Ring(new double[] {4, 1, 5, 1, 5, 0.5, 4, 0.5}).reversed();
    PolygonWithHoles polygon = RingNesting.group(List.of(outer, hole)).get(0);
    int[] triangles = EarClipper.triangulate(polygon);
    int points = outer.size() + hole.size();
    assertThat(triangles.length / 3).isEqualTo(points - 2 + 2);
  }

  @Test
  void nesting_findsHolesOfTheRightOuterRing() {
    Ring inner = new Ring(new double[] {1.5, 1.5, 2.5, 1.5, 2.5, 2.5, 1.5, 2.5});
    List<PolygonWithHoles> polygons = RingNesting.group(List.of(SQUARE, HOLE, inner));
    assertThat(polygons).hasSize(2);
    assertThat(polygons.get(0).holes()).hasSize(1);
    assertThat(polygons.get(0).holes().get(0).signedArea()).isNegative();
    assertThat(polygons.get(1).outer().signedArea()).isPositive();
  }

  private static double area(PolygonWithHoles polygon, int[] triangles) {
    double[] xy =
        polygon.rings().stream().flatMapToDouble(r -> java.util.Arrays.stream(r.xy())).toArray();
    double total = 0;
    for (int t = 0; t < triangles.length; t += 3) {
      int a = triangles[t];
      int b = triangles[t + 1];
      int c = triangles[t + 2];
      double signed =
          ((xy[2 * b] - xy[2 * a]) * (xy[2 * c + 1] - xy[2 * a + 1])
                  - (xy[2 * c] - xy[2 * a]) * (xy[2 * b + 1] - xy[2 * a + 1]))
              / 2;
      assertThat(signed).as("triangle %d is counter-clockwise", t / 3).isPositive();
      total += signed;
    }
    return total;
  }
}
