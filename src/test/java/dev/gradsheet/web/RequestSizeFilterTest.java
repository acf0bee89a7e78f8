package dev.gradsheet.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradsheet.server.ServerLimits;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

/** The request-size filter on its own: what it refuses, and what it hands on unchanged. */
class RequestSizeFilterTest {
    private final RequestSizeFilter filter = new RequestSizeFilter(ServerLimits.defaults(), DataSize.ofKilobytes(1));
    private final AtomicReference<String> seen = new AtomicReference<>();

    private MockHttpServletResponse send(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        seen.set(null);
        filter.doFilter(request, response, new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, jakarta.servlet.http.HttpServletResponse res)
                    throws java.io.IOException {
                seen.set(new String(req.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
        }));
        return response;
    }

    private static MockHttpServletRequest post(String query, String contentType, byte[] body) {
        MockHttpServletRequest r = new MockHttpServletRequest("POST", "/");
        r.setQueryString(query);
        r.setContentType(contentType);
        r.setContent(body);
        return r;
    }

    @Test
    void aDeclaredLengthOverTheLimitIs413AndNothingReadsTheBody() throws Exception {
        MockHttpServletResponse r = send(post("v-r=uidl&v-uiId=0", "application/json", new byte[1025]));
        assertThat(r.getStatus()).isEqualTo(413);
        assertThat(r.getContentAsString()).contains("larger than 1024 bytes");
        assertThat(seen.get()).isNull();
        assertThat(send(post("v-r=uidl&v-uiId=0", "application/json", new byte[1024])).getStatus()).isEqualTo(200);
        assertThat(seen.get()).hasSize(1024);
    }

    @Test
    void uploadsHaveTheUploadLimit() throws Exception {
        long limit = ServerLimits.defaults().uploadRequestBytes();
        assertThat(filter.uploadBytes()).isEqualTo(limit).isEqualTo(5_000_000 + ServerLimits.MULTIPART_ENVELOPE);
        assertThat(send(post("v-r=upload&v-uiId=0", "multipart/form-data; boundary=b", new byte[100_000])).getStatus())
                .isEqualTo(200);
        assertThat(send(post("v-r=upload&v-uiId=0", null, new byte[(int) limit + 1])).getStatus()).isEqualTo(413);
        assertThat(send(post(null, "Multipart/Form-Data; boundary=b", new byte[(int) limit + 1])).getStatus()).isEqualTo(413);
    }

    @Test
    void aChunkedBodyIsReadUpToTheLimitAndHandedOnWhole() throws Exception {
        assertThat(send(chunked("v-r=uidl", "application/json", "{\"rpc\":[]}".getBytes(StandardCharsets.UTF_8)))
                .getStatus()).isEqualTo(200);
        assertThat(seen.get()).isEqualTo("{\"rpc\":[]}");
        assertThat(send(chunked("v-r=uidl", "application/json", new byte[1025])).getStatus()).isEqualTo(413);
        assertThat(seen.get()).isNull();
        assertThat(send(chunked("v-r=upload", "multipart/form-data; boundary=b", new byte[10])).getStatus()).isEqualTo(411);
    }

    @Test
    void aRequestWithoutABodyPasses() throws Exception {
        assertThat(send(new MockHttpServletRequest("GET", "/sheet/x")).getStatus()).isEqualTo(200);
        assertThat(seen.get()).isEmpty();
    }

    /** A request whose body comes in chunks: no declared length. */
    private static MockHttpServletRequest chunked(String query, String contentType, byte[] body) {
        MockHttpServletRequest r = new MockHttpServletRequest("POST", "/") {
            @Override
            public int getContentLength() {
                return -1;
            }

            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        r.setQueryString(query);
        r.setContentType(contentType);
        r.setContent(body);
        r.addHeader("Transfer-Encoding", "chunked");
        return r;
    }
}
