package io.flowengine.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The form of API key secrets, {@code fe_<key id>_<43 base64url characters>} (256 random bits), and
 * their hashing. The key id in the secret is not secret: it finds the stored hash, which is then
 * compared in constant time. Stateless and thread-safe.
 */
final class ApiKeySecrets {
  private static final Pattern FORM = Pattern.compile("fe_([0-9a-f]{24})_([A-Za-z0-9_-]{43})");
  private static final SecureRandom RANDOM = new SecureRandom();

  private ApiKeySecrets() {}

  static String newSecret(String keyId) {
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    return "fe_" + keyId + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  /** Returns the key id embedded in a well-formed secret, or null if it is malformed. */
  static @Nullable String keyIdOf(String secret) {
    if (secret.length() != 71) {
      return null;
    }
    Matcher matcher = FORM.matcher(secret);
    return matcher.matches() ? matcher.group(1) : null;
  }

  /** Returns the SHA-256 of the secret, as lowercase hex. */
  static String hash(String secret) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** Compares two hashes in time that does not depend on where they differ. */
  static boolean sameHash(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
  }
}
