package eu.creditbridge.issuer.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Reads at most {@code maxBytes} of a request body: the byte after that fails the read with Spring's
 * {@link MaxUploadSizeExceededException}, which {@link ProblemDetails} answers 413 — so an absurd body (a 1 MB course
 * title) costs neither memory nor a 5xx, whether or not the client declared its length.
 */
public class RequestBodyLimit extends OncePerRequestFilter {

    private final long maxBytes;
    private final Map<String, Long> maxBytesByPath;

    public RequestBodyLimit(long maxBytes) {
        this(maxBytes, Map.of());
    }

    /** @param maxBytesByPath other limits for some paths (within the application), e.g. an endpoint taking batches */
    public RequestBodyLimit(long maxBytes, Map<String, Long> maxBytesByPath) {
        this.maxBytes = maxBytes;
        this.maxBytesByPath = Map.copyOf(maxBytesByPath);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        long maxBytes = maxBytesByPath.getOrDefault(path, this.maxBytes);
        chain.doFilter(new HttpServletRequestWrapper(request) {
            private ServletInputStream limited;

            @Override
            public ServletInputStream getInputStream() throws IOException {
                if (limited == null) {
                    limited = new Limited(super.getInputStream(), maxBytes, getContentLengthLong());
                }
                return limited;
            }
        }, response);
    }

    private static final class Limited extends ServletInputStream {

        private final ServletInputStream body;
        private final long maxBytes;
        private long read;

        /** @param declared the Content-Length, -1 if none: a body declared larger than the limit is refused unread */
        Limited(ServletInputStream body, long maxBytes, long declared) {
            this.body = body;
            this.maxBytes = maxBytes;
            if (declared > maxBytes) {
                throw new MaxUploadSizeExceededException(maxBytes);
            }
        }

        @Override
        public int read() throws IOException {
            int b = body.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = body.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > maxBytes) {
                throw new MaxUploadSizeExceededException(maxBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return body.isFinished();
        }

        @Override
        public boolean isReady() {
            return body.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            body.setReadListener(listener);
        }
    }
}
