package io.flowengine.bench;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** How the report prints sizes, times, ratios and rates. Stateless. */
final class Units {
  private Units() {}

  static String sizeLabel(String bytes) {
    long n = Long.parseLong(bytes);
    return n >= 1 << 20 ? (n >> 20) + " MiB" : n >= 1 << 10 ? (n >> 10) + " KiB" : n + " B";
  }

  static String nanos(double ns) {
    if (ns >= 1e6) {
      return millis(ns / 1e6);
    }
    if (ns >= 1e4) {
      return micros(ns / 1e3);
    }
    return String.format(Locale.ROOT, "%.1f ns", ns);
  }

  static String micros(double us) {
    return us >= 1000 ? millis(us / 1000) : String.format(Locale.ROOT, "%.1f µs", us);
  }

  static String millis(double ms) {
    return String.format(Locale.ROOT, ms >= 100 ? "%.0f ms" : "%.2f ms", ms);
  }

  static String times(double ratio) {
    return String.format(Locale.ROOT, ratio >= 10 ? "%.0f×" : "%.2f×", ratio);
  }

  static String rate(double perSecond, String unit) {
    return String.format(Locale.ROOT, "%,.0f %s", perSecond, unit);
  }

  static String throughput(long bytes, double nanos) {
    double mbPerS = bytes / (nanos / 1e9) / 1e6;
    return String.format(Locale.ROOT, mbPerS >= 100 ? "%,.0f MB/s" : "%.1f MB/s", mbPerS);
  }

  static @Nullable String nullIfBlank(String s) {
    return s.isBlank() ? null : s;
  }
}
