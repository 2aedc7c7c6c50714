package io.watchline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Conventions every command keeps (docs/cli.md), and the generated completion and man pages. */
class CommandCraftTest {

  @Test
  void everyCommandHelpHasExamplesThatUseIt() {
    Map<String, CommandLine> commands = Main.commandLine().getSubcommands();
    assertThat(commands).containsKey("export");
    for (var e : commands.entrySet()) {
      if (e.getKey().equals("help")) continue;
      String help = e.getValue().getUsageMessage(CommandLine.Help.Ansi.OFF);
      assertThat(help).as("help of %s", e.getKey()).contains("Examples:").contains("watchline " + e.getKey() + " ");
    }
  }

  @Test
  void everyCommandHasQuietVerboseAndDebug() {
    for (var e : Main.commandLine().getSubcommands().entrySet()) {
      if (e.getKey().equals("help")) continue;
      var spec = e.getValue().getCommandSpec();
      assertThat(spec.findOption("-q")).as("-q on %s", e.getKey()).isNotNull();
      assertThat(spec.findOption("-v")).as("-v on %s", e.getKey()).isNotNull();
      assertThat(spec.findOption("--debug")).as("--debug on %s", e.getKey()).isNotNull();
    }
  }

  @Test
  void buildDocsWritesCompletionAndManPages(@TempDir Path dir) throws Exception {
    BuildDocs.main(new String[] {dir.toString()});
    String bash = Files.readString(dir.resolve("completion/watchline.bash"));
    assertThat(bash).contains("complete -F _complete_watchline").contains("export").contains("--hostile-score");
    assertThat(Files.readString(dir.resolve("completion/_watchline"))).startsWith("#compdef watchline\n");
    String man = Files.readString(dir.resolve("man/man1/watchline-export.1"));
    assertThat(man)
        .startsWith(".TH WATCHLINE-EXPORT 1")
        .contains(".SH SYNOPSIS")
        .contains("\\fB\\-\\-format\\fR=\\fIFORMAT\\fR")
        .doesNotContain("\\-\\-to\\fR") // the old spelling works, hidden from completion and man pages
        .contains("geojson, geojsonseq, csv, kml, gpkg, cot")
        .contains("Examples:");
    assertThat(Files.readString(dir.resolve("man/man1/watchline.1"))).contains(".SH COMMANDS").contains("\\fBexport\\fR");
  }

  @Test
  void progressIsSilentWhenNotATerminal() {
    var err = new java.io.ByteArrayOutputStream();
    var log = new Verbosity().to(new java.io.PrintStream(err, true));
    try (Progress p = log.progress("test", 100)) {
      p.update(50);
    }
    // surefire's stderr is a pipe, not a terminal
    assertThat(err.size()).isZero();
  }

  @Test
  void progressLineShowsBarAndPercentage() {
    Progress p = Progress.create("export", 200, true, new java.io.PrintStream(new java.io.ByteArrayOutputStream()));
    String line = p.line(50, System.nanoTime());
    assertThat(line).startsWith("export [========").contains(" 25%");
  }
}
