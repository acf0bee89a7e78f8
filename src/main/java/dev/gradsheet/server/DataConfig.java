package dev.gradsheet.server;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The sheets' database: Spring Boot makes the {@link DataSource} from {@code spring.datasource.*}
 * (an embedded H2 file in {@code gradsheet.data-dir} unless set, see application.properties) and
 * Flyway migrates it (the SQL of {@code db/migration} and the {@link EditLabelsMigration}); this makes the {@link SheetStore} over it, imports the data directory's old
 * {@code *.sheet} files once, and runs the optional deletion of sheets nobody opens
 * ({@code gradsheet.delete-unopened-after}, off by default).
 */
@Configuration
@EnableScheduling
public class DataConfig {
    private static final Logger LOG = LoggerFactory.getLogger(DataConfig.class);

    /**
     * H2 refuses a file path relative to the working directory unless it starts with {@code ./};
     * a data directory given as {@code GRADSHEET_DATA_DIR=data} is made absolute instead.
     */
    @Bean
    static org.springframework.beans.factory.config.BeanPostProcessor embeddedDatabasePath() {
        return new org.springframework.beans.factory.config.BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof org.springframework.boot.autoconfigure.jdbc.DataSourceProperties props
                        && props.getUrl() != null && props.getUrl().startsWith("jdbc:h2:file:")) {
                    String rest = props.getUrl().substring("jdbc:h2:file:".length());
                    int options = rest.indexOf(';');
                    String file = options < 0 ? rest : rest.substring(0, options);
                    if (!file.startsWith("~")) {
                        props.setUrl("jdbc:h2:file:" + Path.of(file).toAbsolutePath().normalize()
                                + (options < 0 ? "" : rest.substring(options)));
                    }
                }
                return bean;
            }
        };
    }

    /** Schema version 2, which Spring Boot's Flyway runs with the SQL migrations. */
    @Bean
    static org.flywaydb.core.api.migration.JavaMigration editLabelsMigration() {
        return new EditLabelsMigration();
    }

    @Bean
    @DependsOnDatabaseInitialization
    SheetStore sheetStore(DataSource dataSource, @Value("${gradsheet.data-dir:./data}") String dataDir,
                          @Value("${gradsheet.history.keep-last:100}") int keepLast,
                          @Value("${gradsheet.history.keep-daily:true}") boolean keepDaily,
                          @Value("${gradsheet.history.max-chars:200000000}") long maxChars) {
        SheetStore store = new SheetStore(dataSource, new HistoryPolicy(keepLast, keepDaily, maxChars));
        store.importOnce(Path.of(dataDir));
        return store;
    }

    @Bean
    UnopenedSheetCleanup unopenedSheetCleanup(SheetStore store, SheetRegistry registry,
                                              @Value("${gradsheet.delete-unopened-after:0d}") Duration after) {
        return new UnopenedSheetCleanup(store, registry, after);
    }

    /**
     * Deletes, once an hour, the saved sheets nobody opened for {@code after} (zero: never), with
     * their history; a sheet open in a tab now is never deleted.
     */
    public static final class UnopenedSheetCleanup {
        private final SheetStore store;
        private final SheetRegistry registry;
        private final Duration after;

        UnopenedSheetCleanup(SheetStore store, SheetRegistry registry, Duration after) {
            this.store = store;
            this.registry = registry;
            this.after = after;
            if (!after.isZero() && !after.isNegative()) {
                LOG.info("sheets nobody opened for {} are deleted", after);
            }
        }

        /** One pass: returns the ids deleted (none when switched off). */
        public List<String> run(Instant now) {
            if (after.isZero() || after.isNegative()) {
                return List.of();
            }
            List<String> gone = store.deleteNotOpenedSince(now.minus(after), registry::isLive);
            if (!gone.isEmpty()) {
                LOG.info("deleted {} sheets nobody opened for {}", gone.size(), after);
            }
            return gone;
        }

        @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
        void hourly() {
            try {
                run(Instant.now());
            } catch (RuntimeException e) {
                LOG.error("deleting unopened sheets failed: {}", LogText.of(e));
            }
        }
    }
}
