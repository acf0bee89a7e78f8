package dev.gradsheet.web;

import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Adds {@link SecurityHeadersValve} to embedded Tomcat's engine. Ordered last, so Spring Boot's own
 * customizer has already added the proxy valve that reads {@code X-Forwarded-Proto}: engine valves
 * run in the order they were added.
 */
@Configuration
public class TomcatHeadersConfig implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {
    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addEngineValves(new SecurityHeadersValve());
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
