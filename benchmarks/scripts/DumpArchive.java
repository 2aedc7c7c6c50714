import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Prints every table of a DuckDB night archive as sorted text lines, for comparing two archives
 * by content: the database file's bytes differ between identical runs (block layout).
 *
 *   java -cp cli/target/watchline-app.jar benchmarks/scripts/DumpArchive.java archive.duckdb
 */
public class DumpArchive {
  public static void main(String[] args) throws Exception {
    Properties p = new Properties();
    p.setProperty("duckdb.read_only", "true");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + args[0], p); Statement s = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet r = s.executeQuery("SELECT table_name FROM information_schema.tables ORDER BY table_name")) {
        while (r.next()) tables.add(r.getString(1));
      }
      for (String t : tables) {
        System.out.println("== " + t);
        try (ResultSet r = s.executeQuery("SELECT * FROM \"" + t + "\" ORDER BY ALL")) {
          int n = r.getMetaData().getColumnCount();
          while (r.next()) {
            StringBuilder line = new StringBuilder();
            for (int i = 1; i <= n; i++) line.append(i > 1 ? "\t" : "").append(r.getString(i));
            System.out.println(line);
          }
        }
      }
    }
  }
}
