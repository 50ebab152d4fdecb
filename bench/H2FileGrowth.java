import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * How big H2's file gets under steady single-row commits, for the ways of making a commit reach the file
 * before it is acknowledged (see Config.h2FileUrl and Database.persistCommits). Baseline, in the same run:
 * H2's defaults, which do not make commits durable before the answer (a SIGKILL loses up to 500 ms).
 *
 * Run (from the repository root, after one build so the H2 jar is in ~/.m2):
 *   java -cp ~/.m2/repository/com/h2database/h2/2.5.252/h2-2.5.252.jar bench/H2FileGrowth.java [commits] [pauseMs]
 * Defaults: 8000 commits, 10 ms apart (~80 commits/s, about 100 s a variant: longer than H2's 45 s
 * default retention, which is what the variants differ in).
 */
public class H2FileGrowth {
    record Variant(String name, String urlOptions, String checkpoint) { }

    public static void main(String[] args) throws Exception {
        int commits = args.length > 0 ? Integer.parseInt(args[0]) : 8000;
        long pauseMs = args.length > 1 ? Long.parseLong(args[1]) : 10;
        Variant[] variants = {
                new Variant("H2 defaults (baseline; not durable on SIGKILL)", "", null),
                new Variant("WRITE_DELAY=0", ";WRITE_DELAY=0", null),
                new Variant("CHECKPOINT per commit", "", "CHECKPOINT"),
                new Variant("CHECKPOINT SYNC per commit, RETENTION_TIME=5000 (Byline)", ";RETENTION_TIME=5000", "CHECKPOINT SYNC"),
        };
        System.out.printf("%d single-row commits (~250 B each), %d ms apart%n", commits, pauseMs);
        System.out.printf("%-58s %10s %10s %12s %10s%n", "variant", "file MB", "x base", "closed MB", "ms/commit");
        double baseMb = 0;
        for (Variant variant : variants) {
            Path dir = Files.createTempDirectory("h2-growth-");
            long started = System.nanoTime();
            double openMb;
            try (Connection c = DriverManager.getConnection(
                    "jdbc:h2:file:" + dir.resolve("db") + variant.urlOptions(), "sa", "")) {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE t(id IDENTITY PRIMARY KEY, body VARCHAR(4000))");
                }
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO t(body) VALUES (?)");
                     Statement checkpoint = c.createStatement()) {
                    for (int i = 0; i < commits; i++) {
                        insert.setString(1, "statement " + i + " " + "x".repeat(240));
                        insert.executeUpdate();
                        if (variant.checkpoint() != null) {
                            checkpoint.execute(variant.checkpoint());
                        }
                        if (pauseMs > 0) {
                            Thread.sleep(pauseMs);
                        }
                    }
                }
                openMb = Files.size(dir.resolve("db.mv.db")) / 1e6;
            }
            double busyMs = (System.nanoTime() - started) / 1e6 - (double) commits * pauseMs;
            double closedMb = Files.size(dir.resolve("db.mv.db")) / 1e6;
            if (baseMb == 0) {
                baseMb = openMb;
            }
            System.out.printf("%-58s %10.1f %9.1fx %12.1f %10.2f%n",
                    variant.name(), openMb, openMb / baseMb, closedMb, busyMs / commits);
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
