package io.watchline.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.IHelpSectionRenderer;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Help text that never breaks a word, path or option across two lines, so that whatever a user
 * copies from {@code --help} still works when pasted. picocli wraps with the JDK's line
 * BreakIterator, which breaks after a dot or a colon inside a word ({@code sites.|yaml},
 * {@code auto|0.|17}). Here every section is rendered unwrapped and then wrapped at spaces only;
 * an indented line of the description or footer (an example command) is never wrapped: it may
 * run past the width, the terminal folds it for display and a copy still gets one line. Prose
 * wrapped by hand keeps its line breaks when it fits and is reflowed as a paragraph when not.
 */
final class HelpLayout {
  private HelpLayout() {}

  /** Wide enough that picocli wraps nothing. */
  private static final int UNWRAPPED = 10_000;

  /** Sections laid out as two columns (names, then descriptions). */
  private static final Set<String> TABLES = Set.of(
      UsageMessageSpec.SECTION_KEY_OPTION_LIST,
      UsageMessageSpec.SECTION_KEY_PARAMETER_LIST,
      UsageMessageSpec.SECTION_KEY_COMMAND_LIST,
      UsageMessageSpec.SECTION_KEY_AT_FILE_PARAMETER,
      UsageMessageSpec.SECTION_KEY_END_OF_OPTIONS,
      UsageMessageSpec.SECTION_KEY_EXIT_CODE_LIST);

  /** Installs the layout on a command and all its subcommands. */
  static void install(CommandLine cl) {
    Set<CommandLine> done = Collections.newSetFromMap(new IdentityHashMap<>());
    install(cl, done);
  }

  private static void install(CommandLine cl, Set<CommandLine> done) {
    if (!done.add(cl)) {
      return; // an alias: the same command again
    }
    Map<String, IHelpSectionRenderer> sections = new LinkedHashMap<>();
    cl.getHelpSectionMap().forEach((key, renderer) -> sections.put(key, wrapping(key, renderer)));
    cl.setHelpSectionMap(sections);
    cl.getSubcommands().values().forEach(sub -> install(sub, done));
  }

  private static IHelpSectionRenderer wrapping(String key, IHelpSectionRenderer unwrapped) {
    return help -> {
      UsageMessageSpec usage = help.commandSpec().usageMessage();
      int width = usage.width(); // the terminal's, when auto width is on and there is one
      boolean auto = usage.autoWidth();
      usage.autoWidth(false);
      int configured = usage.width();
      String text;
      try {
        usage.width(UNWRAPPED);
        text = unwrapped.render(help);
      } finally {
        usage.width(configured);
        usage.autoWidth(auto);
      }
      if (key.equals(UsageMessageSpec.SECTION_KEY_SYNOPSIS)) {
        // The heading ("Usage: ") is printed on the synopsis' first line, before this text.
        int heading = help.synopsisHeadingLength();
        int indent = heading + help.commandSpec().qualifiedName().length() + 1;
        return wrap(" ".repeat(heading) + text, width, indent).substring(heading);
      }
      if (TABLES.contains(key)) {
        return wrap(text, width, descriptionColumn(text) + 2);
      }
      return reflow(text, width);
    };
  }

  /**
   * Prose: lines that start with a space (example commands) are kept as they are; a paragraph
   * (consecutive other lines) is kept as written when it fits, else joined and wrapped as one.
   */
  static String reflow(String text, int width) {
    String[] lines = text.split("\r?\n", -1);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < lines.length; ) {
      int end = i;
      boolean fits = true;
      while (end < lines.length && !lines[end].isBlank() && !lines[end].startsWith(" ")) {
        fits &= lines[end].length() <= width;
        end++;
      }
      if (end == i) {
        out.add(lines[i++]); // blank or indented
      } else {
        List<String> paragraph = Arrays.asList(lines).subList(i, end);
        out.add(fits ? String.join(System.lineSeparator(), paragraph) : wrap(String.join(" ", paragraph), width, 0));
        i = end;
      }
    }
    return String.join(System.lineSeparator(), out);
  }

  /**
   * Wraps each line longer than {@code width} at spaces, continuation lines indented by
   * {@code indent}. A word longer than the room stays whole on its own line.
   */
  static String wrap(String text, int width, int indent) {
    String nl = System.lineSeparator();
    String[] lines = text.split("\r?\n", -1);
    StringBuilder out = new StringBuilder(text.length() + 64);
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        out.append(nl);
      }
      String line = lines[i];
      if (line.length() <= width) {
        out.append(line);
        continue;
      }
      String pad = " ".repeat(Math.min(indent, width / 2));
      int from = leadingSpaces(line); // never break inside the line's own indentation
      while (line.length() > width) {
        int cut = line.lastIndexOf(' ', width);
        if (cut <= from) {
          cut = line.indexOf(' ', width); // one word wider than the room: keep it whole
          if (cut < 0) {
            break;
          }
        }
        String head = line.substring(0, cut).stripTrailing();
        String rest = line.substring(cut).stripLeading();
        if (head.isBlank() || rest.isEmpty()) {
          break;
        }
        out.append(head).append(nl);
        line = pad + rest;
        from = pad.length();
      }
      out.append(line);
    }
    return out.toString();
  }

  /**
   * Where a two-column table's descriptions start: after the run of two or more spaces that
   * follows the name on the first row that has both (the column is the same on every row).
   * Wrapped description lines go two further in, as picocli indents them.
   */
  static int descriptionColumn(String table) {
    for (String line : table.split("\r?\n")) {
      int start = leadingSpaces(line);
      int column = line.indexOf("  ", start);
      if (start < line.length() && column > start) {
        while (column < line.length() && line.charAt(column) == ' ') {
          column++;
        }
        return column;
      }
    }
    return 0;
  }

  private static int leadingSpaces(String line) {
    int n = 0;
    while (n < line.length() && line.charAt(n) == ' ') {
      n++;
    }
    return n;
  }
}
