package io.flowengine.samples.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes the image inputs of {@code model_generate_fromimage} with ImageIO: PNG, JPEG and TIFF
 * through the JDK's readers, WEBP through the TwelveMonkeys plugin found on the class path. Refuses
 * images over {@value #MAX_PIXELS} pixels before decoding them. Stateless and thread-safe.
 */
public final class ImageDecoding {
  /** The media types this class decodes. */
  public static final List<String> MEDIA_TYPES =
      List.of("image/png", "image/jpg", "image/jpeg", "image/tiff", "image/webp");

  /** The largest image accepted, in pixels (about 64 megapixels). */
  public static final long MAX_PIXELS = 1L << 26;

  private ImageDecoding() {}

  /**
   * Reads the size of the first image in {@code head}, the start of a {@code mediaType} file, as an
   * upload check: the file must open as that type and, if the size can be read, hold at most {@link
   * #MAX_PIXELS} pixels.
   *
   * @param complete whether {@code head} is the whole file; if not, a header that runs past the
   *     sample is let through (the step decodes the whole file)
   * @throws IOException if the sample shows the file is not a {@code mediaType} image or is too
   *     large
   */
  public static void checkHeader(byte[] head, String mediaType, boolean complete)
      throws IOException {
    String type = mediaType.equals("image/jpg") ? "image/jpeg" : mediaType;
    try (ImageInputStream stream = ImageIO.createImageInputStream(new ByteArrayInputStream(head))) {
      if (stream == null) {
        throw new IOException("cannot open the image stream");
      }
      Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type);
      if (!readers.hasNext()) {
        throw new IOException("no image decoder for " + mediaType + " is installed");
      }
      ImageReader reader = readers.next();
      try {
        if (!reader.getOriginatingProvider().canDecodeInput(stream)) {
          throw new IOException("the content is not a " + mediaType + " image");
        }
        reader.setInput(stream, true, true);
        long pixels;
        try {
          pixels = (long) reader.getWidth(0) * reader.getHeight(0);
        } catch (IOException | RuntimeException e) {
          if (complete) {
            throw new IOException("the " + mediaType + " header does not decode: " + e, e);
          }
          return;
        }
        if (pixels < 1 || pixels > MAX_PIXELS) {
          throw new IOException(
              "the image has "
                  + reader.getWidth(0)
                  + " x "
                  + reader.getHeight(0)
                  + " pixels; 1 to "
                  + MAX_PIXELS
                  + " are accepted");
        }
      } finally {
        reader.dispose();
      }
    }
  }

  /**
   * Decodes the first image of {@code in}, read as {@code mediaType}.
   *
   * @throws IOException if no reader handles the type, the data is not a decodable image, or it is
   *     larger than {@link #MAX_PIXELS}
   */
  public static BufferedImage decode(InputStream in, String mediaType) throws IOException {
    String type = mediaType.equals("image/jpg") ? "image/jpeg" : mediaType;
    try (ImageInputStream stream = ImageIO.createImageInputStream(in)) {
      if (stream == null) {
        throw new IOException("cannot open the image stream");
      }
      Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type);
      if (!readers.hasNext()) {
        throw new IOException("no image decoder for " + mediaType + " is installed");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(stream, true, true);
        long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
        if (pixels > MAX_PIXELS) {
          throw new IOException(
              "the image has "
                  + reader.getWidth(0)
                  + " x "
                  + reader.getHeight(0)
                  + " pixels, more than the "
                  + MAX_PIXELS
                  + " accepted");
        }
        BufferedImage image = reader.read(0);
        if (image == null || image.getWidth() < 1 || image.getHeight() < 1) {
          throw new IOException("the " + mediaType + " input holds no image");
        }
        return image;
      } catch (IllegalArgumentException | IllegalStateException e) {
        throw new IOException("cannot decode the " + mediaType + " input: " + e.getMessage(), e);
      } catch (IOException e) {
        throw new IOException("cannot decode the " + mediaType + " input: " + e.getMessage(), e);
      } finally {
        reader.dispose();
      }
    }
  }
}
