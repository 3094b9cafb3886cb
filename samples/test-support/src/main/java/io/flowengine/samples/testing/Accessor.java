package io.flowengine.samples.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * One accessor of a GLB, resolved against its buffer view and the BIN chunk after checking that
 * every element lies inside both and that components are aligned. Decodes what the samples write:
 * float components, and unsigned byte, short or int indices. Immutable.
 *
 * @param count number of elements
 * @param width components per element (1 for SCALAR, 2 for VEC2, ...)
 * @param componentType the glTF component type code
 * @param start byte offset of the first element in the BIN chunk, or -1 without a buffer view (all
 *     zeros)
 * @param stride bytes from one element to the next
 */
record Accessor(int count, int width, int componentType, long start, int stride) {
  private static final int FLOAT = 5126;

  /**
   * Resolves accessor {@code index} of {@code glb}.
   *
   * @throws StructureProblem if it is malformed or reaches outside its view or the chunk
   */
  static Accessor of(GlbChunks glb, int index) throws StructureProblem {
    List<JsonNode> accessors = glb.array("accessors");
    if (index < 0 || index >= accessors.size()) {
      throw new StructureProblem("accessor " + index + " does not exist");
    }
    JsonNode accessor = accessors.get(index);
    int componentType = JsonValues.integer(accessor, "componentType", -1);
    int size = componentSize(componentType);
    int width = width(accessor.path("type").asText(""));
    int count = JsonValues.integer(accessor, "count", -1);
    if (size < 0 || width < 0 || count < 1) {
      throw new StructureProblem(
          "accessor "
              + index
              + ": bad componentType, type or count: "
              + componentType
              + ", "
              + accessor.get("type")
              + ", "
              + count);
    }
    int elementSize = size * width;
    if (!accessor.has("bufferView")) {
      return new Accessor(count, width, componentType, -1, elementSize);
    }
    int viewIndex = JsonValues.integer(accessor, "bufferView", -1);
    List<JsonNode> views = glb.array("bufferViews");
    if (viewIndex < 0 || viewIndex >= views.size()) {
      throw new StructureProblem(
          "accessor " + index + ": bufferView " + viewIndex + " does not exist");
    }
    JsonNode view = views.get(viewIndex);
    long viewOffset = JsonValues.integer(view, "byteOffset", 0);
    long viewLength = JsonValues.integer(view, "byteLength", -1);
    if (JsonValues.integer(view, "buffer", -1) != 0 || glb.array("buffers").size() != 1) {
      throw new StructureProblem("bufferView " + viewIndex + " must use the GLB's only buffer 0");
    }
    if (viewOffset < 0 || viewLength < 1 || viewOffset + viewLength > glb.bin().capacity()) {
      throw new StructureProblem(
          "bufferView "
              + viewIndex
              + " ["
              + viewOffset
              + ", +"
              + viewLength
              + ") lies outside the "
              + glb.bin().capacity()
              + "-byte BIN chunk");
    }
    int stride = JsonValues.integer(view, "byteStride", elementSize);
    long offset = JsonValues.integer(accessor, "byteOffset", 0);
    if (stride < elementSize || offset < 0 || (viewOffset + offset) % size != 0) {
      throw new StructureProblem(
          "accessor "
              + index
              + ": offset "
              + (viewOffset + offset)
              + " or stride "
              + stride
              + " does not fit its "
              + size
              + "-byte components");
    }
    long end = offset + (long) stride * (count - 1) + elementSize;
    if (end > viewLength) {
      throw new StructureProblem(
          "accessor "
              + index
              + " needs "
              + end
              + " bytes of bufferView "
              + viewIndex
              + ", which has "
              + viewLength);
    }
    return new Accessor(count, width, componentType, viewOffset + offset, stride);
  }

  /**
   * Returns every component of a float accessor.
   *
   * @throws StructureProblem if the components are not floats
   */
  float[] floats(ByteBuffer bin) throws StructureProblem {
    if (componentType != FLOAT) {
      throw new StructureProblem("componentType " + componentType + " where floats belong");
    }
    float[] out = new float[count * width];
    for (int e = 0; start >= 0 && e < count; e++) {
      for (int k = 0; k < width; k++) {
        out[e * width + k] = bin.getFloat((int) (start + (long) e * stride) + 4 * k);
      }
    }
    return out;
  }

  /**
   * Returns every component of an index accessor.
   *
   * @throws StructureProblem if the components are not unsigned integers
   */
  int[] ints(ByteBuffer bin) throws StructureProblem {
    int[] out = new int[count * width];
    int size = componentSize(componentType);
    for (int e = 0; start >= 0 && e < count; e++) {
      for (int k = 0; k < width; k++) {
        int at = (int) (start + (long) e * stride) + k * size;
        out[e * width + k] =
            switch (componentType) {
              case 5121 -> Byte.toUnsignedInt(bin.get(at));
              case 5123 -> Short.toUnsignedInt(bin.getShort(at));
              case 5125 -> bin.getInt(at);
              default ->
                  throw new StructureProblem(
                      "indices must be unsigned integers, not componentType " + componentType);
            };
      }
    }
    return out;
  }

  private static int componentSize(int componentType) {
    return switch (componentType) {
      case 5120, 5121 -> 1;
      case 5122, 5123 -> 2;
      case 5125, 5126 -> 4;
      default -> -1;
    };
  }

  private static int width(String type) {
    return switch (type) {
      case "SCALAR" -> 1;
      case "VEC2" -> 2;
      case "VEC3" -> 3;
      case "VEC4", "MAT2" -> 4;
      case "MAT3" -> 9;
      case "MAT4" -> 16;
      default -> -1;
    };
  }
}
