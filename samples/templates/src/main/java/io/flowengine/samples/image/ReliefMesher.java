package io.flowengine.samples.image;

import io.flowengine.samples.WorkMonitor;
import io.flowengine.samples.mesh.Mesh;
import io.flowengine.samples.mesh.MeshBuilder;

/**
 * Builds a closed relief tile from a {@link HeightField}: the top surface follows the heights
 * (smooth normals from central differences, texture coordinates spanning the image), four side
 * walls drop to a flat back at z = 0, and the back is fanned from its centre so every edge meets
 * its neighbour (no T-junctions). The tile is {@code width} wide, centred on the origin in x and y,
 * facing +z. Stateless and thread-safe.
 */
public final class ReliefMesher {
  private ReliefMesher() {}

  /**
   * Returns the relief mesh.
   *
   * @param width the size along x; y follows the grid's aspect ratio
   * @param base the thickness under height 0
   * @param relief the extra thickness at height 1
   * @throws InterruptedException if {@code monitor} says to stop
   */
  public static Mesh mesh(
      HeightField field, double width, double base, double relief, WorkMonitor monitor)
      throws InterruptedException {
    int cols = field.columns();
    int rows = field.rows();
    double cell = width / cols;
    double height = cell * rows;
    Grid grid = new Grid(field, cell, width, height, base, relief);
    MeshBuilder mesh = new MeshBuilder(true, true);
    int first = mesh.vertexCount();
    for (int j = 0; j <= rows; j++) {
      for (int i = 0; i <= cols; i++) {
        double dzdx =
            (grid.z(Math.min(i + 1, cols), j) - grid.z(Math.max(i - 1, 0), j))
                / (cell * (Math.min(i + 1, cols) - Math.max(i - 1, 0)));
        double dzdy =
            (grid.z(i, Math.max(j - 1, 0)) - grid.z(i, Math.min(j + 1, rows)))
                / (cell * (Math.min(j + 1, rows) - Math.max(j - 1, 0)));
        mesh.vertex(
            grid.x(i),
            grid.y(j),
            grid.z(i, j),
            -dzdx,
            -dzdy,
            1,
            (double) i / cols,
            (double) j / rows);
      }
      if ((j & 15) == 0) {
        monitor.progress(0.8 * j / rows);
        monitor.checkpoint();
      }
    }
    for (int j = 0; j < rows; j++) {
      for (int i = 0; i < cols; i++) {
        int a = first + j * (cols + 1) + i;
        int below = a + cols + 1;
        // Top-left a, top-right a+1, bottom-left below, bottom-right below+1; y grows upwards.
        mesh.quad(a, below, below + 1, a + 1);
      }
    }
    walls(mesh, grid, cols, rows);
    monitor.progress(1);
    return mesh.build();
  }

  /** Adds the four walls and the back, walking the rim counter-clockwise seen from the front. */
  private static void walls(MeshBuilder mesh, Grid grid, int cols, int rows) {
    int rimLength = 2 * (cols + rows);
    int[] rimI = new int[rimLength + 1];
    int[] rimJ = new int[rimLength + 1];
    int k = 0;
    for (int j = 0; j < rows; j++, k++) { // left side, top to bottom
      rimI[k] = 0;
      rimJ[k] = j;
    }
    for (int i = 0; i < cols; i++, k++) { // bottom side, left to right
      rimI[k] = i;
      rimJ[k] = rows;
    }
    for (int j = rows; j > 0; j--, k++) { // right side, bottom to top
      rimI[k] = cols;
      rimJ[k] = j;
    }
    for (int i = cols; i > 0; i--, k++) { // top side, right to left
      rimI[k] = i;
      rimJ[k] = 0;
    }
    rimI[k] = 0;
    rimJ[k] = 0;
    int[] backRim = new int[rimLength];
    for (int side = 0; side < 4; side++) {
      int start = side == 0 ? 0 : side == 1 ? rows : side == 2 ? rows + cols : 2 * rows + cols;
      int end =
          side == 0 ? rows : side == 1 ? rows + cols : side == 2 ? 2 * rows + cols : rimLength;
      double nx = side == 0 ? -1 : side == 2 ? 1 : 0;
      double ny = side == 1 ? -1 : side == 3 ? 1 : 0;
      int prevTop = -1;
      int prevBottom = -1;
      for (int r = start; r <= end; r++) {
        int i = rimI[r];
        int j = rimJ[r];
        double u = (double) i / cols;
        double v = (double) j / rows;
        int top = mesh.vertex(grid.x(i), grid.y(j), grid.z(i, j), nx, ny, 0, u, v);
        int bottom = mesh.vertex(grid.x(i), grid.y(j), 0, nx, ny, 0, u, v);
        if (prevTop >= 0) {
          mesh.quad(prevTop, prevBottom, bottom, top);
        }
        prevTop = top;
        prevBottom = bottom;
      }
    }
    for (int r = 0; r < rimLength; r++) {
      double u = 1 - (double) rimI[r] / cols;
      backRim[r] =
          mesh.vertex(grid.x(rimI[r]), grid.y(rimJ[r]), 0, 0, 0, -1, u, (double) rimJ[r] / rows);
    }
    int centre = mesh.vertex(0, 0, 0, 0, 0, -1, 0.5, 0.5);
    for (int r = 0; r < rimLength; r++) {
      mesh.triangle(centre, backRim[(r + 1) % rimLength], backRim[r]);
    }
  }

  /** Positions of grid samples. */
  private record Grid(
      HeightField field, double cell, double width, double height, double base, double relief) {
    double x(int i) {
      return -width / 2 + i * cell;
    }

    double y(int j) {
      return height / 2 - j * cell;
    }

    double z(int i, int j) {
      return base + relief * field.at(i, j);
    }
  }
}
