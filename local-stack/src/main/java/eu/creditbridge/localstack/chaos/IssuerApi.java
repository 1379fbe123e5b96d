package eu.creditbridge.localstack.chaos;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * issuer-service's REST API as the issuing university's system calls it. A POST the issuer does not answer (or
 * answers 5xx or 429) is sent again with the same credential id and body: the issuer's idempotency key, answered 200
 * when the first attempt had been stored.
 */
public final class IssuerApi {

    static final Duration GIVE_UP_ON_POST = Duration.ofMinutes(5);
    private final ServiceApi api;
    private final AtomicLong retried = new AtomicLong();
    private final AtomicLong repeated = new AtomicLong();

    public IssuerApi(ServiceApi api) {
        this.api = api;
    }

    /** Empty once the issuer has accepted the credential (201, or 200 for a repeat); else why it was not. */
    public Optional<String> issue(UUID credentialId, String json) throws InterruptedException {
        HttpRequest request = api.post("/api/credentials", json);
        Instant giveUp = Instant.now().plus(GIVE_UP_ON_POST);
        for (int attempt = 0; ; attempt++) {
            String failure;
            try {
                HttpResponse<String> response = api.send(request);
                if (response.statusCode() == 201 || response.statusCode() == 200) {
                    // An acceptance names what it accepted: a bare 200 once hid credentials never stored.
                    if (!response.body().contains(credentialId.toString())) {
                        return Optional.of("credential " + credentialId + " answered " + response.statusCode()
                                + " without naming it: " + (response.body().isEmpty() ? "(empty body)" : response.body()));
                    }
                    if (response.statusCode() == 200) {
                        repeated.incrementAndGet();
                    }
                    return Optional.empty();
                }
                failure = "HTTP " + response.statusCode() + " " + response.body();
                if (response.statusCode() < 500 && response.statusCode() != 429) {
                    return Optional.of("credential " + credentialId + " refused: " + failure);
                }
            } catch (IOException e) {
                failure = e.toString();
            }
            if (Instant.now().isAfter(giveUp)) {
                return Optional.of("credential " + credentialId + " not accepted within " + GIVE_UP_ON_POST.toMinutes() + " min: " + failure);
            }
            retried.incrementAndGet();
            // The issuer is down or restarting: back off up to a second, it takes a while to come back.
            Thread.sleep(Math.min(1000, 50L << Math.min(attempt, 5)));
        }
    }

    /** The credential as the issuer shows it, with its publication state and the recognitions it has heard of. */
    HttpResponse<String> credential(String credentialId) throws IOException, InterruptedException {
        return api.get("/api/credentials/" + credentialId);
    }

    /** POSTs sent again because the issuer did not answer or answered 5xx. */
    long retried() {
        return retried.get();
    }

    /** Retries the issuer answered 200: the first attempt had been stored, its answer was lost. */
    long repeated() {
        return repeated.get();
    }
}
