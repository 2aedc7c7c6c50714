import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/**
 * Checks a screenshot of report.html: the map shows (the crossing dot's red and the sectors' pale
 * blue fill are on screen) and the incident table shows (table headers are #eeeeff). Run with
 * {@code java CheckScreenshot.java shot.png}; exit 1 with the reason on failure.
 */
public class CheckScreenshot {
  public static void main(String[] args) throws Exception {
    BufferedImage img = ImageIO.read(new File(args[0]));
    if (img == null) fail("not a PNG: " + args[0]);
    long red = 0, sector = 0, header = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int rgb = img.getRGB(x, y) & 0xFFFFFF;
        int r = rgb >> 16, g = (rgb >> 8) & 0xFF, b = rgb & 0xFF;
        if (r > 200 && g < 40 && b < 40) red++;                                  // crossing #e60000
        if (Math.abs(r - 0xE4) < 10 && Math.abs(g - 0xE8) < 10 && Math.abs(b - 0xEA) < 12) sector++; // sector fill on #f7f7f2
        if (r == 0xEE && g == 0xEE && b == 0xFF) header++;                      // th background
      }
    }
    System.out.printf("screenshot %dx%d: crossing-red px %d, sector-fill px %d, table-header px %d%n",
        img.getWidth(), img.getHeight(), red, sector, header);
    if (red < 50) fail("no crossing dot on screen: the map is missing or empty");
    if (sector < 5000) fail("no sector fill on screen: the map is missing");
    if (header < 2000) fail("no table header on screen: the incident table is missing");
  }

  static void fail(String why) {
    System.err.println("check-report: FAIL: " + why);
    System.exit(1);
  }
}
