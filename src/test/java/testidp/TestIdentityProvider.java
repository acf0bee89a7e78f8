package testidp;

import java.util.List;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerJwtAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * A real OpenID Connect provider for the sign-in tests: Spring Authorization Server in a Spring context
 * of its own, on its own port, at {@code http://127.0.0.1:<port>} (another host name than the app's
 * {@code localhost}, so the two servers' session cookies never meet in one browser). It knows three
 * people — two teachers (one by the {@code groups} claim, one by e-mail) and a student — whose ID
 * tokens carry {@code email}, {@code name} and {@code groups}. Outside {@code dev.gradsheet}, so the
 * app's component scan never finds it.
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, ServletWebServerFactoryAutoConfiguration.class,
        DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
        JacksonAutoConfiguration.class, ErrorMvcAutoConfiguration.class, SecurityAutoConfiguration.class,
        SecurityFilterAutoConfiguration.class, OAuth2AuthorizationServerAutoConfiguration.class,
        OAuth2AuthorizationServerJwtAutoConfiguration.class})
public class TestIdentityProvider {
    public static final String CLIENT_ID = "gradsheet";
    public static final String CLIENT_SECRET = "not-a-real-secret";
    public static final String PASSWORD = "idp-password";

    /** A person the provider knows: user name, full name, e-mail, groups. */
    public record Person(String user, String name, String email, List<String> groups) {
    }

    /** Ms Lee is a teacher by the groups claim. */
    public static final Person LEE = new Person("lee", "Ms Lee", "lee@school.test", List.of("teachers"));
    /** Mr Kim is a teacher by the e-mail list. */
    public static final Person KIM = new Person("kim", "Mr Kim", "kim@school.test", List.of("staff"));
    /** Sam signs in through the school too, and is a student. */
    public static final Person SAM = new Person("sam", "Sam", "sam@school.test", List.of("students"));
    private static final Map<String, Person> PEOPLE = Map.of(LEE.user(), LEE, KIM.user(), KIM, SAM.user(), SAM);

    @Bean
    UserDetailsService people() {
        return new InMemoryUserDetailsManager(PEOPLE.keySet().stream()
                .map(u -> User.withUsername(u).password("{noop}" + PASSWORD).roles("USER").build()).toList());
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> claims() {
        return context -> {
            if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                Person p = PEOPLE.get(context.getPrincipal().getName());
                context.getClaims().claim("email", p.email()).claim("name", p.name()).claim("groups", p.groups());
            }
        };
    }

    /** Starts the provider on {@code port}, accepting the app at {@code appBase} (e.g. http://localhost:8123). */
    public static ConfigurableApplicationContext start(int port, String appBase) {
        String client = "spring.security.oauth2.authorizationserver.client.gradsheet.";
        // command-line arguments: they win over the app's application.properties, which is on the same class path
        // (spring.config.name keeps it from being read at all)
        return new SpringApplicationBuilder(TestIdentityProvider.class).web(WebApplicationType.SERVLET)
                .properties("spring.config.name=test-identity-provider").run(
                "--server.port=" + port,
                "--spring.main.banner-mode=off",
                "--spring.security.oauth2.authorizationserver.issuer=" + issuer(port),
                "--" + client + "registration.client-id=" + CLIENT_ID,
                "--" + client + "registration.client-secret={noop}" + CLIENT_SECRET,
                "--" + client + "registration.client-authentication-methods=client_secret_basic",
                "--" + client + "registration.authorization-grant-types=authorization_code",
                "--" + client + "registration.redirect-uris=" + appBase + "/login/oauth2/code/school",
                "--" + client + "registration.scopes=openid,profile,email",
                "--" + client + "require-authorization-consent=false");
    }

    /**
     * Runs the provider in a process of its own (the app's Vaadin setup replaces Spring Security's global
     * context holder, which a provider in the same JVM would then share): {@code java testidp.TestIdentityProvider
     * <port> <appBase>} on this JVM's class path, ready when its discovery document answers. Close it to stop.
     */
    public static AutoCloseable launch(int port, String appBase) {
        try {
            Process p = new ProcessBuilder(System.getProperty("java.home") + "/bin/java", "-Xmx256m",
                    "-cp", System.getProperty("java.class.path"), TestIdentityProvider.class.getName(),
                    String.valueOf(port), appBase)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            java.net.URI discovery = java.net.URI.create(issuer(port) + "/.well-known/openid-configuration");
            long end = System.nanoTime() + 120_000_000_000L;
            while (System.nanoTime() < end && p.isAlive()) {
                try {
                    if (http.send(java.net.http.HttpRequest.newBuilder(discovery).build(),
                            java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return p::destroy;
                    }
                } catch (java.io.IOException notYet) {
                    Thread.sleep(300);
                }
            }
            p.destroy();
            throw new IllegalStateException("the test identity provider did not start on port " + port);
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException("the test identity provider did not start: " + e, e);
        }
    }

    /** Runs the provider until killed: {@code <port> <appBase>}. */
    public static void main(String[] args) {
        start(Integer.parseInt(args[0]), args[1]);
    }

    /** A port nothing listens on now. */
    public static int freePort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String issuer(int port) {
        return "http://127.0.0.1:" + port;
    }

    /** The app's settings for signing in through this provider as {@code school}. */
    public static Map<String, String> appSettings(int port) {
        String reg = "spring.security.oauth2.client.registration.school.";
        return Map.of(reg + "client-id", CLIENT_ID,
                reg + "client-secret", CLIENT_SECRET,
                reg + "client-name", "School",
                reg + "scope", "openid,profile,email",
                "spring.security.oauth2.client.provider.school.issuer-uri", issuer(port),
                "gradsheet.teachers.claim", "groups",
                "gradsheet.teachers.claim-value", "teachers",
                "gradsheet.teachers.emails", KIM.email());
    }
}
