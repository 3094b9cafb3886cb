package io.flowengine;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * Content to attach to a flow as an input: a data URI ({@code data:<mime>;base64,...}), plain text
 * ({@code text/plain}), bytes, an {@link InputStream} or a file, with optional user data ({@link
 * #withAdditional}). The engine streams the content into its store: it never holds the decoded
 * payload in memory, and checks size limits while it reads.
 *
 * <p>Instances are immutable. Those made from bytes, text, data URIs and files can be stored any
 * number of times and used from any thread; one made from an {@code InputStream} can be read once.
 */
public final class NewAsset {
  /** Opens the content; called once per store attempt. */
  @FunctionalInterface
  private interface Opener {
    InputStream open() throws IOException;
  }

  private final String mediaType;
  private final long size;
  private final Opener opener;
  private final @Nullable String additional;

  private NewAsset(String mediaType, long size, Opener opener, @Nullable String additional) {
    this.mediaType = mediaType;
    this.size = size;
    this.opener = opener;
    this.additional = additional;
  }

  /**
   * Returns an asset from a base64 data URI such as {@code data:image/png;base64,iVBOR...}. The
   * header is checked now; the payload is decoded, strictly, while the engine stores it.
   *
   * @throws InvalidRequestException if the prefix, media type or encoding declaration is wrong, or
   *     the payload length cannot be base64
   */
  public static NewAsset dataUri(String dataUri) {
    DataUri parsed = DataUri.parse(dataUri);
    return new NewAsset(parsed.mediaType(), parsed.decodedSize(), parsed::openDecoded, null);
  }

  /**
   * Returns an asset the way the reference API reads a {@code data} field: a data URI if it starts
   * with {@code data:}, otherwise plain text ({@code text/plain}).
   *
   * @throws InvalidRequestException if it starts with {@code data:} but is not a valid base64 data
   *     URI
   */
  public static NewAsset of(String dataUriOrText) {
    return DataUri.looksLikeDataUri(dataUriOrText) ? dataUri(dataUriOrText) : text(dataUriOrText);
  }

  /** Returns a {@code text/plain} asset holding {@code text} encoded as UTF-8. */
  public static NewAsset text(String text) {
    return bytes(MediaTypes.TEXT_PLAIN, text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Returns an asset holding {@code content}, which is not copied: do not change it until the asset
   * is stored.
   *
   * @throws InvalidRequestException if {@code mediaType} is not a valid media type
   */
  public static NewAsset bytes(String mediaType, byte[] content) {
    requireNonNull(content, "content");
    return new NewAsset(
        MediaTypes.normalize(mediaType, "mediaType"),
        content.length,
        () -> new ByteArrayInputStream(content),
        null);
  }

  /**
   * Returns an asset read from {@code content}, which can be stored once. The engine reads it to
   * its end (or until a limit is exceeded) and closes it.
   *
   * @throws InvalidRequestException if {@code mediaType} is not a valid media type
   */
  public static NewAsset stream(String mediaType, InputStream content) {
    requireNonNull(content, "content");
    AtomicBoolean used = new AtomicBoolean();
    return new NewAsset(
        MediaTypes.normalize(mediaType, "mediaType"),
        -1,
        () -> {
          if (used.getAndSet(true)) {
            throw new IllegalStateException("a stream asset can be stored only once");
          }
          return content;
        },
        null);
  }

  /**
   * Returns an asset read from {@code file} when it is stored.
   *
   * @throws InvalidRequestException if {@code mediaType} is not a valid media type
   */
  public static NewAsset file(String mediaType, Path file) {
    requireNonNull(file, "file");
    return new NewAsset(
        MediaTypes.normalize(mediaType, "mediaType"), -1, () -> Files.newInputStream(file), null);
  }

  /**
   * Returns an asset read from {@code file}, with the media type guessed from its name ({@code
   * .png}, {@code .jpg}, {@code .glb}, {@code .txt}, ...).
   *
   * @throws InvalidRequestException if the extension is not one the engine knows
   */
  public static NewAsset file(Path file) {
    return file(MediaTypes.fromFileName(file.getFileName().toString()), file);
  }

  /**
   * Returns a copy carrying {@code additional} user data (by convention JSON), which is stored with
   * the asset and copied to outputs derived from it.
   */
  public NewAsset withAdditional(String additional) {
    return new NewAsset(mediaType, size, opener, requireNonNull(additional, "additional"));
  }

  /** Returns the normalized media type, e.g. {@code image/png}. */
  public String mediaType() {
    return mediaType;
  }

  /** Returns the content length if it is known before reading. */
  public OptionalLong size() {
    return size < 0 ? OptionalLong.empty() : OptionalLong.of(size);
  }

  /** Returns the user data, if any. */
  public Optional<String> additional() {
    return Optional.ofNullable(additional);
  }

  /**
   * Opens the content for reading; the engine calls this when it stores the asset. A data URI
   * stream throws {@link InvalidRequestException} when it meets malformed base64.
   *
   * @throws IOException if the content cannot be opened
   * @throws IllegalStateException if this is a stream asset that was already read
   */
  public InputStream openStream() throws IOException {
    return opener.open();
  }

  @Override
  public String toString() {
    return "NewAsset{" + mediaType + (size >= 0 ? ", " + size + " bytes" : "") + "}";
  }
}
