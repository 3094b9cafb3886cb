package io.flowengine.bench;

import io.flowengine.samples.mesh.Mesh;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * The Java half of the manual comparison with meshoptimizer ({@code
 * engine-benchmarks/meshoptimizer/README.md}): {@code write TRIANGLES FILE} writes {@link
 * SimplifyBenchmark}'s input mesh for {@code compare.mjs}; {@code error MESH RESULT} prints the
 * {@link SurfaceDistance} error of the indices meshoptimizer wrote, the same measure as the
 * benchmark's. Files are little-endian: a mesh is vertex count, triangle count (int32), positions
 * (float32 × 3 per vertex), indices (uint32 × 3 per triangle); a result is a triangle count and its
 * indices.
 */
public final class MeshoptComparison {
  private MeshoptComparison() {}

  /**
   * Runs one of the two commands.
   *
   * @throws IOException if a file cannot be read or written
   */
  @SuppressWarnings("NullAway") // Mesh's normals and texCoords are @Nullable; NullAway here treats
  // the sample-templates classes as unannotated
  public static void main(String[] args) throws IOException {
    if (args.length == 3 && args[0].equals("write")) {
      write(SimplifyBenchmark.sphere(Integer.parseInt(args[1])), Path.of(args[2]));
    } else if (args.length == 3 && args[0].equals("error")) {
      Mesh original = readMesh(Path.of(args[1]));
      Mesh simplified =
          new Mesh(original.positions(), null, null, readIndices(Path.of(args[2]), 0));
      System.out.printf(
          Locale.ROOT,
          "%d -> %d triangles, error %.3e of the diagonal%n",
          original.triangleCount(),
          simplified.triangleCount(),
          SurfaceDistance.relative(original, simplified, 400_000));
    } else {
      throw new IllegalArgumentException("usage: write TRIANGLES FILE | error MESH RESULT");
    }
  }

  private static void write(Mesh mesh, Path file) throws IOException {
    ByteBuffer out =
        ByteBuffer.allocate(8 + 4 * (mesh.positions().length + mesh.indices().length))
            .order(ByteOrder.LITTLE_ENDIAN);
    out.putInt(mesh.vertexCount()).putInt(mesh.triangleCount());
    out.asFloatBuffer().put(mesh.positions());
    out.position(8 + 4 * mesh.positions().length);
    out.asIntBuffer().put(mesh.indices());
    Files.write(file, out.array());
  }

  @SuppressWarnings("NullAway") // as in main
  private static Mesh readMesh(Path file) throws IOException {
    ByteBuffer in = map(file);
    int vertices = in.getInt(0);
    float[] positions = new float[3 * vertices];
    in.position(8);
    in.asFloatBuffer().get(positions);
    return new Mesh(positions, null, null, readIndices(file, 8 + 4 * positions.length - 4));
  }

  /** Reads a triangle count at {@code at} ({@code at - 4} for a mesh: its count is at 4). */
  private static int[] readIndices(Path file, int at) throws IOException {
    ByteBuffer in = map(file);
    int countAt = at == 0 ? 0 : 4;
    int[] indices = new int[3 * in.getInt(countAt)];
    in.position(at == 0 ? 4 : at + 4);
    in.asIntBuffer().get(indices);
    return indices;
  }

  private static ByteBuffer map(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      return channel
          .map(FileChannel.MapMode.READ_ONLY, 0, channel.size())
          .order(ByteOrder.LITTLE_ENDIAN);
    }
  }
}
