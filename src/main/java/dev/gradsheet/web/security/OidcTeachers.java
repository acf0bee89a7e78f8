package dev.gradsheet.web.security;

import dev.gradsheet.server.Actor;
import dev.gradsheet.server.people.User;
import dev.gradsheet.server.people.UserStore;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Turns a person signed in through the school's OpenID Connect provider into a GradSheet user (made on
 * their first sign-in, known by issuer and subject), a teacher when the {@link TeacherRule} says so.
 */
final class OidcTeachers implements OAuth2UserService<OidcUserRequest, OidcUser> {
    private final OidcUserService standard = new OidcUserService();
    private final UserStore users;
    private final TeacherRule rule;

    OidcTeachers(UserStore users, TeacherRule rule) {
        this.users = users;
        this.rule = rule;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
        OidcUser signed = standard.loadUser(request);
        Actor.Role role = rule.teacher(signed) ? Actor.Role.TEACHER : Actor.Role.STUDENT;
        String subject = signed.getIdToken().getIssuer() + " " + signed.getSubject();
        String name = signed.getFullName() != null ? signed.getFullName() : signed.getPreferredUsername();
        User user = users.oidcUser(subject, name, signed.getEmail(), role);
        return new GradSheetOidcUser(user.id(), SignIns.authorities(role), signed.getIdToken(), signed.getUserInfo());
    }
}
