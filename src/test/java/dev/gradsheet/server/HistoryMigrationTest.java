package dev.gradsheet.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.gradsheet.engine.EditLabel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Schema version 3 (each revision's visit and size, whether a history is full) reaches the databases
 * that versions 4–9 had migrated before it existed, on H2 and on PostgreSQL: applied out of order,
 * their revisions measured, and thinning works on them at once.
 */
class HistoryMigrationTest {
    private static final List<String> BEFORE_V3 = List.of("V1__sheets.sql", "V4__users.sql", "V5__sheet_owner.sql",
            "V6__classes.sql", "V7__assignments.sql", "V8__copies.sql", "V9__hand_ins.sql");

    @TempDir
    Path dir;

    @Test
    void onH2() throws Exception {
        try (HikariDataSource ds = (HikariDataSource) SheetStore.embeddedDataSourceUnmigrated(dir.resolve("db"))) {
            aVersionNineDatabaseGetsVersionThree(ds, UnaryOperator.identity());
        }
    }

    @Test
    void onPostgres() throws Exception {
        try (TestPostgres postgres = TestPostgres.require("the history migration on PostgreSQL");
             HikariDataSource ds = postgres.pool()) {
            aVersionNineDatabaseGetsVersionThree(ds, f -> f.schemas(postgres.schema()));
        }
    }

    /** The migrations a server had before version 3, in a folder of their own. */
    private Path migrationsBeforeVersionThree() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("before-v3"));
        for (String name : BEFORE_V3) {
            try (InputStream in = getClass().getResourceAsStream("/db/migration/" + name)) {
                Files.copy(in, folder.resolve(name));
            }
        }
        return folder;
    }

    private void aVersionNineDatabaseGetsVersionThree(DataSource ds, UnaryOperator<FluentConfiguration> schema) throws Exception {
        schema.apply(Flyway.configure().dataSource(ds).javaMigrations(new EditLabelsMigration())
                .locations("filesystem:" + migrationsBeforeVersionThree())).load().migrate();
        JdbcClient jdbc = JdbcClient.create(ds);
        String id = SheetStore.newId();
        String text = "x = input(1)\n";
        jdbc.sql("INSERT INTO sheet (id, content, revision, created_at, saved_at, opened_at, owner) VALUES (?, ?, 2, 1, 1, 1, ?)")
                .params(id, text, "b:owner").update();
        for (int r = 1; r <= 2; r++) {
            jdbc.sql("INSERT INTO sheet_revision (sheet_id, revision, saved_at, edit, edit_label, content, author)"
                    + " VALUES (?, ?, ?, 'saved', '[\"SAVED\"]', ?, 'b:owner')").params(id, r, 1000L * r, text).update();
        }

        // Flyway alone refuses a version older than the newest applied; the project's configuration applies it
        assertThatThrownBy(() -> schema.apply(Flyway.configure().dataSource(ds).javaMigrations(new EditLabelsMigration()))
                .load().migrate()).hasMessageContaining("Detected resolved migration not applied to database: 3");
        schema.apply(EditLabelsMigration.flyway(ds)).load().migrate();

        assertThat(jdbc.sql("SELECT chars FROM sheet_revision WHERE sheet_id = ? ORDER BY revision").param(id)
                .query(Long.class).list()).containsExactly((long) text.length(), (long) text.length());
        SheetStore store = new SheetStore(ds, new HistoryPolicy(1, false));
        assertThat(store.historyFull(id)).isFalse();
        store.saveFrom(id, "x = input(2)\n", 2, text, EditLabel.of(EditLabel.Kind.SET_VALUE, "x", 2), null, Double.NaN,
                RevisionOrigin.by("b:owner", "visit"), SheetOwner.NONE);
        // kept: the owner's first revision (#1), the ends of their visit without an id (#1-#2) and of this one (#3)
        assertThat(store.revisions(id)).extracting(Revision::number).containsExactly(3L, 2L, 1L);
    }
}
