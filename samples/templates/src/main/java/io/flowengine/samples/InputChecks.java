package io.flowengine.samples;

import io.flowengine.ContentCheck;
import io.flowengine.samples.gltf.GlbFormatException;
import io.flowengine.samples.gltf.GlbReader;
import io.flowengine.samples.image.ImageDecoding;
import java.io.IOException;
import java.nio.CharBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The upload checks of the three reference templates: a prompt has a visible character, an image's
 * header decodes as its type, a GLB's header and JSON chunk parse. Each refuses what the step would
 * fail on later; a sample that cannot settle the question is let through. Stateless and
 * thread-safe.
 */
final class InputChecks {
  /** Enough for any prompt's first visible character and most JPEG metadata before the frame. */
  private static final int IMAGE_SAMPLE = 1 << 20;

  /** A GLB's JSON chunk is parsed when it lies within the first 4 MiB. */
  private static final int GLB_SAMPLE = 4 << 20;

  private InputChecks() {}

  /** A prompt must hold a character that is neither white space nor a control character. */
  static ContentCheck prompt() {
    return sample -> {
      CharBuffer text;
      try {
        text =
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .decode(sample.head());
      } catch (IOException e) {
        return Optional.of("the prompt is not text: " + e.getMessage());
      }
      if (text.codePoints().anyMatch(InputChecks::visible) || !sample.complete()) {
        return Optional.empty();
      }
      return Optional.of(
          sample.length() == 0
              ? "the prompt is empty"
              : "the prompt has no visible character, only white space or control characters");
    };
  }

  private static boolean visible(int codePoint) {
    int type = Character.getType(codePoint);
    return !Character.isWhitespace(codePoint)
        && !Character.isSpaceChar(codePoint)
        && type != Character.CONTROL
        && type != Character.FORMAT
        && type != Character.UNASSIGNED
        && codePoint != 0xFFFD;
  }

  /** An image must open as its declared type, with a header that gives a size within limits. */
  static ContentCheck image() {
    return ContentCheck.sampling(
        IMAGE_SAMPLE,
        sample -> {
          try {
            ImageDecoding.checkHeader(sample.bytes(), sample.mediaType(), sample.complete());
            return Optional.empty();
          } catch (IOException e) {
            return Optional.of(String.valueOf(e.getMessage()));
          }
        });
  }

  /** A GLB must have a valid header and, where the sample holds it, a JSON chunk that parses. */
  static ContentCheck glb() {
    return ContentCheck.sampling(
        GLB_SAMPLE,
        sample -> {
          try {
            GlbReader.checkStart(sample.bytes(), sample.complete());
            return Optional.empty();
          } catch (GlbFormatException e) {
            return Optional.of(String.valueOf(e.getMessage()));
          }
        });
  }
}
