package eu.creditbridge.localstack.chaos;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the pipeline stands: learner records complete, consumer lag, decisions back at the issuer. A lag of -1 is
 * one that could not be read; {@code decisionsAtIssuer} is -1 while the lag is not yet zero (not read).
 */
public record Convergence(int learnersMatching, int learners, Map<String, Long> lag, int decisionsAtIssuer, int credentials,
        List<String> overCounted) {

    public Convergence {
        lag = Collections.unmodifiableMap(new LinkedHashMap<>(lag));
        overCounted = List.copyOf(overCounted);
    }

    /** Everything arrived, exactly once, and nothing is left to consume. */
    public boolean converged() {
        return learnersMatching == learners && lag.values().stream().allMatch(records -> records == 0)
                && decisionsAtIssuer == credentials && overCounted.isEmpty();
    }

    /** A record that holds more than it should never comes right again: waiting longer is pointless. */
    public boolean countedTwice() {
        return !overCounted.isEmpty();
    }

    @Override
    public String toString() {
        return describe();
    }

    public String describe() {
        StringBuilder lags = new StringBuilder();
        lag.forEach((group, records) -> lags.append(' ').append(group).append('=').append(records < 0 ? "?" : String.format("%,d", records)));
        return String.format("lag%s, decisions at issuer %s, learner records exact %s", lags,
                decisionsAtIssuer < 0 ? "(read once the lag is zero)" : String.format("%,d/%,d", decisionsAtIssuer, credentials),
                decisionsAtIssuer < credentials ? "(read once every decision is at the issuer)"
                        : String.format("%,d/%,d", learnersMatching, learners))
                + (overCounted.isEmpty() ? "" : ", COUNTED TWICE: " + overCounted.get(0));
    }
}
