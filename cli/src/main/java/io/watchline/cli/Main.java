package io.watchline.cli;

import io.watchline.cli.io.IoErrors;
import io.watchline.cli.io.OutputTarget;
import io.watchline.geo.InvalidValueException;
import io.watchline.sites.SiteConfigException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code watchline} command: a thin shell over the library stages. */
@Command(
    name = "watchline",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    usageHelpAutoWidth = true,
    sortOptions = false,
    description = {
      "Border surveillance sensor data toolkit: reads radar, thermal-camera and patrol-GPS feeds, "
          + "fuses them against the border and writes incident candidates and coverage-gap maps.",
      ""
    },
    footer = {
      "",
      "Run 'watchline COMMAND --help' for a command's options and examples.",
      "Exit codes: 0 ok, 1 runtime failure, 2 usage or configuration error,",
      "            3 bad input: more rejected records than --max-bad allows, or (ingest, fuse,",
      "              export) nothing usable was read,",
      "            4 (nightly) another run holds the output root's lock,",
      "            141 the reader of standard output went away (e.g. '| head -1'); nothing is printed."
    })
public final class Main {
  /**
   * The commands by the name they are called with, sorted by pipeline stage (the order of the
   * help). Registered here rather than in the annotation so that a run builds only its own
   * command's option model: building all of them costs every start ~0.2 s of CPU.
   */
  static final Map<String, Class<?>> COMMANDS = new LinkedHashMap<>();

  static {
    COMMANDS.put("help", CommandLine.HelpCommand.class);
    COMMANDS.put("ingest", IngestCommand.class);
    COMMANDS.put("validate", ValidateCommand.class);
    COMMANDS.put("border", BorderCommand.class);
    COMMANDS.put("sectors", SectorsCommand.class);
    COMMANDS.put("fuse", FuseCommand.class);
    COMMANDS.put("evaluate", EvaluateCommand.class);
    COMMANDS.put("export", ExportCommand.class);
    COMMANDS.put("share", ShareCommand.class);
    COMMANDS.put("merge", MergeCommand.class);
    COMMANDS.put("coverage", CoverageCommand.class);
    COMMANDS.put("nightly", NightlyCommand.class);
    COMMANDS.put("simulate", SimulateCommand.class);
    COMMANDS.put("replay", ReplayCommand.class);
    COMMANDS.put("archive", ArchiveCommand.class);
    COMMANDS.put("trends", TrendsCommand.class);
    COMMANDS.put("plan", PlanCommand.class);
    COMMANDS.put("demo", DemoCommand.class);
    COMMANDS.put("evidence", io.watchline.cli.evidence.EvidenceCommand.class);
  }


  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "Print stack traces for errors (for bug reports).")
  boolean debug;

  public static void main(String[] args) {
    OutputTarget.useRawStdout();
    System.exit(run(args));
  }

  /** Runs the command line and returns the exit code; never calls System.exit (tests use this). */
  public static int run(String... args) {
    return commandLine(commandNamed(args)).execute(args);
  }

  /** The whole command line, every command registered. */
  public static CommandLine commandLine() {
    return commandLine((String) null);
  }

  /**
   * The command named by the first argument that is no option, "" for a bare version request
   * (no command needed), or null (help, no command, an unknown word: picocli then needs them all,
   * to list them or suggest one).
   */
  static String commandNamed(String[] args) {
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      return "";
    }
    for (String a : args) {
      if (a.equals("--")) {
        return null;
      }
      if (!a.startsWith("-")) {
        return COMMANDS.containsKey(a) && !a.equals("help") ? a : null;
      }
    }
    return null;
  }

  /** The command line with only {@code command} registered ("": none), or all of them when it is null. */
  static CommandLine commandLine(String command) {
    CommandLine cl = new CommandLine(new Main());
    for (var e : COMMANDS.entrySet()) {
      if (command == null || command.equals(e.getKey())) {
        cl.addSubcommand(e.getKey(), e.getValue());
      }
    }
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    // Descriptions are wrapped by hand at ~95 columns; without a terminal to measure, picocli
    // assumes 80 and re-breaks every line in two.
    cl.setUsageHelpWidth(100);
    cl.setUsageHelpAutoWidth(true); // every command follows the terminal's width when there is one
    HelpLayout.install(cl);
    DeprecatedOptions.install(cl);
    cl.setExecutionExceptionHandler(Main::handle);
    cl.setParameterExceptionHandler(
        (ex, a) -> {
          PrintWriter err = ex.getCommandLine().getErr();
          err.println("watchline: " + ex.getMessage());
          String dash = dashFileName(ex.getCommandLine().getCommandSpec(), a);
          if (dash != null) {
            err.println("watchline: '" + dash + "' is not an option; put file names that start with '-' after '--': "
                + ex.getCommandLine().getCommandSpec().qualifiedName() + " ... -- " + dash);
          }
          err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.");
          return ExitCode.USAGE;
        });
    return cl;
  }

  /** The first argument before any '--' that looks like a file name starting with '-' and is no option. */
  static String dashFileName(CommandLine.Model.CommandSpec spec, String[] args) {
    for (String arg : args) {
      if (arg.equals("--")) {
        return null;
      }
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      if (arg.length() > 1 && arg.startsWith("-") && (arg.contains(".") || arg.contains("/"))
          && spec.findOption(name) == null) {
        return arg;
      }
    }
    return null;
  }

  private static int handle(Exception thrown, CommandLine cl, CommandLine.ParseResult parsed) {
    // Writers used as callbacks (reject sinks) can only throw unchecked.
    Exception ex = thrown instanceof java.io.UncheckedIOException u ? u.getCause() : thrown;
    PrintWriter err = cl.getErr();
    boolean debug = parsed.matchedOptionValue("--debug", false) || hasDebug(parsed);
    if (ex instanceof OutputTarget.BrokenPipeException && !debug) {
      return ExitCode.BROKEN_PIPE; // '| head': the reader has what it wanted, like any Unix filter
    }
    int code;
    String msg;
    if (ex instanceof UserException ue) {
      code = ue.exitCode();
      msg = ue.getMessage();
    } else if (ex instanceof SiteConfigException || ex instanceof InvalidValueException) {
      // a bad value from the user; any other IllegalArgumentException is a bug: internal error below
      code = ExitCode.USAGE;
      msg = ex.getMessage();
    } else if (ex instanceof NoSuchFileException nf) {
      code = ExitCode.USAGE;
      msg = "no such file: " + nf.getFile();
    } else if (ex instanceof OutputTarget.BrokenPipeException) {
      code = ExitCode.BROKEN_PIPE;
      msg = ex.getMessage();
    } else if (ex instanceof java.nio.file.FileSystemException fs) {
      code = ExitCode.FAILURE;
      msg = (fs.getFile() == null ? "" : fs.getFile() + ": ") + IoErrors.reason(fs);
    } else if (ex instanceof java.io.IOException io) {
      code = ExitCode.FAILURE;
      msg = IoErrors.noSpace(io) && !(io instanceof OutputTarget.WriteFailedException)
          ? "no space left on device (" + io.getMessage() + ")"
          : "I/O error: " + io.getMessage();
    } else if (IoErrors.noSpace(ex)) {
      code = ExitCode.FAILURE; // e.g. SQLite's "database or disk is full" while building a GeoPackage
      msg = "no space left on device (" + ex.getMessage() + ")";
    } else {
      code = ExitCode.FAILURE;
      msg = "internal error: " + ex + (debug ? "" : " (run again with --debug for details)");
    }
    err.println("watchline: " + msg);
    if (debug) {
      ex.printStackTrace(err);
    }
    err.flush();
    return code;
  }

  private static boolean hasDebug(CommandLine.ParseResult parsed) {
    for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--debug")) {
        return true;
      }
    }
    return false;
  }

  /** Version from the jar manifest, or the development marker when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {
        "watchline " + (v == null ? "0.1.0-dev" : v),
        "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
      };
    }
  }
}
