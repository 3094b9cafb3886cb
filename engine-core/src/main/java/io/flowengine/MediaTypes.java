package io.flowengine;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Media type parsing and normalization shared by assets and data URIs. Stateless. */
final class MediaTypes {
  /** The media type of plain text inputs. */
  static final String TEXT_PLAIN = "text/plain";

  // RFC 6838 restricted-name for type and subtype; parameters are accepted and dropped.
  private static final Pattern PARAMETER =
      Pattern.compile(
          "\\s*[a-z0-9!#$&^_.+-]+=(\"[\\x20-\\x7e&&[^\"\\\\]]*\"|[\\x21-\\x7e&&[^;\"]]+)\\s*");

  private static final Map<String, String> BY_EXTENSION =
      Map.ofEntries(
          Map.entry("txt", TEXT_PLAIN),
          Map.entry("json", "application/json"),
          Map.entry("png", "image/png"),
          Map.entry("jpg", "image/jpeg"),
          Map.entry("jpeg", "image/jpeg"),
          Map.entry("tif", "image/tiff"),
          Map.entry("tiff", "image/tiff"),
          Map.entry("webp", "image/webp"),
          Map.entry("glb", "model/gltf-binary"),
          Map.entry("gltf", "model/gltf+json"));

  private MediaTypes() {}

  /**
   * Returns the lower-case {@code type/subtype} of {@code raw}, without parameters.
   *
   * @throws InvalidRequestException naming {@code field} if {@code raw} is not a media type
   */
  static String normalize(String raw, String field) {
    String lower = raw.toLowerCase(Locale.ROOT);
    int semicolon = lower.indexOf(';');
    String essence = (semicolon < 0 ? lower : lower.substring(0, semicolon)).strip();
    if (!isEssence(essence)) {
      throw invalid(raw, field);
    }
    if (semicolon >= 0) {
      for (String parameter : lower.substring(semicolon + 1).split(";", -1)) {
        if (!PARAMETER.matcher(parameter).matches()) {
          throw invalid(raw, field);
        }
      }
    }
    return essence;
  }

  /** RFC 6838 {@code type/subtype}: restricted names of 1-127 characters, lower case here. */
  private static boolean isEssence(String text) {
    int slash = text.indexOf('/');
    return slash > 0
        && isRestrictedName(text, 0, slash)
        && isRestrictedName(text, slash + 1, text.length());
  }

  private static boolean isRestrictedName(String text, int from, int to) {
    if (to - from < 1 || to - from > 127 || !isAlphanumeric(text.charAt(from))) {
      return false;
    }
    for (int i = from + 1; i < to; i++) {
      char c = text.charAt(i);
      if (!isAlphanumeric(c) && "!#$&^_.+-".indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAlphanumeric(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }

  /**
   * Returns the media type for a file name's extension.
   *
   * @throws InvalidRequestException if the extension is unknown
   */
  static String fromFileName(String fileName) {
    int dot = fileName.lastIndexOf('.');
    String type =
        dot < 0 ? null : BY_EXTENSION.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    if (type == null) {
      throw new InvalidRequestException(
          "file",
          "cannot tell the media type of '"
              + fileName
              + "'; known extensions: "
              + BY_EXTENSION.keySet().stream().sorted().toList());
    }
    return type;
  }

  private static InvalidRequestException invalid(String raw, String field) {
    String shown = raw.length() > 80 ? raw.substring(0, 80) + "..." : raw;
    return new InvalidRequestException(
        field, "'" + Violation.printable(shown) + "' is not a media type such as image/png");
  }
}
