package dev.gradsheet.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Schema version 2: every revision's edit gets a typed, language-free name in a new column
 * {@code edit_label} ({@link EditLabelCodec}), and the revisions saved before it, named in English
 * only, are given theirs by reading that English once ({@link LegacyEditLabels}).
 *
 * <p>A Java migration rather than SQL: reading the old names takes the same forms on H2 and
 * PostgreSQL, and as a Flyway migration it runs exactly once per database, under Flyway's lock and
 * in its transaction — servers of a cluster starting together never convert a row twice, and no
 * code path at run time ever reads English. The {@code edit} column stays, in English, for people
 * reading the database (and for an older server during an upgrade).
 */
public final class EditLabelsMigration implements JavaMigration {
    private static final int BATCH = 500;

    /**
     * Flyway over {@code dataSource} with this project's migrations: the SQL ones of
     * {@code db/migration} and this one. Spring Boot's Flyway gets it as a bean ({@link DataConfig}).
     * Out of order: version 3 came after versions 4–9 had already run on some databases, which
     * Flyway would otherwise refuse to start with (application.properties says the same to Spring's).
     */
    public static FluentConfiguration flyway(DataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).javaMigrations(new EditLabelsMigration()).outOfOrder(true);
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("2");
    }

    @Override
    public String getDescription() {
        return "typed edit labels";
    }

    @Override
    public Integer getChecksum() {
        return 2; // changes only if this migration is ever changed (it never should be)
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement st = c.createStatement()) {
            st.execute("ALTER TABLE sheet_revision ADD COLUMN edit_label TEXT");
        }
        try (Statement read = c.createStatement();
             PreparedStatement write = c.prepareStatement(
                     "UPDATE sheet_revision SET edit_label = ? WHERE sheet_id = ? AND revision = ?")) {
            read.setFetchSize(BATCH); // a big history is read in pieces, not held whole
            ResultSet rows = read.executeQuery("SELECT sheet_id, revision, edit FROM sheet_revision");
            int pending = 0;
            while (rows.next()) {
                write.setString(1, EditLabelCodec.encode(LegacyEditLabels.label(rows.getString(3))));
                write.setString(2, rows.getString(1));
                write.setLong(3, rows.getLong(2));
                write.addBatch();
                if (++pending == BATCH) {
                    write.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                write.executeBatch();
            }
        }
    }
}
