package dev.gradsheet.web.security;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Which people signing in through the school's provider are teachers: those whose e-mail is listed
 * ({@code gradsheet.teachers.emails}) or whose claim {@code gradsheet.teachers.claim} (such as
 * {@code groups}) holds {@code gradsheet.teachers.claim-value} (such as {@code teachers}). Anyone else
 * signs in as a student.
 *
 * @param emails     teachers' e-mail addresses, lower case
 * @param claim      the claim naming groups or roles, or blank
 * @param claimValue the value in it that makes a teacher
 */
public record TeacherRule(Set<String> emails, String claim, String claimValue) {
    /** The rule from the settings' texts (a comma-separated e-mail list, a claim and its value). */
    public static TeacherRule of(String emails, String claim, String claimValue) {
        Set<String> list = emails == null ? Set.of() : java.util.Arrays.stream(emails.split(","))
                .map(e -> e.strip().toLowerCase(Locale.ROOT)).filter(e -> !e.isEmpty()).collect(Collectors.toSet());
        return new TeacherRule(list, claim == null ? "" : claim.strip(), claimValue == null ? "" : claimValue.strip());
    }

    /** Whether {@code user} is a teacher. */
    public boolean teacher(OidcUser user) {
        String email = user.getEmail();
        if (email != null && emails.contains(email.toLowerCase(Locale.ROOT))) {
            return true;
        }
        if (claim.isEmpty() || claimValue.isEmpty()) {
            return false;
        }
        Object value = user.getClaims().get(claim);
        if (value instanceof Collection<?> values) {
            return values.stream().anyMatch(v -> claimValue.equals(String.valueOf(v)));
        }
        return value != null && claimValue.equals(String.valueOf(value));
    }
}
