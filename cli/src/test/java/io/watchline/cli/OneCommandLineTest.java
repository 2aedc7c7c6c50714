package io.watchline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** A run builds only the command it names; that command must behave as in the full command line. */
class OneCommandLineTest {
  @Test
  void theTableNamesEachCommandAsItsAnnotationDoes() {
    Main.COMMANDS.forEach((name, type) -> {
      CommandLine.Command c = type.getAnnotation(CommandLine.Command.class);
      assertThat(c.name()).as(type.getName()).isEqualTo(name);
      assertThat(c.aliases()).as("aliases of " + name + " are not routed to the one-command line").isEmpty();
    });
  }

  @Test
  void theFirstWordThatIsNoOptionPicksTheCommand() {
    assertThat(Main.commandNamed(new String[] {"ingest", "a.ff"})).isEqualTo("ingest");
    assertThat(Main.commandNamed(new String[] {"--debug", "fuse", "-"})).isEqualTo("fuse");
    assertThat(Main.commandNamed(new String[] {"help", "ingest"})).isNull();
    assertThat(Main.commandNamed(new String[] {"ingset"})).isNull(); // picocli suggests from all commands
    assertThat(Main.commandNamed(new String[] {"--", "ingest"})).isNull();
    assertThat(Main.commandNamed(new String[] {"--version"})).isEmpty();
    assertThat(Main.commandNamed(new String[] {"--version", "ingest"})).isEqualTo("ingest");
    assertThat(Main.commandNamed(new String[] {"--help"})).isNull();
  }

  @Test
  void eachCommandAloneHasTheSameOptionsHelpAndSubcommandsAsInTheFullLine() {
    CommandLine full = Main.commandLine();
    assertThat(full.getSubcommands().keySet()).containsExactlyElementsOf(Main.COMMANDS.keySet());
    for (String name : Main.COMMANDS.keySet()) {
      if (name.equals("help")) {
        continue;
      }
      CommandLine alone = Main.commandLine(name);
      assertThat(alone.getSubcommands().keySet()).containsExactly(name);
      CommandLine a = alone.getSubcommands().get(name);
      CommandLine f = full.getSubcommands().get(name);
      assertThat(describe(a.getCommandSpec())).as(name).isEqualTo(describe(f.getCommandSpec()));
      assertThat(usage(a)).as(name).isEqualTo(usage(f));
    }
  }

  @Test
  void theVersionNeedsNoCommand() {
    for (CommandLine cl : List.of(Main.commandLine(), Main.commandLine(""))) {
      StringWriter out = new StringWriter();
      cl.setOut(new PrintWriter(out, true));
      assertThat(cl.execute("--version")).isZero();
      assertThat(out.toString()).startsWith("watchline ").contains("Java ");
    }
    assertThat(Main.commandLine("").getSubcommands()).isEmpty();
  }

  @Test
  void oneCommandRunsAndReportsUsageErrorsAsBefore() {
    for (CommandLine cl : List.of(Main.commandLine(), Main.commandLine("ingest"))) {
      StringWriter err = new StringWriter();
      cl.setErr(new PrintWriter(err, true));
      assertThat(cl.execute("ingest", "--max-bad", "x", "a.ff")).isEqualTo(ExitCode.USAGE);
      assertThat(err.toString()).contains("watchline: Invalid value for option '--max-bad'")
          .contains("Try 'watchline ingest --help'");
    }
  }

  /** Every option (hidden deprecated spellings and inherited --debug included) and subcommand, recursively. */
  private static String describe(CommandSpec spec) {
    StringBuilder sb = new StringBuilder(spec.qualifiedName()).append(':');
    spec.options().forEach(o -> sb.append(' ').append(String.join("|", o.names())).append(o.hidden() ? "(h)" : "")
        .append(o.inherited() ? "(i)" : "").append('=').append(o.defaultValue()));
    spec.positionalParameters().forEach(p -> sb.append(" [").append(p.paramLabel()).append(']'));
    new TreeMap<>(spec.subcommands()).forEach((n, sub) -> sb.append('\n').append(describe(sub.getCommandSpec())));
    return sb.toString();
  }

  private static String usage(CommandLine cl) {
    StringWriter w = new StringWriter();
    cl.usage(new PrintWriter(w), CommandLine.Help.Ansi.OFF);
    return w.toString();
  }
}
