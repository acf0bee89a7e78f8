package dev.gradsheet.web;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

/**
 * The {@link SecurityHeaders} on responses Tomcat makes without the app: its error pages for a
 * malformed request (400), a path no servlet takes (404), a body over a limit (413). A servlet filter
 * never sees those; a valve in Tomcat's engine does, before the host's error-report valve writes the
 * page. It sits after the proxy valve ({@code server.forward-headers-strategy=native}), so a request a
 * proxy says came over HTTPS counts as secure here too (see {@link TomcatHeadersConfig}).
 */
public class SecurityHeadersValve extends ValveBase {
    public SecurityHeadersValve() {
        super(true); // asynchronous requests (Vaadin's push) pass through too
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        SecurityHeaders.apply(response::setHeader, request.isSecure());
        getNext().invoke(request, response);
    }
}
