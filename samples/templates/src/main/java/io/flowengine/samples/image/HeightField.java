package io.flowengine.samples.image;

import io.flowengine.samples.WorkMonitor;
import java.awt.image.BufferedImage;

/**
 * Heights in [0, 1] on a grid of {@code columns + 1} by {@code rows + 1} samples, row 0 at the top
 * of the image: each sample the mean luminance (times alpha) of the pixels around it, smoothed once
 * with a 3x3 tent filter so single-pixel noise does not become spikes. The array is not copied;
 * immutable under that rule and thread-safe.
 *
 * @param columns cells across
 * @param rows cells down
 * @param heights {@code (columns + 1) * (rows + 1)} values, row by row
 */
@SuppressWarnings("ArrayRecordComponent") // large grid data, never compared or hashed by value
public record HeightField(int columns, int rows, float[] heights) {
  /**
   * Checks the array length.
   *
   * @throws IllegalArgumentException if it does not match the grid
   */
  public HeightField {
    if (columns < 1 || rows < 1 || heights.length != (columns + 1) * (rows + 1)) {
      throw new IllegalArgumentException(
          "a "
              + columns
              + " x "
              + rows
              + " grid needs "
              + (columns + 1) * (rows + 1)
              + " heights, got "
              + heights.length);
    }
  }

  /** Returns the height at column {@code i}, row {@code j}. */
  public float at(int i, int j) {
    return heights[j * (columns + 1) + i];
  }

  /**
   * Samples {@code image} on a grid whose longer side has {@code cells} cells: each sample is the
   * mean over the pixels within half a cell of it (at least one pixel), from a summed-area table,
   * so images smaller than the grid work too. Meant for images already scaled to a few times the
   * grid (see {@link ImageScaling#fit}).
   *
   * @throws InterruptedException if {@code monitor} says to stop
   */
  public static HeightField of(BufferedImage image, int cells, WorkMonitor monitor)
      throws InterruptedException {
    int w = image.getWidth();
    int h = image.getHeight();
    int columns = Math.max(1, w >= h ? cells : (int) Math.round((double) cells * w / h));
    int rows = Math.max(1, h >= w ? cells : (int) Math.round((double) cells * h / w));
    double[] table = new double[(w + 1) * (h + 1)];
    int[] line = new int[w];
    for (int y = 0; y < h; y++) {
      image.getRGB(0, y, w, 1, line, 0, w);
      double rowSum = 0;
      for (int x = 0; x < w; x++) {
        rowSum += luminance(line[x]);
        table[(y + 1) * (w + 1) + x + 1] = table[y * (w + 1) + x + 1] + rowSum;
      }
      if ((y & 63) == 0) {
        monitor.progress(0.5 * y / h);
        monitor.checkpoint();
      }
    }
    float[] raw = new float[(columns + 1) * (rows + 1)];
    for (int j = 0; j <= rows; j++) {
      int y0 = Math.clamp((long) Math.floor((j - 0.5) * h / rows), 0, h - 1);
      int y1 = Math.clamp((long) Math.ceil((j + 0.5) * h / rows), y0 + 1, h);
      for (int i = 0; i <= columns; i++) {
        int x0 = Math.clamp((long) Math.floor((i - 0.5) * w / columns), 0, w - 1);
        int x1 = Math.clamp((long) Math.ceil((i + 0.5) * w / columns), x0 + 1, w);
        double sum =
            table[y1 * (w + 1) + x1]
                - table[y0 * (w + 1) + x1]
                - table[y1 * (w + 1) + x0]
                + table[y0 * (w + 1) + x0];
        raw[j * (columns + 1) + i] = (float) (sum / ((double) (x1 - x0) * (y1 - y0)));
      }
      monitor.progress(0.5 + 0.5 * j / rows);
    }
    return new HeightField(columns, rows, smooth(raw, columns, rows));
  }

  private static double luminance(int argb) {
    double alpha = ((argb >>> 24) & 255) / 255.0;
    double r = ((argb >> 16) & 255) / 255.0;
    double g = ((argb >> 8) & 255) / 255.0;
    double b = (argb & 255) / 255.0;
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) * alpha;
  }

  private static float[] smooth(float[] raw, int columns, int rows) {
    float[] out = new float[raw.length];
    for (int j = 0; j <= rows; j++) {
      for (int i = 0; i <= columns; i++) {
        double total = 0;
        double weight = 0;
        for (int dj = -1; dj <= 1; dj++) {
          for (int di = -1; di <= 1; di++) {
            int x = i + di;
            int y = j + dj;
            if (x >= 0 && x <= columns && y >= 0 && y <= rows) {
              double w = (2 - Math.abs(di)) * (2 - Math.abs(dj));
              total += raw[y * (columns + 1) + x] * w;
              weight += w;
            }
          }
        }
        out[j * (columns + 1) + i] = (float) (total / weight);
      }
    }
    return out;
  }
}
