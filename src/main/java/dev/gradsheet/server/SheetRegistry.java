package dev.gradsheet.server;


import dev.gradsheet.engine.EditLabel;
import dev.gradsheet.engine.UndoBudget;
import dev.gradsheet.jobs.JobPool;
import dev.gradsheet.jobs.TrainingJob;
import dev.gradsheet.sheet.DataTable;
import dev.gradsheet.sheet.SheetFile;
import dev.gradsheet.sheet.SheetFormatException;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.disposables.Disposable;
import io.reactivex.rxjava3.subjects.BehaviorSubject;
import jakarta.annotation.PreDestroy;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The live sheets of the server, shared by all sessions: a sheet gets a random id, and every tab
 * opening {@code /sheet/<id>} works on the same {@link SharedSheet}.
 *
 * <p>Memory stays bounded over a semester: a sheet opened from an example or a template costs
 * nothing on disk until someone changes it (or uploads it); every change is then autosaved shortly
 * after it happens (atomic, fsynced writes). A sheet no tab has open leaves memory after
 * {@link ServerLimits#evictAfter()} (its undo history with it) and is loaded from disk when opened
 * again; a sheet that was never changed is simply forgotten. All sheets in memory share one undo
 * budget, and long work runs on the one {@link JobPool}.
 */
@Service
public class SheetRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(SheetRegistry.class);
    /** How long autosave waits after a change, so a burst of edits is written once. */
    public static final long SAVE_DELAY_MS = 200;
    /**
     * Sheets of more cells than this are autosaved only after {@link #BIG_SAVE_QUIET_MS} without an
     * edit: writing one takes its text (tens of MB) under the sheet's read lock, which an
     * edit made meanwhile waits for, so a 1.6M-cell sheet saved 0.2 s after every edit stalled edits.
     */
    public static final int BIG_SHEET_CELLS = 100_000;
    /** How long a big sheet must go without an edit before it is autosaved. */
    public static final long BIG_SAVE_QUIET_MS = 30_000;
    /** When each sheet last changed (System.nanoTime), for the quiet time of big sheets. */
    private final java.util.Map<String, Long> lastChange = new ConcurrentHashMap<>();

    /** A live sheet and who has it open. */
    private static final class Slot {
        final SharedSheet shared;
        Disposable watch;
        int views;
        long idleSince = System.nanoTime();
        /** Where the sheet's edits stand with the database; every tab on it shows this. */
        final BehaviorSubject<SaveState> saveState = BehaviorSubject.createDefault(SaveState.SAVED);

        Slot(SharedSheet shared) {
            this.shared = shared;
        }
    }

    /** Which saved revision a live sheet was last in step with, and its text (the base of a merge). */
    private static final class Sync {
        long revision;
        String text;

        Sync(long revision, String text) {
            this.revision = revision;
            this.text = text;
        }
    }

    /** Set while another server's revision is applied to a live sheet: those changes are not saved again. */
    private static final ThreadLocal<Boolean> APPLYING_REMOTE = ThreadLocal.withInitial(() -> false);

    private final SheetStore store;
    private final Map<String, Sync> sync = new ConcurrentHashMap<>();
    private final AutoCloseable listening;
    private final ServerLimits limits;
    private final RunLimits runs;
    private final JobPool jobs;
    private final UndoBudget undoBudget;
    private final Map<String, Slot> live = new ConcurrentHashMap<>();
    private final Set<String> dirty = ConcurrentHashMap.newKeySet();
    /** The edits made since a sheet's last save, for its next revision's name. */
    private final Map<String, EditLabel> pendingEdits = new ConcurrentHashMap<>();
    private final io.reactivex.rxjava3.subjects.Subject<String> saves =
            io.reactivex.rxjava3.subjects.PublishSubject.<String>create().toSerialized();
    /** Who made the first edit since a sheet's last save: its next revision's author. */
    private final Map<String, String> pendingAuthors = new ConcurrentHashMap<>();
    /** Each live sheet's owner and link mode (saved with its first revision, read when it is loaded). */
    private final Map<String, SheetOwner> owners = new ConcurrentHashMap<>();
    private final ScheduledExecutorService saver = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gradsheet-autosave");
        t.setDaemon(true);
        return t;
    });

    /** A registry saving to {@code store} within these limits, with the default sharing of runs. */
    public SheetRegistry(SheetStore store, ServerLimits limits, JobPool jobs) {
        this(store, limits, jobs, RunLimits.defaults());
    }

    /** A registry saving to {@code store} (the web app's database, see {@link DataConfig}) within these limits. */
    @Autowired
    public SheetRegistry(SheetStore store, ServerLimits limits, JobPool jobs, RunLimits runs) {
        this.store = store;
        this.limits = limits;
        this.runs = runs;
        this.jobs = jobs;
        this.undoBudget = new UndoBudget(limits.undoBudget());
        long sweepMs = Math.max(1000, Math.min(60_000, limits.evictAfter().toMillis() / 2));
        saver.scheduleWithFixedDelay(this::sweep, sweepMs, sweepMs, TimeUnit.MILLISECONDS);
        long watchMs = Math.max(100, Math.min(5_000, runs.unwatchedPause().toMillis() / 4));
        saver.scheduleWithFixedDelay(this::pauseUnwatchedRuns, watchMs, watchMs, TimeUnit.MILLISECONDS);
        // PostgreSQL: other servers' saves reach the live sheets here (see "Running for a school")
        this.listening = store.listen((id, revision) -> {
            try {
                saver.execute(() -> remoteSaved(id, revision));
            } catch (RuntimeException e) { // shutting down
                LOG.debug("revision {} of sheet {} not applied: {}", revision, id, LogText.of(e));
            }
        });
        LOG.info("GradSheet keeps {} revisions of each sheet; limits {}", store.history(), limits);
    }

    /**
     * A registry with the default limits and a pool of its own, saving to an embedded database in
     * {@code dataDir} (tools and tests).
     */
    public SheetRegistry(String dataDir) {
        this(SheetStore.embedded(Path.of(dataDir), HistoryPolicy.DEFAULT), ServerLimits.defaults(), new JobPool(ServerLimits.defaults().workers(), ServerLimits.defaults().queue()));
    }

    public SheetStore store() {
        return store;
    }

    public ServerLimits limits() {
        return limits;
    }

    /** How training runs share the server. */
    public RunLimits runs() {
        return runs;
    }

    /** The server's pool for long work. */
    public JobPool jobs() {
        return jobs;
    }

    /** The undo memory all live sheets share. */
    public UndoBudget undoBudget() {
        return undoBudget;
    }

    /**
     * Registers a freshly loaded sheet (an example, a template) under a new random id. Nothing is
     * written until it changes: a visit that changes nothing leaves nothing on disk.
     */
    public SharedSheet create(SheetFile.Loaded loaded) {
        return create(loaded, SheetOwner.NONE);
    }

    /** As {@link #create(SheetFile.Loaded)}, owned by {@code owner} (a visitor's new sheet: {@link SheetOwner#of}). */
    public SharedSheet create(SheetFile.Loaded loaded, SheetOwner owner) {
        String id;
        do {
            id = SheetStore.newId();
        } while (live.containsKey(id));
        SharedSheet shared = shared(id, loaded);
        owners.put(id, owner);
        makeLive(shared);
        return shared;
    }

    /** The sheet's owner and link mode. */
    public SheetOwner owner(SharedSheet shared) {
        return owners.getOrDefault(shared.id(), SheetOwner.NONE);
    }

    /**
     * Lets anyone with the link edit ({@link SheetOwner.LinkMode#EDIT}) or only view the sheet; the sheet
     * is kept first, and every server's pages on it hear of it ({@code sheet:<id>}).
     */
    public void setLinkMode(SharedSheet shared, SheetOwner.LinkMode mode, LiveEvents events) {
        keep(shared);
        owners.compute(shared.id(), (id, o) -> (o == null ? SheetOwner.NONE : o).withLinkMode(mode));
        store.setLinkMode(shared.id(), mode);
        events.publish("sheet:" + shared.id());
    }

    /** Gives saved sheet {@code id} to {@code ownerKey} (a merged student's copy), here and in the database. */
    public void giveTo(String id, String ownerKey) {
        store.setOwner(id, ownerKey);
        owners.computeIfPresent(id, (k, o) -> new SheetOwner(ownerKey, o.linkMode()));
    }

    /** The id of each sheet just saved on this server (a student's copy moves its dashboard). */
    public io.reactivex.rxjava3.core.Observable<String> saves() {
        return saves;
    }

    /**
     * Reads the sheet's owner and link mode again (another server changed them); false when the sheet
     * is no longer saved (deleted).
     */
    public boolean reloadOwner(String id) {
        Optional<SheetOwner> saved = store.owner(id);
        if (saved.isPresent() && live.containsKey(id)) {
            owners.put(id, saved.get());
        }
        return saved.isPresent();
    }

    /**
     * Deletes the sheet with its history, here and in the database; its open pages hear of it
     * ({@code sheet:<id>}) and say it is gone.
     */
    public void delete(SharedSheet shared, LiveEvents events) {
        forget(shared.id());
        store.delete(shared.id());
        events.publish("sheet:" + shared.id());
    }

    /** Takes sheet {@code id} out of memory without saving it (it was deleted, here or on another server). */
    public void forget(String id) {
        synchronized (this) {
            Slot slot = live.remove(id);
            if (slot != null) {
                slot.watch.dispose();
                slot.shared.sheet().forgetHistory();
                slot.shared.sheet().shareUndoBudget(null);
            }
        }
        dirty.remove(id);
        pendingEdits.remove(id);
        pendingAuthors.remove(id);
        sync.remove(id);
        owners.remove(id);
    }

    /** Writes the sheet now even if it never changed (an upload, a share link someone asked for). */
    public void keep(SharedSheet shared) {
        if (store.revision(shared.id()) == 0) {
            saveNow(shared, EditLabel.of(EditLabel.Kind.KEPT));
        }
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
        synchronized (this) {
            Slot known = live.get(id);
            if (known != null) {
                known.idleSince = System.nanoTime();
                return Optional.of(known.shared);
            }
            Optional<SheetStore.Stored> stored;
            try {
                stored = store.current(id);
            } catch (org.springframework.dao.DataAccessException e) {
                throw new SheetUnreadableException("the saved sheet could not be read: the database did not answer");
            }
            if (stored.isEmpty()) {
                return Optional.empty();
            }
            SheetFile.Loaded loaded;
            try {
                loaded = SheetFile.parse(stored.get().text().getBytes(java.nio.charset.StandardCharsets.UTF_8), id + ".sheet");
            } catch (SheetFormatException e) {
                throw new SheetUnreadableException("the saved sheet is damaged: " + String.join("; ", e.lines()));
            }
            SharedSheet shared = shared(id, loaded);
            sync.put(id, new Sync(stored.get().revision(), stored.get().text()));
            owners.put(id, store.owner(id).orElse(SheetOwner.NONE));
            makeLive(shared);
            return Optional.of(shared);
        }
    }

    private static SharedSheet shared(String id, SheetFile.Loaded loaded) {
        return new SharedSheet(id, loaded.sheet(), loaded.description(), new AtomicReference<>(loaded.data()),
                new AtomicReference<>(loaded.claims()), new AtomicReference<>(loaded.practice()),
                new dev.gradsheet.jobs.JobSlot());
    }

    /** Whether sheet {@code id} is in memory now (tests and monitoring). */
    public boolean isLive(String id) {
        return live.containsKey(id);
    }

    /** How many sheets are in memory. */
    public int liveCount() {
        return live.size();
    }

    private synchronized void makeLive(SharedSheet shared) {
        Slot slot = new Slot(shared);
        shared.sheet().shareUndoBudget(undoBudget);
        slot.watch = shared.sheet().changes().subscribe(change -> {
            if (APPLYING_REMOTE.get()) {
                return; // another server's revision, saved already
            }
            try {
                noteEdit(shared, change.label());
                noteAuthor(shared, change.source() instanceof ActsFor a ? a.actor() : null);
                scheduleSave(shared);
            } catch (RuntimeException e) { // shutting down: the final flush saves it
                LOG.warn("autosave of sheet {} not scheduled: {}", shared.id(), LogText.of(e));
            }
        }, error -> LOG.error("change stream of sheet {} failed: {}", shared.id(), LogText.of(error)));
        live.put(shared.id(), slot);
    }

    /** A tab shows the sheet: it stays in memory, and the store notes it was opened. */
    public void opened(SharedSheet shared) {
        synchronized (this) {
            Slot slot = live.get(shared.id());
            if (slot != null && slot.shared == shared) {
                slot.views++;
            }
        }
        try {
            store.opened(shared.id());
        } catch (RuntimeException e) { // the sheet still opens; only its "last opened" time is old
            LOG.warn("opening of sheet {} not recorded: {}", shared.id(), LogText.of(e));
        }
    }

    /** A tab stopped showing the sheet; once none does, its idle time starts. */
    public synchronized void closed(SharedSheet shared) {
        Slot slot = live.get(shared.id());
        if (slot != null && slot.shared == shared && slot.views > 0) {
            slot.views--;
            slot.idleSince = System.nanoTime();
        }
    }

    /**
     * Pauses every run whose sheet no tab has shown for {@link RunLimits#unwatchedPause()}: a run
     * nobody watches gives its turns to those who do, as TensorFlow Playground pauses with its tab.
     * Reopening the sheet shows it paused, ready to Play on. Returns how many were paused.
     */
    int pauseUnwatchedRuns() {
        long now = System.nanoTime();
        long after = runs.unwatchedPause().toNanos();
        int paused = 0;
        for (Slot slot : List.copyOf(live.values())) {
            synchronized (this) {
                if (slot.views > 0 || now - slot.idleSince < after) {
                    continue;
                }
            }
            TrainingJob run = slot.shared.training().current();
            if (run != null && !run.isDone() && !run.stopRequested()) {
                run.pauseUnwatched();
                paused++;
                LOG.info("the run on sheet {} paused: no tab has shown the sheet for {} s", slot.shared.id(),
                        runs.unwatchedPause().toSeconds());
            }
        }
        return paused;
    }

    private void sweep() {
        try {
            evictIdle(System.nanoTime());
        } catch (RuntimeException e) {
            LOG.error("evicting idle sheets failed: {}", LogText.of(e));
        }
    }

    /**
     * Takes out of memory every sheet no tab has open, idle for {@link ServerLimits#evictAfter()}
     * at time {@code nowNanos} ({@link System#nanoTime()}), and not training; pending changes are
     * saved first. Returns how many left.
     */
    public int evictIdle(long nowNanos) {
        long after = limits.evictAfter().toNanos();
        int evicted = 0;
        for (Slot slot : List.copyOf(live.values())) {
            synchronized (this) {
                if (slot.views > 0 || nowNanos - slot.idleSince < after || slot.shared.training().busy()
                        || live.get(slot.shared.id()) != slot) {
                    continue;
                }
            }
            if (dirty.contains(slot.shared.id()) && !(dirty.remove(slot.shared.id()) && saveNow(slot.shared))) {
                continue; // not saved: it stays in memory, and its save is tried again
            }
            synchronized (this) {
                if (slot.views > 0 || dirty.contains(slot.shared.id()) || live.get(slot.shared.id()) != slot) {
                    continue; // opened or edited while it was being saved
                }
                live.remove(slot.shared.id());
            }
            sync.remove(slot.shared.id());
            owners.remove(slot.shared.id());
            lastChange.remove(slot.shared.id());
            slot.watch.dispose();
            slot.shared.sheet().forgetHistory(); // its undo memory goes back to the shared budget
            slot.shared.sheet().shareUndoBudget(null);
            evicted++;
        }
        return evicted;
    }

    private void scheduleSave(SharedSheet shared) {
        lastChange.put(shared.id(), System.nanoTime());
        if (dirty.add(shared.id())) {
            publish(shared, failures.containsKey(shared.id()) ? SaveState.FAILING : SaveState.SAVING);
            saveWhenQuiet(shared, saveDelayMs(shared));
        }
    }

    /** Tells every tab on the sheet where its edits stand. */
    private void publish(SharedSheet shared, SaveState state) {
        Slot slot = live.get(shared.id());
        if (slot != null && slot.saveState.getValue() != state) {
            slot.saveState.onNext(state);
        }
    }

    /**
     * Where sheet {@code shared}'s edits stand with the database: now on subscribe, then each change
     * (on the thread that saved, or the editing thread).
     */
    public Observable<SaveState> saveState(SharedSheet shared) {
        Slot slot = live.get(shared.id());
        return slot == null || slot.shared != shared ? Observable.just(SaveState.SAVED) : slot.saveState.distinctUntilChanged();
    }

    /**
     * How long after a change the sheet is saved: {@link #SAVE_DELAY_MS} for ordinary sheets, and for
     * big ones only once edits have paused for {@link #BIG_SAVE_QUIET_MS}.
     */
    public static long saveDelayMs(SharedSheet shared) {
        return shared.sheet().size() > BIG_SHEET_CELLS ? BIG_SAVE_QUIET_MS : SAVE_DELAY_MS;
    }

    /** Saves the sheet after {@code delayMs}, or later if it changed again meanwhile and must be quiet longer. */
    private void saveWhenQuiet(SharedSheet shared, long delayMs) {
        saver.schedule(() -> {
            long quiet = saveDelayMs(shared);
            long since = (System.nanoTime() - lastChange.getOrDefault(shared.id(), 0L)) / 1_000_000;
            if (quiet > SAVE_DELAY_MS && since < quiet && dirty.contains(shared.id())) {
                saveWhenQuiet(shared, quiet - since); // edited meanwhile: wait for the pause
                return;
            }
            if (dirty.remove(shared.id())) {
                Slot now = live.get(shared.id()); // the sheet may have been evicted and loaded again
                saveNow(now == null ? shared : now.shared);
            }
        }, delayMs, TimeUnit.MILLISECONDS);
    }

    /** Saves that failed in a row, by sheet: the next attempt waits longer. */
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    /** The longest wait between two attempts to save a sheet the database refused. */
    static final long MAX_RETRY_MS = 30_000;

    /**
     * Writes the sheet now as a new revision; returns whether it was written. A failure is logged,
     * said to every tab on the sheet ({@link SaveState#FAILING}) and tried again later, sooner after
     * a first failure than after many; the edits meanwhile stay in memory.
     */
    public boolean saveNow(SharedSheet shared) {
        return saveNow(shared, null);
    }

    private boolean saveNow(SharedSheet shared, EditLabel edit) {
        EditLabel made = null;
        String author = null;
        try {
            synchronized (shared) {
                made = pendingEdits.remove(shared.id());
                author = pendingAuthors.remove(shared.id());
                String objective = shared.sheet().objective();
                String text = shared.text();
                Sync base = sync.computeIfAbsent(shared.id(), k -> new Sync(0, null));
                if (author == null && base.revision == 0) {
                    author = owner(shared).owner(); // a sheet's first revision is its maker's
                }
                SheetStore.Saved saved = store.saveFrom(shared.id(), text, base.revision, base.text,
                        edit != null ? edit : made != null ? made : EditLabel.of(EditLabel.Kind.SAVED),
                        objective, objective == null ? Double.NaN : shared.sheet().objectiveValue(), author,
                        owner(shared));
                if (saved.merged()) { // another server saved first: take its edits too, keep any made meanwhile here
                    applyRemote(shared, SheetMerge.merge(text, shared.text(), saved.text()));
                }
                base.revision = saved.revision();
                base.text = saved.text();
            }
            saves.onNext(shared.id());
        } catch (RuntimeException e) { // whatever the database said: the edits stay, and are tried again
            int failed = failures.merge(shared.id(), 1, Integer::sum);
            if (failed == 1) {
                LOG.error("autosave of sheet {} failed, trying again: {}", shared.id(), LogText.of(e));
            }
            if (made != null) {
                pendingEdits.merge(shared.id(), made, (later, earlier) -> EditLabel.together(earlier, later));
            }
            if (author != null) {
                pendingAuthors.putIfAbsent(shared.id(), author);
            }
            publish(shared, SaveState.FAILING);
            if (dirty.add(shared.id())) {
                retryLater(shared, Math.min(MAX_RETRY_MS, 500L << Math.min(6, failed)));
            }
            return false;
        }
        if (failures.remove(shared.id()) != null) {
            LOG.info("sheet {} saved again after the database came back", shared.id());
        }
        if (!dirty.contains(shared.id())) {
            publish(shared, SaveState.SAVED);
        }
        return true;
    }

    private void retryLater(SharedSheet shared, long delayMs) {
        try {
            saveWhenQuiet(shared, delayMs);
        } catch (java.util.concurrent.RejectedExecutionException e) { // shutting down: the final flush tries once more
            LOG.warn("sheet {} not saved before shutdown: the database did not answer", shared.id());
        }
    }

    /**
     * Another server saved revision {@code revision} of sheet {@code id}: a live copy here takes it
     * in (keeping edits made here since, which its own next save merges); one with unsaved edits
     * waits for that save, which merges both.
     */
    void remoteSaved(String id, long revision) {
        Slot slot = live.get(id);
        if (slot == null) {
            return; // not in memory here: it is read from the database when opened
        }
        SharedSheet shared = slot.shared;
        try {
            synchronized (shared) {
                Sync base = sync.get(id);
                if (base != null && revision <= base.revision || dirty.contains(id)) {
                    return;
                }
                Optional<SheetStore.Stored> now = store.current(id);
                if (now.isEmpty()) {
                    return;
                }
                String here = shared.text();
                String target = base == null || base.text == null ? now.get().text()
                        : SheetMerge.merge(base.text, here, now.get().text());
                applyRemote(shared, target);
                sync.put(id, new Sync(now.get().revision(), now.get().text()));
            }
        } catch (RuntimeException e) {
            LOG.error("revision {} of sheet {} from another server not applied: {}", revision, id, LogText.of(e));
        }
    }

    /** Makes the live sheet read as {@code text}, through its own edits (every tab sees them), without saving them. */
    private void applyRemote(SharedSheet shared, String text) {
        APPLYING_REMOTE.set(true);
        try {
            RevisionRestore.restore(shared, SheetFile.parse(text, shared.id() + ".sheet"),
                    EditLabel.of(EditLabel.Kind.REMOTE_EDITS));
        } catch (SheetFormatException e) {
            LOG.error("sheet {}: another server's revision is damaged: {}", shared.id(), LogText.lines(e.lines()));
        } catch (RuntimeException e) {
            LOG.error("sheet {}: another server's revision not applied completely: {}", shared.id(), LogText.of(e));
        } finally {
            APPLYING_REMOTE.set(false);
        }
    }

    /** Remembers an edit for the next revision's name; edits saved together read "a, then b" or "a (+3 more)". */
    private void noteEdit(SharedSheet shared, EditLabel label) {
        EditLabel edit = label == null ? EditLabel.of(EditLabel.Kind.EDIT) : label;
        pendingEdits.merge(shared.id(), edit, EditLabel::together);
    }

    /** Remembers who made the first edit since the last save: the next revision's author. */
    private void noteAuthor(SharedSheet shared, Actor actor) {
        if (actor != null) {
            pendingAuthors.putIfAbsent(shared.id(), actor.key());
        }
    }

    /** Gives the sheet a new data table (null: none) and saves it with the sheet. */
    public void setData(SharedSheet shared, DataTable data) {
        shared.dataHolder().set(data);
        noteEdit(shared, data == null ? EditLabel.of(EditLabel.Kind.DATA_REMOVED)
                : EditLabel.of(EditLabel.Kind.DATA_TABLE, data.size()));
        scheduleSave(shared);
    }

    /** Saves the sheet soon: for changes outside its cells (claims, practice setting). */
    public void changed(SharedSheet shared) {
        changed(shared, EditLabel.of(EditLabel.Kind.ANSWERS_OR_PRACTICE));
    }

    /** Saves the sheet soon after a change called {@code edit} (its revision's name). */
    public void changed(SharedSheet shared, EditLabel edit) {
        changed(shared, edit, null);
    }

    /** As {@link #changed(SharedSheet, EditLabel)}, made by {@code by} (null: unknown). */
    public void changed(SharedSheet shared, EditLabel edit, Actor by) {
        noteEdit(shared, edit);
        noteAuthor(shared, by);
        scheduleSave(shared);
    }

    /** Waits until every pending autosave is written: for shutdown and tests. */
    public void flush() {
        for (String id : Set.copyOf(dirty)) {
            Slot slot = live.get(id);
            if (slot != null && dirty.remove(id)) {
                saveNow(slot.shared);
            }
        }
    }

    /** How long shutdown waits for the runs it paused to end their last step and record themselves. */
    static final long SHUTDOWN_RUNS_MS = 4_000;

    /**
     * Stops the server's part of the sheets: pauses every run (each ends its current step and
     * records itself as one edit, as a Pause does), saves every sheet with unsaved edits, then closes
     * the job pool — within a few seconds, so the server exits well inside a process manager's patience.
     */
    @PreDestroy
    void shutdown() {
        try {
            listening.close();
        } catch (Exception e) {
            LOG.warn("listening for other servers stopped badly: {}", LogText.of(e));
        }
        List<TrainingJob> paused = pauseAllRuns();
        long deadline = System.nanoTime() + SHUTDOWN_RUNS_MS * 1_000_000;
        for (TrainingJob run : paused) {
            try {
                run.result().handle((r, f) -> null).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                LOG.warn("a run did not end before shutdown; its last steps are not saved");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (!paused.isEmpty()) {
            LOG.info("paused {} training runs for shutdown", paused.size());
        }
        flush();
        jobs.close();
        saver.shutdown();
        try {
            saver.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks every run going on to pause; returns them. */
    private List<TrainingJob> pauseAllRuns() {
        List<TrainingJob> going = new java.util.ArrayList<>();
        for (Slot slot : List.copyOf(live.values())) {
            TrainingJob run = slot.shared.training().current();
            if (run != null && !run.isDone()) {
                run.stop();
                going.add(run);
            }
        }
        return going;
    }

    /** A saved sheet exists but cannot be read; the message is meant for people. */
    public static final class SheetUnreadableException extends RuntimeException {
        public SheetUnreadableException(String message) {
            super(message, null, false, false);
        }
    }
}
