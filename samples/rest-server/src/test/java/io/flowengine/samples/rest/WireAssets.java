package io.flowengine.samples.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.imageio.ImageIO;

/** Content for test requests, and checks of what comes back, in the wire's data URI form. */
final class WireAssets {
  private WireAssets() {}

  static String dataUri(String mediaType, byte[] content) {
    return "data:" + mediaType + ";base64," + Base64.getEncoder().encodeToString(content);
  }

  /** Returns the content of a {@code data:<mediaType>;base64,...} URI, checking its type. */
  static byte[] decode(String dataUri, String mediaType) {
    String prefix = "data:" + mediaType + ";base64,";
    assertThat(dataUri).startsWith(prefix);
    return Base64.getDecoder().decode(dataUri.substring(prefix.length()));
  }

  /** Returns whether {@code bytes} start with the GLB magic {@code glTF}. */
  static boolean isGlb(byte[] bytes) {
    return bytes.length >= 12 && new String(bytes, 0, 4, StandardCharsets.US_ASCII).equals("glTF");
  }

  /** Returns a small real PNG: a 32 x 32 gradient. */
  static byte[] png() {
    BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 32; y++) {
      for (int x = 0; x < 32; x++) {
        image.setRGB(x, y, (x * 8) << 16 | (y * 8) << 8 | 128);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
