package io.watchline.cli.live;

import io.watchline.cli.io.InputFiles;
import io.watchline.live.FollowInputStream;
import io.watchline.live.StoppableInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The inputs of {@code fuse --follow}: a regular file is followed as it grows ({@code tail -F}),
 * standard input or a pipe is read as it comes; {@link #stop()} (a signal) ends them all after
 * what was already written, so the run can finish its incidents and close its output.
 */
public final class FollowedInputs {
  private final List<Runnable> stops = new ArrayList<>();

  public InputStream open(String name) throws IOException {
    if (!"-".equals(name) && (Files.isRegularFile(Path.of(name)) || !Files.exists(Path.of(name)))) {
      FollowInputStream f = new FollowInputStream(Path.of(name), 100);
      stops.add(f::stop);
      return f;
    }
    InputStream raw = "-".equals(name) ? InputFiles.stdin() : Files.newInputStream(Path.of(name));
    StoppableInput s = new StoppableInput(raw, name);
    stops.add(s::stop);
    return s;
  }

  public void stop() {
    stops.forEach(Runnable::run);
  }
}
