package eu.creditbridge.localstack.chaos;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a chaos run measured and found. {@link #problems()} is empty when nothing was lost, nothing was counted twice,
 * every credential's decision reached the issuer and the consumer lag went back to zero.
 *
 * @param credentials         credentials issued (accepted by issuer-service with 201, or 200 for a repeat)
 * @param learners            learners they were spread over
 * @param concurrency         concurrent HTTP clients
 * @param issuing             from the first POST to the last one accepted
 * @param elapsed             from the first POST until everything had converged (or the check gave up)
 * @param sinceLastFault      from the last fault's component being ready again until everything had converged
 * @param faults              each fault with when it struck and how long its component was down
 * @param retriedPosts        POSTs sent again because the issuer did not answer or answered 5xx
 * @param repeatedIssues      retries the issuer answered 200: the first attempt had been stored, its answer was lost
 * @param maxLag              the highest consumer lag seen per group while the run lasted
 * @param deadLetters         records that reached the dead-letter topics during the run
 * @param learnersMatching    learner records equal to their expected end state at the last check
 * @param decisionsAtIssuer   of this run's credentials, how many have exactly their expected decision at the issuer
 * @param problems            every check that failed, in words; empty for a passing run
 */
public record ChaosResult(int credentials, int learners, int concurrency, Duration issuing, Duration elapsed,
        Duration sinceLastFault, List<FaultRecord> faults, long retriedPosts, long repeatedIssues, Map<String, Long> maxLag,
        long deadLetters, int learnersMatching, int decisionsAtIssuer, List<String> problems) {

    /** A fault as it happened: after how many accepted credentials, and from going down to ready again. */
    public record FaultRecord(Fault fault, int afterCredentials, Duration downtime) {
    }

    public ChaosResult {
        faults = List.copyOf(faults);
        maxLag = Map.copyOf(maxLag);
        problems = List.copyOf(problems);
    }

    public boolean passed() {
        return problems.isEmpty();
    }

    /** Credentials per second issued, while the faults struck. */
    public double issueRate() {
        return credentials / seconds(issuing);
    }

    /** Credentials per second from the first POST to every learner record complete. */
    public double endToEndRate() {
        return credentials / seconds(elapsed);
    }

    /** The figures, for people. */
    public String report() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("Chaos run: %s%n", passed() ? "PASSED" : "FAILED"));
        out.append(String.format("  credentials            %,d (to %,d learners, %d concurrent HTTP clients)%n", credentials, learners, concurrency));
        out.append(String.format("  issuing took           %.1f s  (%.0f credentials/s through the issuer's REST API)%n", seconds(issuing), issueRate()));
        out.append(String.format("  elapsed to converge    %.1f s  (%.0f credentials/s end to end)%n", seconds(elapsed), endToEndRate()));
        out.append(String.format("  converged after fault  %.1f s  after the last fault's component was ready again%n", seconds(sinceLastFault)));
        for (FaultRecord fault : faults) {
            out.append(String.format("  fault                  %-28s after %,6d credentials, down %.1f s%n", fault.fault().description(),
                    fault.afterCredentials(), seconds(fault.downtime())));
        }
        out.append(String.format("  POST retries           %,d (%,d answered 200: stored before, the answer had been lost)%n", retriedPosts, repeatedIssues));
        maxLag.forEach((group, lag) -> out.append(String.format("  max lag                %,d records (%s)%n", lag, group)));
        out.append(String.format("  dead letters           %,d%n", deadLetters));
        out.append(String.format("  learner records exact  %,d of %,d%n", learnersMatching, learners));
        out.append(String.format("  decisions at issuer    %,d of %,d%n", decisionsAtIssuer, credentials));
        for (String problem : problems) {
            out.append("  PROBLEM: ").append(problem).append(System.lineSeparator());
        }
        return out.toString();
    }

    private static double seconds(Duration duration) {
        return Math.max(duration.toMillis(), 1) / 1000.0;
    }
}
