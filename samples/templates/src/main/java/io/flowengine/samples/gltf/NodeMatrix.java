package io.flowengine.samples.gltf;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/**
 * Column-major 4x4 matrices for glTF node transforms: a node's local matrix (from {@code matrix} or
 * translation, rotation quaternion and scale), products, and applying one to points and normals.
 * Stateless.
 */
final class NodeMatrix {
  static final double[] IDENTITY = {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1};

  private NodeMatrix() {}

  static double[] local(JsonNode node) {
    double[] matrix = JsonFields.numbers(node, "matrix");
    if (matrix != null && matrix.length == 16) {
      return matrix;
    }
    double[] t = orDefault(JsonFields.numbers(node, "translation"), new double[] {0, 0, 0});
    double[] r = orDefault(JsonFields.numbers(node, "rotation"), new double[] {0, 0, 0, 1});
    double[] s = orDefault(JsonFields.numbers(node, "scale"), new double[] {1, 1, 1});
    double x = r[0];
    double y = r[1];
    double z = r[2];
    double w = r[3];
    double[] m = new double[16];
    m[0] = (1 - 2 * (y * y + z * z)) * s[0];
    m[1] = (2 * (x * y + z * w)) * s[0];
    m[2] = (2 * (x * z - y * w)) * s[0];
    m[4] = (2 * (x * y - z * w)) * s[1];
    m[5] = (1 - 2 * (x * x + z * z)) * s[1];
    m[6] = (2 * (y * z + x * w)) * s[1];
    m[8] = (2 * (x * z + y * w)) * s[2];
    m[9] = (2 * (y * z - x * w)) * s[2];
    m[10] = (1 - 2 * (x * x + y * y)) * s[2];
    m[12] = t[0];
    m[13] = t[1];
    m[14] = t[2];
    m[15] = 1;
    return m;
  }

  static double[] multiply(double[] a, double[] b) {
    double[] out = new double[16];
    for (int col = 0; col < 4; col++) {
      for (int row = 0; row < 4; row++) {
        double sum = 0;
        for (int k = 0; k < 4; k++) {
          sum += a[k * 4 + row] * b[col * 4 + k];
        }
        out[col * 4 + row] = sum;
      }
    }
    return out;
  }

  static boolean isIdentity(double[] m) {
    return java.util.Arrays.equals(m, IDENTITY);
  }

  /** Returns the determinant of the upper 3x3 part (negative: the transform mirrors). */
  static double determinant3(double[] m) {
    return m[0] * (m[5] * m[10] - m[9] * m[6])
        - m[4] * (m[1] * m[10] - m[9] * m[2])
        + m[8] * (m[1] * m[6] - m[5] * m[2]);
  }

  static void transformPoints(double[] m, float[] xyz) {
    for (int i = 0; i + 2 < xyz.length; i += 3) {
      double x = xyz[i];
      double y = xyz[i + 1];
      double z = xyz[i + 2];
      xyz[i] = (float) (m[0] * x + m[4] * y + m[8] * z + m[12]);
      xyz[i + 1] = (float) (m[1] * x + m[5] * y + m[9] * z + m[13]);
      xyz[i + 2] = (float) (m[2] * x + m[6] * y + m[10] * z + m[14]);
    }
  }

  /** Transforms normals by the inverse transpose of the upper 3x3 part and renormalises. */
  static void transformNormals(double[] m, float[] xyz) {
    // The cofactor matrix equals det * inverse transpose; the scale drops out on renormalising.
    double c00 = m[5] * m[10] - m[9] * m[6];
    double c01 = m[9] * m[2] - m[1] * m[10];
    double c02 = m[1] * m[6] - m[5] * m[2];
    double c10 = m[8] * m[6] - m[4] * m[10];
    double c11 = m[0] * m[10] - m[8] * m[2];
    double c12 = m[4] * m[2] - m[0] * m[6];
    double c20 = m[4] * m[9] - m[8] * m[5];
    double c21 = m[8] * m[1] - m[0] * m[9];
    double c22 = m[0] * m[5] - m[4] * m[1];
    double sign = Math.signum(determinant3(m));
    for (int i = 0; i + 2 < xyz.length; i += 3) {
      double x = xyz[i];
      double y = xyz[i + 1];
      double z = xyz[i + 2];
      double nx = (c00 * x + c01 * y + c02 * z) * sign;
      double ny = (c10 * x + c11 * y + c12 * z) * sign;
      double nz = (c20 * x + c21 * y + c22 * z) * sign;
      double length = Math.sqrt(nx * nx + ny * ny + nz * nz);
      if (length > 0) {
        xyz[i] = (float) (nx / length);
        xyz[i + 1] = (float) (ny / length);
        xyz[i + 2] = (float) (nz / length);
      }
    }
  }

  private static double[] orDefault(double @Nullable [] value, double[] fallback) {
    return value != null && value.length == fallback.length ? value : fallback;
  }
}
