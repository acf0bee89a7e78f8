package dev.gradsheet.ui.classroom;

import dev.gradsheet.server.Actor;
import dev.gradsheet.server.SharedSheet;
import dev.gradsheet.server.access.AccessRefusedException;
import dev.gradsheet.server.access.SheetActions;
import dev.gradsheet.server.classroom.Assignment;
import dev.gradsheet.server.classroom.ClassRoom;
import dev.gradsheet.sheet.Practice;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The logic of "Make an assignment", free of Vaadin: checks what the teacher typed (a title, cells
 * that exist, a tolerance above 0, a due time not past) and, when all is well and the rules let them
 * teach the class, makes the assignment. Each problem is a message key for the field it belongs to.
 */
public final class NewAssignment {
    /** The form's fields, for placing messages. */
    public enum Field { CLASS, TITLE, CELLS, TOLERANCE, DUE }

    /** The assignment made, or the problems (field → message key and its argument). */
    public record Outcome(Assignment made, Map<Field, String[]> problems) {
        public boolean ok() {
            return made != null;
        }
    }

    private final SheetActions actions;
    private final Actor teacher;
    private final SharedSheet sheet;

    public NewAssignment(SheetActions actions, Actor teacher, SharedSheet sheet) {
        this.actions = actions;
        this.teacher = teacher;
        this.sheet = sheet;
    }

    /** The teacher's classes to choose from. */
    public List<ClassRoom> classes() {
        return actions.classroom().store().classesOf(teacher.userId());
    }

    /**
     * Makes the assignment: {@code cellsText} names the asked cells (blank: every cell but inputs,
     * weights and constants), {@code values} asks their values as well as their gradients, {@code dueText}
     * is blank or a local time such as {@code 2026-03-01 09:00} in {@code zone}.
     */
    public Outcome make(ClassRoom c, String title, boolean values, String cellsText, Double tolerance, String dueText,
                        java.time.ZoneId zone, Instant now) {
        Map<Field, String[]> problems = new LinkedHashMap<>();
        Instant due = null;
        if (dueText != null && !dueText.isBlank()) {
            try {
                due = java.time.LocalDateTime.parse(dueText.strip().replace(' ', 'T')).atZone(zone).toInstant();
            } catch (java.time.format.DateTimeParseException e) {
                problems.put(Field.DUE, new String[] {"assign.due.bad"});
            }
        }
        if (c == null) {
            problems.put(Field.CLASS, new String[] {"assign.chooseClass"});
        }
        String t = title == null ? "" : title.strip();
        if (t.isEmpty() || t.length() > 200) {
            problems.put(Field.TITLE, new String[] {"assign.title.bad"});
        }
        List<String> cells = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String part : (cellsText == null ? "" : cellsText).split(",")) {
            String name = part.strip();
            if (!name.isEmpty() && !cells.contains(name)) {
                (sheet.sheet().cell(name).isPresent() ? cells : unknown).add(name);
            }
        }
        if (!unknown.isEmpty()) {
            problems.put(Field.CELLS, new String[] {"assign.cells.unknown", String.join(", ", unknown)});
        }
        if (tolerance == null || !(tolerance > 0) || !Double.isFinite(tolerance)) {
            problems.put(Field.TOLERANCE, new String[] {"assign.tolerance.bad"});
        }
        if (due != null && due.isBefore(now)) {
            problems.put(Field.DUE, new String[] {"assign.due.past"});
        }
        if (!problems.isEmpty()) {
            return new Outcome(null, problems);
        }
        Practice asked = new Practice(values ? Practice.Hide.VALUES : Practice.Hide.GRADIENTS, cells);
        try {
            return new Outcome(actions.newAssignment(teacher, c, sheet, t, asked, tolerance, due), Map.of());
        } catch (AccessRefusedException e) {
            return new Outcome(null, Map.of(Field.CLASS, new String[] {e.refusal().messageKey()}));
        }
    }
}
