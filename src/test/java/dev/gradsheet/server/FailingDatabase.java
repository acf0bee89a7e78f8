package dev.gradsheet.server;

import dev.gradsheet.jobs.JobPool;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/** Test helper: a database that stops answering on demand, and a registry saving to it. */
public final class FailingDatabase {
    private FailingDatabase() {
    }

    /** A database that stops answering while {@code down} is set (a full disk, a lost connection). */
    public static DataSource failingWhile(DataSource real, AtomicBoolean down) {
        return (DataSource) Proxy.newProxyInstance(FailingDatabase.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (down.get() && method.getName().equals("getConnection")) {
                        throw new SQLException("the database is unreachable");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** A registry with the default limits saving to an embedded database in {@code dir} that fails while {@code down}. */
    public static SheetRegistry registry(Path dir, AtomicBoolean down) {
        SheetStore store = new SheetStore(failingWhile(SheetStore.embeddedDataSource(dir), down), HistoryPolicy.DEFAULT);
        return new SheetRegistry(store, ServerLimits.defaults(), new JobPool(2, 2));
    }

    /** Stops {@code registry} as the server's shutdown does. */
    public static void shutdown(SheetRegistry registry) {
        registry.shutdown();
    }
}
