package eu.creditbridge.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Issues the demo credentials of {@code demo/review-queue.json} through issuer-service, so that a registrar who
 * signs in after {@code ./creditbridge start} finds a queue to clear instead of an empty page. Only the CLI does
 * this (tests make their own credentials); the fixed credential ids make a second start a no-op (the issuer
 * answers 200 for a credential it already holds).
 */
final class DemoReviewQueue {

    private static final String RESOURCE = "/demo/review-queue.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private DemoReviewQueue() {
    }

    /** Returns one line per credential saying what happened to it; never throws for a refused credential. */
    static List<String> issue(String issuerUrl, MachineAccountsFile accounts) {
        List<String> lines = new ArrayList<>();
        for (JsonNode credential : credentials()) {
            String title = credential.path("title").asText() + " (" + credential.path("issuingInstitution").asText() + ")";
            // Issued as the issuing university's own student-information system, as its export would be.
            String issuer = MachineAccountsFile.systemOf(credential.path("issuingInstitution").asText());
            HttpRequest request = accounts.signedIn(HttpRequest.newBuilder(URI.create(issuerUrl + "/api/credentials")), issuer)
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(credential.toString()))
                    .build();
            try {
                HttpResponse<String> response = ReadinessProbe.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                lines.add(switch (response.statusCode()) {
                    case 201 -> "issued " + title;
                    case 200 -> "already issued " + title;
                    default -> "refused " + title + ": HTTP " + response.statusCode() + " " + response.body();
                });
            } catch (IOException e) {
                lines.add("could not issue " + title + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                lines.add("interrupted before " + title);
                break;
            }
        }
        return lines;
    }

    private static List<JsonNode> credentials() {
        try (InputStream in = DemoReviewQueue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the launcher's jar");
            }
            List<JsonNode> list = new ArrayList<>();
            JSON.readTree(in).path("credentials").forEach(list::add);
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
