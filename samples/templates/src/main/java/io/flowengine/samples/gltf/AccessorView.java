package io.flowengine.samples.gltf;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Where one accessor's elements lie in the binary chunk and how to decode them, after checking that
 * every element lies inside its buffer view and the view inside the buffer. Immutable.
 *
 * @param count number of elements
 * @param width components per element (1 for SCALAR, 2 for VEC2, ...)
 * @param componentType the glTF component type code
 * @param normalized whether integer components map to [0, 1] or [-1, 1]
 * @param start absolute byte offset of the first element in the binary chunk, or -1 if the accessor
 *     has no buffer view (all zeros)
 * @param stride bytes from one element to the next
 */
record AccessorView(
    int count, int width, int componentType, boolean normalized, long start, int stride) {

  /**
   * Resolves accessor {@code index} of {@code file}.
   *
   * @throws GlbFormatException if it is malformed or out of bounds
   */
  static AccessorView of(GlbFile file, int index) throws GlbFormatException {
    List<JsonNode> accessors = file.array("accessors");
    if (index < 0 || index >= accessors.size()) {
      throw new GlbFormatException("accessor " + index + " does not exist");
    }
    JsonNode accessor = accessors.get(index);
    if (accessor.has("sparse")) {
      throw new GlbFormatException("accessor " + index + ": sparse accessors are not supported");
    }
    int componentType = JsonFields.integer(accessor, "componentType", -1);
    int componentSize = componentSize(componentType);
    if (componentSize < 0) {
      throw new GlbFormatException("accessor " + index + ": bad componentType " + componentType);
    }
    int width = width(JsonFields.string(accessor, "type", ""));
    if (width < 0) {
      throw new GlbFormatException("accessor " + index + ": bad type " + accessor.get("type"));
    }
    int count = JsonFields.integer(accessor, "count", -1);
    if (count < 1) {
      throw new GlbFormatException("accessor " + index + ": count must be at least 1: " + count);
    }
    boolean normalized = accessor.path("normalized").booleanValue();
    int elementSize = componentSize * width;
    if (!accessor.has("bufferView")) {
      return new AccessorView(count, width, componentType, normalized, -1, elementSize);
    }
    int viewIndex = JsonFields.integer(accessor, "bufferView", -1);
    List<JsonNode> views = file.array("bufferViews");
    if (viewIndex < 0 || viewIndex >= views.size()) {
      throw new GlbFormatException(
          "accessor " + index + ": bufferView " + viewIndex + " does not exist");
    }
    JsonNode view = views.get(viewIndex);
    long viewOffset = JsonFields.integer(view, "byteOffset", 0);
    long viewLength = JsonFields.integer(view, "byteLength", -1);
    int buffer = JsonFields.integer(view, "buffer", -1);
    if (buffer != 0 || file.array("buffers").size() != 1) {
      throw new GlbFormatException("bufferView " + viewIndex + " must use the GLB's only buffer 0");
    }
    if (viewOffset < 0 || viewLength < 1 || viewOffset + viewLength > file.binary().capacity()) {
      throw new GlbFormatException(
          "bufferView "
              + viewIndex
              + " ["
              + viewOffset
              + ", +"
              + viewLength
              + ") lies outside the "
              + file.binary().capacity()
              + "-byte BIN chunk");
    }
    int stride = JsonFields.integer(view, "byteStride", elementSize);
    if (stride < elementSize) {
      throw new GlbFormatException(
          "bufferView "
              + viewIndex
              + ": byteStride "
              + stride
              + " is smaller than the element size "
              + elementSize);
    }
    long offset = JsonFields.integer(accessor, "byteOffset", 0);
    if (offset % componentSize != 0 || (viewOffset + offset) % componentSize != 0) {
      throw new GlbFormatException(
          "accessor "
              + index
              + ": offset "
              + (viewOffset + offset)
              + " is not aligned to its "
              + componentSize
              + "-byte components");
    }
    long end = offset + (long) stride * (count - 1) + elementSize;
    if (end > viewLength) {
      throw new GlbFormatException(
          "accessor "
              + index
              + " needs "
              + end
              + " bytes of bufferView "
              + viewIndex
              + ", which has "
              + viewLength);
    }
    return new AccessorView(count, width, componentType, normalized, viewOffset + offset, stride);
  }

  /** Returns every component as a float (normalized integers mapped as glTF says). */
  float[] floats(ByteBuffer bin) {
    float[] out = new float[count * width];
    if (start < 0) {
      return out;
    }
    int size = componentSize(componentType);
    for (int e = 0; e < count; e++) {
      int base = (int) (start + (long) e * stride);
      for (int k = 0; k < width; k++) {
        out[e * width + k] = component(bin, base + k * size);
      }
    }
    return out;
  }

  /** Returns every component as an int (for indices). */
  int[] ints(ByteBuffer bin) throws GlbFormatException {
    int[] out = new int[count * width];
    if (start < 0) {
      return out;
    }
    int size = componentSize(componentType);
    for (int e = 0; e < count; e++) {
      int base = (int) (start + (long) e * stride);
      for (int k = 0; k < width; k++) {
        int at = base + k * size;
        out[e * width + k] =
            switch (componentType) {
              case 5121 -> Byte.toUnsignedInt(bin.get(at));
              case 5123 -> Short.toUnsignedInt(bin.getShort(at));
              case 5125 -> bin.getInt(at);
              default ->
                  throw new GlbFormatException(
                      "indices must be unsigned integers, not " + componentType);
            };
      }
    }
    return out;
  }

  private float component(ByteBuffer bin, int at) {
    return switch (componentType) {
      case 5126 -> bin.getFloat(at);
      case 5120 -> normalized ? Math.max(bin.get(at) / 127f, -1f) : bin.get(at);
      case 5121 ->
          normalized ? Byte.toUnsignedInt(bin.get(at)) / 255f : Byte.toUnsignedInt(bin.get(at));
      case 5122 -> normalized ? Math.max(bin.getShort(at) / 32767f, -1f) : bin.getShort(at);
      case 5123 ->
          normalized
              ? Short.toUnsignedInt(bin.getShort(at)) / 65535f
              : Short.toUnsignedInt(bin.getShort(at));
      default -> Integer.toUnsignedLong(bin.getInt(at));
    };
  }

  static int componentSize(int componentType) {
    return switch (componentType) {
      case 5120, 5121 -> 1;
      case 5122, 5123 -> 2;
      case 5125, 5126 -> 4;
      default -> -1;
    };
  }

  static int width(String type) {
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
