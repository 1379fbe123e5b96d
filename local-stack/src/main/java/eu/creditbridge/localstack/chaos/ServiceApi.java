package eu.creditbridge.localstack.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A service's REST API as a university's own system calls it: HTTP/1.1, JSON, signed in with its machine account
 * (HTTP Basic). The base address is asked for on every request, as a restarted service keeps its port.
 */
public final class ServiceApi {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Supplier<String> baseUrl;
    private final String authorization;

    public ServiceApi(Supplier<String> baseUrl, String authorization) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).header("Accept", "application/json").GET().build());
    }

    /** A POST of a JSON body, built once so that a retry sends the same bytes. */
    public HttpRequest post(String path, String json) {
        return request(path).header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl.get() + path)).timeout(REQUEST_TIMEOUT).header("Authorization", authorization);
    }
}
