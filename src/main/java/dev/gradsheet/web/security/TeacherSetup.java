package dev.gradsheet.web.security;

import dev.gradsheet.server.people.UserStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The local teacher account, when no OpenID Connect provider is configured: made (or its password
 * changed) from {@code GRADSHEET_TEACHER_PASSWORD} at start; without it and without a teacher yet, a
 * one-time setup link ({@code /setup/<token>}) is printed in the log, which sets the password once.
 */
@Component
public class TeacherSetup {
    private static final Logger LOG = LoggerFactory.getLogger(TeacherSetup.class);
    /** Shortest teacher password. */
    public static final int MIN_PASSWORD = 8;

    private final UserStore users;
    private final IdentityOptions identity;
    private final String password;

    public TeacherSetup(UserStore users, IdentityOptions identity,
                        @Value("${gradsheet.teacher-password:}") String password) {
        this.users = users;
        this.identity = identity;
        this.password = password;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        if (!password.isBlank()) {
            if (password.length() < MIN_PASSWORD) {
                LOG.error("GRADSHEET_TEACHER_PASSWORD is shorter than {} characters: not used", MIN_PASSWORD);
                return;
            }
            users.setLocalTeacherPassword("Teacher", password);
            LOG.info("the local teacher signs in at /login as '{}' with GRADSHEET_TEACHER_PASSWORD", TeacherPassword.USER_NAME);
        } else if (!identity.hasProvider() && users.localTeacher().isEmpty()) {
            String token = users.newSetupToken();
            LOG.warn("No teacher account yet. Open /setup/{} on this server once to set the teacher's password"
                    + " (or start with GRADSHEET_TEACHER_PASSWORD set).", token);
        }
    }

    /** The outcome of the setup page. */
    public enum Outcome { DONE, LINK_USED, TOO_SHORT }

    /** Sets the local teacher's password through setup link {@code token} (once). */
    public Outcome complete(String token, String newPassword) {
        if (newPassword == null || newPassword.length() < MIN_PASSWORD) {
            return Outcome.TOO_SHORT;
        }
        if (!users.useSetupToken(token)) {
            return Outcome.LINK_USED;
        }
        users.setLocalTeacherPassword("Teacher", newPassword);
        return Outcome.DONE;
    }
}
