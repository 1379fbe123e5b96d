package eu.creditbridge.localstack.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.creditbridge.contract.ContractTopic;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The checks of a chaos run: every learner record exact (all as stored, a sample also through recognition's API), the
 * consumer lag back to zero, every credential's decision at the issuer (all as stored, a sample also through the
 * issuer's API), and the records that reached the dead-letter topics during the run.
 */
final class Verification implements PipelineReadings {

    /** Credentials also read through the issuer's REST API at the end. */
    private static final int CREDENTIAL_SAMPLES = 5;
    /* Learner records also read through the REST API at the end: each call costs recognition a password hash. */
    private static final int RECORD_SAMPLES = 20;

    /** What the checks found; {@code problems} empty when all passed. */
    record Findings(int learnersMatching, int decisionsAtIssuer, long deadLetters, List<String> problems) {
    }

    private final Workload workload;
    private final List<ExpectedRecord> expected;
    private final Map<String, Integer> indexOfCredential = new HashMap<>();
    private final List<String> groups;
    private final ConsumerLag lag;
    private final StoredOutcomes stored;
    private final IssuerApi issuer;
    private final RecognitionApi recognition;
    private final ExecutorService askers;
    private final ObjectMapper json = new ObjectMapper();
    private volatile long deadLettersBefore;

    Verification(Workload workload, List<String> groups, ConsumerLag lag, StoredOutcomes stored, IssuerApi issuer,
            RecognitionApi recognition, ExecutorService askers) {
        this.workload = workload;
        this.expected = workload.expectedRecords();
        for (int i = 0; i < workload.size(); i++) {
            indexOfCredential.put(workload.credentialId(i).toString(), i);
        }
        this.groups = groups;
        this.lag = lag;
        this.stored = stored;
        this.issuer = issuer;
        this.recognition = recognition;
        this.askers = askers;
    }

    List<ExpectedRecord> expected() {
        return expected;
    }

    /** Before the first credential: the dead letters already there are not this run's. */
    void countDeadLettersBefore(List<String> problems) {
        try {
            deadLettersBefore = lag.records(deadLetterTopics());
        } catch (Exception e) {
            problems.add("could not count the dead letters before the run: " + e.getMessage());
        }
    }

    @Override
    public Map<String, Long> lag() throws Exception {
        return lag.of(groups);
    }

    /** Exactly expected: RECOGNISED at the receiver with the credential's own ECTS, once. */
    @Override
    public int exactDecisionsAtIssuer(List<String> mismatches) {
        try {
            boolean[] seen = new boolean[workload.size()];
            int[] exact = {0};
            stored.forEachDecisionAtIssuer(decision -> {
                Integer index = indexOfCredential.get(decision.credentialId());
                if (index == null) {
                    return;
                }
                BigDecimal recognised = decision.recognisedCredits();
                if (Workload.RECEIVER.equals(decision.receivingInstitution()) && "RECOGNISED".equals(decision.outcome())
                        && recognised != null && recognised.compareTo(BigDecimal.valueOf(workload.ects(index))) == 0 && !seen[index]) {
                    seen[index] = true;
                    exact[0]++;
                } else if (mismatches.size() < 3) {
                    mismatches.add("credential " + decision.credentialId() + ": " + decision.outcome() + " " + decision.storedCredits()
                            + " at " + decision.receivingInstitution());
                }
            });
            return exact[0];
        } catch (RuntimeException e) {
            mismatches.add("the issuer's database could not be read: " + e.getMessage());
            return 0;
        }
    }

    @Override
    public Map<String, LearnerRecord> learnerRecords(List<String> problems) {
        try {
            return stored.learnerRecordsOf(Workload.RECEIVER);
        } catch (RuntimeException e) {
            problems.add("recognition's database could not be read: " + e.getMessage());
            return Map.of();
        }
    }

    /** The last word: every check once more, after {@code earlier} (what went wrong while streaming). */
    Findings verify(List<String> earlier) {
        List<String> found = new ArrayList<>(earlier);
        Map<String, LearnerRecord> records = learnerRecords(found);
        int matching = 0;
        List<String> differences = new ArrayList<>();
        for (ExpectedRecord want : expected) {
            Optional<String> difference = want.differenceFrom(records.get(want.learnerId()));
            if (difference.isEmpty()) {
                matching++;
            } else {
                differences.add(difference.get());
            }
        }
        found.addAll(recordSamplesThroughApi());
        if (!differences.isEmpty()) {
            found.add(differences.size() + " of " + expected.size() + " learner records differ from the expected totals, e.g. "
                    + String.join("; ", differences.subList(0, Math.min(3, differences.size()))));
        }
        try {
            lag().forEach((group, behind) -> {
                if (behind != 0) {
                    found.add("consumer group " + group + " still lags " + behind + " records");
                }
            });
        } catch (Exception e) {
            found.add("could not read the consumer lag: " + e.getMessage());
        }
        List<String> decisionMismatches = new ArrayList<>();
        int decided = exactDecisionsAtIssuer(decisionMismatches);
        if (decided != workload.size()) {
            found.add((workload.size() - decided) + " of " + workload.size() + " credentials lack their expected decision at the issuer"
                    + (decisionMismatches.isEmpty() ? "" : ", e.g. " + String.join("; ", decisionMismatches)));
        }
        found.addAll(credentialSamplesThroughApi());
        long deadLetters = 0;
        try {
            deadLetters = lag.records(deadLetterTopics()) - deadLettersBefore;
        } catch (Exception e) {
            found.add("could not count the dead letters: " + e.getMessage());
        }
        return new Findings(matching, decided, deadLetters, found);
    }

    /** A sample of learner records as a registrar reads them, asked for concurrently. */
    private List<String> recordSamplesThroughApi() {
        List<Future<Optional<String>>> asked = new ArrayList<>();
        int step = Math.max(1, expected.size() / RECORD_SAMPLES);
        for (int learner = step / 2; learner < expected.size(); learner += step) {
            ExpectedRecord want = expected.get(learner);
            asked.add(askers.submit(() -> recordThroughApi(want).map(m -> "through the REST API: " + m)));
        }
        List<String> found = new ArrayList<>();
        asked.forEach(check -> join(check).ifPresent(found::add));
        return found;
    }

    private Optional<String> recordThroughApi(ExpectedRecord want) {
        try {
            HttpResponse<String> response = recognition.learnerRecord(Workload.RECEIVER, want.learnerId());
            if (response.statusCode() == 404) {
                return want.differenceFrom(null);
            }
            if (response.statusCode() != 200) {
                return Optional.of(want.learnerId() + ": HTTP " + response.statusCode());
            }
            return want.differenceFrom(LearnerRecord.fromApi(json.readTree(response.body())));
        } catch (IOException e) {
            return Optional.of(want.learnerId() + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(want.learnerId() + ": interrupted");
        }
    }

    /** A few credentials as the issuer's REST API shows them: published, and recognised with their ECTS. */
    private List<String> credentialSamplesThroughApi() {
        List<String> found = new ArrayList<>();
        int step = Math.max(1, workload.size() / CREDENTIAL_SAMPLES);
        for (int index = step / 2; index < workload.size(); index += step) {
            String id = workload.credentialId(index).toString();
            try {
                HttpResponse<String> response = issuer.credential(id);
                JsonNode body = json.readTree(response.body());
                JsonNode recognitions = body.path("recognitions");
                boolean ok = response.statusCode() == 200 && "PUBLISHED".equals(body.path("publication").path("state").asText())
                        && recognitions.size() == 1 && "RECOGNISED".equals(recognitions.get(0).path("outcome").asText())
                        && recognitions.get(0).path("recognisedCredits").decimalValue().compareTo(BigDecimal.valueOf(workload.ects(index))) == 0;
                if (!ok) {
                    found.add("GET /api/credentials/" + id + " at the issuer shows " + response.statusCode() + " " + abbreviate(response.body()));
                }
            } catch (IOException e) {
                found.add("GET /api/credentials/" + id + " at the issuer failed: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return found;
            }
        }
        return found;
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }

    private static List<String> deadLetterTopics() {
        return Arrays.stream(ContractTopic.values()).map(ContractTopic::deadLetterTopic).toList();
    }

    private static <T> T join(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
