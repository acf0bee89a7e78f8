package dev.gradsheet.server.people;

import dev.gradsheet.server.Actor;

/**
 * A person who signed in: a teacher (through the school's OpenID Connect provider or the local
 * teacher password) or a student (who joined a class with its code and a name).
 *
 * @param id    random id
 * @param role  {@link Actor.Role#TEACHER} or {@link Actor.Role#STUDENT}
 * @param name  the name shown to the teacher
 * @param email the provider's e-mail claim, or null
 */
public record User(String id, Actor.Role role, String name, String email) {
    /** This user as the one acting. */
    public Actor actor() {
        return Actor.user(id, role, name);
    }
}
