package dev.gradsheet.load.agent;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the browsers' Vaadin requests by kind ({@code v-r=heartbeat}, {@code uidl}, ...) and answer
 * status, and times the UIDL requests (the server's side of every click and key): a heartbeat
 * answered 403 means the server took the browser's session for expired.
 */
public final class RequestCounter implements Filter {
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final LatencyLog uidlMillis = new LatencyLog();

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String kind = request instanceof HttpServletRequest http ? kind(http) : null;
        if (kind == null) {
            chain.doFilter(request, response);
            return;
        }
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            int status = response instanceof HttpServletResponse http ? http.getStatus() : 0;
            counts.computeIfAbsent(kind + " " + status, k -> new LongAdder()).increment();
            if ("uidl".equals(kind)) {
                uidlMillis.add((System.nanoTime() - start) / 1e6);
            }
        }
    }

    /** The Vaadin request kind, or null for anything else (static files, the page itself). */
    private static String kind(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query == null) {
            return null;
        }
        int at = query.indexOf("v-r=");
        if (at < 0) {
            return null;
        }
        int end = query.indexOf('&', at);
        return query.substring(at + 4, end < 0 ? query.length() : end);
    }

    /** Requests so far, by "kind status" (e.g. {@code heartbeat 200}, {@code heartbeat 403}). */
    public Map<String, Long> counts() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** How long the server took for each UIDL request, in milliseconds. */
    public LatencyLog uidlMillis() {
        return uidlMillis;
    }
}
