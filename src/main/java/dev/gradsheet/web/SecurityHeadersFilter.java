package dev.gradsheet.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The {@link SecurityHeaders} on every response the app makes (Tomcat's valve sets them too, for the
 * responses Tomcat makes itself), and the last-sheet cookie on a sheet's page load.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SecurityHeadersFilter extends OncePerRequestFilter {
    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        SecurityHeaders.apply(response::setHeader, request.isSecure());
        LastSheetCookie.onPageRequest(request, response);
        chain.doFilter(request, response);
    }
}
