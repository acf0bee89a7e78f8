package dev.gradsheet.server.classroom;

import dev.gradsheet.sheet.Practice;
import java.time.Instant;

/**
 * An assignment made from a sheet: what is asked, checked as practice mode checks it.
 *
 * @param id         random id
 * @param classId    the class it is set to
 * @param title      its title
 * @param sourceText the sheet as the teacher made it (every student's copy starts from it)
 * @param asked      which numbers are asked (a practice setting: values or gradients, of which cells)
 * @param tolerance  the tolerance answers are checked with
 * @param due        when it is due, or null
 */
public record Assignment(String id, String classId, String title, String sourceText, Practice asked,
                         double tolerance, Instant due) {
    /** Whether a hand-in at {@code at} is late. */
    public boolean lateAt(Instant at) {
        return due != null && at.isAfter(due);
    }
}
