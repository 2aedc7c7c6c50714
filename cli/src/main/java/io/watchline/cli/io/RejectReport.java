package io.watchline.cli.io;

import io.watchline.export.ExportFields;
import io.watchline.feed.Reject;
import io.watchline.feed.RejectSink;
import io.watchline.ndjson.NdjsonWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a command's rejected records go. To a file only when asked ({@code --rejects FILE}) or,
 * by default, next to an output file ({@code -o obs.ndjson} gives {@code obs.ndjson.rejects.ndjson}),
 * and only when there is a reject: a run without rejects leaves no file (and removes the one an
 * earlier run left at that name, so the pair always describes one run). With the output on
 * stdout and no {@code --rejects}, the first {@link #SHOWN} rejects are printed on stderr. In
 * every case the counts per reason are kept and printed by {@link #printCounts}: nothing is lost
 * silently.
 */
public final class RejectReport implements RejectSink, AutoCloseable {
  /** How many rejects are printed on stderr when they go to no file. */
  public static final int SHOWN = 10;
  private static final int MAX_REASONS = 20;

  private final String file;
  private final String command;
  private final PrintWriter err;
  private final Map<String, Long> byReason = new LinkedHashMap<>();
  private long total;
  private OutputTarget target;
  private NdjsonWriter writer;

  private RejectReport(String file, String command, PrintWriter err) {
    this.file = file;
    this.command = command;
    this.err = err;
  }

  /** The rejects file for these options, or null for "stderr only". */
  public static String fileFor(String rejectsOption, String output) {
    if (rejectsOption != null) {
      return rejectsOption;
    }
    if (output == null || OutputTarget.isStdout(output)) {
      return null;
    }
    try {
      return OutputTarget.isSpecial(OutputTarget.resolve(output)) ? null : output + ".rejects.ndjson";
    } catch (IOException e) {
      return output + ".rejects.ndjson";
    }
  }

  /** Checked up front (exit 2 for a folder or a read-only file); the file itself opens on the first reject. */
  public static RejectReport open(String file, String command, PrintWriter err) throws IOException {
    OutputTarget.checkWritable(file);
    return new RejectReport(file, command, err);
  }

  @Override
  public void reject(Reject r) {
    total++;
    String reason = byReason.size() < MAX_REASONS || byReason.containsKey(r.reason()) ? r.reason() : "other reasons";
    byReason.merge(reason, 1L, Long::sum);
    if (file == null) {
      if (total <= SHOWN) {
        err.println(command + ": rejected " + ExportFields.source(r.src()) + ": " + r.reason());
      }
      return;
    }
    try {
      if (writer == null) {
        target = OutputTarget.open(file);
        writer = new NdjsonWriter(target.stream());
      }
      writer.reject(r);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a sink cannot throw checked exceptions; unwrapped by the command
    }
  }

  public long count() {
    return total;
  }

  /** The file the rejects went to, or null when none was written. */
  public String writtenTo() {
    return writer == null ? null : file;
  }

  /**
   * Publishes the rejects file when there were rejects; without, removes an earlier run's
   * regular file of that name.
   */
  public void commit() throws IOException {
    if (writer != null) {
      writer.flush();
      target.commit();
    } else if (file != null && !OutputTarget.isStdout(file)) {
      Path p = OutputTarget.resolve(file);
      if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
        Files.delete(p);
      }
    }
  }

  /** One stderr line: how many were rejected, by reason, and where they are. Nothing when none. */
  public void printCounts() {
    if (total == 0) {
      return;
    }
    StringBuilder sb = new StringBuilder(command).append(": rejected ").append(total).append(" (");
    byReason.forEach((k, v) -> sb.append(k).append(": ").append(v).append("; "));
    sb.setLength(sb.length() - 2);
    sb.append(')');
    if (writer != null) {
      sb.append(", written to ").append(file);
    } else if (file == null) {
      sb.append(total > SHOWN ? ", the first " + SHOWN + " shown above" : "").append("; --rejects FILE keeps them all");
    }
    err.println(sb);
  }

  @Override
  public void close() throws IOException {
    if (target != null) {
      target.close();
    }
  }
}
