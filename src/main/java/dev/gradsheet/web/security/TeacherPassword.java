package dev.gradsheet.web.security;

import dev.gradsheet.server.people.UserStore;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * The local teacher's sign-in (no provider configured): user name {@code teacher} and the password set
 * by {@code GRADSHEET_TEACHER_PASSWORD} or through the one-time setup link.
 */
final class TeacherPassword implements AuthenticationProvider {
    /** The local teacher's user name on the sign-in form. */
    static final String USER_NAME = "teacher";
    private final UserStore users;

    TeacherPassword(UserStore users) {
        this.users = users;
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String name = request.getName();
        Object password = request.getCredentials();
        if (!USER_NAME.equals(name == null ? null : name.strip()) || !(password instanceof String p)) {
            throw new BadCredentialsException("wrong user name or password");
        }
        return users.checkLocalTeacher(p).map(SignIns::authentication)
                .orElseThrow(() -> new BadCredentialsException("wrong user name or password"));
    }

    @Override
    public boolean supports(Class<?> type) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(type);
    }
}
