package io.flowengine.samples.simplify;

import io.flowengine.samples.mesh.Mesh;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * The child JVM of {@link SimplifierHeapTest}: reads a mesh that {@link #write} stored into arrays
 * of exactly its size (so no builder's spare capacity is on the heap), prints the live heap after a
 * full collection, simplifies the mesh and prints the result. Run in a heap just large enough for
 * the input and the simplifier's allowance, it either finishes (exit 0) or runs out of memory.
 */
final class HeapProbe {
  private HeapProbe() {}

  /**
   * Returns the bytes of the mesh's own arrays: positions, normals, texture coordinates, indices.
   */
  static long arrayBytes(Mesh mesh) {
    long floats =
        mesh.positions().length
            + (mesh.normals() == null ? 0 : mesh.normals().length)
            + (mesh.texCoords() == null ? 0 : mesh.texCoords().length);
    return 4 * (floats + mesh.indices().length);
  }

  /**
   * Stores positions, normals and indices (the mesh must have normals and no texture coordinates).
   */
  static void write(Mesh mesh, Path file) throws IOException {
    float[] normals = java.util.Objects.requireNonNull(mesh.normals(), "normals");
    long size = 8 + 4L * (2 * mesh.positions().length + mesh.indices().length);
    try (FileChannel channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ)) {
      MappedByteBuffer out = channel.map(FileChannel.MapMode.READ_WRITE, 0, size);
      out.order(ByteOrder.LITTLE_ENDIAN);
      out.putInt(mesh.vertexCount()).putInt(mesh.triangleCount());
      out.asFloatBuffer().put(mesh.positions()).put(normals);
      out.position(8 + 8 * mesh.positions().length);
      out.asIntBuffer().put(mesh.indices());
      out.force();
    }
  }

  private static Mesh read(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer in =
          channel
              .map(FileChannel.MapMode.READ_ONLY, 0, channel.size())
              .order(ByteOrder.LITTLE_ENDIAN);
      float[] positions = new float[3 * in.getInt(0)];
      float[] normals = new float[positions.length];
      int[] indices = new int[3 * in.getInt(4)];
      in.position(8);
      in.asFloatBuffer().get(positions).get(normals);
      in.position(8 + 8 * positions.length);
      in.asIntBuffer().get(indices);
      return new Mesh(positions, normals, null, indices);
    }
  }

  /** Arguments: the mesh file and the target triangle count. */
  public static void main(String[] args) throws IOException {
    Mesh mesh = read(Path.of(args[0]));
    int target = Integer.parseInt(args[1]);
    System.gc();
    long live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    System.out.printf(
        Locale.ROOT, "input %d bytes, live heap before %d bytes%n", arrayBytes(mesh), live);
    Mesh result = MeshSimplifier.simplify(mesh, target);
    System.out.printf(
        Locale.ROOT, "simplified %d -> %d%n", mesh.triangleCount(), result.triangleCount());
  }
}
