package io.watchline.reliability;

import io.watchline.sites.Site;
import io.watchline.sites.SiteConfigException;
import io.watchline.sites.SiteRegistry;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code sites.yaml}: any input either loads into sites with sane values or fails with a {@link
 * SiteConfigException} carrying a one-line message; never another exception (which the command
 * line would print as an internal error with exit 1 instead of a usage error with exit 2).
 */
final class SitesSubject implements FuzzSubject {
  @Override
  public String name() {
    return "sites";
  }

  @Override
  public List<Path> seeds() {
    return Samples.files(Targets.seeds("sites"), "sites.*");
  }

  @Override
  public void check(byte[] data) {
    SiteRegistry reg;
    try {
      reg = SiteRegistry.load(new ByteArrayInputStream(data), "sites.yaml");
    } catch (SiteConfigException e) {
      String m = e.getMessage();
      if (m == null || m.isBlank() || m.contains("\n")) {
        throw fail(data, "SiteConfigException without a one-line message: [" + m + "]", e);
      }
      return;
    } catch (Throwable e) {
      throw fail(data, "threw " + e + " instead of SiteConfigException", e);
    }
    for (Site s : reg.all()) {
      if (s.id() == null || s.id().isBlank()) {
        throw fail(data, "site without id: " + s, null);
      }
      if (!(Math.abs(s.lat()) <= 90 && Math.abs(s.lon()) <= 180)) {
        throw fail(data, "site position out of range: " + s, null);
      }
      if (!(s.fovDeg() >= 0 && s.fovDeg() <= 360) || !(s.azimuthDeg() >= 0 && s.azimuthDeg() < 360)) {
        throw fail(data, "site azimuth/fov out of range: " + s, null);
      }
      if (reg.byId(s.id()) != s) {
        throw fail(data, "site not found by its id: " + s, null);
      }
    }
  }

  private AssertionError fail(byte[] data, String what, Throwable cause) {
    FeedTarget t = new FeedTarget(name(), null, List::of, FeedTarget.NOT_CHECKED, 0, false, null);
    return FeedRun.fail(t, data, what, cause);
  }

  @Override
  public String toString() {
    return name();
  }
}
