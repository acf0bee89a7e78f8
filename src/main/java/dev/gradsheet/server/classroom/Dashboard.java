package dev.gradsheet.server.classroom;

import dev.gradsheet.server.people.User;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the teacher's dashboard shows for one assignment: every member of the class × every asked
 * number. A student who handed in is graded on the hand-in (it is frozen); one who has not, on their
 * copy as it is now.
 *
 * @param assignment the assignment
 * @param targets    the asked numbers, in sheet order ({@code x.grad}, {@code f})
 * @param rows       one per member, by name
 */
public record Dashboard(Assignment assignment, List<String> targets, List<Row> rows) {
    /**
     * One student's line.
     *
     * @param student      the student
     * @param sheetId      their copy's sheet, or null before they opened the assignment
     * @param marks        each asked target's mark
     * @param activity     answers typed and hints asked for per target
     * @param lastActivity when they last worked on it, or null
     * @param handIn       their hand-in, or null
     */
    public record Row(User student, String sheetId, Map<String, Grading.Mark> marks, Map<String, Activity> activity,
                      Instant lastActivity, HandIn handIn) {
        public int score() {
            return Grading.score(marks);
        }

        public Activity activity(String target) {
            return activity.getOrDefault(target, Activity.NONE);
        }
    }
}
