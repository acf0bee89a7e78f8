package dev.gradsheet.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradsheet.server.Actor;
import dev.gradsheet.server.SharedSheet;
import dev.gradsheet.server.SheetOwner;
import dev.gradsheet.server.SheetRegistry;
import dev.gradsheet.server.access.SheetActions;
import dev.gradsheet.server.classroom.Assignment;
import dev.gradsheet.server.classroom.ClassRoom;
import dev.gradsheet.server.classroom.Classroom;
import dev.gradsheet.server.people.User;
import dev.gradsheet.server.people.UserStore;
import dev.gradsheet.sheet.Examples;
import dev.gradsheet.sheet.Practice;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import testidp.TestIdentityProvider;

/**
 * The classroom over HTTP, signing in as people do: teachers through a real OpenID Connect provider
 * (Spring Authorization Server on its own port, {@link TestIdentityProvider}) and with the local teacher
 * password, students by joining with the class code. Checks the access table over the HTTP endpoints
 * (allowed: 200; refused: 403 with the bundle's words and nothing changed), CSRF (a change without the
 * token is refused) and session fixation (every sign-in gives a new session id; the old one is nobody).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class ClassroomHttpIT {
    static final int APP_PORT = TestIdentityProvider.freePort();
    static final int IDP_PORT = TestIdentityProvider.freePort();
    static final String APP = "http://localhost:" + APP_PORT;
    static final String TEACHER_PASSWORD = "lesson-plan-22";
    static final AutoCloseable IDP = TestIdentityProvider.launch(IDP_PORT, APP);

    @Autowired
    SheetActions actions;
    @Autowired
    Classroom classroom;
    @Autowired
    UserStore users;
    @Autowired
    SheetRegistry registry;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        String dir = Files.createTempDirectory("gradsheet-classroom-http").toString();
        registry.add("gradsheet.data-dir", () -> dir);
        registry.add("server.port", () -> APP_PORT);
        registry.add("gradsheet.teacher-password", () -> TEACHER_PASSWORD);
        TestIdentityProvider.appSettings(IDP_PORT).forEach((k, v) -> registry.add(k, () -> v));
    }

    @AfterAll
    static void stopProvider() throws Exception {
        IDP.close();
    }


    /** Signs {@code person} in through the provider, as a browser's redirects would; returns the visitor. */
    static HttpVisitor throughTheSchool(TestIdentityProvider.Person person) throws Exception {
        HttpVisitor v = new HttpVisitor(APP);
        HttpResponse<String> login = v.follow(v.get(APP + "/oauth2/authorization/school"));
        assertThat(login.uri().toString()).startsWith(TestIdentityProvider.issuer(IDP_PORT) + "/login");
        String csrf = login.body().replaceAll("(?s).*name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\".*", "$1");
        HttpResponse<String> back = v.follow(v.send("POST", TestIdentityProvider.issuer(IDP_PORT) + "/login",
                Map.of("username", person.user(), "password", TestIdentityProvider.PASSWORD, "_csrf", csrf), false));
        assertThat(back.uri().toString()).as("back at the app after the provider").startsWith(APP);
        return v;
    }

    static HttpVisitor localTeacher() throws Exception {
        HttpVisitor v = new HttpVisitor(APP);
        HttpResponse<String> r = v.postForm(APP + "/login", Map.of("username", "teacher", "password", TEACHER_PASSWORD));
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return v;
    }

    static HttpVisitor joining(String code, String name) throws Exception {
        HttpVisitor v = new HttpVisitor(APP);
        HttpResponse<String> r = v.postForm(APP + "/signin/student", Map.of("code", code, "name", name));
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).contains("/my");
        return v;
    }

    static String me(HttpVisitor v) throws Exception {
        return v.get(APP + "/api/me").body();
    }

    @Test
    void teachersSignInThroughTheSchoolsProviderWithANewSessionIdAndTheClaimSaysWhoTeaches() throws Exception {
        HttpVisitor lee = new HttpVisitor(APP);
        lee.get(APP + "/api/csrf"); // a session before signing in
        String before = lee.cookie(APP, "JSESSIONID");
        assertThat(before).isNotNull();
        HttpResponse<String> login = lee.follow(lee.get(APP + "/oauth2/authorization/school"));
        String csrf = login.body().replaceAll("(?s).*name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\".*", "$1");
        HttpResponse<String> back = lee.follow(lee.send("POST", TestIdentityProvider.issuer(IDP_PORT) + "/login",
                Map.of("username", "lee", "password", TestIdentityProvider.PASSWORD, "_csrf", csrf), false));
        assertThat(back.uri().getPath()).isEqualTo("/teach");
        String after = lee.cookie(APP, "JSESSIONID");
        assertThat(after).isNotNull().isNotEqualTo(before); // no session fixation
        assertThat(me(lee)).contains("\"role\":\"TEACHER\"").contains("\"name\":\"Ms Lee\"");
        // the session id from before the sign-in is nobody now
        assertThat(lee.getWithCookie(APP + "/api/me", "JSESSIONID=" + before).body()).contains("\"role\":\"ANONYMOUS\"");

        assertThat(me(throughTheSchool(TestIdentityProvider.KIM))).contains("\"role\":\"TEACHER\""); // by e-mail
        assertThat(me(throughTheSchool(TestIdentityProvider.SAM))).contains("\"role\":\"STUDENT\"");
        // a wrong password at the provider signs nobody in
        HttpVisitor eve = new HttpVisitor(APP);
        HttpResponse<String> page = eve.follow(eve.get(APP + "/oauth2/authorization/school"));
        String token = page.body().replaceAll("(?s).*name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\".*", "$1");
        HttpResponse<String> refused = eve.follow(eve.send("POST", TestIdentityProvider.issuer(IDP_PORT) + "/login",
                Map.of("username", "lee", "password", "guess", "_csrf", token), false));
        assertThat(refused.uri().toString()).contains("/login?error");
        assertThat(me(eve)).contains("\"role\":\"ANONYMOUS\"");
    }

    @Test
    void aStudentJoinsWithTheCodeGetsANewSessionIdAndIsRememberedByAnHttpOnlyCookie() throws Exception {
        User teacher = users.localTeacher().orElseThrow();
        ClassRoom c = classroom.newClass(teacher, "Join test");
        HttpVisitor v = new HttpVisitor(APP);
        String token = v.csrf();
        String before = v.cookie(APP, "JSESSIONID");
        HttpResponse<String> r = v.send("POST", APP + "/signin/student",
                Map.of("code", c.code().toLowerCase(Locale.ROOT), "name", "Ada", "_csrf", token), false);
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).startsWith("gradsheet-student=").contains("HttpOnly").contains("SameSite=Lax"));
        assertThat(v.cookie(APP, "JSESSIONID")).isNotEqualTo(before);
        assertThat(me(v)).contains("\"role\":\"STUDENT\"").contains("\"name\":\"Ada\"");
        // a new session (the browser came back tomorrow) signs in again through the cookie
        String secret = v.cookie(APP, "gradsheet-student");
        HttpResponse<String> again = v.getWithCookie(APP + "/api/me", "gradsheet-student=" + secret);
        assertThat(again.body()).contains("\"name\":\"Ada\"");
        // a wrong code: back to the join page with the problem, nobody made
        HttpVisitor w = new HttpVisitor(APP);
        HttpResponse<String> wrong = w.postForm(APP + "/signin/student", Map.of("code", "ZZZZZZ", "name", "Bo"));
        assertThat(wrong.headers().firstValue("Location").orElse("")).startsWith("/join?error=code");
        assertThat(me(w)).contains("\"role\":\"ANONYMOUS\"");
        assertThat(classroom.members(c)).extracting(User::name).containsExactly("Ada");
    }

    @Test
    void changesWithoutTheCsrfTokenAreRefusedAndChangeNothing() throws Exception {
        User teacher = users.localTeacher().orElseThrow();
        ClassRoom c = classroom.newClass(teacher, "CSRF test");
        HttpVisitor v = new HttpVisitor(APP);
        HttpResponse<String> noToken = v.send("POST", APP + "/signin/student", Map.of("code", c.code(), "name", "Mallory"), false);
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(classroom.members(c)).isEmpty();

        HttpVisitor owner = new HttpVisitor(APP);
        HttpResponse<String> first = owner.get(APP + "/api/me");
        assertThat(first.headers().allValues("Set-Cookie")).anySatisfy(cookie -> // the anonymous browser's id
                assertThat(cookie).startsWith("gradsheet-browser=").contains("HttpOnly").contains("SameSite=Lax"));
        String browser = owner.cookie(APP, "gradsheet-browser");
        SharedSheet mine = registry.create(Examples.WORKED.load(), SheetOwner.of(Actor.browser(browser).key()));
        HttpResponse<String> forged = owner.send("POST", APP + "/api/sheets/" + mine.id() + "/value",
                Map.of("cell", "x", "value", "7"), false);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(mine.sheet().value("x")).isEqualTo(-2.0);
        HttpResponse<String> real = owner.send("POST", APP + "/api/sheets/" + mine.id() + "/value",
                Map.of("cell", "x", "value", "7"), true);
        assertThat(real.statusCode()).isEqualTo(200);
        assertThat(mine.sheet().value("x")).isEqualTo(7.0);
    }

    enum Role { ANONYMOUS, STUDENT, OTHER_STUDENT, TEACHER, OTHER_TEACHER }

    enum Act { VIEW, EDIT, RESTORE, DASHBOARD, EXPORT, HAND_IN, DELETE }

    static final Map<Role, List<Act>> ALLOWED = Map.of(
            Role.ANONYMOUS, List.of(),
            Role.STUDENT, List.of(Act.VIEW, Act.EDIT, Act.RESTORE, Act.HAND_IN, Act.DELETE),
            Role.OTHER_STUDENT, List.of(),
            Role.TEACHER, List.of(Act.VIEW, Act.RESTORE, Act.DASHBOARD, Act.EXPORT, Act.DELETE),
            Role.OTHER_TEACHER, List.of());

    @Test
    void theAccessTableOverHttp() throws Exception {
        HttpVisitor teacher = localTeacher();
        HttpVisitor otherTeacher = throughTheSchool(TestIdentityProvider.KIM);
        User t = users.localTeacher().orElseThrow();
        ClassRoom c = classroom.newClass(t, "Table");
        HttpVisitor student = joining(c.code(), "Ada");
        HttpVisitor otherStudent = joining(c.code(), "Bo");
        HttpVisitor anonymous = new HttpVisitor(APP);
        User ada = classroom.members(c).stream().filter(u -> u.name().equals("Ada")).findFirst().orElseThrow();
        SharedSheet source = registry.create(Examples.WORKED.load(), SheetOwner.of(t.actor().key()));
        Assignment a = classroom.newAssignment(c, source, "Chain rule", Practice.parse("gradients of x, y, z, q, f, t"),
                1e-3, null);
        Map<Role, HttpVisitor> as = Map.of(Role.ANONYMOUS, anonymous, Role.STUDENT, student, Role.OTHER_STUDENT, otherStudent,
                Role.TEACHER, teacher, Role.OTHER_TEACHER, otherTeacher);
        ResourceBundle words = ResourceBundle.getBundle("i18n/app", Locale.ROOT);
        for (Role role : Role.values()) {
            SharedSheet copy = classroom.openCopy(a, ada);
            copy.sheet().actingAs(new SheetActions.Editor(ada.actor()), () -> copy.sheet().setValue("x", -1));
            registry.flush();
            for (Act act : Act.values()) {
                String before = state(copy, a);
                HttpResponse<String> r = call(as.get(role), act, copy, a);
                if (ALLOWED.get(role).contains(act)) {
                    assertThat(r.statusCode()).as("%s %s: %s", role, act, r.body()).isEqualTo(200);
                } else {
                    assertThat(r.statusCode()).as("%s %s", role, act).isEqualTo(403);
                    String reason = r.body().replaceAll(".*\"reason\":\"([A-Z_]+)\".*", "$1");
                    assertThat(r.body()).as("%s %s", role, act).contains("\"message\":\""
                            + words.getString("access." + reason).replace("\"", "\\\""));
                    assertThat(state(copy, a)).as("%s %s refused changes nothing", role, act).isEqualTo(before);
                }
            }
        }
    }

    /** What a refused request must leave as it was: the live sheet, whether it is stored, the hand-ins. */
    private String state(SharedSheet copy, Assignment a) {
        return copy.text() + "|" + (registry.store().owner(copy.id()).isPresent() ? "stored" : "gone")
                + "|" + classroom.store().handIns(a.id()).size();
    }

    private static HttpResponse<String> call(HttpVisitor v, Act act, SharedSheet copy, Assignment a) throws Exception {
        String sheet = APP + "/api/sheets/" + copy.id();
        return switch (act) {
            case VIEW -> v.get(sheet);
            case EDIT -> v.send("POST", sheet + "/value", Map.of("cell", "y", "value", "9"), true);
            case RESTORE -> v.send("POST", sheet + "/restore", Map.of("revision", "1"), true);
            case DELETE -> v.send("DELETE", sheet, Map.of(), true);
            case DASHBOARD -> v.get(APP + "/api/assignments/" + a.id() + "/dashboard");
            case EXPORT -> v.get(APP + "/api/assignments/" + a.id() + "/grades.csv");
            case HAND_IN -> v.send("POST", sheet + "/hand-in", Map.of(), true);
        };
    }
}
