package io.watchline.feed.cot;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchline.feed.FeedFormat;
import io.watchline.feed.FeedOptions;
import io.watchline.feed.FeedReader;
import io.watchline.feed.Feeds;
import io.watchline.feed.TestData;
import io.watchline.observation.Observation;
import io.watchline.sites.SiteRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CotReaderTest {

  /** All 26 captured events back to back, as a TAK server log would hold them. */
  static byte[] stream() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Path p : captures()) {
      out.write(Files.readAllBytes(p));
      out.write('\n');
    }
    return out.toByteArray();
  }

  /** The 26 captured event files, by name. */
  static List<Path> captures() throws IOException {
    Path dir = TestData.fixture("cot/a-f-G-U-C-1581185446278.xml").getParent();
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.xml")) {
      ds.forEach(files::add);
    }
    files.sort(java.util.Comparator.comparing(p -> p.getFileName().toString()));
    assertThat(files).hasSize(26);
    return files;
  }

  static FeedReader open(byte[] b, FeedOptions o, TestData.Rejects rejects) throws IOException {
    return Feeds.open(new ByteArrayInputStream(b), "cot.log", FeedFormat.AUTO, o, SiteRegistry.empty(), rejects);
  }

  @Test
  void friendlyGroundEventsBecomePatrolFixesNoFixIsRejected() throws IOException {
    TestData.Rejects rejects = new TestData.Rejects();
    FeedReader r = open(stream(), FeedOptions.defaults(), rejects);
    List<Observation> fixes = TestData.readAll(r);
    assertThat(r.stats().format()).isEqualTo("cot");
    // a-f-G (3 files) and a-f-G-E-V-C (3) have positions; a-f-G-U-C (3) are ATAK no-fix reports.
    assertThat(fixes).hasSize(6);
    assertThat(rejects.reasons()).containsExactly(
        "ATAK no-fix position (-0.0043, -0.0077)", "ATAK no-fix position (-0.0043, -0.0077)",
        "ATAK no-fix position (-0.0043, -0.0077)");
    assertThat(r.stats().skippedByReason())
        .containsEntry("cot type not a friendly ground unit (a-h-G)", 3L)
        .containsEntry("cot type not a friendly ground unit (a-u-G)", 6L)
        .containsEntry("cot type not a friendly ground unit (a-u-A)", 4L)
        .containsEntry("cot type not a friendly ground unit (b-m-p)", 3L)
        .containsEntry("cot type not a friendly ground unit (b-t-f)", 1L);
    Observation first = fixes.get(0);
    assertThat(first.lat()).isEqualTo(44.2198868);
    assertThat(first.lon()).isEqualTo(-66.1382602);
    assertThat(first.src().offset()).isEqualTo(57); // after the XML declaration of the first file
    assertThat(r.stats().read()).isEqualTo(26);
  }

  @Test
  void allTypesOptionKeepsHostileAndUnknownMarkers() throws IOException {
    TestData.Rejects rejects = new TestData.Rejects();
    FeedReader r = open(stream(), FeedOptions.defaults().withAllCotTypes(true), rejects);
    List<Observation> fixes = TestData.readAll(r);
    assertThat(fixes).hasSize(26 - 4); // 3 a-f-G-U-C and the b-t-f chat sit at the no-fix spot
    assertThat(rejects.all).hasSize(4);
  }

  @Test
  void singleFileConcreteValues() throws IOException {
    TestData.Rejects rejects = new TestData.Rejects();
    FeedReader r = Feeds.open(TestData.fixture("cot/a-f-G-E-V-C-1581185447835.xml"), FeedFormat.AUTO,
        FeedOptions.defaults(), SiteRegistry.empty(), rejects);
    List<Observation> fixes = TestData.readAll(r);
    assertThat(fixes).singleElement().satisfies(o -> {
      assertThat(o.lat()).isEqualTo(43.97957317);
      assertThat(o.lon()).isEqualTo(-66.07737696);
      assertThat(o.t()).isBefore(Instant.parse("2020-02-09T00:00:00Z")).isAfter(Instant.parse("2020-02-08T00:00:00Z"));
      assertThat(o.unit()).isNotBlank();
    });
  }

  @Test
  void brokenEventIsRejectedAtItsOffsetAndTheNextOneRead() throws IOException {
    byte[] good = Files.readAllBytes(TestData.fixture("cot/a-f-G-1581185498052.xml"));
    String g = new String(good, java.nio.charset.StandardCharsets.UTF_8);
    String broken = g.replace("<point lat=", "<point lat=\"1\" lat=");
    String cut = g.substring(0, g.length() / 2);
    String all = g + "\n" + broken + "\n" + g + "\n" + cut;
    TestData.Rejects rejects = new TestData.Rejects();
    FeedReader r = open(all.getBytes(java.nio.charset.StandardCharsets.UTF_8), FeedOptions.defaults(), rejects);
    List<Observation> fixes = TestData.readAll(r);
    assertThat(fixes).hasSize(2);
    assertThat(rejects.all).hasSize(2);
    assertThat(rejects.all.get(0).reason()).startsWith("malformed CoT event");
    assertThat(rejects.all.get(0).src().offset()).isEqualTo(all.indexOf("<event", g.length()));
    assertThat(rejects.all.get(1).reason()).isEqualTo("event not closed: input ends inside <event>");
    assertThat(r.stats().read()).isEqualTo(4);
  }
}
