package dev.gradsheet.server.classroom;

import dev.gradsheet.server.SheetStore;
import dev.gradsheet.sheet.Practice;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The classroom's tables (Flyway V6 to V9): classes and who joined them, assignments, each student's
 * copy and what they did in it, hand-ins. Plain rows; the rules are {@code server.access}'s and the
 * workflow {@link Classroom}'s. Ids reaching a query are checked against the random-id shape first.
 */
public final class ClassroomStore {
    /** Join-code letters: no 0/O, 1/I/L, so a code read off a projector is typed right. */
    private static final char[] CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int CODE_LENGTH = 6;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    public ClassroomStore(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.clock = clock;
    }

    private static final RowMapper<ClassRoom> CLASS = (rs, n) -> new ClassRoom(rs.getString("id"),
            rs.getString("name"), rs.getString("code"), rs.getString("teacher_id"));

    private static final RowMapper<Assignment> ASSIGNMENT = (rs, n) -> {
        long due = rs.getLong("due_at");
        Instant dueAt = rs.wasNull() ? null : Instant.ofEpochMilli(due);
        return new Assignment(rs.getString("id"), rs.getString("class_id"), rs.getString("title"),
                rs.getString("source_text"), Practice.parse(rs.getString("asked")), rs.getDouble("tolerance"), dueAt);
    };

    private static final RowMapper<Copy> COPY = (rs, n) -> new Copy(rs.getString("assignment_id"),
            rs.getString("student_id"), rs.getString("sheet_id"), Instant.ofEpochMilli(rs.getLong("last_activity")));

    private static final RowMapper<HandIn> HAND_IN = (rs, n) -> new HandIn(rs.getString("assignment_id"),
            rs.getString("student_id"), rs.getString("sheet_id"), rs.getLong("revision"), rs.getString("content"),
            Instant.ofEpochMilli(rs.getLong("handed_in_at")), rs.getBoolean("late"));

    static boolean isCode(String code) {
        return code != null && code.length() == CODE_LENGTH && code.chars().allMatch(c -> new String(CODE_ALPHABET).indexOf(c) >= 0);
    }

    /** The shape a typed code is compared in: upper case, without spaces or dashes. */
    public static String normalCode(String typed) {
        return typed == null ? "" : typed.strip().replace(" ", "").replace("-", "").toUpperCase(java.util.Locale.ROOT);
    }

    // ---- classes -----------------------------------------------------------------------------------

    public ClassRoom newClass(String name, String teacherId) {
        for (int tries = 0; ; tries++) {
            char[] code = new char[CODE_LENGTH];
            for (int i = 0; i < code.length; i++) {
                code[i] = CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)];
            }
            ClassRoom c = new ClassRoom(SheetStore.newId(), name, new String(code), teacherId);
            try {
                jdbc.sql("INSERT INTO class_room (id, name, code, teacher_id, created_at) VALUES (?, ?, ?, ?, ?)")
                        .params(c.id(), c.name(), c.code(), teacherId, clock.millis()).update();
                return c;
            } catch (DuplicateKeyException taken) {
                if (tries > 20) {
                    throw taken;
                }
            }
        }
    }

    public Optional<ClassRoom> classById(String id) {
        if (!SheetStore.isValidId(id)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM class_room WHERE id = ?").param(id).query(CLASS).optional();
    }

    public Optional<ClassRoom> classByCode(String code) {
        String c = normalCode(code);
        if (!isCode(c)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM class_room WHERE code = ?").param(c).query(CLASS).optional();
    }

    /** A teacher's classes, newest first. */
    public List<ClassRoom> classesOf(String teacherId) {
        return jdbc.sql("SELECT * FROM class_room WHERE teacher_id = ? ORDER BY created_at DESC").param(teacherId)
                .query(CLASS).list();
    }

    /** The classes a student joined, newest first. */
    public List<ClassRoom> classesJoined(String studentId) {
        return jdbc.sql("SELECT c.* FROM class_room c JOIN membership m ON m.class_id = c.id WHERE m.user_id = ?"
                + " ORDER BY m.joined_at DESC").param(studentId).query(CLASS).list();
    }

    /** Makes {@code userId} a member of the class (again: nothing changes). */
    public void join(String classId, String userId) {
        if (!isMember(classId, userId)) {
            try {
                jdbc.sql("INSERT INTO membership (class_id, user_id, joined_at) VALUES (?, ?, ?)")
                        .params(classId, userId, clock.millis()).update();
            } catch (DuplicateKeyException already) {
                // joined twice at once
            }
        }
    }

    public boolean isMember(String classId, String userId) {
        return jdbc.sql("SELECT COUNT(*) FROM membership WHERE class_id = ? AND user_id = ?").params(classId, userId)
                .query(Integer.class).single() > 0;
    }

    /** The class's members' ids in the order they joined. */
    public List<String> members(String classId) {
        return jdbc.sql("SELECT user_id FROM membership WHERE class_id = ? ORDER BY joined_at, user_id").param(classId)
                .query(String.class).list();
    }

    // ---- assignments -------------------------------------------------------------------------------

    public Assignment newAssignment(String classId, String title, String sourceText, Practice asked, double tolerance,
                                    Instant due) {
        Assignment a = new Assignment(SheetStore.newId(), classId, title, sourceText, asked, tolerance, due);
        jdbc.sql("INSERT INTO assignment (id, class_id, title, source_text, asked, tolerance, due_at, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(a.id(), classId, title, sourceText, asked.settingText(), tolerance,
                        due == null ? null : due.toEpochMilli(), clock.millis()).update();
        return a;
    }

    public Optional<Assignment> assignment(String id) {
        if (!SheetStore.isValidId(id)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM assignment WHERE id = ?").param(id).query(ASSIGNMENT).optional();
    }

    /** A class's assignments, newest first. */
    public List<Assignment> assignmentsOf(String classId) {
        return jdbc.sql("SELECT * FROM assignment WHERE class_id = ? ORDER BY created_at DESC, id").param(classId)
                .query(ASSIGNMENT).list();
    }

    // ---- copies and what students do in them -------------------------------------------------------

    public Optional<Copy> copy(String assignmentId, String studentId) {
        return jdbc.sql("SELECT * FROM assignment_copy WHERE assignment_id = ? AND student_id = ?")
                .params(assignmentId, studentId).query(COPY).optional();
    }

    /** The copy whose sheet is {@code sheetId}, if that sheet is a student's copy. */
    public Optional<Copy> copyBySheet(String sheetId) {
        if (!SheetStore.isValidId(sheetId)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM assignment_copy WHERE sheet_id = ?").param(sheetId).query(COPY).optional();
    }

    /** Records a new copy; false when the student got one meanwhile (two tabs at once). */
    public boolean newCopy(String assignmentId, String studentId, String sheetId) {
        try {
            long now = clock.millis();
            jdbc.sql("INSERT INTO assignment_copy (assignment_id, student_id, sheet_id, created_at, last_activity)"
                    + " VALUES (?, ?, ?, ?, ?)").params(assignmentId, studentId, sheetId, now, now).update();
            return true;
        } catch (DuplicateKeyException already) {
            return false;
        }
    }

    /** Forgets a copy (its sheet was deleted): the student's next visit makes a new one. */
    public void dropCopy(String sheetId) {
        jdbc.sql("DELETE FROM assignment_copy WHERE sheet_id = ?").param(sheetId).update();
        jdbc.sql("DELETE FROM copy_activity WHERE sheet_id = ?").param(sheetId).update();
    }

    public List<Copy> copies(String assignmentId) {
        return jdbc.sql("SELECT * FROM assignment_copy WHERE assignment_id = ?").param(assignmentId).query(COPY).list();
    }

    /** Notes that the student worked in copy {@code sheetId} now. */
    public void touch(String sheetId) {
        jdbc.sql("UPDATE assignment_copy SET last_activity = ? WHERE sheet_id = ?").params(clock.millis(), sheetId).update();
    }

    /** Counts one more answer ({@code hint} false) or hint about {@code target} in copy {@code sheetId}. */
    public void count(String sheetId, String target, boolean hint) {
        tx.executeWithoutResult(status -> {
            int updated = jdbc.sql("UPDATE copy_activity SET " + (hint ? "hints = hints + 1" : "attempts = attempts + 1")
                    + " WHERE sheet_id = ? AND target = ?").params(sheetId, target).update();
            if (updated == 0) {
                jdbc.sql("INSERT INTO copy_activity (sheet_id, target, attempts, hints) VALUES (?, ?, ?, ?)")
                        .params(sheetId, target, hint ? 0 : 1, hint ? 1 : 0).update();
            }
            jdbc.sql("UPDATE assignment_copy SET last_activity = ? WHERE sheet_id = ?").params(clock.millis(), sheetId).update();
        });
    }

    /** What the student did per asked target in copy {@code sheetId}. */
    public Map<String, Activity> activity(String sheetId) {
        Map<String, Activity> out = new HashMap<>();
        jdbc.sql("SELECT target, attempts, hints FROM copy_activity WHERE sheet_id = ?").param(sheetId)
                .query(rs -> {
                    out.put(rs.getString(1), new Activity(rs.getInt(2), rs.getInt(3)));
                });
        return out;
    }

    // ---- hand-ins ----------------------------------------------------------------------------------

    /** Records (or replaces) a student's hand-in. */
    public void handIn(HandIn h) {
        tx.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM hand_in WHERE assignment_id = ? AND student_id = ?")
                    .params(h.assignmentId(), h.studentId()).update();
            jdbc.sql("INSERT INTO hand_in (assignment_id, student_id, sheet_id, revision, content, handed_in_at, late)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(h.assignmentId(), h.studentId(), h.sheetId(), h.revision(), h.content(),
                            h.at().toEpochMilli(), h.late()).update();
            jdbc.sql("UPDATE assignment_copy SET last_activity = ? WHERE sheet_id = ?")
                    .params(h.at().toEpochMilli(), h.sheetId()).update();
        });
    }

    public Optional<HandIn> handIn(String assignmentId, String studentId) {
        return jdbc.sql("SELECT * FROM hand_in WHERE assignment_id = ? AND student_id = ?")
                .params(assignmentId, studentId).query(HAND_IN).optional();
    }

    public List<HandIn> handIns(String assignmentId) {
        return jdbc.sql("SELECT * FROM hand_in WHERE assignment_id = ?").param(assignmentId).query(HAND_IN).list();
    }

    // ---- merging two students ----------------------------------------------------------------------

    /**
     * Moves {@code from}'s memberships, copies and hand-ins to {@code into} where {@code into} has none
     * of their own for the same class or assignment (theirs win); one transaction.
     */
    public void merge(String from, String into, Runnable markMerged) {
        tx.executeWithoutResult(status -> {
            for (String classId : jdbc.sql("SELECT class_id FROM membership WHERE user_id = ?").param(from)
                    .query(String.class).list()) {
                if (!isMember(classId, into)) {
                    jdbc.sql("UPDATE membership SET user_id = ? WHERE class_id = ? AND user_id = ?")
                            .params(into, classId, from).update();
                }
            }
            jdbc.sql("DELETE FROM membership WHERE user_id = ?").param(from).update();
            for (Copy c : jdbc.sql("SELECT * FROM assignment_copy WHERE student_id = ?").param(from).query(COPY).list()) {
                if (copy(c.assignmentId(), into).isEmpty()) {
                    jdbc.sql("UPDATE assignment_copy SET student_id = ? WHERE sheet_id = ?").params(into, c.sheetId()).update();
                    jdbc.sql("UPDATE hand_in SET student_id = ? WHERE assignment_id = ? AND student_id = ?")
                            .params(into, c.assignmentId(), from).update();
                }
            }
            markMerged.run();
        });
    }
}
