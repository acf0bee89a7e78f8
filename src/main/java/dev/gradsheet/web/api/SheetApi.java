package dev.gradsheet.web.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gradsheet.server.Actor;
import dev.gradsheet.server.SharedSheet;
import dev.gradsheet.server.SheetOwner;
import dev.gradsheet.server.access.AccessRefusedException;
import dev.gradsheet.server.access.SheetActions;
import dev.gradsheet.server.classroom.Assignment;
import dev.gradsheet.server.classroom.Dashboard;
import dev.gradsheet.server.classroom.HandIn;
import dev.gradsheet.sheet.SheetFormatException;
import dev.gradsheet.web.security.CurrentActor;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sheets and assignments over HTTP, for scripts and the access tests: each endpoint asks
 * {@link SheetActions} (so the same {@code server.access} rules as the page), answers a refusal with
 * 403 and its message from the bundles, an unknown id with 404, and changes nothing when refused.
 * Changing requests (POST, DELETE) need the session's CSRF token ({@code GET /api/csrf}) in the
 * {@code X-CSRF-TOKEN} header.
 */
@RestController
public class SheetApi {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SheetActions actions;

    public SheetApi(SheetActions actions) {
        this.actions = actions;
    }

    /** Refused: 403 with the reason and its words. */
    @ExceptionHandler(AccessRefusedException.class)
    ResponseEntity<String> refused(AccessRefusedException e, Locale locale) {
        ObjectNode body = JSON.createObjectNode();
        body.put("refused", e.refusal().action().name());
        body.put("reason", e.refusal().reason().name());
        body.put("message", words(e.refusal().messageKey(), locale));
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_JSON).body(body.toString());
    }

    static String words(String key, Locale locale) {
        Locale l = locale != null && "ko".equals(locale.getLanguage()) ? locale : Locale.ROOT;
        return ResourceBundle.getBundle("i18n/app", l, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
    }

    /** The session's CSRF token, for scripts that change things. */
    @GetMapping("/api/csrf")
    Map<String, String> csrf(HttpServletRequest request) {
        CsrfToken token = (CsrfToken) request.getAttribute("_csrf"); // where the security setup offers it
        return Map.of("header", token.getHeaderName(), "token", token.getToken());
    }

    /** Who the request acts as. */
    @GetMapping("/api/me")
    Map<String, String> me(HttpServletRequest request) {
        Actor a = actor(request);
        return Map.of("key", a.key(), "role", a.role().name(), "name", a.name());
    }

    @GetMapping(value = "/api/sheets/{id}", produces = "text/plain;charset=utf-8")
    ResponseEntity<String> text(@PathVariable String id, HttpServletRequest request) {
        return sheet(id).map(s -> ResponseEntity.ok(actions.text(actor(request), s))).orElseGet(SheetApi::missing);
    }

    @PostMapping("/api/sheets/{id}/value")
    ResponseEntity<String> setValue(@PathVariable String id, @RequestParam String cell, @RequestParam double value,
                                    HttpServletRequest request) {
        Optional<SharedSheet> s = sheet(id);
        if (s.isEmpty()) {
            return missing();
        }
        try {
            actions.setValue(actor(request), s.get(), cell, value);
        } catch (dev.gradsheet.engine.EditRefusedException e) {
            return ResponseEntity.unprocessableEntity().body(e.getMessage());
        }
        return ResponseEntity.ok("ok");
    }

    @PostMapping("/api/sheets/{id}/restore")
    ResponseEntity<String> restore(@PathVariable String id, @RequestParam long revision, HttpServletRequest request)
            throws SheetFormatException {
        Optional<SharedSheet> s = sheet(id);
        if (s.isEmpty()) {
            return missing();
        }
        return actions.restore(actor(request), s.get(), revision).map(edits -> ResponseEntity.ok(String.valueOf(edits)))
                .orElseGet(SheetApi::missing);
    }

    @DeleteMapping("/api/sheets/{id}")
    ResponseEntity<String> delete(@PathVariable String id, HttpServletRequest request) {
        Optional<SharedSheet> s = sheet(id);
        if (s.isEmpty()) {
            return missing();
        }
        actions.delete(actor(request), s.get());
        return ResponseEntity.ok("deleted");
    }

    @PostMapping("/api/sheets/{id}/link")
    ResponseEntity<String> link(@PathVariable String id, @RequestParam SheetOwner.LinkMode mode, HttpServletRequest request) {
        Optional<SharedSheet> s = sheet(id);
        if (s.isEmpty()) {
            return missing();
        }
        actions.setLinkMode(actor(request), s.get(), mode);
        return ResponseEntity.ok(mode.name());
    }

    @PostMapping("/api/sheets/{id}/hand-in")
    ResponseEntity<String> handIn(@PathVariable String id, HttpServletRequest request) {
        Optional<SharedSheet> s = sheet(id);
        if (s.isEmpty()) {
            return missing();
        }
        HandIn h = actions.handIn(actor(request), s.get());
        return ResponseEntity.ok(h.late() ? "late" : "on time");
    }

    @GetMapping(value = "/api/assignments/{id}/dashboard", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> dashboard(@PathVariable String id, HttpServletRequest request) {
        Optional<Assignment> a = actions.classroom().store().assignment(id);
        if (a.isEmpty()) {
            return missing();
        }
        Dashboard d = actions.dashboard(actor(request), a.get());
        ObjectNode root = JSON.createObjectNode();
        root.put("assignment", a.get().title());
        ArrayNode targets = root.putArray("asked");
        d.targets().forEach(targets::add);
        ArrayNode rows = root.putArray("students");
        for (Dashboard.Row r : d.rows()) {
            ObjectNode row = rows.addObject();
            row.put("student", r.student().name());
            row.put("score", r.score());
            row.put("handedIn", r.handIn() != null);
            row.put("late", r.handIn() != null && r.handIn().late());
            ObjectNode marks = row.putObject("marks");
            r.marks().forEach((t, m) -> marks.put(t, m.name()));
        }
        return ResponseEntity.ok(root.toString());
    }

    @GetMapping(value = "/api/assignments/{id}/grades.csv", produces = "text/csv;charset=utf-8")
    ResponseEntity<String> grades(@PathVariable String id, HttpServletRequest request) {
        return actions.classroom().store().assignment(id)
                .map(a -> ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=grades.csv")
                        .body(actions.gradesCsv(actor(request), a)))
                .orElseGet(SheetApi::missing);
    }

    @GetMapping(value = "/api/assignments/{id}/hand-ins.zip", produces = "application/zip")
    ResponseEntity<byte[]> handIns(@PathVariable String id, HttpServletRequest request) {
        Optional<Assignment> a = actions.classroom().store().assignment(id);
        if (a.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=hand-ins.zip")
                .body(actions.handInsZip(actor(request), a.get()));
    }

    private Actor actor(HttpServletRequest request) {
        Actor a = CurrentActor.of(request, actions.users());
        return a != null ? a : Actor.browser("0".repeat(32)); // no cookie at all: nobody's browser
    }

    private Optional<SharedSheet> sheet(String id) {
        try {
            return actions.registry().find(id);
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private static <T> ResponseEntity<T> missing() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
    }
}
