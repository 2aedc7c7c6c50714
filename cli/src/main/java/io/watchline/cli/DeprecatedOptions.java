package io.watchline.cli;

import java.util.List;
import java.util.Map;
import java.util.Stack;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Option spellings from before the one grammar of docs/cli.md, kept working for one release as
 * hidden aliases: each one, when used, prints a deprecation note on the command's error stream and
 * is then read exactly as its current spelling (the alias puts the current name back in front of
 * the value, so required options, converters and {@code --out=DIR} all behave as before).
 * Remove an entry after the next release.
 */
final class DeprecatedOptions {
  /**
   * One old spelling.
   *
   * @param command the command's qualified name without "watchline ", e.g. {@code "fuse"}
   * @param old the old option name
   * @param current the name it stands for now
   */
  record Alias(String command, String old, String current) {}

  static final List<Alias> ALIASES = List.of(
      new Alias("ingest", "--out", "--output"),
      new Alias("ingest", "--format", "--input-format"),
      new Alias("validate", "--format", "--input-format"),
      new Alias("fuse", "--to", "--format"),
      new Alias("export", "--to", "--format"),
      new Alias("replay", "--to", "--send"),
      new Alias("coverage", "--out", "--output-dir"),
      new Alias("simulate", "-o", "--output-dir"),
      new Alias("simulate", "--out", "--output-dir"),
      new Alias("demo", "-o", "--output-dir"),
      new Alias("demo", "--out", "--output-dir"),
      new Alias("trends", "-o", "--output-dir"),
      new Alias("trends", "--output", "--output-dir"),
      new Alias("plan", "-o", "--output-dir"),
      new Alias("plan", "--output", "--output-dir"));

  private DeprecatedOptions() {}

  /** Adds every alias to its command under {@code root}. */
  static void install(CommandLine root) {
    for (Alias a : ALIASES) {
      CommandLine cmd = root.getSubcommands().get(a.command());
      if (cmd == null) {
        if (Main.COMMANDS.containsKey(a.command())) {
          continue; // a command line built for one other command only
        }
        throw new IllegalStateException("deprecated option " + a.old() + " names no command " + a.command());
      }
      CommandSpec spec = cmd.getCommandSpec();
      if (spec.findOption(a.current()) == null || spec.findOption(a.old()) != null) {
        throw new IllegalStateException(a.command() + ": " + a.current() + " must exist and " + a.old() + " must be free");
      }
      spec.addOption(OptionSpec.builder(a.old())
          .hidden(true)
          .arity("1")
          .type(String.class)
          .paramLabel(spec.findOption(a.current()).paramLabel())
          .preprocessor((Stack<String> args, CommandSpec s, ArgSpec arg, Map<String, Object> info) -> {
            s.commandLine().getErr().println("watchline " + a.command() + ": " + a.old() + " is deprecated and will be"
                + " removed in the next release; use " + a.current());
            args.push(a.current()); // read on as the current spelling, with the same value
            return true;
          })
          .build());
    }
  }
}
