package dev.gradsheet.web.security;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import dev.gradsheet.server.people.UserStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Sign-in for the classroom with Vaadin's Spring Security setup ({@link VaadinSecurityConfigurer}, which
 * replaces the deprecated {@code VaadinWebSecurity} in Vaadin 24.9), with anonymous use exactly as before: every page stays open to everyone (no login wall; the views and {@code server.access}
 * decide what a person may do), and the app's own {@code SecurityHeadersFilter} keeps writing the
 * headers.
 *
 * <ul>
 *   <li>Teachers sign in through the school's OpenID Connect provider when
 *       {@code spring.security.oauth2.client.*} names one ({@link TeacherRule} says who is a teacher),
 *       or with the local teacher password at {@code /login}.</li>
 *   <li>Students join with a class code ({@link StudentJoin}) and come back through their cookie
 *       ({@link StudentCookieFilter}).</li>
 *   <li>Every sign-in gives the session a new id; forms and HTTP endpoints outside Vaadin's own
 *       requests need the CSRF token (Vaadin protects its own requests itself).</li>
 * </ul>
 */
@EnableWebSecurity
@Configuration
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
public class SecurityConfig {
    private final UserStore users;
    private final IdentityOptions identity;
    private final TeacherRule teachers;

    public SecurityConfig(UserStore users, IdentityOptions identity,
                          @Value("${gradsheet.teachers.emails:}") String emails,
                          @Value("${gradsheet.teachers.claim:}") String claim,
                          @Value("${gradsheet.teachers.claim-value:}") String claimValue) {
        this.users = users;
        this.identity = identity;
        this.teachers = TeacherRule.of(emails, claim, claimValue);
    }

    @Bean
    SecurityFilterChain filterChain(HttpSecurity http) throws Exception {
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin
                .loginView("/login", "/")
                // no login wall: every page is open, the rules are server.access's, asked by every page and endpoint
                .anyRequest(AuthorizeHttpRequestsConfigurer.AuthorizedUrl::permitAll)
                .enableNavigationAccessControl(false)
                .addLogoutHandler((request, response, auth) -> StudentCookie.clear(request, response)));
        http.headers(h -> h.disable()); // SecurityHeadersFilter writes the app's headers, as before
        http.csrf(c -> c.csrfTokenRequestHandler(new FormCsrfTokens())); // pages unchanged: see FormCsrfTokens
        if (identity.hasProvider()) {
            http.oauth2Login(o -> o.loginPage("/login").defaultSuccessUrl("/teach")
                    .userInfoEndpoint(u -> u.oidcUserService(new OidcTeachers(users, teachers))));
        }
        http.formLogin(f -> f.defaultSuccessUrl("/teach"));
        http.sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()));
        http.addFilterAfter(new StudentCookieFilter(users), SecurityContextHolderFilter.class);
        return http.build();
    }

    @Bean
    AuthenticationProvider teacherPassword() {
        return new TeacherPassword(users);
    }
}
