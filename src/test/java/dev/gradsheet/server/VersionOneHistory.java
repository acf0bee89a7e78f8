package dev.gradsheet.server;

import java.util.List;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A database as schema version 1 left it: one sheet whose revisions were named in English only, as
 * the server wrote them before edits carried typed labels (tests of the migration and of what the
 * page shows of such revisions).
 */
public final class VersionOneHistory {
    private VersionOneHistory() {
    }

    /**
     * Migrates {@code ds} to version 1 only ({@code schema} adds the test's schema, if any) and saves
     * sheet {@code id} with {@code text} once per name, oldest first (objective L = 4 each time).
     */
    public static void write(DataSource ds, UnaryOperator<FluentConfiguration> schema, String id, String text,
                             List<String> names) {
        schema.apply(EditLabelsMigration.flyway(ds)).target("1").load().migrate();
        JdbcClient jdbc = JdbcClient.create(ds);
        jdbc.sql("INSERT INTO sheet (id, content, revision, created_at, saved_at, opened_at) VALUES (?, ?, ?, 1, 1, 1)")
                .params(id, text, names.size()).update();
        for (int r = 1; r <= names.size(); r++) {
            jdbc.sql("INSERT INTO sheet_revision (sheet_id, revision, saved_at, edit, objective, objective_value, content)"
                    + " VALUES (?, ?, ?, ?, 'L', 4, ?)").params(id, r, 1000L * r, names.get(r - 1), text).update();
        }
    }
}
