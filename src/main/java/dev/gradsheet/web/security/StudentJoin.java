package dev.gradsheet.web.security;

import dev.gradsheet.server.Actor;
import dev.gradsheet.server.classroom.ClassRoom;
import dev.gradsheet.server.classroom.Classroom;
import dev.gradsheet.server.people.User;
import dev.gradsheet.server.people.UserStore;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A student joins a class: the join page's form ({@code /join}) posts the class code and the
 * student's name here (with its CSRF token). A new student is made, signed in (new session id) and
 * remembered by an HttpOnly cookie; a student already signed in just joins. Problems go back to the
 * join page as {@code ?error=code|name|teacher}, which says them next to the field.
 */
@Controller
public class StudentJoin {
    /** Where the form posts. */
    public static final String PATH = "/signin/student";
    /** The join page's {@code ?error=}: no class has the code; the name is empty or too long; a teacher is signed in. */
    public static final String BAD_CODE = "code";
    public static final String BAD_NAME = "name";
    public static final String TEACHER = "teacher";

    private final Classroom classroom;
    private final UserStore users;

    public StudentJoin(Classroom classroom, UserStore users) {
        this.classroom = classroom;
        this.users = users;
    }

    @PostMapping(PATH)
    public ResponseEntity<Void> join(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String name,
                                     HttpServletRequest request, HttpServletResponse response) {
        Optional<ClassRoom> c = classroom.store().classByCode(code);
        if (c.isEmpty()) {
            return back(BAD_CODE, code, name);
        }
        Optional<User> already = CurrentActor.user(SecurityContextHolder.getContextHolderStrategy().getContext()
                .getAuthentication(), users);
        if (already.isPresent() && already.get().role() == Actor.Role.TEACHER) {
            return back(TEACHER, code, name);
        }
        if (already.isPresent()) {
            classroom.join(c.get(), already.get());
            return see("/my");
        }
        String shown = name.strip();
        if (shown.isEmpty() || shown.length() > UserStore.MAX_NAME) {
            return back(BAD_NAME, code, name);
        }
        UserStore.Joined joined = classroom.joinAsNewStudent(c.get(), shown);
        StudentCookie.set(request, response, joined.secret());
        SignIns.signIn(joined.user(), request, response);
        return see("/my");
    }

    private static ResponseEntity<Void> back(String error, String code, String name) {
        return see("/join?error=" + error + "&code=" + enc(code) + "&name=" + enc(name));
    }

    private static ResponseEntity<Void> see(String path) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(path)).build();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s.length() > 100 ? s.substring(0, 100) : s, StandardCharsets.UTF_8);
    }
}
