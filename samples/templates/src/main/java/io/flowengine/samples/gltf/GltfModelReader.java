package io.flowengine.samples.gltf;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowengine.samples.mesh.LinearColor;
import io.flowengine.samples.mesh.Material;
import io.flowengine.samples.mesh.Mesh;
import io.flowengine.samples.mesh.MeshPart;
import io.flowengine.samples.mesh.Model;
import io.flowengine.samples.mesh.Texture;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns a {@link GlbFile} into a {@link Model}: every triangle primitive of every mesh the default
 * scene draws, with node transforms applied to positions and normals (mirroring transforms flip the
 * winding), positions, normals and first texture coordinates, and PBR materials with an embedded
 * PNG or JPEG base-colour texture. Without a scene, each mesh is taken once, untransformed.
 * Stateless and thread-safe.
 */
public final class GltfModelReader {
  private GltfModelReader() {}

  /**
   * Reads a GLB into a model.
   *
   * @throws GlbFormatException if the bytes are not a GLB or use something not supported (sparse
   *     accessors, non-triangle primitives, external buffers)
   */
  public static Model read(byte[] glb) throws GlbFormatException {
    return read(GlbReader.read(glb));
  }

  /**
   * Reads a parsed GLB into a model.
   *
   * @throws GlbFormatException if a referenced element is missing or not supported
   */
  public static Model read(GlbFile file) throws GlbFormatException {
    List<MeshPart> parts = new ArrayList<>();
    Map<Integer, Material> materials = new HashMap<>();
    List<JsonNode> scenes = file.array("scenes");
    if (scenes.isEmpty()) {
      for (int m = 0; m < file.array("meshes").size(); m++) {
        addMesh(file, m, NodeMatrix.IDENTITY, materials, parts);
      }
    } else {
      int scene = JsonFields.integer(file.document(), "scene", 0);
      if (scene < 0 || scene >= scenes.size()) {
        throw new GlbFormatException("scene " + scene + " does not exist");
      }
      for (JsonNode root : JsonFields.elements(scenes.get(scene), "nodes")) {
        addNode(file, toIndex(root), NodeMatrix.IDENTITY, materials, parts, 0);
      }
    }
    String name = "model";
    List<JsonNode> meshes = file.array("meshes");
    if (!meshes.isEmpty()) {
      name = JsonFields.string(meshes.get(0), "name", name);
    }
    return new Model(name, parts, Map.of());
  }

  private static void addNode(
      GlbFile file,
      int index,
      double[] parent,
      Map<Integer, Material> materials,
      List<MeshPart> parts,
      int depth)
      throws GlbFormatException {
    List<JsonNode> nodes = file.array("nodes");
    if (index < 0 || index >= nodes.size() || depth > 64) {
      throw new GlbFormatException("node " + index + " does not exist or nests too deep");
    }
    JsonNode node = nodes.get(index);
    double[] world = NodeMatrix.multiply(parent, NodeMatrix.local(node));
    if (node.has("mesh")) {
      addMesh(file, JsonFields.integer(node, "mesh", -1), world, materials, parts);
    }
    for (JsonNode child : JsonFields.elements(node, "children")) {
      addNode(file, toIndex(child), world, materials, parts, depth + 1);
    }
  }

  private static void addMesh(
      GlbFile file,
      int index,
      double[] world,
      Map<Integer, Material> materials,
      List<MeshPart> parts)
      throws GlbFormatException {
    List<JsonNode> meshes = file.array("meshes");
    if (index < 0 || index >= meshes.size()) {
      throw new GlbFormatException("mesh " + index + " does not exist");
    }
    for (JsonNode primitive : JsonFields.elements(meshes.get(index), "primitives")) {
      int mode = JsonFields.integer(primitive, "mode", 4);
      if (mode != 4) {
        throw new GlbFormatException(
            "primitive mode " + mode + " is not supported (only triangles)");
      }
      Mesh mesh = mesh(file, primitive, world);
      int materialIndex = JsonFields.integer(primitive, "material", -1);
      Material material = materialIndex < 0 ? Material.plain() : materials.get(materialIndex);
      if (material == null) {
        material = material(file, materialIndex);
        materials.put(materialIndex, material);
      }
      if (material.baseColorTexture() != null && !mesh.hasTexCoords()) {
        material =
            new Material(
                material.name(),
                material.baseColor(),
                material.metallic(),
                material.roughness(),
                null);
      }
      parts.add(new MeshPart(mesh, material));
    }
  }

  private static Mesh mesh(GlbFile file, JsonNode primitive, double[] world)
      throws GlbFormatException {
    JsonNode attributes = JsonFields.object(primitive, "attributes");
    ByteBuffer bin = file.bin();
    if (!attributes.has("POSITION")) {
      throw new GlbFormatException("a primitive has no POSITION");
    }
    float[] positions = vec(file, attributes, "POSITION", 3, bin);
    float[] normals = attributes.has("NORMAL") ? vec(file, attributes, "NORMAL", 3, bin) : null;
    float[] uv = attributes.has("TEXCOORD_0") ? vec(file, attributes, "TEXCOORD_0", 2, bin) : null;
    int[] indices;
    if (primitive.has("indices")) {
      indices = AccessorView.of(file, JsonFields.integer(primitive, "indices", -1)).ints(bin);
    } else {
      indices = new int[positions.length / 3 - positions.length / 3 % 3];
      for (int i = 0; i < indices.length; i++) {
        indices[i] = i;
      }
    }
    if (!NodeMatrix.isIdentity(world)) {
      NodeMatrix.transformPoints(world, positions);
      if (normals != null) {
        NodeMatrix.transformNormals(world, normals);
      }
      if (NodeMatrix.determinant3(world) < 0) {
        for (int i = 0; i + 2 < indices.length; i += 3) {
          int swap = indices[i + 1];
          indices[i + 1] = indices[i + 2];
          indices[i + 2] = swap;
        }
      }
    }
    try {
      return new Mesh(positions, normals, uv, indices);
    } catch (IllegalArgumentException e) {
      throw new GlbFormatException("inconsistent primitive: " + e.getMessage(), e);
    }
  }

  private static float[] vec(
      GlbFile file, JsonNode attributes, String name, int width, ByteBuffer bin)
      throws GlbFormatException {
    AccessorView view = AccessorView.of(file, JsonFields.integer(attributes, name, -1));
    if (view.width() != width) {
      throw new GlbFormatException(
          name + " must have " + width + " components, has " + view.width());
    }
    return view.floats(bin);
  }

  private static Material material(GlbFile file, int index) throws GlbFormatException {
    List<JsonNode> materials = file.array("materials");
    if (index >= materials.size()) {
      throw new GlbFormatException("material " + index + " does not exist");
    }
    JsonNode material = materials.get(index);
    JsonNode pbr = JsonFields.object(material, "pbrMetallicRoughness");
    double[] factor = JsonFields.numbers(pbr, "baseColorFactor");
    LinearColor color =
        factor != null && factor.length == 4
            ? new LinearColor(
                clamp(factor[0]), clamp(factor[1]), clamp(factor[2]), clamp(factor[3]))
            : LinearColor.WHITE;
    @Nullable Texture texture = null;
    JsonNode base = JsonFields.object(pbr, "baseColorTexture");
    if (!base.isEmpty()) {
      texture = texture(file, JsonFields.integer(base, "index", -1));
    }
    return new Material(
        JsonFields.string(material, "name", "material" + index),
        color,
        clamp(JsonFields.number(pbr, "metallicFactor", 1)),
        clamp(JsonFields.number(pbr, "roughnessFactor", 1)),
        texture);
  }

  private static @Nullable Texture texture(GlbFile file, int index) throws GlbFormatException {
    List<JsonNode> textures = file.array("textures");
    if (index < 0 || index >= textures.size()) {
      throw new GlbFormatException("texture " + index + " does not exist");
    }
    int source = JsonFields.integer(textures.get(index), "source", -1);
    List<JsonNode> images = file.array("images");
    if (source < 0 || source >= images.size()) {
      return null;
    }
    JsonNode image = images.get(source);
    String mime = JsonFields.string(image, "mimeType", "");
    int viewIndex = JsonFields.integer(image, "bufferView", -1);
    List<JsonNode> views = file.array("bufferViews");
    if (viewIndex < 0
        || viewIndex >= views.size()
        || !(mime.equals("image/png") || mime.equals("image/jpeg"))) {
      return null;
    }
    JsonNode view = views.get(viewIndex);
    int offset = JsonFields.integer(view, "byteOffset", 0);
    int length = JsonFields.integer(view, "byteLength", -1);
    if (offset < 0 || length < 0 || (long) offset + length > file.binary().capacity()) {
      throw new GlbFormatException("image " + source + " lies outside the BIN chunk");
    }
    byte[] bytes = new byte[length];
    file.bin().get(offset, bytes);
    return new Texture(mime, bytes);
  }

  private static float clamp(double value) {
    return (float) Math.clamp(Double.isNaN(value) ? 0 : value, 0.0, 1.0);
  }

  private static int toIndex(JsonNode value) throws GlbFormatException {
    int index = JsonFields.index(value);
    if (index < 0 || index == Integer.MAX_VALUE) {
      throw new GlbFormatException("bad index " + value);
    }
    return index;
  }
}
