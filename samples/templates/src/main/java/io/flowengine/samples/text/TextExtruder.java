package io.flowengine.samples.text;

import io.flowengine.samples.mesh.Mesh;
import io.flowengine.samples.mesh.MeshBuilder;
import java.util.List;

/**
 * Extrudes flat polygons into a solid: a front cap facing +z, a back cap facing -z (both
 * triangulated with {@link EarClipper}, holes left open) and side walls along every ring. Wall
 * normals are smoothed across corners gentler than {@value #SMOOTH_DEGREES} degrees, so curves look
 * round and corners stay sharp. Optional texture coordinates map the caps planar over a square
 * frame and run the walls along their length. Stateless and thread-safe.
 */
public final class TextExtruder {
  static final double SMOOTH_DEGREES = 35;
  private static final double SMOOTH_COS = Math.cos(Math.toRadians(SMOOTH_DEGREES));

  private TextExtruder() {}

  /**
   * Extrudes {@code polygons}, moved by ({@code dx}, {@code dy}), between z = -depth/2 and z =
   * +depth/2.
   *
   * @param uvFrame the side of the square (in the moved coordinates, centred on the origin) mapped
   *     onto the texture; ignored without texture coordinates
   * @throws IllegalArgumentException if {@code depth} is not positive
   */
  public static Mesh extrude(
      List<PolygonWithHoles> polygons,
      double dx,
      double dy,
      double depth,
      boolean withTexCoords,
      double uvFrame) {
    if (!(depth > 0)) {
      throw new IllegalArgumentException("depth must be positive: " + depth);
    }
    MeshBuilder mesh = new MeshBuilder(true, withTexCoords);
    double half = depth / 2;
    for (PolygonWithHoles polygon : polygons) {
      int[] triangles = EarClipper.triangulate(polygon);
      List<Ring> rings = polygon.rings();
      int front = mesh.vertexCount();
      for (Ring ring : rings) {
        for (int i = 0; i < ring.size(); i++) {
          double x = ring.x(i) + dx;
          double y = ring.y(i) + dy;
          mesh.vertex(x, y, half, 0, 0, 1, 0.5 + x / uvFrame, 0.5 - y / uvFrame);
        }
      }
      int back = mesh.vertexCount();
      for (Ring ring : rings) {
        for (int i = 0; i < ring.size(); i++) {
          double x = ring.x(i) + dx;
          double y = ring.y(i) + dy;
          mesh.vertex(x, y, -half, 0, 0, -1, 0.5 - x / uvFrame, 0.5 - y / uvFrame);
        }
      }
      for (int t = 0; t < triangles.length; t += 3) {
        mesh.triangle(front + triangles[t], front + triangles[t + 1], front + triangles[t + 2]);
        mesh.triangle(back + triangles[t], back + triangles[t + 2], back + triangles[t + 1]);
      }
      for (Ring ring : rings) {
        walls(mesh, ring, dx, dy, half, uvFrame);
      }
    }
    return mesh.build();
  }

  /** Adds the wall quads of one ring; the filled side is on the left of its direction. */
  private static void walls(
      MeshBuilder mesh, Ring ring, double dx, double dy, double half, double uvFrame) {
    int n = ring.size();
    double[] nx = new double[n];
    double[] ny = new double[n];
    double[] arc = new double[n + 1];
    for (int i = 0; i < n; i++) {
      int j = (i + 1) % n;
      double ex = ring.x(j) - ring.x(i);
      double ey = ring.y(j) - ring.y(i);
      double length = Math.hypot(ex, ey);
      arc[i + 1] = arc[i] + length;
      if (length > 0) {
        nx[i] = ey / length;
        ny[i] = -ex / length;
      }
    }
    int startFront = -1;
    int startBack = -1;
    for (int i = 0; i < n; i++) {
      int j = (i + 1) % n;
      if (arc[i + 1] == arc[i]) {
        continue;
      }
      int prev = previousEdge(arc, i, n);
      boolean smoothStart = i > 0 && startFront >= 0 && prev == i - 1 && smooth(nx, ny, prev, i);
      if (!smoothStart) {
        double[] normal = cornerNormal(nx, ny, prev, i, i);
        startFront = wallVertex(mesh, ring, i, dx, dy, half, normal, arc[i], uvFrame);
        startBack = wallVertex(mesh, ring, i, dx, dy, -half, normal, arc[i], uvFrame);
      }
      int next = nextEdge(arc, i, n);
      double[] endNormal = cornerNormal(nx, ny, i, next, i);
      int endFront = wallVertex(mesh, ring, j, dx, dy, half, endNormal, arc[i + 1], uvFrame);
      int endBack = wallVertex(mesh, ring, j, dx, dy, -half, endNormal, arc[i + 1], uvFrame);
      mesh.quad(startFront, startBack, endBack, endFront);
      startFront = endFront;
      startBack = endBack;
    }
  }

  private static int previousEdge(double[] arc, int i, int n) {
    for (int k = 1; k < n; k++) {
      int e = (i - k + n) % n;
      if (arc[e + 1] != arc[e]) {
        return e;
      }
    }
    return i;
  }

  private static int nextEdge(double[] arc, int i, int n) {
    for (int k = 1; k < n; k++) {
      int e = (i + k) % n;
      if (arc[e + 1] != arc[e]) {
        return e;
      }
    }
    return i;
  }

  private static boolean smooth(double[] nx, double[] ny, int a, int b) {
    return nx[a] * nx[b] + ny[a] * ny[b] > SMOOTH_COS;
  }

  /**
   * Returns the normal edge {@code own} has at the corner between edge {@code a} and the following
   * edge {@code b}: their average if the corner is smooth, else the edge's own.
   */
  private static double[] cornerNormal(double[] nx, double[] ny, int a, int b, int own) {
    return smooth(nx, ny, a, b)
        ? new double[] {nx[a] + nx[b], ny[a] + ny[b]}
        : new double[] {nx[own], ny[own]};
  }

  private static int wallVertex(
      MeshBuilder mesh,
      Ring ring,
      int i,
      double dx,
      double dy,
      double z,
      double[] normal,
      double arc,
      double uvFrame) {
    return mesh.vertex(
        ring.x(i) + dx,
        ring.y(i) + dy,
        z,
        normal[0],
        normal[1],
        0,
        arc / uvFrame,
        0.5 - z / uvFrame);
  }
}
