package io.watchline.cli;

import io.watchline.cli.io.RejectReport;
import picocli.CommandLine.Option;

/**
 * A command's output file and where its rejected input records go (a picocli mixin used by every
 * command that writes one file from records it may reject: ingest, fuse, export, merge, share),
 * spelt as docs/cli.md says: {@code -o/--output FILE} ({@code -} is standard output, the
 * default) and {@code --rejects FILE}.
 */
public final class OutputOptions {
  @Option(names = {"-o", "--output"}, paramLabel = "OUT", defaultValue = "-",
      description = "Output file, or - for stdout (default). A file is written to a temporary name, then renamed.")
  String output;

  @Option(names = "--rejects", paramLabel = "FILE",
      description = "Rejected input records as NDJSON, each with its reason and source offset; default:"
          + " <OUT>.rejects.ndjson when there are any, or the first 10 on stderr when the output is stdout.")
  String rejectsFile;

  /** Where rejects are written: --rejects, else beside the output file, else none (stdout). */
  String rejectsPath() {
    return RejectReport.fileFor(rejectsFile, output);
  }
}
