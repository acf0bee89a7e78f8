package dev.gradsheet.server;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One PostgreSQL LISTEN channel, heard on a daemon thread of its own holding one connection, which
 * reconnects after a failure: how the servers of a cluster tell each other about saves and classroom
 * events. Every notification's payload goes to the listener, the listening server's own included.
 */
public final class PgChannel {
    private static final Logger LOG = LoggerFactory.getLogger(PgChannel.class);

    private PgChannel() {
    }

    /** Listens on {@code channel} (a constant, never user input) until the result is closed. */
    public static AutoCloseable listen(DataSource dataSource, String channel, Consumer<String> onPayload) {
        AtomicBoolean closed = new AtomicBoolean();
        Thread t = new Thread(() -> {
            while (!closed.get()) {
                try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
                    st.execute("LISTEN " + channel);
                    PGConnection pg = c.unwrap(PGConnection.class);
                    while (!closed.get()) {
                        PGNotification[] notes = pg.getNotifications(250);
                        for (PGNotification n : notes == null ? new PGNotification[0] : notes) {
                            onPayload.accept(n.getParameter());
                        }
                    }
                } catch (SQLException | RuntimeException e) {
                    if (!closed.get()) {
                        LOG.warn("listening on {} failed, again in 1 s: {}", channel, e.toString());
                        try {
                            Thread.sleep(1000);
                        } catch (InterruptedException stop) {
                            return;
                        }
                    }
                }
            }
        }, "gradsheet-listen-" + channel);
        t.setDaemon(true);
        t.start();
        return () -> closed.set(true);
    }
}
