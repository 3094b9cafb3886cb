package io.flowengine.samples.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Test support: checks a GLB's container (header, chunk layout, the JSON chunk a UTF-8 JSON object)
 * and what its JSON says against its binary data: the buffer matches the BIN chunk, buffer views
 * lie inside it, every accessor's elements lie inside its view with aligned components, declared
 * {@code min}/{@code max} equal the data's, positions declare them, attributes of a primitive agree
 * in count, indices name existing vertices, normals have unit length, and references between
 * meshes, materials, textures, images and nodes resolve. A subset of what the Khronos validator
 * checks, enough to catch a broken writer in a unit test; it reads the file with its own code, not
 * the templates' reader. Stateless and thread-safe.
 */
public final class GlbStructureCheck {
  private GlbStructureCheck() {}

  /**
   * Returns every problem found in {@code glb}; empty if there is none. A file whose header or
   * chunks are broken has exactly one problem, the first one found.
   */
  public static List<String> problems(byte[] glb) {
    GlbChunks file;
    try {
      file = GlbChunks.parse(glb);
    } catch (StructureProblem e) {
      return List.of(e.getMessage());
    }
    List<String> problems = new ArrayList<>();
    JsonNode asset = JsonValues.object(file.document(), "asset");
    if (!"2.0".equals(asset.path("version").textValue())) {
      problems.add("asset.version is " + asset.get("version") + ", not 2.0");
    }
    List<JsonNode> buffers = file.array("buffers");
    int binLength = file.bin().capacity();
    if (!buffers.isEmpty()) {
      int declared = JsonValues.integer(buffers.get(0), "byteLength", -1);
      if (buffers.get(0).has("uri")) {
        problems.add("buffer 0 of a GLB must not have a uri");
      }
      if (declared < 1 || declared > binLength || binLength - declared > 3) {
        problems.add("buffer 0 declares " + declared + " bytes, BIN chunk has " + binLength);
      }
    }
    List<JsonNode> accessors = file.array("accessors");
    for (int i = 0; i < accessors.size(); i++) {
      checkAccessor(file, i, problems);
    }
    List<JsonNode> meshes = file.array("meshes");
    for (int m = 0; m < meshes.size(); m++) {
      for (JsonNode primitive : JsonValues.elements(meshes.get(m), "primitives")) {
        checkPrimitive(file, "mesh " + m, primitive, problems);
      }
    }
    checkReferences(file, problems);
    return problems;
  }

  private static void checkAccessor(GlbChunks file, int index, List<String> problems) {
    try {
      checkMinMax(file, index, Accessor.of(file, index), problems);
    } catch (StructureProblem e) {
      problems.add(e.getMessage());
    }
  }

  private static void checkMinMax(GlbChunks file, int index, Accessor view, List<String> problems)
      throws StructureProblem {
    JsonNode accessor = file.array("accessors").get(index);
    double[] min = JsonValues.numbers(accessor, "min");
    double[] max = JsonValues.numbers(accessor, "max");
    if (min == null && max == null) {
      return;
    }
    if (min == null || max == null || min.length != view.width() || max.length != view.width()) {
      problems.add(
          "accessor " + index + ": min and max must both have " + view.width() + " values");
      return;
    }
    float[] data = view.floats(file.bin());
    for (int k = 0; k < view.width(); k++) {
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (int e = k; e < data.length; e += view.width()) {
        lo = Math.min(lo, data[e]);
        hi = Math.max(hi, data[e]);
      }
      if (lo != min[k] || hi != max[k]) {
        problems.add(
            "accessor "
                + index
                + " component "
                + k
                + ": declared ["
                + min[k]
                + ", "
                + max[k]
                + "], data ["
                + lo
                + ", "
                + hi
                + "]");
      }
    }
  }

  private static void checkPrimitive(
      GlbChunks file, String where, JsonNode primitive, List<String> problems) {
    JsonNode attributes = JsonValues.object(primitive, "attributes");
    List<JsonNode> accessors = file.array("accessors");
    int position = JsonValues.integer(attributes, "POSITION", -1);
    if (position < 0 || position >= accessors.size()) {
      problems.add(where + ": primitive has no valid POSITION accessor");
      return;
    }
    if (!accessors.get(position).has("min")) {
      problems.add(where + ": POSITION accessor " + position + " has no min/max");
    }
    int vertices = JsonValues.integer(accessors.get(position), "count", -1);
    ByteBuffer bin = file.bin();
    for (var entry : attributes.properties()) {
      int a = JsonValues.index(entry.getValue());
      if (a < 0 || a >= accessors.size()) {
        problems.add(where + ": attribute " + entry.getKey() + " names no accessor");
      } else if (JsonValues.integer(accessors.get(a), "count", -1) != vertices) {
        problems.add(where + ": attribute " + entry.getKey() + " count differs from POSITION's");
      } else if (entry.getKey().equals("NORMAL")) {
        checkUnit(file, a, bin, where, problems);
      }
    }
    if (primitive.has("indices")) {
      try {
        Accessor view = Accessor.of(file, JsonValues.integer(primitive, "indices", -1));
        int[] indices = view.ints(bin);
        if (JsonValues.integer(primitive, "mode", 4) == 4 && indices.length % 3 != 0) {
          problems.add(where + ": " + indices.length + " indices do not make triangles");
        }
        for (int index : indices) {
          if (index < 0 || index >= vertices) {
            problems.add(where + ": index " + index + " outside the " + vertices + " vertices");
            break;
          }
        }
      } catch (StructureProblem e) {
        problems.add(where + ": indices: " + e.getMessage());
      }
    }
    if (primitive.has("material")
        && !inRange(JsonValues.integer(primitive, "material", -1), file.array("materials"))) {
      problems.add(where + ": material " + primitive.get("material") + " does not exist");
    }
  }

  private static void checkUnit(
      GlbChunks file, int accessor, ByteBuffer bin, String where, List<String> problems) {
    try {
      float[] n = Accessor.of(file, accessor).floats(bin);
      for (int i = 0; i + 2 < n.length; i += 3) {
        double length = Math.sqrt(n[i] * n[i] + n[i + 1] * n[i + 1] + n[i + 2] * n[i + 2]);
        if (Math.abs(length - 1) > 0.005) {
          problems.add(where + ": normal " + i / 3 + " has length " + length);
          return;
        }
      }
    } catch (StructureProblem e) {
      problems.add(e.getMessage());
    }
  }

  private static void checkReferences(GlbChunks file, List<String> problems) {
    List<JsonNode> images = file.array("images");
    for (int i = 0; i < images.size(); i++) {
      JsonNode image = images.get(i);
      if (!inRange(JsonValues.integer(image, "bufferView", -1), file.array("bufferViews"))
          || !image.has("mimeType")) {
        problems.add("image " + i + " needs a valid bufferView and a mimeType");
      }
    }
    for (JsonNode texture : file.array("textures")) {
      if (!inRange(JsonValues.integer(texture, "source", -1), images)) {
        problems.add("texture source " + texture.get("source") + " does not exist");
      }
    }
    for (JsonNode material : file.array("materials")) {
      JsonNode pbr = JsonValues.object(material, "pbrMetallicRoughness");
      JsonNode base = JsonValues.object(pbr, "baseColorTexture");
      if (!base.isEmpty()
          && !inRange(JsonValues.integer(base, "index", -1), file.array("textures"))) {
        problems.add("material " + material.get("name") + ": texture does not exist");
      }
    }
    for (JsonNode node : file.array("nodes")) {
      if (node.has("mesh")
          && !inRange(JsonValues.integer(node, "mesh", -1), file.array("meshes"))) {
        problems.add("node " + node.get("name") + ": mesh does not exist");
      }
    }
    for (JsonNode scene : file.array("scenes")) {
      for (JsonNode n : JsonValues.elements(scene, "nodes")) {
        if (!inRange(JsonValues.index(n), file.array("nodes"))) {
          problems.add("scene node " + n + " does not exist");
        }
      }
    }
  }

  private static boolean inRange(int index, List<?> list) {
    return index >= 0 && index < list.size();
  }
}
