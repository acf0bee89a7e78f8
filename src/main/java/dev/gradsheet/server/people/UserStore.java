package dev.gradsheet.server.people;

import dev.gradsheet.server.Actor;
import dev.gradsheet.server.SheetStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The people table ({@code app_user}): teachers and students. A student has no password: joining
 * gives them a random login secret that their browser keeps in an HttpOnly cookie. A merged student's
 * secret keeps working and signs in as the student they were merged into.
 */
public final class UserStore {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Longest name a person may give themselves. */
    public static final int MAX_NAME = 60;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final BCryptPasswordEncoder passwords = new BCryptPasswordEncoder();

    public UserStore(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.clock = clock;
    }

    private static final RowMapper<User> ROW = (rs, n) -> new User(rs.getString("id"),
            Actor.Role.valueOf(rs.getString("role")), rs.getString("name"), rs.getString("email"));

    /** A new random secret (64 hex digits). */
    static String secret() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    public Optional<User> find(String id) {
        if (!SheetStore.isValidId(id)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM app_user WHERE id = ?").param(id).query(ROW).optional();
    }

    /** A student who joined, and the login secret their browser keeps. */
    public record Joined(User user, String secret) {
    }

    /** A new student called {@code name} (already checked by the caller). */
    public Joined newStudent(String name) {
        String id = SheetStore.newId();
        String secret = secret();
        jdbc.sql("INSERT INTO app_user (id, role, name, login_secret, created_at) VALUES (?, 'STUDENT', ?, ?, ?)")
                .params(id, name, secret, clock.millis()).update();
        return new Joined(new User(id, Actor.Role.STUDENT, name, null), secret);
    }

    /** The student whose browser holds {@code secret} (a merged one's: the student they became). */
    public Optional<User> bySecret(String secret) {
        if (secret == null || !secret.matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        Optional<String> id = jdbc.sql("SELECT COALESCE(merged_into, id) FROM app_user WHERE login_secret = ?")
                .param(secret).query(String.class).optional();
        return id.flatMap(this::find);
    }

    /**
     * The teacher signed in through the provider as {@code subject} (issuer and sub), made on their
     * first sign-in; their name and e-mail follow the provider's.
     */
    public User oidcUser(String subject, String name, String email, Actor.Role role) {
        return tx.execute(status -> {
            Optional<User> known = jdbc.sql("SELECT * FROM app_user WHERE oidc_subject = ?").param(subject)
                    .query(ROW).optional();
            String shown = name == null || name.isBlank() ? (email == null ? "?" : email) : name;
            shown = shown.length() > 100 ? shown.substring(0, 100) : shown;
            if (known.isPresent()) {
                jdbc.sql("UPDATE app_user SET name = ?, email = ?, role = ? WHERE id = ?")
                        .params(shown, email, role.name(), known.get().id()).update();
                return new User(known.get().id(), role, shown, email);
            }
            String id = SheetStore.newId();
            jdbc.sql("INSERT INTO app_user (id, role, name, email, oidc_subject, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(id, role.name(), shown, email, subject, clock.millis()).update();
            return new User(id, role, shown, email);
        });
    }

    /** The local teacher account (the one with a password), if there is one. */
    public Optional<User> localTeacher() {
        return jdbc.sql("SELECT * FROM app_user WHERE role = 'TEACHER' AND password_hash IS NOT NULL ORDER BY created_at")
                .query(ROW).list().stream().findFirst();
    }

    /** Makes (or updates) the local teacher account with {@code password}; returns it. */
    public User setLocalTeacherPassword(String name, String password) {
        String hash = passwords.encode(password);
        Optional<User> known = localTeacher();
        if (known.isPresent()) {
            jdbc.sql("UPDATE app_user SET password_hash = ? WHERE id = ?").params(hash, known.get().id()).update();
            return known.get();
        }
        String id = SheetStore.newId();
        jdbc.sql("INSERT INTO app_user (id, role, name, password_hash, created_at) VALUES (?, 'TEACHER', ?, ?, ?)")
                .params(id, name, hash, clock.millis()).update();
        return new User(id, Actor.Role.TEACHER, name, null);
    }

    /** The local teacher if {@code password} is theirs. */
    public Optional<User> checkLocalTeacher(String password) {
        if (password == null || password.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id, password_hash FROM app_user WHERE role = 'TEACHER' AND password_hash IS NOT NULL")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list().stream()
                .filter(r -> passwords.matches(password, r[1])).findFirst().flatMap(r -> find(r[0]));
    }

    /** Renames a student or teacher. */
    public void rename(String id, String name) {
        jdbc.sql("UPDATE app_user SET name = ? WHERE id = ?").params(name, id).update();
    }

    /** Marks {@code from} as merged into {@code into}: {@code from}'s browser now signs in as {@code into}. */
    public void markMergedInto(String from, String into) {
        jdbc.sql("UPDATE app_user SET merged_into = ? WHERE id = ? OR merged_into = ?").params(into, from, from).update();
    }

    /** Users by id, in the order given (missing ones left out). */
    public List<User> all(List<String> ids) {
        return ids.stream().map(this::find).flatMap(Optional::stream).toList();
    }

    // ---- the one-time setup link -------------------------------------------------------------------

    /** A new one-time setup token (its hash is kept); returns the token for the log. */
    public String newSetupToken() {
        String token = secret();
        jdbc.sql("INSERT INTO teacher_setup (token_hash, created_at) VALUES (?, ?)")
                .params(sha256(token), clock.millis()).update();
        return token;
    }

    /** Whether an unused setup token exists. */
    public boolean setupPending() {
        return jdbc.sql("SELECT COUNT(*) FROM teacher_setup WHERE used_at IS NULL").query(Integer.class).single() > 0;
    }

    /** Uses up {@code token}: true once, when it is a valid unused token. */
    public boolean useSetupToken(String token) {
        if (token == null || !token.matches("[0-9a-f]{64}")) {
            return false;
        }
        return jdbc.sql("UPDATE teacher_setup SET used_at = ? WHERE token_hash = ? AND used_at IS NULL")
                .params(clock.millis(), sha256(token)).update() == 1;
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
