package dev.gradsheet.web;

import dev.gradsheet.server.ServerLimits;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request has a size limit, checked before anything reads its body. An upload (multipart, or
 * Vaadin's {@code v-r=upload}) may be as large as the largest file the page takes
 * ({@link ServerLimits#uploadRequestBytes}); any other request — the page's UI messages
 * ({@code ?v-r=uidl}), whose largest is a formula typed into a cell — at most
 * {@code gradsheet.limits.request} (1 MB). A larger declared length is answered 413 at once, the body
 * unread (Tomcat swallows at most {@code server.tomcat.max-swallow-size} of it, then closes the
 * connection), so a 100 MB message never reaches Vaadin or the log.
 *
 * <p>A body without a declared length (chunked) is read here first, up to the small limit, and
 * handed on from memory; 413 when it is longer. A chunked upload is refused with 411: browsers
 * always declare an upload's length, and Tomcat's multipart parser would read the socket, not a copy.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class RequestSizeFilter extends OncePerRequestFilter {
    private final long requestBytes;
    private final long uploadBytes;

    public RequestSizeFilter(ServerLimits limits, @Value("${gradsheet.limits.request:1MB}") DataSize request) {
        if (request.toBytes() < 1 || request.toBytes() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("gradsheet.limits.request must be between 1 byte and 2 GB, not " + request);
        }
        this.requestBytes = request.toBytes();
        this.uploadBytes = Math.max(requestBytes, limits.uploadRequestBytes());
    }

    /** The most bytes a request that is not an upload may carry. */
    public long requestBytes() {
        return requestBytes;
    }

    /** The most bytes an upload request may carry. */
    public long uploadBytes() {
        return uploadBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean upload = isUpload(request);
        long limit = upload ? uploadBytes : requestBytes;
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "the request is larger than " + limit
                    + " bytes, the most this server takes");
            return;
        }
        if (declared < 0 && request.getHeader("Transfer-Encoding") != null) {
            if (upload) {
                refuse(response, HttpServletResponse.SC_LENGTH_REQUIRED, "an upload must say its length (Content-Length)");
                return;
            }
            byte[] body = readAtMost(request.getInputStream(), requestBytes);
            if (body == null) {
                refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "the request is larger than "
                        + requestBytes + " bytes, the most this server takes");
                return;
            }
            chain.doFilter(new ReadRequest(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    /** A multipart body or Vaadin's upload request (read from the query string: the body stays unread). */
    static boolean isUpload(HttpServletRequest request) {
        String type = request.getContentType();
        if (type != null && type.regionMatches(true, 0, "multipart/", 0, 10)) {
            return true;
        }
        String query = request.getQueryString();
        if (query == null) {
            return false;
        }
        for (String part : query.split("&")) {
            if (part.equals("v-r=upload")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Answers at once: flushed, so the client reads the refusal while it is still sending (Tomcat would
     * otherwise first read up to max-swallow-size of the body), and the connection closes after it.
     */
    private static void refuse(HttpServletResponse response, int status, String why) throws IOException {
        byte[] text = (why + "\n").getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setHeader("Connection", "close");
        response.setContentType("text/plain;charset=UTF-8");
        response.setContentLength(text.length); // the client knows where the answer ends while the socket stays open
        response.getOutputStream().write(text);
        response.flushBuffer();
    }

    /** The whole stream if it holds at most {@code limit} bytes, else null (having read {@code limit + 1}). */
    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        byte[] body = in.readNBytes((int) limit + 1);
        return body.length > limit ? null : body;
    }

    /** The request with its body already read into memory. */
    private static final class ReadRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        ReadRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body was already read");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            Charset charset = StandardCharsets.UTF_8;
            String encoding = getCharacterEncoding();
            try {
                charset = encoding == null ? charset : Charset.forName(encoding);
            } catch (IllegalArgumentException unknown) {
                // as Vaadin reads its messages: UTF-8
            }
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }
}
