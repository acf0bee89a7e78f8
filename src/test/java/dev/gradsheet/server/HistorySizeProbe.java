package dev.gradsheet.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.gradsheet.engine.EditLabel;
import dev.gradsheet.sheet.Examples;
import dev.gradsheet.sheet.SheetFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The figures of docs/running-a-server.md ("What stays bounded"), measured: the bytes one revision
 * adds to the database (H2's file, PostgreSQL's table with its TOAST) for the worked example and for
 * a sheet of the largest upload; and how much of one sheet's history a visitor who saves as fast as
 * autosave goes, all day, each save in a new visit, can make the store keep. Each prints its figures
 * ({@code HISTORY-SIZE …} on stderr). A probe, not a unit test: it writes some 400 MB to two
 * databases, and what H2 and the JVM keep of that for a while upset {@code ui.MemoryTest}'s heap
 * readings in a shared JVM; run it in its own with {@code mvn -B verify -Pspeed -Dit.test=HistorySizeProbe}.
 */
class HistorySizeProbe {
    /** {@code gradsheet.limits.upload}'s default: the largest sheet the page opens. */
    private static final int UPLOAD_CHARS = 1_000_000;
    /** Its revisions once trained: a 0.99 MB upload saved revisions of 1.27 MB (more digits per value). */
    private static final long TRAINED_CHARS = 1_300_000;

    @TempDir
    Path dir;

    /** A sheet of at least {@code chars} characters: weights with trained-looking values, little for a compressor to find. */
    private static String sheetOf(int chars, long seed) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder("# a big sheet, measured\n");
        for (int i = 0; text.length() < chars; i++) {
            text.append('w').append(i).append(" = weight(").append(random.nextGaussian()).append(")\n");
        }
        return text.toString();
    }

    private static String worked(int variant) {
        var worked = Examples.WORKED.load();
        return new SharedSheet("w", worked.sheet(), worked.description()).text().replace("input(-2)", "input(" + variant + ")");
    }

    /** Bytes the database grew by per revision saved, {@code count} revisions of {@code text(i)}, after a first save. */
    private static long bytesPerRevision(SheetStore store, java.util.function.IntFunction<String> text, int count,
                                         LongSupplier size) {
        String id = SheetStore.newId();
        store.save(id, text.apply(0));
        long before = size.getAsLong();
        for (int i = 1; i <= count; i++) {
            store.save(id, text.apply(i));
        }
        assertThat(store.revisions(id)).as("all kept (the policy keeps them)").hasSize(count + 1);
        return (size.getAsLong() - before) / count;
    }

    /** The size of the embedded database's file in {@code dir}. */
    private static LongSupplier fileSize(Path dir) {
        Path file = dir.resolve("gradsheet.mv.db");
        return () -> {
            try {
                return Files.size(file);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
    }

    private static final HistoryPolicy KEEP_ALL = new HistoryPolicy(1_000, false, Long.MAX_VALUE);

    @Test
    void bytesOfOneRevisionOnH2() throws Exception {
        try (HikariDataSource ds = (HikariDataSource) SheetStore.embeddedDataSource(dir)) { // closed: H2 gives its memory back
            measure("H2 file", new SheetStore(ds, KEEP_ALL), fileSize(dir), 6);
        }
    }

    @Test
    void bytesOfOneRevisionOnPostgres() throws Exception {
        try (TestPostgres postgres = TestPostgres.require("revision sizes on PostgreSQL");
             HikariDataSource pool = postgres.migratedPool()) {
            SheetStore store = new SheetStore(pool, KEEP_ALL);
            JdbcClient jdbc = JdbcClient.create(pool);
            LongSupplier size = () -> jdbc.sql("SELECT pg_total_relation_size(to_regclass(?))")
                    .param(postgres.schema() + ".sheet_revision").query(Long.class).single();
            measure("PostgreSQL sheet_revision", store, size, 1);
        }
    }

    /**
     * Measures and prints the bytes a revision adds to {@code where}; a revision of the big sheet may
     * take at most {@code factor} times its text: H2 writes each save (the revision and the sheet's new
     * text) to new chunks of its file and frees the old ones later, PostgreSQL compresses the text.
     */
    private static void measure(String where, SheetStore store, LongSupplier size, int factor) throws Exception {
        int small = worked(0).length();
        long perSmall = bytesPerRevision(store, HistorySizeProbe::worked, 300, size);
        String big = sheetOf(UPLOAD_CHARS, 1);
        assertThat(SheetFile.parse(big, "big.sheet").sheet().size()).isGreaterThan(25_000); // a real sheet
        long perBig = bytesPerRevision(store, i -> sheetOf(UPLOAD_CHARS, i + 1), 12, size);
        System.err.printf("HISTORY-SIZE %s: worked example %d chars -> %d bytes a revision; %d-char sheet -> %d bytes a revision%n",
                where, small, perSmall, big.length(), perBig);
        assertThat(perSmall).as("bytes per worked-example revision").isLessThan(3L * small + 2048);
        assertThat(perBig).as("bytes per big revision").isBetween(big.length() / 4L, (long) factor * big.length());
    }

    /**
     * The same visitor's day on a real database, for as long as it takes the history to reach its
     * most revisions (150 saves; beyond them every save drops one): the owner's visit of two
     * revisions, then the visitor's saves, each in a new visit, of a trained sheet of the largest
     * upload. Prints the most the database held.
     */
    @Test
    void aHostileVisitorsDayOnH2() throws Exception {
        try (HikariDataSource ds = (HikariDataSource) SheetStore.embeddedDataSource(dir)) { // closed: H2 gives its memory back
            hostileDay("H2 file", new SheetStore(ds, HistoryPolicy.DEFAULT), 6, fileSize(dir));
        }
    }

    @Test
    void aHostileVisitorsDayOnPostgres() throws Exception {
        try (TestPostgres postgres = TestPostgres.require("a hostile visitor's day on PostgreSQL");
             HikariDataSource pool = postgres.migratedPool()) {
            SheetStore store = new SheetStore(pool, HistoryPolicy.DEFAULT);
            JdbcClient jdbc = JdbcClient.create(pool);
            hostileDay("PostgreSQL sheet and sheet_revision", store, 2, () -> jdbc.sql(
                            "SELECT pg_total_relation_size(to_regclass(?)) + pg_total_relation_size(to_regclass(?))")
                    .params(postgres.schema() + ".sheet_revision", postgres.schema() + ".sheet").query(Long.class).single());
        }
    }

    /**
     * Runs the day on {@code store} and prints the most bytes {@code size} measured; they stay within
     * {@code factor} times the text kept (H2's file holds freed chunks until its background compaction
     * rewrites them; PostgreSQL's dead rows until it vacuums).
     */
    private static void hostileDay(String where, SheetStore store, int factor, LongSupplier size) {
        String id = SheetStore.newId();
        long revision = 0;
        String text = "";
        long most = 0;
        for (int i = 0; i < 152; i++) {
            RevisionOrigin origin = i < 2 ? RevisionOrigin.by("owner", "owner-visit") : RevisionOrigin.by("visitor", "visit-" + i);
            String next = sheetOf((int) TRAINED_CHARS, i);
            SheetStore.Saved saved = store.saveFrom(id, next, revision, text, EditLabel.of(EditLabel.Kind.EDIT), null,
                    Double.NaN, origin, SheetOwner.of("owner"));
            revision = saved.revision();
            text = next;
            most = Math.max(most, size.getAsLong());
        }
        List<Revision> kept = store.revisions(id);
        long keptChars = (kept.size() + 1) * TRAINED_CHARS; // and the sheet's own text
        System.err.printf("HISTORY-SIZE hostile day, %s: %d kept revisions, %d characters, at most %d bytes%n",
                where, kept.size(), keptChars, most);
        assertThat(kept).hasSize(100 + 2 + 1);
        assertThat(kept.get(kept.size() - 1).number()).isEqualTo(1);
        assertThat(kept.get(kept.size() - 2).number()).isEqualTo(2);
        assertThat(most).as("bytes on disk").isLessThan(factor * keptChars);
    }

    /**
     * A hostile visitor on a sheet of the largest upload (its revisions 1.3 million characters once
     * trained), saving as often as autosave writes (every 0.2 s) for 24 hours, each save in a new
     * visit; before them the owner made ten revisions in one visit. After every save the store thins
     * as {@link SheetStore#prune} does. At no moment does the history hold more than the newest 100,
     * the owner's visit's ends, the visitor's first revision and one a day (the visitor's last 10
     * visits are among the newest); the owner's first and last revision are there at the end.
     */
    @Test
    void aDayOfOneHostileVisitorKeepsABoundedHistory() {
        HistoryPolicy policy = HistoryPolicy.DEFAULT;
        long noon = LocalDateTime.of(2026, 12, 8, 12, 0).toInstant(ZoneOffset.UTC).toEpochMilli();
        List<HistoryThinning.Row> kept = new ArrayList<>();
        long number = 0;
        for (int i = 0; i < 10; i++) {
            kept.add(new HistoryThinning.Row(++number, noon + i * 1000L, "owner", "owner-visit", TRAINED_CHARS));
            thin(kept, policy);
        }
        long every = SheetRegistry.SAVE_DELAY_MS;
        long saves = Duration.ofDays(1).toMillis() / every;
        int mostKept = 0;
        long mostChars = 0;
        for (long s = 0; s < saves; s++) {
            kept.add(new HistoryThinning.Row(++number, noon + 60_000 + s * every, "visitor", "visit-" + s, TRAINED_CHARS));
            thin(kept, policy);
            mostKept = Math.max(mostKept, kept.size());
            mostChars = Math.max(mostChars, kept.stream().mapToLong(HistoryThinning.Row::chars).sum());
        }
        Set<Long> numbers = new HashSet<>();
        kept.forEach(r -> numbers.add(r.number()));
        System.err.printf("HISTORY-SIZE a day of one visitor: %d revisions saved, at most %d kept at once, %d characters%n",
                saves, mostKept, mostChars);
        assertThat(numbers).contains(1L, 10L, number);
        // the newest 100 (the visitor's last 10 visits are among them), the owner's visit's 2 ends, the
        // visitor's first, and yesterday's newest once the day turned
        assertThat(mostKept).isEqualTo(100 + 2 + 1 + 1);
        assertThat(mostChars).isLessThanOrEqualTo(policy.maxChars());
    }

    private static void thin(List<HistoryThinning.Row> kept, HistoryPolicy policy) {
        Set<Long> dropped = new HashSet<>(HistoryThinning.thin(kept, "owner", policy).dropped());
        kept.removeIf(r -> dropped.contains(r.number()));
    }
}
