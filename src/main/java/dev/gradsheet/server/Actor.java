package dev.gradsheet.server;

/**
 * Who is acting: a signed-in teacher or student, or an anonymous browser (known by the random id of
 * its HttpOnly cookie). Its {@link #key()} is what sheets record as their owner and as the author of
 * each revision.
 *
 * @param key    {@code u:<user id>} or {@code b:<browser id>}
 * @param userId the signed-in user's id, or null for an anonymous browser
 * @param role   what the person is
 * @param name   the name to show (empty for an anonymous browser)
 */
public record Actor(String key, String userId, Role role, String name) implements java.io.Serializable {
    /** What a person is to GradSheet. */
    public enum Role {
        ANONYMOUS, STUDENT, TEACHER
    }

    /** An anonymous browser. */
    public static Actor browser(String browserId) {
        return new Actor("b:" + browserId, null, Role.ANONYMOUS, "");
    }

    /** A signed-in user. */
    public static Actor user(String userId, Role role, String name) {
        return new Actor("u:" + userId, userId, role, name);
    }

    /** The key of user {@code userId}. */
    public static String userKey(String userId) {
        return "u:" + userId;
    }

    public boolean signedIn() {
        return userId != null;
    }

    public boolean teacher() {
        return role == Role.TEACHER;
    }
}
