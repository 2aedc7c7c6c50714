package io.watchline.cli;

import io.watchline.fusion.FusionPipeline;
import io.watchline.fusion.border.BorderView;
import io.watchline.fusion.welfare.MapLayer;
import io.watchline.fusion.welfare.Weather;
import io.watchline.fusion.welfare.WelfareConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loads the welfare stage's layers ({@code --weather}, {@code --roads}, {@code --water}) with user-facing errors. */
final class WelfareInputs {
  private WelfareInputs() {}

  static FusionPipeline.Welfare load(BorderView view, Path weather, Path roads, Path water) throws IOException {
    return new FusionPipeline.Welfare(WelfareConfig.defaults(),
        weather == null ? null : weather(weather), layer(view, roads, "--roads"), layer(view, water, "--water"));
  }

  private static Weather weather(Path file) throws IOException {
    if (!Files.isRegularFile(file)) throw new UserException("--weather: file not found: " + file);
    try {
      return Weather.read(file);
    } catch (IllegalArgumentException e) {
      throw new UserException("--weather: " + e.getMessage());
    }
  }

  private static MapLayer layer(BorderView view, Path file, String option) throws IOException {
    if (file == null) return null;
    if (!Files.isRegularFile(file)) throw new UserException(option + ": file not found: " + file);
    try {
      return MapLayer.read(view, file);
    } catch (RuntimeException e) {
      throw new UserException(option + ": " + e.getMessage());
    }
  }
}
