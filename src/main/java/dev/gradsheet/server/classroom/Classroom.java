package dev.gradsheet.server.classroom;

import dev.gradsheet.server.LiveEvents;
import dev.gradsheet.server.SharedSheet;
import dev.gradsheet.server.SheetOwner;
import dev.gradsheet.server.SheetRegistry;
import dev.gradsheet.server.people.User;
import dev.gradsheet.server.people.UserStore;
import dev.gradsheet.sheet.Claims;
import dev.gradsheet.sheet.Practice;
import dev.gradsheet.sheet.SheetFile;
import dev.gradsheet.sheet.SheetFormatException;
import io.reactivex.rxjava3.disposables.Disposable;
import jakarta.annotation.PreDestroy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The classroom's workflow: a teacher's classes and assignments, students joining, each student's own
 * copy of an assignment, answers and hints counted, hand-ins, the dashboard and the grade exports.
 * It does what it is asked: who may ask is {@code server.access.SheetAccess}'s to say, and every
 * caller (page or HTTP endpoint) asks it first. Every change a dashboard shows is published as
 * {@code assignment:<id>} on {@link LiveEvents}, so dashboards on every server follow it.
 */
public class Classroom {
    private static final Logger LOG = LoggerFactory.getLogger(Classroom.class);

    private final ClassroomStore store;
    private final UserStore users;
    private final SheetRegistry registry;
    private final LiveEvents events;
    private final Clock clock;
    private final Disposable savesWatch;

    public Classroom(ClassroomStore store, UserStore users, SheetRegistry registry, LiveEvents events, Clock clock) {
        this.store = store;
        this.users = users;
        this.registry = registry;
        this.events = events;
        this.clock = clock;
        // a copy's save (answers, edits) moves its dashboard
        this.savesWatch = registry.saves().subscribe(this::copySaved, e -> LOG.warn("saves stream failed: {}", e.toString()));
    }

    public ClassroomStore store() {
        return store;
    }

    public UserStore users() {
        return users;
    }

    private void copySaved(String sheetId) {
        try {
            store.copyBySheet(sheetId).ifPresent(c -> {
                store.touch(sheetId);
                events.publish("assignment:" + c.assignmentId());
            });
        } catch (RuntimeException e) {
            LOG.warn("dashboard of copy {} not told: {}", sheetId, e.toString());
        }
    }

    // ---- classes and people ------------------------------------------------------------------------

    /** A new class of {@code teacher}'s. */
    public ClassRoom newClass(User teacher, String name) {
        return store.newClass(name, teacher.id());
    }

    /** A new student called {@code name} joins {@code c}; their browser keeps the returned secret. */
    public UserStore.Joined joinAsNewStudent(ClassRoom c, String name) {
        UserStore.Joined joined = users.newStudent(name);
        join(c, joined.user());
        return joined;
    }

    /** A signed-in student joins {@code c} (again: nothing changes). */
    public void join(ClassRoom c, User student) {
        store.join(c.id(), student.id());
        publishClass(c.id());
    }

    /** The class's members, in the order they joined. */
    public List<User> members(ClassRoom c) {
        return users.all(store.members(c.id()));
    }

    /** Renames a student of the class. */
    public void rename(ClassRoom c, User student, String name) {
        users.rename(student.id(), name);
        publishClass(c.id());
    }

    /**
     * Merges student {@code from} into {@code into} (one person who joined twice): {@code from}'s
     * classes, copies and hand-ins become {@code into}'s where {@code into} has none, and {@code from}'s
     * browser signs in as {@code into} from now on.
     */
    public void merge(ClassRoom c, User from, User into) {
        store.merge(from.id(), into.id(), () -> users.markMergedInto(from.id(), into.id()));
        for (Assignment a : store.assignmentsOf(c.id())) {
            store.copy(a.id(), into.id()).ifPresent(copy -> registry.giveTo(copy.sheetId(), into.actor().key()));
        }
        publishClass(c.id());
    }

    private void publishClass(String classId) {
        events.publish("class:" + classId);
        for (Assignment a : store.assignmentsOf(classId)) {
            events.publish("assignment:" + a.id());
        }
    }

    // ---- assignments and copies --------------------------------------------------------------------

    /**
     * An assignment in class {@code c} made from sheet {@code from} as it is now (its own answers left
     * out): {@code asked} says which numbers every student must find.
     */
    public Assignment newAssignment(ClassRoom c, SharedSheet from, String title, Practice asked, double tolerance,
                                    Instant due) {
        if (!asked.on()) {
            throw new IllegalArgumentException("an assignment asks for values or gradients");
        }
        String text = SheetFile.format(from.sheet(), from.description(), from.data(), Claims.NONE.withTolerance(tolerance), asked);
        Assignment a = store.newAssignment(c.id(), title, text, asked, tolerance, due);
        events.publish("class:" + c.id());
        return a;
    }

    /**
     * The student's own copy of {@code a}: the one they had (reopened on every return), else a new one
     * made from the assignment's sheet, owned by them, in practice mode on the asked numbers.
     */
    public SharedSheet openCopy(Assignment a, User student) {
        Optional<Copy> known = store.copy(a.id(), student.id());
        if (known.isPresent()) {
            Optional<SharedSheet> sheet = registry.find(known.get().sheetId());
            if (sheet.isPresent()) {
                return sheet.get();
            }
            store.dropCopy(known.get().sheetId()); // its sheet was deleted: a fresh copy
        }
        SheetFile.Loaded loaded;
        try {
            loaded = SheetFile.parse(a.sourceText(), a.title() + ".sheet");
        } catch (SheetFormatException e) {
            throw new IllegalStateException("the assignment's sheet no longer reads: " + e.lines(), e);
        }
        SharedSheet copy = registry.create(loaded, SheetOwner.of(student.actor().key()));
        registry.keep(copy);
        if (!store.newCopy(a.id(), student.id(), copy.id())) { // another tab made one meanwhile: use that
            registry.delete(copy, events);
            return openCopy(a, student);
        }
        events.publish("assignment:" + a.id());
        return copy;
    }

    /** The copy whose sheet is {@code sheetId} and its assignment, if it is one. */
    public Optional<CopyOf> copyOf(String sheetId) {
        return store.copyBySheet(sheetId).flatMap(c -> store.assignment(c.assignmentId())
                .flatMap(a -> store.classById(a.classId()).map(cl -> new CopyOf(c, a, cl))));
    }

    /** A student's copy with its assignment and class. */
    public record CopyOf(Copy copy, Assignment assignment, ClassRoom classRoom) {
    }

    /** The student typed an answer about {@code target} in copy {@code sheetId}. */
    public void attempted(String sheetId, String target) {
        counted(sheetId, target, false);
    }

    /** The student asked for a hint about {@code target} in copy {@code sheetId}. */
    public void hinted(String sheetId, String target) {
        counted(sheetId, target, true);
    }

    /** The student typed an answer ({@code hint} false) or asked for a hint about {@code target} in copy {@code sheetId}. */
    public void counted(String sheetId, String target, boolean hint) {
        store.copyBySheet(sheetId).ifPresent(c -> {
            store.count(sheetId, target, hint);
            events.publish("assignment:" + c.assignmentId());
        });
    }

    /**
     * Hands in the student's copy as it is now: its text is frozen (saved first, so the hand-in is
     * one of its revisions); late when after the due time.
     */
    public HandIn handIn(Assignment a, User student) {
        Copy copy = store.copy(a.id(), student.id())
                .orElseThrow(() -> new IllegalStateException("no copy to hand in"));
        SharedSheet sheet = registry.find(copy.sheetId()).orElseThrow(() -> new IllegalStateException("the copy is gone"));
        registry.saveNow(sheet);
        long revision = registry.store().revision(sheet.id());
        String text = registry.store().text(sheet.id()).orElse(sheet.text());
        Instant now = clock.instant();
        HandIn h = new HandIn(a.id(), student.id(), copy.sheetId(), revision, text, now, a.lateAt(now));
        store.handIn(h);
        events.publish("assignment:" + a.id());
        return h;
    }

    // ---- the dashboard and the exports -------------------------------------------------------------

    /** Every member × every asked number, as the dashboard shows them now. */
    public Dashboard dashboard(Assignment a) {
        List<String> targets = Grading.askedTargets(a);
        Map<String, Copy> copies = new java.util.HashMap<>();
        store.copies(a.id()).forEach(c -> copies.put(c.studentId(), c));
        Map<String, HandIn> handIns = new java.util.HashMap<>();
        store.handIns(a.id()).forEach(h -> handIns.put(h.studentId(), h));
        List<Dashboard.Row> rows = new ArrayList<>();
        for (String id : store.members(a.classId())) {
            Optional<User> student = users.find(id);
            if (student.isEmpty()) {
                continue;
            }
            Copy copy = copies.get(id);
            HandIn handIn = handIns.get(id);
            String text = handIn != null ? handIn.content() : copy == null ? null : currentText(copy.sheetId());
            Map<String, Grading.Mark> marks = text == null ? Grading.marks("", targets, a.tolerance())
                    : Grading.marks(text, targets, a.tolerance());
            rows.add(new Dashboard.Row(student.get(), copy == null ? null : copy.sheetId(), marks,
                    copy == null ? Map.of() : store.activity(copy.sheetId()),
                    copy == null ? null : copy.lastActivity(), handIn));
        }
        // by name, as a teacher looks a student up (joining order ties within a millisecond)
        rows.sort(java.util.Comparator.comparing((Dashboard.Row r) -> r.student().name(), String.CASE_INSENSITIVE_ORDER)
                .thenComparing(r -> r.student().id()));
        return new Dashboard(a, targets, rows);
    }

    /** The copy as it is now: the live sheet on this server, else its saved text. */
    private String currentText(String sheetId) {
        if (registry.isLive(sheetId)) {
            Optional<SharedSheet> live = registry.find(sheetId);
            if (live.isPresent()) {
                return live.get().text();
            }
        }
        return registry.store().text(sheetId).orElse(null);
    }

    /** The grades as CSV: student, score, asked, handed in, then one column per asked number (right, wrong or empty). */
    public String gradesCsv(Assignment a) {
        Dashboard d = dashboard(a);
        StringWriter out = new StringWriter();
        List<String> header = new ArrayList<>(List.of("student", "score", "asked", "handed in"));
        header.addAll(d.targets());
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get())) {
            for (Dashboard.Row r : d.rows()) {
                List<String> line = new ArrayList<>(List.of(r.student().name(), String.valueOf(r.score()),
                        String.valueOf(d.targets().size()),
                        r.handIn() == null ? "no" : r.handIn().late() ? "late" : "yes"));
                for (String t : d.targets()) {
                    Grading.Mark m = r.marks().get(t);
                    line.add(m == Grading.Mark.RIGHT ? "right" : m == Grading.Mark.WRONG ? "wrong" : "");
                }
                csv.printRecord(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * Every hand-in as a {@code .sheet} file {@code gradsheet check} grades as the dashboard does (the
     * asked claims, the assignment's tolerance), zipped; each named after its student.
     */
    public byte[] handInsZip(Assignment a) {
        List<String> targets = Grading.askedTargets(a);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (HandIn h : store.handIns(a.id())) {
                String name = users.find(h.studentId()).map(User::name).orElse("student");
                zip.putNextEntry(new ZipEntry(fileName(name, h.studentId())));
                zip.write(Grading.exported(h.content(), targets, a.tolerance()).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A hand-in's file name: the student's name in safe letters, then their id (names may repeat). */
    static String fileName(String student, String studentId) {
        String safe = student.replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-|-$", "");
        return (safe.isEmpty() ? "student" : safe) + "-" + studentId + ".sheet";
    }

    @PreDestroy
    void close() {
        savesWatch.dispose();
    }
}
