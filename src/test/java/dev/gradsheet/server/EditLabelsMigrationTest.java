package dev.gradsheet.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.gradsheet.engine.EditLabel;
import dev.gradsheet.engine.EditLabel.Kind;
import dev.gradsheet.sheet.Examples;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Schema version 2 on H2 and on PostgreSQL: revisions saved before it, named in English only, read
 * afterwards as their typed labels (so they show in every language); revisions saved after it keep
 * their labels exactly.
 */
class EditLabelsMigrationTest {
    /** Names as the server wrote them before labels were typed, and the labels they stand for. */
    private static final Map<String, EditLabel> OLD = new LinkedHashMap<>();

    static {
        EditLabel set = EditLabel.of(Kind.SET_VALUE, "z", -3);
        OLD.put("set z = -3", set);
        OLD.put("SGD step (lr 0.01)", EditLabel.of(Kind.SGD_STEP, 0.01));
        OLD.put("train at lr 0.5 (batch 4): 37 steps to epoch 37",
                EditLabel.trained(EditLabel.of(Kind.TRAIN_AT, 0.5, 4), 37, 37));
        OLD.put("set z = -3, then undo SGD step (lr 0.01)",
                EditLabel.of(Kind.THEN, set, EditLabel.undo(EditLabel.of(Kind.SGD_STEP, 0.01))));
        OLD.put("add h (+3 more)", EditLabel.of(Kind.MORE, EditLabel.of(Kind.ADD, "h"), 3));
        OLD.put("10000 SGD steps (lr 0.01), stopped at step 42 (merged with another server's)",
                EditLabel.of(Kind.MERGED, EditLabel.stopped(EditLabel.of(Kind.SGD_STEPS, 10000, 0.01), 42)));
        OLD.put("imported from abcdefgh12345678.sheet", EditLabel.of(Kind.IMPORTED, "abcdefgh12345678.sheet"));
        OLD.put("data table (30 rows)", EditLabel.of(Kind.DATA_TABLE, 30));
        OLD.put("restore revision #3", EditLabel.of(Kind.RESTORE, 3));
        OLD.put("something else", EditLabel.of(Kind.VERBATIM, "something else"));
    }

    @TempDir
    Path dir;

    @Test
    void onH2() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(SheetStore.embeddedUrl(dir));
        config.setUsername("sa");
        try (HikariDataSource ds = new HikariDataSource(config)) {
            oldRevisionsReadAsTheirLabelsAndNewOnesRoundTrip(ds, UnaryOperator.identity());
        }
    }

    @Test
    void onPostgres() throws Exception {
        try (TestPostgres postgres = TestPostgres.require("the edit labels migration on PostgreSQL");
             HikariDataSource ds = postgres.pool()) {
            oldRevisionsReadAsTheirLabelsAndNewOnesRoundTrip(ds, f -> f.schemas(postgres.schema()));
        }
    }

    /** The revisions' {@code what}, oldest first. */
    private static <T> List<T> oldestFirst(List<Revision> revisions, java.util.function.Function<Revision, T> what) {
        List<T> out = new java.util.ArrayList<>(revisions.stream().map(what).toList());
        java.util.Collections.reverse(out);
        return out;
    }

    private void oldRevisionsReadAsTheirLabelsAndNewOnesRoundTrip(DataSource ds, UnaryOperator<FluentConfiguration> schema) {
        // a database as version 1 left it, with a sheet saved once per old name
        String id = SheetStore.newId();
        String text = Examples.WORKED.text();
        VersionOneHistory.write(ds, schema, id, text, List.copyOf(OLD.keySet()));

        schema.apply(EditLabelsMigration.flyway(ds)).load().migrate();

        JdbcClient jdbc = JdbcClient.create(ds);
        SheetStore store = new SheetStore(ds, HistoryPolicy.DEFAULT);
        List<Revision> revisions = store.revisions(id);
        assertThat(oldestFirst(revisions, Revision::edit)).containsExactlyElementsOf(OLD.values());
        // the English reads as it did
        assertThat(oldestFirst(revisions, r -> r.edit().english())).containsExactlyElementsOf(OLD.keySet());
        assertThat(revisions.get(0).objective()).isEqualTo("L");

        // a save after the migration keeps its label exactly, nested labels, counts and numbers too
        EditLabel made = EditLabel.together(EditLabel.together(EditLabel.undo(EditLabel.of(Kind.FORMULA, "f", "q * z")),
                EditLabel.of(Kind.DATA_TABLE, 1)), EditLabel.of(Kind.SET_VALUE, "z", 0.1 + 0.2));
        store.save(id, text, made, "L", 4);
        Revision newest = store.revisions(id).get(0);
        assertThat(newest.number()).isEqualTo(OLD.size() + 1L);
        assertThat(newest.edit()).isEqualTo(EditLabel.of(Kind.MORE, EditLabel.undo(EditLabel.of(Kind.FORMULA, "f", "q * z")), 2));
        // the English column stays, for people reading the database
        assertThat(jdbc.sql("SELECT edit FROM sheet_revision WHERE sheet_id = ? AND revision = ?")
                .params(id, newest.number()).query(String.class).single()).isEqualTo("undo formula f = q * z (+2 more)");

        // a row an older server wrote during an upgrade (no label), or one this version cannot read:
        // its English, as written
        jdbc.sql("INSERT INTO sheet_revision (sheet_id, revision, saved_at, edit, content) VALUES (?, ?, 1, ?, ?)")
                .params(id, OLD.size() + 2, "set z = 2", text).update();
        jdbc.sql("INSERT INTO sheet_revision (sheet_id, revision, saved_at, edit, edit_label, content)"
                + " VALUES (?, ?, 1, ?, ?, ?)").params(id, OLD.size() + 3, "a later kind", "[\"A_LATER_KIND\"]", text).update();
        assertThat(store.revisions(id)).extracting(Revision::edit).startsWith(
                EditLabel.of(Kind.VERBATIM, "a later kind"), EditLabel.of(Kind.VERBATIM, "set z = 2"));
    }
}
