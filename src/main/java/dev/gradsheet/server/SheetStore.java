package dev.gradsheet.server;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.gradsheet.engine.EditLabel;
import dev.gradsheet.sheet.SheetFile;
import dev.gradsheet.sheet.SheetFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where shared sheets live: a database (embedded H2 under the data directory by default, PostgreSQL
 * through {@code spring.datasource.*}), reached through Spring's {@link JdbcClient}, its schema made
 * by Flyway ({@code db/migration} and {@link EditLabelsMigration}). A sheet's content is its
 * {@code .sheet} text, and every save is also a {@link Revision}, named by the {@link EditLabel} of
 * the edits it saved (stored language-free, {@link EditLabelCodec}); old revisions are thinned out by
 * the {@link HistoryPolicy}.
 *
 * <p>Ids are random and checked against a strict pattern before they reach a query, so nothing a
 * user types is ever looked up.
 */
public final class SheetStore {
    private static final Logger LOG = LoggerFactory.getLogger(SheetStore.class);
    private static final Pattern ID = Pattern.compile("[a-z0-9]{16}");
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int EDIT_CHARS = 200;

    /** The PostgreSQL channel on which every save is announced as {@code <id>:<revision>}. */
    static final String CHANNEL = "gradsheet_sheets";

    private final DataSource dataSource;
    private final boolean postgres;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final HistoryPolicy history;
    private final Clock clock;
    /** Every query runs here, on threads nothing interrupts (see {@link StorageThreads}). */
    private final StorageThreads storage = new StorageThreads(4);

    /** A store over a database whose schema Flyway has already migrated. */
    public SheetStore(DataSource dataSource, HistoryPolicy history) {
        this(dataSource, history, Clock.systemUTC());
    }

    /** A store reading the time from {@code clock} (tests of the history's days). */
    public SheetStore(DataSource dataSource, HistoryPolicy history, Clock clock) {
        this.dataSource = dataSource;
        this.postgres = isPostgres(dataSource);
        this.jdbc = JdbcClient.create(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.history = history;
        this.clock = clock;
    }

    /**
     * A store of its own on an embedded H2 database in {@code dataDir} (tools and tests; the web app
     * gets its database from Spring Boot), migrated, with the data directory's {@code *.sheet} files
     * imported once.
     */
    public static SheetStore embedded(Path dataDir, HistoryPolicy history) {
        SheetStore store = new SheetStore(embeddedDataSource(dataDir), history);
        store.importOnce(dataDir);
        return store;
    }

    /** A pooled, migrated embedded H2 database in {@code dataDir}. */
    public static DataSource embeddedDataSource(Path dataDir) {
        DataSource ds = embeddedDataSourceUnmigrated(dataDir);
        EditLabelsMigration.flyway(ds).load().migrate();
        return ds;
    }

    /** A pooled embedded H2 database in {@code dataDir} as it is, not migrated (tests of the migrations). */
    public static DataSource embeddedDataSourceUnmigrated(Path dataDir) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(embeddedUrl(dataDir));
        config.setUsername("sa");
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(0);
        config.setPoolName("gradsheet-embedded");
        return new HikariDataSource(config);
    }

    /** The embedded database's URL: a file {@code gradsheet.mv.db} in the data directory. */
    public static String embeddedUrl(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("gradsheet") + ";DB_CLOSE_ON_EXIT=FALSE;RETENTION_TIME=0;CACHE_SIZE=2048";
    }

    private static boolean isPostgres(DataSource ds) {
        try (java.sql.Connection c = ds.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("the sheets' database did not answer: " + e.getMessage(), e);
        }
    }

    /** Whether the database is PostgreSQL, whose LISTEN/NOTIFY lets several servers share live sheets. */
    public boolean isPostgres() {
        return postgres;
    }

    /** A sheet's newest saved revision and its text. */
    public record Stored(long revision, String text) {
    }

    /** What a {@link #saveFrom} wrote: the revision and its text, merged when another server saved first. */
    public record Saved(long revision, String text, boolean merged) {
    }

    /** The newest revision of sheet {@code id} with its text, or empty. */
    public Optional<Stored> current(String id) {
        return storage.call(() -> currentNow(id));
    }

    private Optional<Stored> currentNow(String id) {
        if (!isValidId(id)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT revision, content FROM sheet WHERE id = ?").param(id)
                .query((rs, n) -> new Stored(rs.getLong(1), rs.getString(2))).optional();
    }

    /**
     * Saves {@code text}, edited from revision {@code base} whose text was {@code baseText}, as
     * sheet {@code id}'s next revision. When another server saved after {@code base}, what this
     * save changed since {@code baseText} is merged into that newer text ({@link SheetMerge}) and
     * the merge is saved. The sheet's row is locked meanwhile, so saves of one sheet on any number
     * of servers happen one at a time; on PostgreSQL the commit announces the revision to them.
     */
    public Saved saveFrom(String id, String text, long base, String baseText, EditLabel edit, String objective,
                          double objectiveValue) {
        return saveFrom(id, text, base, baseText, edit, objective, objectiveValue, null, SheetOwner.NONE);
    }

    /**
     * As {@link #saveFrom(String, String, long, String, EditLabel, String, double)}, naming the revision's
     * {@code author} (an {@link Actor#key()}, or null) and, when this save creates the sheet's row, its
     * owner and link mode {@code ifNew} (in the same insert, so no other server ever sees it unowned).
     */
    public Saved saveFrom(String id, String text, long base, String baseText, EditLabel edit, String objective,
                          double objectiveValue, String author, SheetOwner ifNew) {
        return storage.call(() -> saveFromNow(id, text, base, baseText, edit, objective, objectiveValue, author, ifNew));
    }

    private Saved saveFromNow(String id, String text, long base, String baseText, EditLabel edit, String objective,
                              double objectiveValue, String author, SheetOwner ifNew) {
        requireId(id);
        long now = clock.millis();
        Saved saved = tx.execute(status -> {
            Optional<Stored> last = jdbc.sql("SELECT revision, content FROM sheet WHERE id = ? FOR UPDATE").param(id)
                    .query((rs, n) -> new Stored(rs.getLong(1), rs.getString(2))).optional();
            long next = last.map(r -> r.revision() + 1).orElse(1L);
            String written = text;
            EditLabel named = edit == null ? EditLabel.of(EditLabel.Kind.EDIT) : edit;
            EditLabel label = named;
            String objName = objective;
            double objValue = objectiveValue;
            boolean merged = last.isPresent() && last.get().revision() != base;
            if (merged) {
                written = SheetMerge.merge(baseText, text, last.get().text());
                label = EditLabel.of(EditLabel.Kind.MERGED, named);
                try {
                    var sheet = SheetFile.parse(written, id + ".sheet").sheet();
                    objName = sheet.objective();
                    objValue = objName == null ? Double.NaN : sheet.objectiveValue();
                } catch (SheetFormatException e) { // the two edits do not fit together: the earlier save stays
                    LOG.warn("sheet {}: an edit conflicting with another server's was dropped: {}", id, LogText.lines(e.lines()));
                    written = last.get().text();
                    label = EditLabel.of(EditLabel.Kind.CONFLICTED, named);
                }
            }
            write(id, written, next, now, last.isPresent(), label, objName, objValue, author, ifNew);
            return new Saved(next, written, merged);
        });
        makeDurable();
        prune(id, saved.revision());
        return saved;
    }

    /**
     * Makes a committed save survive a crash. PostgreSQL's commit already does; the embedded H2 writes
     * its commits to the file only every half second or so, and a server killed meanwhile lost edits a
     * page had shown as saved, so it is told to write them to the disk now. Because each save is on the
     * disk before the next is written, H2 need not keep old data for a while as a safety margin
     * ({@code RETENTION_TIME=0} in {@link #embeddedUrl}): kept, it held about 2 KB of heap per save
     * for 45 s.
     */
    private void makeDurable() {
        if (!postgres) {
            jdbc.sql("CHECKPOINT SYNC").update();
        }
    }

    private void write(String id, String text, long next, long now, boolean exists, EditLabel edit, String objective,
                       double objectiveValue, String author, SheetOwner ifNew) {
        EditLabel label = edit == null ? EditLabel.of(EditLabel.Kind.EDIT) : edit;
        String english = label.english(); // for people reading the database; the page reads edit_label
        String editText = english.length() > EDIT_CHARS ? english.substring(0, EDIT_CHARS - 1) + "…" : english;
        if (exists) {
            jdbc.sql("UPDATE sheet SET content = ?, revision = ?, saved_at = ? WHERE id = ?")
                    .params(text, next, now, id).update();
        } else {
            jdbc.sql("INSERT INTO sheet (id, content, revision, created_at, saved_at, opened_at, owner, link_mode)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(id, text, next, now, now, now, ifNew.owner(), ifNew.linkMode().name()).update();
        }
        jdbc.sql("INSERT INTO sheet_revision (sheet_id, revision, saved_at, edit, edit_label, objective,"
                        + " objective_value, content, author) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, next, now, editText, EditLabelCodec.encode(label), objective,
                        Double.isFinite(objectiveValue) ? objectiveValue : null, text, author).update();
        if (postgres) { // delivered to every listening server when the transaction commits
            jdbc.sql("SELECT pg_notify('" + CHANNEL + "', ?)").param(id + ":" + next).query(rs -> { });
        }
    }

    /**
     * Listens (PostgreSQL only) for the saves of every server and hands each {@code (id, revision)}
     * to {@code onSaved}, on a thread of its own holding one connection; reconnects after a
     * failure. Close the result to stop. Does nothing on other databases.
     */
    public AutoCloseable listen(java.util.function.BiConsumer<String, Long> onSaved) {
        if (!postgres) {
            return () -> { };
        }
        return PgChannel.listen(dataSource, CHANNEL, payload -> {
            String[] parts = payload.split(":");
            if (parts.length == 2 && isValidId(parts[0])) {
                onSaved.accept(parts[0], Long.parseLong(parts[1]));
            }
        });
    }

    /** Whether {@code id} has the shape of a sheet id (16 lowercase letters or digits). */
    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** A new random sheet id. */
    public static String newId() {
        char[] out = new char[16];
        for (int i = 0; i < out.length; i++) {
            out[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(out);
    }

    public HistoryPolicy history() {
        return history;
    }

    /** Saves {@code text} as sheet {@code id}: a new revision without an edit name. */
    public long save(String id, String text) {
        return save(id, text, EditLabel.of(EditLabel.Kind.SAVED), null, Double.NaN);
    }

    /**
     * Saves {@code text} as sheet {@code id}'s newest revision, made by {@code edit}, with the
     * objective's name and value then (null, NaN: none); returns the revision's number. One
     * transaction: the sheet row is locked while the number is taken, so two servers saving the
     * same sheet number their revisions one after the other.
     */
    public long save(String id, String text, EditLabel edit, String objective, double objectiveValue) {
        return storage.call(() -> saveNow(id, text, edit, objective, objectiveValue));
    }

    private long saveNow(String id, String text, EditLabel edit, String objective, double objectiveValue) {
        requireId(id);
        long now = clock.millis();
        Long revision = tx.execute(status -> {
            Optional<Long> last = jdbc.sql("SELECT revision FROM sheet WHERE id = ? FOR UPDATE").param(id)
                    .query(Long.class).optional();
            long next = last.map(r -> r + 1).orElse(1L);
            write(id, text, next, now, last.isPresent(), edit, objective, objectiveValue, null, SheetOwner.NONE);
            return next;
        });
        makeDurable();
        prune(id, revision);
        return revision;
    }

    /** The saved text of sheet {@code id}, or empty when there is none (or the id is malformed). */
    public Optional<String> text(String id) {
        return storage.call(() -> textNow(id));
    }

    private Optional<String> textNow(String id) {
        if (!isValidId(id)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT content FROM sheet WHERE id = ?").param(id).query(String.class).optional();
    }

    /** The saved sheet {@code id}, parsed, or empty when there is none (or the id is malformed). */
    public Optional<SheetFile.Loaded> load(String id) throws IOException, SheetFormatException {
        Optional<String> text;
        try {
            text = text(id);
        } catch (DataAccessException e) {
            throw new IOException("the database did not answer: " + e.getMostSpecificCause().getMessage(), e);
        }
        if (text.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(SheetFile.parse(text.get().getBytes(StandardCharsets.UTF_8), id + ".sheet"));
    }

    /** How many sheets are saved. */
    public long count() {
        return storage.call(() -> countNow());
    }

    private long countNow() {
        return jdbc.sql("SELECT COUNT(*) FROM sheet").query(Long.class).single();
    }

    /** The newest revision number of sheet {@code id}, 0 when it was never saved. */
    public long revision(String id) {
        return storage.call(() -> revisionNow(id));
    }

    private long revisionNow(String id) {
        if (!isValidId(id)) {
            return 0;
        }
        return jdbc.sql("SELECT revision FROM sheet WHERE id = ?").param(id).query(Long.class).optional().orElse(0L);
    }

    /** Sheet {@code id}'s kept revisions, newest first (without their text). */
    public List<Revision> revisions(String id) {
        return storage.call(() -> revisionsNow(id));
    }

    private List<Revision> revisionsNow(String id) {
        if (!isValidId(id)) {
            return List.of();
        }
        return jdbc.sql("SELECT revision, saved_at, edit, objective, objective_value, edit_label FROM sheet_revision"
                        + " WHERE sheet_id = ? ORDER BY revision DESC").param(id)
                .query((rs, n) -> {
                    double v = rs.getDouble(5);
                    double value = rs.wasNull() ? Double.NaN : v; // wasNull is about the column read last
                    return new Revision(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)),
                            storedLabel(rs.getString(6), rs.getString(3)), rs.getString(4), value);
                }).list();
    }

    /**
     * A revision's label from its stored form; a row without one (written by an older server during
     * an upgrade) or with one this version cannot read shows its English as written.
     */
    private static EditLabel storedLabel(String stored, String english) {
        if (stored != null) {
            try {
                return EditLabelCodec.decode(stored);
            } catch (IllegalArgumentException e) {
                LOG.warn("a revision's edit label is not readable, its English is shown: {}", e.getMessage());
            }
        }
        return EditLabel.of(EditLabel.Kind.VERBATIM, english);
    }

    /** The text of one kept revision of sheet {@code id}. */
    public Optional<String> revisionText(String id, long revision) {
        return storage.call(() -> revisionTextNow(id, revision));
    }

    private Optional<String> revisionTextNow(String id, long revision) {
        if (!isValidId(id)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT content FROM sheet_revision WHERE sheet_id = ? AND revision = ?")
                .params(id, revision).query(String.class).optional();
    }

    /** Notes that someone opened sheet {@code id} now (for deleting sheets nobody opens). */
    public void opened(String id) {
        storage.run(() -> openedNow(id));
    }

    private void openedNow(String id) {
        if (isValidId(id)) {
            jdbc.sql("UPDATE sheet SET opened_at = ? WHERE id = ?").params(clock.millis(), id).update();
        }
    }

    /**
     * Deletes, with their history, the saved sheets nobody opened since {@code before}, except those
     * {@code spare} names (sheets open now); returns their ids.
     */
    public List<String> deleteNotOpenedSince(Instant before, java.util.function.Predicate<String> spare) {
        return storage.call(() -> deleteNotOpenedSinceNow(before, spare));
    }

    private List<String> deleteNotOpenedSinceNow(Instant before, java.util.function.Predicate<String> spare) {
        List<String> ids = jdbc.sql("SELECT id FROM sheet WHERE opened_at < ?").param(before.toEpochMilli())
                .query(String.class).list().stream().filter(spare.negate()).toList();
        for (String id : ids) {
            tx.executeWithoutResult(status -> {
                jdbc.sql("DELETE FROM sheet_revision WHERE sheet_id = ?").param(id).update();
                jdbc.sql("DELETE FROM sheet WHERE id = ? AND opened_at < ?").params(id, before.toEpochMilli()).update();
            });
        }
        return ids;
    }

    /**
     * Keeps the newest {@link HistoryPolicy#keepLast()} revisions and, beyond them, the newest of
     * each day (UTC) when {@link HistoryPolicy#keepDaily()}; deletes the others; then, newest first,
     * deletes every revision beyond {@link HistoryPolicy#maxChars()} of text (never the newest).
     */
    void prune(String id, long newest) {
        pruneByCount(id, newest);
        pruneBySize(id);
    }

    private void pruneBySize(String id) {
        List<long[]> kept = jdbc.sql("SELECT revision, LENGTH(content) FROM sheet_revision WHERE sheet_id = ?"
                        + " ORDER BY revision DESC").param(id)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
        long total = 0;
        for (int i = 0; i < kept.size(); i++) {
            total += kept.get(i)[1];
            if (i > 0 && total > history.maxChars()) {
                jdbc.sql("DELETE FROM sheet_revision WHERE sheet_id = ? AND revision <= ?").params(id, kept.get(i)[0]).update();
                return; // this one and every older one
            }
        }
    }

    private void pruneByCount(String id, long newest) {
        long cutoff = newest - history.keepLast(); // revisions up to this one are beyond the last N
        if (cutoff < 1) {
            return;
        }
        List<long[]> old = jdbc.sql("SELECT revision, saved_at FROM sheet_revision WHERE sheet_id = ? AND revision <= ?"
                        + " ORDER BY revision DESC").params(id, cutoff)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
        Set<LocalDate> days = new HashSet<>();
        for (long[] r : old) {
            LocalDate day = Instant.ofEpochMilli(r[1]).atZone(ZoneOffset.UTC).toLocalDate();
            if (history.keepDaily() && days.add(day)) {
                continue; // the newest revision of its day stays
            }
            jdbc.sql("DELETE FROM sheet_revision WHERE sheet_id = ? AND revision = ?").params(id, r[0]).update();
        }
    }

    /**
     * Imports the {@code <id>.sheet} files of {@code dataDir} (the store of older versions), once per
     * directory: sheets already in the database are left as they are, the files stay where they
     * are. Returns how many sheets were imported (0 when this directory was imported before).
     */
    public int importOnce(Path dataDir) {
        return storage.call(() -> importOnceNow(dataDir));
    }

    private int importOnceNow(Path dataDir) {
        String key = dataDir.toAbsolutePath().normalize().toString();
        if (jdbc.sql("SELECT COUNT(*) FROM sheet_import WHERE dir = ?").param(key).query(Integer.class).single() > 0) {
            return 0;
        }
        int imported = 0;
        if (Files.isDirectory(dataDir)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dataDir, "*.sheet")) {
                for (Path file : files) {
                    String name = file.getFileName().toString();
                    String id = name.substring(0, name.length() - ".sheet".length());
                    if (!isValidId(id) || !Files.isRegularFile(file) || revision(id) > 0) {
                        continue;
                    }
                    try {
                        save(id, Files.readString(file, StandardCharsets.UTF_8), EditLabel.of(EditLabel.Kind.IMPORTED, name),
                                null, Double.NaN);
                        imported++;
                    } catch (IOException | RuntimeException e) {
                        LOG.warn("sheet file {} not imported: {}", LogText.of(file), LogText.of(e));
                    }
                }
            } catch (IOException e) {
                LOG.warn("data directory {} not read: {}", dataDir, LogText.of(e));
            }
        }
        try {
            jdbc.sql("INSERT INTO sheet_import (dir, imported_at, sheets) VALUES (?, ?, ?)")
                    .params(key, clock.millis(), imported).update();
        } catch (DuplicateKeyException e) { // another server imported the same directory at the same time
            return 0;
        }
        if (imported > 0) {
            LOG.info("imported {} sheet files from {} into the database (the files are left in place)", imported, dataDir);
        }
        return imported;
    }

    // ---- ownership and sharing (the classroom) ---------------------------------------------------------

    /** Sheet {@code id}'s owner and link mode, or empty when it was never saved. */
    public Optional<SheetOwner> owner(String id) {
        if (!isValidId(id)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT owner, link_mode FROM sheet WHERE id = ?").param(id)
                .query((rs, n) -> new SheetOwner(rs.getString(1), SheetOwner.LinkMode.valueOf(rs.getString(2))))
                .optional();
    }

    /** Sets who may edit sheet {@code id} through its link; false when the sheet is not saved. */
    public boolean setLinkMode(String id, SheetOwner.LinkMode mode) {
        requireId(id);
        return jdbc.sql("UPDATE sheet SET link_mode = ? WHERE id = ?").params(mode.name(), id).update() == 1;
    }

    /** Gives sheet {@code id} to {@code owner} (a student's copy made by the server); false when not saved. */
    public boolean setOwner(String id, String owner) {
        requireId(id);
        return jdbc.sql("UPDATE sheet SET owner = ? WHERE id = ?").params(owner, id).update() == 1;
    }

    /** Deletes sheet {@code id} with its history; false when there was none. */
    public boolean delete(String id) {
        if (!isValidId(id)) {
            return false;
        }
        Integer gone = tx.execute(status -> {
            jdbc.sql("DELETE FROM sheet_revision WHERE sheet_id = ?").param(id).update();
            return jdbc.sql("DELETE FROM sheet WHERE id = ?").param(id).update();
        });
        return gone != null && gone > 0;
    }

    /** Who made each kept revision of sheet {@code id} (revision number to author key; unknown ones left out). */
    public java.util.Map<Long, String> revisionAuthors(String id) {
        java.util.Map<Long, String> out = new java.util.HashMap<>();
        if (!isValidId(id)) {
            return out;
        }
        jdbc.sql("SELECT revision, author FROM sheet_revision WHERE sheet_id = ? AND author IS NOT NULL").param(id)
                .query(rs -> {
                    out.put(rs.getLong(1), rs.getString(2));
                });
        return out;
    }

    /** The database this store writes to (the classroom's tables live beside the sheets). */
    public DataSource dataSource() {
        return dataSource;
    }

    private static void requireId(String id) {
        if (!isValidId(id)) {
            throw new IllegalArgumentException("not a sheet id");
        }
    }
}
