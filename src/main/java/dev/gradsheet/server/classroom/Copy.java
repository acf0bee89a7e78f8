package dev.gradsheet.server.classroom;

import java.time.Instant;

/**
 * A student's own copy of an assignment: a sheet they own, reopened on every return.
 *
 * @param assignmentId the assignment
 * @param studentId    the student
 * @param sheetId      the copy's sheet
 * @param lastActivity when the student last answered, asked for a hint, edited or handed in
 */
public record Copy(String assignmentId, String studentId, String sheetId, Instant lastActivity) {
}
