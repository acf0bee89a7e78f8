package dev.gradsheet.web.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Component;

/**
 * How people can sign in on this server, for the sign-in page: the OpenID Connect providers set in
 * {@code spring.security.oauth2.client.registration.*} (each a link to {@code /oauth2/authorization/<id>})
 * and the local teacher's password form.
 */
@Component
public class IdentityOptions {
    private final List<Provider> providers = new ArrayList<>();

    /** One provider: its registration id and the name to show. */
    public record Provider(String id, String name) {
        /** Where its sign-in starts. */
        public String href() {
            return "oauth2/authorization/" + id;
        }
    }

    public IdentityOptions(ObjectProvider<ClientRegistrationRepository> registrations) {
        ClientRegistrationRepository repo = registrations.getIfAvailable();
        if (repo instanceof Iterable<?> all) {
            for (Object o : all) {
                if (o instanceof ClientRegistration r) {
                    providers.add(new Provider(r.getRegistrationId(), r.getClientName()));
                }
            }
        }
    }

    public List<Provider> providers() {
        return List.copyOf(providers);
    }

    /** Whether a provider is configured (then teachers sign in through it). */
    public boolean hasProvider() {
        return !providers.isEmpty();
    }

    /** The local teacher's user name on the password form. */
    public String teacherUserName() {
        return TeacherPassword.USER_NAME;
    }
}
