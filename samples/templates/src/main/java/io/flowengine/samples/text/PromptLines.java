package io.flowengine.samples.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Breaks a prompt into lines for the text mesh: words wrapped at a column limit, words longer than
 * a line split, line breaks in the prompt kept, whitespace collapsed, and at most a given number of
 * lines (the last one ends with an ellipsis when text was cut). Stateless.
 */
public final class PromptLines {
  private PromptLines() {}

  /**
   * Wraps {@code prompt}.
   *
   * @param columns the most characters on one line, at least 1
   * @param maxLines the most lines, at least 1
   * @return the lines, none blank; empty if the prompt has no visible character
   * @throws IllegalArgumentException if a limit is below 1
   */
  public static List<String> wrap(String prompt, int columns, int maxLines) {
    if (columns < 1 || maxLines < 1) {
      throw new IllegalArgumentException("columns and maxLines must be at least 1");
    }
    List<String> lines = new ArrayList<>();
    for (String paragraph : prompt.strip().split("\\R", -1)) {
      StringBuilder line = new StringBuilder();
      for (String word : paragraph.strip().split("\\s+", -1)) {
        if (word.isEmpty()) {
          continue;
        }
        while (word.codePointCount(0, word.length()) > columns) {
          flush(line, lines);
          int cut = word.offsetByCodePoints(0, columns);
          lines.add(word.substring(0, cut));
          word = word.substring(cut);
        }
        int length = line.codePointCount(0, line.length());
        if (length > 0 && length + 1 + word.codePointCount(0, word.length()) > columns) {
          flush(line, lines);
        }
        if (!line.isEmpty()) {
          line.append(' ');
        }
        line.append(word);
      }
      flush(line, lines);
    }
    if (lines.size() > maxLines) {
      List<String> kept = new ArrayList<>(lines.subList(0, maxLines));
      String last = kept.get(maxLines - 1);
      int room = Math.max(0, columns - 1);
      if (last.codePointCount(0, last.length()) > room) {
        last = last.substring(0, last.offsetByCodePoints(0, room));
      }
      kept.set(maxLines - 1, last.strip() + "\u2026");
      return List.copyOf(kept);
    }
    return List.copyOf(lines);
  }

  private static void flush(StringBuilder line, List<String> lines) {
    if (!line.isEmpty()) {
      lines.add(line.toString());
      line.setLength(0);
    }
  }
}
