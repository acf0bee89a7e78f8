package dev.gradsheet.server;

import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.subjects.PublishSubject;
import io.reactivex.rxjava3.subjects.Subject;
import jakarta.annotation.PreDestroy;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Small events every open page of a cluster must hear at once — a sheet's sharing changed or it was
 * deleted, a student's work on an assignment moved — as topics such as {@code sheet:<id>} or
 * {@code assignment:<id>}. On one server they go straight to the subscribers; on PostgreSQL they also
 * go out through NOTIFY (as sheets' saves do) and the other servers' subscribers hear them too.
 */
@Service
public class LiveEvents {
    private static final Logger LOG = LoggerFactory.getLogger(LiveEvents.class);
    static final String CHANNEL = "gradsheet_events";
    private static final Pattern TOPIC = Pattern.compile("[a-z]+:[a-z0-9]{1,32}");

    private final Subject<String> topics = PublishSubject.<String>create().toSerialized();
    private final String server = UUID.randomUUID().toString().substring(0, 8);
    private final SheetStore store;
    private final AutoCloseable listening;

    public LiveEvents(SheetStore store) {
        this.store = store;
        this.listening = store.isPostgres() ? PgChannel.listen(store.dataSource(), CHANNEL, this::heard) : () -> { };
    }

    /** Tells every subscriber (on every server) that {@code topic} changed. */
    public void publish(String topic) {
        if (!TOPIC.matcher(topic).matches()) {
            throw new IllegalArgumentException("not a topic: " + topic);
        }
        topics.onNext(topic);
        if (store.isPostgres()) {
            try {
                JdbcClient.create(store.dataSource()).sql("SELECT pg_notify('" + CHANNEL + "', ?)")
                        .param(server + " " + topic).query(rs -> { });
            } catch (RuntimeException e) {
                LOG.warn("event {} not sent to the other servers: {}", topic, e.toString());
            }
        }
    }

    /** The topics as they are published (on any thread). */
    public Observable<String> topics() {
        return topics;
    }

    /** The topic {@code topic} each time it is published. */
    public Observable<String> of(String topic) {
        return topics.filter(topic::equals);
    }

    private void heard(String payload) {
        int space = payload.indexOf(' ');
        if (space > 0 && !payload.substring(0, space).equals(server)) { // this server's own went out directly
            String topic = payload.substring(space + 1);
            if (TOPIC.matcher(topic).matches()) {
                topics.onNext(topic);
            }
        }
    }

    @PreDestroy
    void close() throws Exception {
        listening.close();
    }
}
