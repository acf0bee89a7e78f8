package dev.gradsheet.server;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Assumptions;

/**
 * The tests' PostgreSQL: a schema of its own per test on the database at {@code GRADSHEET_TEST_PG_URL}
 * (default jdbc:postgresql://localhost:5432/gradsheet_it, user and password {@code gradsheet};
 * {@code .ci/run} installs, starts and creates it). Without a PostgreSQL a test is skipped with a
 * message, except under {@code CI=true}, where it fails.
 */
public final class TestPostgres implements AutoCloseable {
    public static final String URL = env("GRADSHEET_TEST_PG_URL", "jdbc:postgresql://localhost:5432/gradsheet_it");
    public static final String USER = env("GRADSHEET_TEST_PG_USER", "gradsheet");
    public static final String PASSWORD = env("GRADSHEET_TEST_PG_PASSWORD", "gradsheet");

    private final String schema;

    private TestPostgres(String schema) {
        this.schema = schema;
    }

    /** A fresh schema, or the test is skipped (failed under CI) when there is no PostgreSQL. */
    public static TestPostgres require(String what) {
        String schema = "it_" + SheetStore.newId();
        String why = null;
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD)) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            why = e.getMessage();
        }
        if (why != null && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true but PostgreSQL is not reachable at " + URL + ": " + why);
        }
        Assumptions.assumeTrue(why == null, "Skipping " + what + ": no PostgreSQL at " + URL + " (" + why
                + "). .ci/run installs and starts it (apt-get install -y postgresql); or set GRADSHEET_TEST_PG_URL.");
        return new TestPostgres(schema);
    }

    /** The test's schema. */
    public String schema() {
        return schema;
    }

    /** The JDBC URL of the test's schema. */
    public String url() {
        return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** A pool on the test's schema, migrated by Flyway; the caller closes it. */
    public HikariDataSource migratedPool() {
        HikariDataSource ds = pool();
        EditLabelsMigration.flyway(ds).schemas(schema).load().migrate();
        return ds;
    }

    /** A pool on the test's schema, not migrated (a test of a migration); the caller closes it. */
    public HikariDataSource pool() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url());
        config.setUsername(USER);
        config.setPassword(PASSWORD);
        config.setMaximumPoolSize(4);
        return new HikariDataSource(config);
    }

    /** Drops the test's schema. */
    @Override
    public void close() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD)) {
            c.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private static String env(String name, String otherwise) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? otherwise : v;
    }
}
