package eu.creditbridge.localstack.chaos;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * How big a chaos run is and what it breaks when.
 *
 * @param credentials        how many credentials are issued through issuer-service's REST API
 * @param learners           how many learners (of Erasmus University Rotterdam) they are spread over, round robin
 * @param concurrency        how many HTTP clients issue at the same time
 * @param faults             what is broken after which share of the credentials, in order
 * @param convergenceTimeout how long {@link ChaosRun#run} waits, after the last credential was accepted, for every
 *                           learner record, the consumer lag and the issuer's decisions to be complete
 */
public record ChaosPlan(int credentials, int learners, int concurrency, List<PlannedFault> faults, Duration convergenceTimeout) {

    /** A fault inflicted once {@code afterShare} of the credentials (0 < share < 1) have been accepted by the issuer. */
    public record PlannedFault(Fault fault, double afterShare) {
        public PlannedFault {
            Objects.requireNonNull(fault, "fault");
            if (!(afterShare > 0 && afterShare < 1)) {
                throw new IllegalArgumentException("a fault comes after a share of the credentials between 0 and 1, not " + afterShare);
            }
        }
    }

    /** Recognition killed after 20 %, the issuer after 45 %, the broker restarted after 70 % of the credentials. */
    public static final List<PlannedFault> THREE_FAULTS = List.of(
            new PlannedFault(Fault.KILL_RECOGNITION, 0.20),
            new PlannedFault(Fault.KILL_ISSUER, 0.45),
            new PlannedFault(Fault.RESTART_BROKER, 0.70));

    public ChaosPlan {
        if (credentials < 1 || learners < 1 || learners > credentials) {
            throw new IllegalArgumentException("need at least one credential per learner: " + credentials + " credentials, "
                    + learners + " learners");
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, not " + concurrency);
        }
        faults = faults.stream().sorted(Comparator.comparingDouble(PlannedFault::afterShare)).toList();
        Objects.requireNonNull(convergenceTimeout, "convergenceTimeout");
    }

    /** The three faults, 8 concurrent clients, 15 minutes to converge, as the issuer's and the receiver's own machine accounts. */
    public static ChaosPlan of(int credentials, int learners) {
        return new ChaosPlan(credentials, learners, 8, THREE_FAULTS, Duration.ofMinutes(15));
    }

    public ChaosPlan withConcurrency(int clients) {
        return new ChaosPlan(credentials, learners, clients, faults, convergenceTimeout);
    }

    public ChaosPlan withConvergenceTimeout(Duration timeout) {
        return new ChaosPlan(credentials, learners, concurrency, faults, timeout);
    }

    public ChaosPlan withFaults(List<PlannedFault> planned) {
        return new ChaosPlan(credentials, learners, concurrency, planned, convergenceTimeout);
    }

    /** The number of accepted credentials after which fault {@code planned} is inflicted (at least one, fewer than all). */
    int threshold(PlannedFault planned) {
        return (int) Math.min(credentials - 1, Math.max(1, Math.round(planned.afterShare() * credentials)));
    }
}
