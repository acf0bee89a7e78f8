package dev.gradsheet.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradsheet.jobs.JobPool;
import dev.gradsheet.sheet.Examples;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;

import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The storage of sheets' owners: every sheet has an owner and a link mode, saved in the insert that
 * makes its row; every revision records who made it; sheets stored before the change keep
 * link-editing.
 */
class SheetOwnershipTest {
    @TempDir
    Path dir;

    /** An edit source acting for someone, as a tab's presenter does. */
    record Tab(Actor actor) implements ActsFor {
    }

    @Test
    void aNewSheetIsSavedWithItsOwnerViewOnlyAndEachRevisionWithItsAuthor() throws Exception {
        SheetStore store = SheetStore.embedded(dir, HistoryPolicy.DEFAULT);
        try (JobPool jobs = new JobPool(1, 2)) {
            SheetRegistry registry = new SheetRegistry(store, ServerLimits.defaults(), jobs);
            Actor ada = Actor.browser("a".repeat(32));
            Actor bob = Actor.user("bbbbbbbbbbbbbbbb", Actor.Role.STUDENT, "Bob");
            SharedSheet s = registry.create(Examples.WORKED.load(), SheetOwner.of(ada.key()));
            assertThat(store.owner(s.id())).isEmpty(); // nothing written until it changes

            s.sheet().actingAs(new Tab(ada), () -> s.sheet().setValue("x", 1));
            registry.flush();
            assertThat(store.owner(s.id())).contains(new SheetOwner(ada.key(), SheetOwner.LinkMode.VIEW));

            s.sheet().actingAs(new Tab(bob), () -> s.sheet().setValue("y", 1));
            registry.flush();
            s.sheet().setValue("y", 2); // no one in particular (a training job, say)
            registry.flush();
            assertThat(store.revisionAuthors(s.id())).isEqualTo(Map.of(1L, ada.key(), 2L, bob.key()));
            assertThat(store.revisions(s.id())).hasSize(3);

            registry.setLinkMode(s, SheetOwner.LinkMode.EDIT, new LiveEvents(store));
            assertThat(store.owner(s.id()).map(SheetOwner::linkMode)).contains(SheetOwner.LinkMode.EDIT);
            assertThat(registry.owner(s).linkMode()).isEqualTo(SheetOwner.LinkMode.EDIT);
        }
    }

    @Test
    void sheetsStoredBeforeOwnersKeepLinkEditingAndNewRowsDefaultToViewOnly() {
        DataSource ds = SheetStore.embeddedDataSourceUnmigrated(dir);
        EditLabelsMigration.flyway(ds).target(MigrationVersion.fromVersion("1")).load().migrate();
        JdbcClient jdbc = JdbcClient.create(ds);
        jdbc.sql("INSERT INTO sheet (id, content, revision, created_at, saved_at, opened_at) VALUES (?, ?, 1, 0, 0, 0)")
                .params("oldoldoldoldold1", "x = input(1)\n").update();
        EditLabelsMigration.flyway(ds).load().migrate();
        SheetStore store = new SheetStore(ds, HistoryPolicy.DEFAULT);
        assertThat(store.owner("oldoldoldoldold1")).contains(SheetOwner.NONE); // no owner, anyone with the link edits
        jdbc.sql("INSERT INTO sheet (id, content, revision, created_at, saved_at, opened_at) VALUES (?, ?, 1, 0, 0, 0)")
                .params("newnewnewnewnew1", "x = input(1)\n").update();
        assertThat(store.owner("newnewnewnewnew1").map(SheetOwner::linkMode)).contains(SheetOwner.LinkMode.VIEW);
        assertThat(store.delete("oldoldoldoldold1")).isTrue();
        assertThat(store.owner("oldoldoldoldold1")).isEmpty();
        assertThat(Instant.now()).isNotNull();
    }
}
