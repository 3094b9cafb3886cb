package io.flowengine.samples.gltf;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowengine.samples.mesh.Bounds;
import io.flowengine.samples.mesh.Material;
import io.flowengine.samples.mesh.Mesh;
import io.flowengine.samples.mesh.MeshPart;
import io.flowengine.samples.mesh.Model;
import io.flowengine.samples.mesh.Texture;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.IdentityHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes a {@link Model} as a glTF 2.0 binary (GLB): one scene with one node and one mesh whose
 * primitives are the model's parts; positions, normals, texture coordinates and indices in tightly
 * packed, 4-byte aligned buffer views of the single binary buffer; PBR metallic-roughness
 * materials; textures embedded as buffer views. The output depends only on the model, byte for
 * byte. Stateless and thread-safe.
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
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final BinaryChunk bin = new BinaryChunk();
    private final ArrayNode bufferViews = JSON.arrayNode();
    private final ArrayNode accessors = JSON.arrayNode();
    private final ArrayNode materials = JSON.arrayNode();
    private final ArrayNode textures = JSON.arrayNode();
    private final ArrayNode images = JSON.arrayNode();
    private final IdentityHashMap<Material, Integer> materialIndex = new IdentityHashMap<>();
    private final IdentityHashMap<Texture, Integer> textureIndex = new IdentityHashMap<>();
    private final ObjectNode root = JSON.objectNode();

    Assembly(Model model) {
      ObjectNode asset = root.putObject("asset");
      asset.put("version", "2.0");
      asset.put("generator", "flowengine samples");
      if (!model.extras().isEmpty()) {
        asset.set("extras", extras(model.extras()));
      }
      root.put("scene", 0);
      root.putArray("scenes").addObject().putArray("nodes").add(0);
      root.putArray("nodes").addObject().put("name", model.name()).put("mesh", 0);
      ObjectNode mesh = root.putArray("meshes").addObject().put("name", model.name());
      ArrayNode primitives = mesh.putArray("primitives");
      for (MeshPart part : model.parts()) {
        primitives.add(primitive(part));
      }
      root.set("accessors", accessors);
      root.set("bufferViews", bufferViews);
      root.putArray("buffers").addObject().put("byteLength", bin.size());
      root.set("materials", materials);
      if (!textures.isEmpty()) {
        root.set("textures", textures);
        root.set("images", images);
        root.putArray("samplers")
            .addObject()
            .put("magFilter", 9729)
            .put("minFilter", 9987)
            .put("wrapS", 10497)
            .put("wrapT", 10497);
      }
    }

    private static ObjectNode extras(Map<String, Object> extras) {
      ObjectNode out = JSON.objectNode();
      extras.forEach(
          (key, value) -> {
            switch (value) {
              case String text -> out.put(key, text);
              case Boolean bool -> out.put(key, bool);
              case Integer number -> out.put(key, number);
              case Long number -> out.put(key, number);
              case Number number -> out.set(key, JsonFields.number(number.doubleValue()));
              default ->
                  throw new IllegalArgumentException(
                      "extras."
                          + key
                          + " is a "
                          + value.getClass().getName()
                          + ", not a string, number or boolean");
            }
          });
      return out;
    }

    private ObjectNode primitive(MeshPart part) {
      Mesh mesh = part.mesh();
      if (part.material().baseColorTexture() != null && !mesh.hasTexCoords()) {
        throw new IllegalArgumentException("a textured part needs texture coordinates: " + mesh);
      }
      ObjectNode primitive = JSON.objectNode();
      ObjectNode attributes = primitive.putObject("attributes");
      Bounds b = mesh.bounds();
      attributes.put(
          "POSITION",
          floatAccessor(
              mesh.positions(),
              3,
              new float[] {b.minX(), b.minY(), b.minZ()},
              new float[] {b.maxX(), b.maxY(), b.maxZ()}));
      float[] normals = mesh.normals();
      if (normals != null) {
        attributes.put("NORMAL", floatAccessor(normals, 3, null, null));
      }
      float[] texCoords = mesh.texCoords();
      if (texCoords != null) {
        attributes.put("TEXCOORD_0", floatAccessor(texCoords, 2, null, null));
      }
      primitive.put("indices", indexAccessor(mesh));
      primitive.put("material", material(part.material()));
      primitive.put("mode", 4);
      return primitive;
    }

    private int floatAccessor(
        float[] data, int width, float @Nullable [] min, float @Nullable [] max) {
      int view = bin.floats(data);
      bufferViews
          .addObject()
          .put("buffer", 0)
          .put("byteOffset", bin.offsetOf(view))
          .put("byteLength", data.length * 4)
          .put("target", ARRAY_BUFFER);
      ObjectNode accessor =
          accessors
              .addObject()
              .put("bufferView", bufferViews.size() - 1)
              .put("componentType", FLOAT)
              .put("count", data.length / width)
              .put("type", width == 3 ? "VEC3" : "VEC2");
      if (min != null && max != null) {
        accessor.set("min", floats(min));
        accessor.set("max", floats(max));
      }
      return accessors.size() - 1;
    }

    private int indexAccessor(Mesh mesh) {
      boolean small = mesh.vertexCount() <= 65535;
      int[] indices = mesh.indices();
      int view = small ? bin.shorts(indices) : bin.ints(indices);
      bufferViews
          .addObject()
          .put("buffer", 0)
          .put("byteOffset", bin.offsetOf(view))
          .put("byteLength", indices.length * (small ? 2 : 4))
          .put("target", ELEMENT_ARRAY_BUFFER);
      accessors
          .addObject()
          .put("bufferView", bufferViews.size() - 1)
          .put("componentType", small ? UNSIGNED_SHORT : UNSIGNED_INT)
          .put("count", indices.length)
          .put("type", "SCALAR");
      return accessors.size() - 1;
    }

    private int material(Material material) {
      Integer known = materialIndex.get(material);
      if (known != null) {
        return known;
      }
      ObjectNode pbr = JSON.objectNode();
      var c = material.baseColor();
      pbr.set("baseColorFactor", floats(new float[] {c.red(), c.green(), c.blue(), c.alpha()}));
      Texture texture = material.baseColorTexture();
      if (texture != null) {
        pbr.putObject("baseColorTexture").put("index", texture(texture));
      }
      pbr.set("metallicFactor", JsonFields.number(material.metallic()));
      pbr.set("roughnessFactor", JsonFields.number(material.roughness()));
      materials.addObject().put("name", material.name()).set("pbrMetallicRoughness", pbr);
      materialIndex.put(material, materials.size() - 1);
      return materials.size() - 1;
    }

    private int texture(Texture texture) {
      Integer known = textureIndex.get(texture);
      if (known != null) {
        return known;
      }
      int view = bin.bytes(texture.bytes());
      bufferViews
          .addObject()
          .put("buffer", 0)
          .put("byteOffset", bin.offsetOf(view))
          .put("byteLength", texture.bytes().length);
      images
          .addObject()
          .put("bufferView", bufferViews.size() - 1)
          .put("mimeType", texture.mimeType());
      textures.addObject().put("sampler", 0).put("source", images.size() - 1);
      textureIndex.put(texture, textures.size() - 1);
      return textures.size() - 1;
    }

    /** Floats as the decimals of their double widening, so they read back exactly. */
    private static ArrayNode floats(float[] values) {
      ArrayNode out = JSON.arrayNode(values.length);
      for (float value : values) {
        out.add(JsonFields.number(value));
      }
      return out;
    }

    byte[] toGlb() {
      byte[] json = JsonFields.write(root);
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
}
