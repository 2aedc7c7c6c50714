package io.watchline.cli.nightly;

import java.io.IOException;

/**
 * One stage of a nightly run. The pipeline is a plain list of steps, so a stage that lands later
 * (fusion, coverage) is one more entry; each step reads what earlier ones left in the {@link
 * NightlyRun} and writes its files into the run's work folder.
 */
public interface NightlyStep {
  String name();

  void run(NightlyRun run) throws IOException;
}
