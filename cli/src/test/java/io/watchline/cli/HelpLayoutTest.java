package io.watchline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

/** {@code --help} of every command, at 80 and 100 columns: no word, path or option is split. */
class HelpLayoutTest {
  static final int UNWRAPPED = 5_000;

  static Stream<Arguments> helps() {
    List<Arguments> out = new ArrayList<>();
    Set<CommandLine> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<CommandLine> todo = new ArrayList<>(List.of(Main.commandLine()));
    while (!todo.isEmpty()) {
      CommandLine cl = todo.remove(0);
      if (seen.add(cl)) {
        out.add(Arguments.of(cl.getCommandSpec().qualifiedName(), 80));
        out.add(Arguments.of(cl.getCommandSpec().qualifiedName(), 100));
        todo.addAll(cl.getSubcommands().values());
      }
    }
    return out.stream();
  }

  /** The help of a command (by qualified name) with the whole tree set to {@code width}. */
  static String help(String qualifiedName, int width) {
    CommandLine root = Main.commandLine();
    root.setUsageHelpAutoWidth(false);
    root.setUsageHelpWidth(width);
    return find(root, qualifiedName).getUsageMessage(Ansi.OFF);
  }

  static CommandLine find(CommandLine root, String qualifiedName) {
    CommandLine cl = root;
    for (String name : qualifiedName.split(" ")) {
      if (!name.equals(root.getCommandName())) {
        cl = cl.getSubcommands().get(name);
      }
    }
    return cl;
  }

  static List<String> tokens(String text) {
    return Arrays.stream(text.split("\\s+")).filter(t -> !t.isEmpty()).sorted().toList();
  }

  @ParameterizedTest(name = "{0} --help at {1} columns")
  @MethodSource("helps")
  void noTokenIsSplitAndExamplesStayWhole(String command, int width) {
    String help = help(command, width);
    String unwrapped = help(command, UNWRAPPED);
    List<String> lines = help.lines().toList();

    // Wrapping only moves whitespace: the same words, none cut in two.
    assertThat(tokens(help)).as("words of the help at %d columns vs unwrapped", width)
        .isEqualTo(tokens(unwrapped));

    // Example commands (indented lines of the description and footer) are whole lines.
    var spec = find(Main.commandLine(), command).getCommandSpec().usageMessage();
    List<String> examples = new ArrayList<>();
    Stream.concat(Arrays.stream(spec.description()), Arrays.stream(spec.footer()))
        .filter(l -> l.startsWith("  ") && !l.isBlank())
        .forEach(examples::add);
    for (String example : examples) {
      assertThat(lines).as("example line kept whole").contains(example);
    }

    // Everything else fits, unless it is one word wider than the room.
    for (String line : lines) {
      if (line.length() > width && !examples.contains(line)) {
        assertThat(line.strip()).as("over-long line is a single word: %s", line).doesNotContain(" ");
      }
    }
  }

  @Test
  void theIngestExamplesOfTheIssueSurviveAt100Columns() {
    String help = help("watchline ingest", 100);
    assertThat(help).doesNotContain("sites.\n").doesNotContain("rejects.\n").doesNotContain("0.\n");
    assertThat(tokens(help)).contains("sites.yaml", "obs.ndjson");
  }

  @Test
  void wrapBreaksOnlyAtSpacesAndProseKeepsExamplesAndFittingLines() {
    assertThat(HelpLayout.wrap("alpha beta.gamma delta epsilon", 12, 2).lines().toList())
        .containsExactly("alpha", "  beta.gamma", "  delta", "  epsilon");
    assertThat(HelpLayout.wrap("a-very-long-path/with.dots/and:colons x", 10, 4).lines().toList())
        .containsExactly("a-very-long-path/with.dots/and:colons", "    x");
    String prose = "Short line.\nA longer line of prose that\nends here.\n\n  ./watchline ingest a.nmea --sites sites.yaml";
    assertThat(HelpLayout.reflow(prose, 40).lines().toList()).containsExactly("Short line.",
        "A longer line of prose that", "ends here.", "", "  ./watchline ingest a.nmea --sites sites.yaml");
    assertThat(HelpLayout.reflow(prose, 20).lines().toList()).containsExactly("Short line. A longer",
        "line of prose that", "ends here.", "", "  ./watchline ingest a.nmea --sites sites.yaml");
  }
}
