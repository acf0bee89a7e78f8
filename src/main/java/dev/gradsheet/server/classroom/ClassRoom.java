package dev.gradsheet.server.classroom;

/**
 * A teacher's class: students join it with its code (or its join link, {@code /join/<code>}).
 *
 * @param id        random id
 * @param name      what the teacher called it
 * @param code      the join code (6 letters and digits that cannot be mistaken for each other)
 * @param teacherId the teacher's user id
 */
public record ClassRoom(String id, String name, String code, String teacherId) {
}
