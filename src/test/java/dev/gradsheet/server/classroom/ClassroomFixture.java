package dev.gradsheet.server.classroom;

import dev.gradsheet.jobs.JobPool;
import dev.gradsheet.server.HistoryPolicy;
import dev.gradsheet.server.LiveEvents;
import dev.gradsheet.server.ServerLimits;
import dev.gradsheet.server.SheetRegistry;
import dev.gradsheet.server.SheetStore;
import dev.gradsheet.server.access.SheetAccess;
import dev.gradsheet.server.access.SheetActions;
import dev.gradsheet.server.people.UserStore;
import java.time.Clock;
import javax.sql.DataSource;

/**
 * The classroom's parts over one migrated database, wired as the web app wires them (without Spring):
 * the tests' way to a registry, the stores, the workflow and the access rules.
 */
public final class ClassroomFixture implements AutoCloseable {
    public final SheetStore store;
    public final SheetRegistry registry;
    public final LiveEvents events;
    public final UserStore users;
    public final ClassroomStore classes;
    public final Classroom classroom;
    public final SheetAccess access;
    public final SheetActions actions;
    private final JobPool jobs;

    public ClassroomFixture(DataSource migrated, Clock clock) {
        store = new SheetStore(migrated, HistoryPolicy.DEFAULT, clock);
        jobs = new JobPool(1, 4);
        registry = new SheetRegistry(store, ServerLimits.defaults(), jobs);
        events = new LiveEvents(store);
        users = new UserStore(migrated, clock);
        classes = new ClassroomStore(migrated, clock);
        classroom = new Classroom(classes, users, registry, events, clock);
        access = new SheetAccess(registry, classes);
        actions = new SheetActions(registry, access, classroom, events);
    }

    @Override
    public void close() {
        registry.flush();
        jobs.close();
    }
}
