package io.flowengine.samples.gltf;

import io.flowengine.samples.json.JsonWriter;
import io.flowengine.samples.mesh.Bounds;
import io.flowengine.samples.mesh.Material;
import io.flowengine.samples.mesh.Mesh;
import io.flowengine.samples.mesh.MeshPart;
import io.flowengine.samples.mesh.Model;
import io.flowengine.samples.mesh.Texture;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link Model} as a glTF 2.0 binary (GLB): one scene with one node and one mesh whose
 * primitives are the model's parts; positions, normals, texture coordinates and indices in
 * tightly packed, 4-byte aligned buffer views of the single binary buffer; PBR
 * metallic-roughness materials; textures embedded as buffer views. The output depends only on
 * the model, byte for byte. Stateless and thread-safe.
 */
public final class GlbWriter {
  static final int MAGIC = 0x46546C67;
  static final int CHUNK_JSON = 0x4E4F534A;
  static final int CHUNK_BIN = 0x004E4942;
  static final int FLOAT = 5126;
  static final int UNSIGNED_SHORT = 5123;
  static final int UNSIGNED_INT = 5125;
  private static final int ARRAY_BUFFER = 34962;
  private static final int ELEMENT_ARRAY_BUFFER = 34963;

  private GlbWriter() {}

  /**
   * Returns the GLB bytes of {@code model}.
   *
   * @throws IllegalArgumentException if a part has a texture but no texture coordinates, or the
   *     binary data would exceed 2 GiB
   */
  public static byte[] write(Model model) {
    return new Assembly(model).toGlb();
  }

  /** Collects the JSON document and the binary chunk while walking the model once. */
  private static final class Assembly {
    private final BinaryChunk bin = new BinaryChunk();
    private final List<Object> bufferViews = new ArrayList<>();
    private final List<Object> accessors = new ArrayList<>();
    private final List<Object> materials = new ArrayList<>();
    private final List<Object> textures = new ArrayList<>();
    private final List<Object> images = new ArrayList<>();
    private final Map<Material, Integer> materialIndex = new IdentityHashMap<>();
    private final Map<Texture, Integer> textureIndex = new IdentityHashMap<>();
    private final Map<String, Object> root = new LinkedHashMap<>();

    Assembly(Model model) {
      Map<String, Object> asset = new LinkedHashMap<>();
      asset.put("version", "2.0");
      asset.put("generator", "flowengine samples");
      if (!model.extras().isEmpty()) {
        asset.put("extras", model.extras());
      }
      root.put("asset", asset);
      root.put("scene", 0);
      root.put("scenes", List.of(Map.of("nodes", List.of(0))));
      root.put("nodes", List.of(ordered("name", model.name(), "mesh", 0)));
      List<Object> primitives = new ArrayList<>();
      for (MeshPart part : model.parts()) {
        primitives.add(primitive(part));
      }
      root.put("meshes", List.of(ordered("name", model.name(), "primitives", primitives)));
      root.put("accessors", accessors);
      root.put("bufferViews", bufferViews);
      root.put("buffers", List.of(Map.of("byteLength", bin.size())));
      root.put("materials", materials);
      if (!textures.isEmpty()) {
        root.put("textures", textures);
        root.put("images", images);
        root.put(
            "samplers",
            List.of(ordered("magFilter", 9729, "minFilter", 9987, "wrapS", 10497, "wrapT", 10497)));
      }
    }

    private Map<String, Object> primitive(MeshPart part) {
      Mesh mesh = part.mesh();
      if (part.material().baseColorTexture() != null && !mesh.hasTexCoords()) {
        throw new IllegalArgumentException("a textured part needs texture coordinates: " + mesh);
      }
      Map<String, Object> attributes = new LinkedHashMap<>();
      Bounds b = mesh.bounds();
      attributes.put(
          "POSITION",
          floatAccessor(
              mesh.positions(), 3, List.of(b.minX(), b.minY(), b.minZ()),
              List.of(b.maxX(), b.maxY(), b.maxZ())));
      float[] normals = mesh.normals();
      if (normals != null) {
        attributes.put("NORMAL", floatAccessor(normals, 3, null, null));
      }
      float[] texCoords = mesh.texCoords();
      if (texCoords != null) {
        attributes.put("TEXCOORD_0", floatAccessor(texCoords, 2, null, null));
      }
      Map<String, Object> primitive = new LinkedHashMap<>();
      primitive.put("attributes", attributes);
      primitive.put("indices", indexAccessor(mesh));
      primitive.put("material", material(part.material()));
      primitive.put("mode", 4);
      return primitive;
    }

    private int floatAccessor(float[] data, int width, List<Float> min, List<Float> max) {
      int view = bin.floats(data);
      bufferViews.add(ordered("buffer", 0, "byteOffset", bin.offsetOf(view), "byteLength",
          data.length * 4, "target", ARRAY_BUFFER));
      Map<String, Object> accessor = new LinkedHashMap<>();
      accessor.put("bufferView", bufferViews.size() - 1);
      accessor.put("componentType", FLOAT);
      accessor.put("count", data.length / width);
      accessor.put("type", width == 3 ? "VEC3" : "VEC2");
      if (min != null) {
        accessor.put("min", min);
        accessor.put("max", max);
      }
      accessors.add(accessor);
      return accessors.size() - 1;
    }

    private int indexAccessor(Mesh mesh) {
      boolean small = mesh.vertexCount() <= 65535;
      int[] indices = mesh.indices();
      int view = small ? bin.shorts(indices) : bin.ints(indices);
      bufferViews.add(ordered("buffer", 0, "byteOffset", bin.offsetOf(view), "byteLength",
          indices.length * (small ? 2 : 4), "target", ELEMENT_ARRAY_BUFFER));
      accessors.add(ordered("bufferView", bufferViews.size() - 1, "componentType",
          small ? UNSIGNED_SHORT : UNSIGNED_INT, "count", indices.length, "type", "SCALAR"));
      return accessors.size() - 1;
    }

    private int material(Material material) {
      Integer known = materialIndex.get(material);
      if (known != null) {
        return known;
      }
      Map<String, Object> pbr = new LinkedHashMap<>();
      var c = material.baseColor();
      pbr.put("baseColorFactor", List.of(c.red(), c.green(), c.blue(), c.alpha()));
      Texture texture = material.baseColorTexture();
      if (texture != null) {
        pbr.put("baseColorTexture", Map.of("index", texture(texture)));
      }
      pbr.put("metallicFactor", material.metallic());
      pbr.put("roughnessFactor", material.roughness());
      materials.add(ordered("name", material.name(), "pbrMetallicRoughness", pbr));
      materialIndex.put(material, materials.size() - 1);
      return materials.size() - 1;
    }

    private int texture(Texture texture) {
      Integer known = textureIndex.get(texture);
      if (known != null) {
        return known;
      }
      int view = bin.bytes(texture.bytes());
      bufferViews.add(ordered("buffer", 0, "byteOffset", bin.offsetOf(view), "byteLength",
          texture.bytes().length));
      images.add(ordered("bufferView", bufferViews.size() - 1, "mimeType", texture.mimeType()));
      textures.add(ordered("sampler", 0, "source", images.size() - 1));
      textureIndex.put(texture, textures.size() - 1);
      return textures.size() - 1;
    }

    byte[] toGlb() {
      byte[] json = JsonWriter.write(root).getBytes(StandardCharsets.UTF_8);
      int jsonPadded = align4(json.length);
      int binLength = bin.size();
      long total = 12L + 8 + jsonPadded + (binLength > 0 ? 8L + binLength : 0);
      if (total > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("GLB would be " + total + " bytes, over 2 GiB");
      }
      ByteBuffer out = ByteBuffer.allocate((int) total).order(ByteOrder.LITTLE_ENDIAN);
      out.putInt(MAGIC).putInt(2).putInt((int) total);
      out.putInt(jsonPadded).putInt(CHUNK_JSON).put(json);
      for (int i = json.length; i < jsonPadded; i++) {
        out.put((byte) ' ');
      }
      if (binLength > 0) {
        out.putInt(binLength).putInt(CHUNK_BIN);
        bin.copyTo(out);
      }
      return out.array();
    }
  }

  static int align4(int n) {
    return (n + 3) & ~3;
  }

  /** Builds a JSON object whose keys keep the order given: key, value, key, value, ... */
  static Map<String, Object> ordered(Object... keyValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put((String) keyValues[i], keyValues[i + 1]);
    }
    return map;
  }
}
