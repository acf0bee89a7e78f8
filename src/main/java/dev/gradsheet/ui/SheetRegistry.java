package dev.gradsheet.ui;

import dev.gradsheet.sheet.SheetFile;
import dev.gradsheet.sheet.SheetFormatException;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The live sheets of the server, shared by all sessions: a sheet is created once (from an example
 * or an upload), gets a random id, and every tab opening {@code /sheet/<id>} works on the same
 * {@link SharedSheet}. Every change is autosaved to the data directory shortly after it happens
 * (atomic writes), and a sheet not in memory is loaded from there, so sheets survive reloads and
 * server restarts.
 */
@Service
public class SheetRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(SheetRegistry.class);
    /** How long autosave waits after a change, so a burst of edits is written once. */
    static final long SAVE_DELAY_MS = 200;

    private final SheetStore store;
    private final Map<String, SharedSheet> live = new ConcurrentHashMap<>();
    private final Set<String> dirty = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService saver = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gradsheet-autosave");
        t.setDaemon(true);
        return t;
    });

    /** A registry saving to {@code gradsheet.data-dir} (default {@code ./data}). */
    public SheetRegistry(@Value("${gradsheet.data-dir:./data}") String dataDir) {
        this.store = new SheetStore(Path.of(dataDir));
        LOG.info("GradSheet saves sheets to {}", store.dir());
    }

    public SheetStore store() {
        return store;
    }

    /** Registers a freshly loaded sheet under a new random id and saves it at once. */
    public SharedSheet create(SheetFile.Loaded loaded) {
        String id;
        do {
            id = SheetStore.newId();
        } while (live.containsKey(id));
        SharedSheet shared = shared(id, loaded);
        live.put(id, shared);
        watch(shared);
        saveNow(shared);
        return shared;
    }

    /**
     * The sheet with this id: the live one, else the saved one (loaded and made live), else empty.
     * Ids that are not of the random-id shape are never looked up on disk.
     *
     * @throws SheetUnreadableException when a saved file exists but cannot be read
     */
    public Optional<SharedSheet> find(String id) {
        if (!SheetStore.isValidId(id)) {
            return Optional.empty();
        }
        SharedSheet known = live.get(id);
        if (known != null) {
            return Optional.of(known);
        }
        synchronized (this) {
            known = live.get(id);
            if (known != null) {
                return Optional.of(known);
            }
            Optional<SheetFile.Loaded> loaded;
            try {
                loaded = store.load(id);
            } catch (IOException e) {
                throw new SheetUnreadableException("the saved sheet could not be read: " + e.getMessage());
            } catch (SheetFormatException e) {
                throw new SheetUnreadableException("the saved sheet is damaged: " + String.join("; ", e.lines()));
            }
            if (loaded.isEmpty()) {
                return Optional.empty();
            }
            SharedSheet shared = shared(id, loaded.get());
            live.put(id, shared);
            watch(shared);
            return Optional.of(shared);
        }
    }

    private static SharedSheet shared(String id, SheetFile.Loaded loaded) {
        return new SharedSheet(id, loaded.sheet(), loaded.description(),
                new java.util.concurrent.atomic.AtomicReference<>(loaded.data()),
                new java.util.concurrent.atomic.AtomicReference<>(loaded.claims()),
                new java.util.concurrent.atomic.AtomicReference<>(loaded.practice()));
    }

    private void watch(SharedSheet shared) {
        shared.sheet().changes().subscribe(change -> {
            try {
                scheduleSave(shared);
            } catch (RuntimeException e) { // shutting down: the final flush saves it
                LOG.warn("autosave of sheet {} not scheduled: {}", shared.id(), e.toString());
            }
        }, error -> LOG.error("change stream of sheet {} failed: {}", shared.id(), error.toString()));
    }

    private void scheduleSave(SharedSheet shared) {
        if (dirty.add(shared.id())) {
            saver.schedule(() -> {
                dirty.remove(shared.id());
                saveNow(shared);
            }, SAVE_DELAY_MS, TimeUnit.MILLISECONDS);
        }
    }

    /** Writes the sheet now (atomically); failures are logged, the live sheet stays as it is. */
    public void saveNow(SharedSheet shared) {
        try {
            synchronized (shared) {
                store.save(shared.id(), SheetPresenter.text(shared));
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.error("autosave of sheet {} failed: {}", shared.id(), e.toString());
        }
    }

    /** Gives the sheet a new data table (null: none) and saves it with the sheet. */
    public void setData(SharedSheet shared, dev.gradsheet.sheet.DataTable data) {
        shared.dataHolder().set(data);
        scheduleSave(shared);
    }

    /** Saves the sheet soon: for changes outside its cells (claims, practice setting). */
    public void changed(SharedSheet shared) {
        scheduleSave(shared);
    }

    /** Waits until every pending autosave is written: for shutdown and tests. */
    public void flush() {
        for (String id : Set.copyOf(dirty)) {
            SharedSheet shared = live.get(id);
            if (shared != null && dirty.remove(id)) {
                saveNow(shared);
            }
        }
    }

    @PreDestroy
    void shutdown() {
        flush();
        saver.shutdown();
        try {
            saver.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A saved sheet exists but cannot be read; the message is meant for people. */
    public static final class SheetUnreadableException extends RuntimeException {
        public SheetUnreadableException(String message) {
            super(message, null, false, false);
        }
    }
}
