package dev.gradsheet.web.security;

import java.io.Serializable;
import java.security.Principal;

/**
 * The principal of a teacher who signed in with the local password or a student who joined a class:
 * the user's id in {@code app_user} (the session keeps nothing else about them).
 *
 * @param userId the user's id
 */
public record SignedIn(String userId) implements Principal, Serializable {
    @Override
    public String getName() {
        return userId;
    }
}
