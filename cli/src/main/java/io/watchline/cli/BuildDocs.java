package io.watchline.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Generates the shell completion scripts and roff man pages from the command model itself, so they
 * can never drift from the code. Run by the build in the package phase (see cli/pom.xml):
 * {@code target/completion/watchline.bash}, {@code target/completion/_watchline} (zsh) and {@code
 * target/man/man1/watchline*.1}.
 */
public final class BuildDocs {
  private BuildDocs() {}

  public static void main(String[] args) throws IOException {
    Path target = Path.of(args.length > 0 ? args[0] : "target");
    CommandLine cl = Main.commandLine();
    String bash = AutoComplete.bash("watchline", cl);
    write(target.resolve("completion/watchline.bash"), bash);
    // zsh runs the bash script through bashcompinit.
    write(target.resolve("completion/_watchline"),
        "#compdef watchline\nautoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n" + bash);
    write(target.resolve("man/man1/watchline.1"), manPage(cl, "watchline", List.copyOf(cl.getSubcommands().keySet())));
    for (var e : cl.getSubcommands().entrySet()) {
      if (e.getKey().equals("help")) continue;
      write(target.resolve("man/man1/watchline-" + e.getKey() + ".1"), manPage(e.getValue(), "watchline-" + e.getKey(), List.of()));
    }
  }

  private static void write(Path p, String text) throws IOException {
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
  }

  /** A man(7) page: NAME, SYNOPSIS, DESCRIPTION, OPTIONS, COMMANDS, then the help footer (examples). */
  static String manPage(CommandLine cl, String name, List<String> subcommands) {
    CommandSpec spec = cl.getCommandSpec();
    StringBuilder m = new StringBuilder();
    m.append(".TH ").append(name.toUpperCase(Locale.ROOT)).append(" 1 \"\" \"watchline\" \"Watchline Manual\"\n");
    String[] description = spec.usageMessage().description();
    m.append(".SH NAME\n").append(esc(name)).append(" \\- ").append(esc(summary(spec))).append('\n');
    m.append(".SH SYNOPSIS\n.nf\n").append(esc(cl.getHelp().synopsis(0).strip())).append("\n.fi\n");
    m.append(".SH DESCRIPTION\n");
    for (String line : description) {
      m.append(line.isBlank() ? ".PP" : esc(line)).append('\n');
    }
    if (!spec.positionalParameters().isEmpty() || !spec.options().isEmpty()) {
      m.append(".SH OPTIONS\n");
      for (PositionalParamSpec p : spec.positionalParameters()) {
        m.append(".TP\n\\fI").append(esc(p.paramLabel())).append("\\fR\n").append(esc(String.join(" ", p.description()))).append('\n');
      }
      for (OptionSpec o : spec.options()) {
        if (o.hidden()) continue;
        m.append(".TP\n");
        String[] names = o.names();
        for (int i = 0; i < names.length; i++) {
          if (i > 0) m.append(", ");
          m.append("\\fB").append(esc(names[i])).append("\\fR");
        }
        if (o.arity().max() > 0) m.append("=\\fI").append(esc(o.paramLabel())).append("\\fR");
        m.append('\n').append(esc(expand(o))).append('\n');
      }
    }
    if (!subcommands.isEmpty()) {
      m.append(".SH COMMANDS\n");
      for (String s : subcommands) {
        m.append(".TP\n\\fB").append(esc(s)).append("\\fR\n").append(esc(summary(cl.getSubcommands().get(s).getCommandSpec()))).append('\n');
      }
    }
    String[] footer = spec.usageMessage().footer();
    if (footer.length > 0) {
      m.append(".SH NOTES\n.nf\n");
      for (String line : footer) m.append(esc(line)).append('\n');
      m.append(".fi\n");
    }
    return m.toString();
  }

  private static String expand(OptionSpec o) {
    String d = String.join(" ", o.description());
    return d.replace("${DEFAULT-VALUE}", String.valueOf(o.defaultValue()))
        .replace("${COMPLETION-CANDIDATES}", o.completionCandidates() == null ? "" : String.join(", ", o.completionCandidates()));
  }

  /** The command's header line when it has one, else its first sentence. */
  private static String summary(CommandSpec spec) {
    String[] header = spec.usageMessage().header();
    return header.length > 0 ? header[0] : firstSentence(spec.usageMessage().description());
  }

  private static String firstSentence(String[] lines) {
    String all = String.join(" ", lines).strip();
    int dot = all.indexOf(": ");
    int stop = all.indexOf(". ");
    int end = stop > 0 ? stop : all.endsWith(".") ? all.length() - 1 : all.length();
    return dot > 0 && dot < end ? all.substring(0, dot) : all.substring(0, Math.max(0, end));
  }

  /** roff escapes: backslashes, and a leading dot or quote that would read as a request. */
  private static String esc(String s) {
    String e = s.replace("\\", "\\e").replace("-", "\\-");
    if (e.startsWith(".") || e.startsWith("'")) e = "\\&" + e;
    return e;
  }
}
