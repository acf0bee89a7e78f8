package dev.gradsheet.server.classroom;

import java.time.Instant;

/**
 * A handed-in copy, frozen: its text as it was then.
 *
 * @param assignmentId the assignment
 * @param studentId    the student
 * @param sheetId      the copy's sheet
 * @param revision     the copy's revision that was handed in
 * @param content      its {@code .sheet} text
 * @param at           when
 * @param late         whether it came after the due time
 */
public record HandIn(String assignmentId, String studentId, String sheetId, long revision, String content,
                     Instant at, boolean late) {
}
