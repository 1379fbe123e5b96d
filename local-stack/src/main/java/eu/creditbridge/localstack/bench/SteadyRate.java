package eu.creditbridge.localstack.bench;

import eu.creditbridge.localstack.LocalStack;
import eu.creditbridge.localstack.seed.PartnerIssuer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Latency at a steady offered rate: the partner sends its signed credentials evenly spaced ({@code --rate} a second for
 * {@code --latency-seconds}), each sent alone (no linger), and each is timed from the send to its decision on the
 * topic. The rate is offered, not adjusted to what the pipeline keeps up with: if it cannot, the percentiles say so.
 */
final class SteadyRate {

    static final String STREAM = "latency";
    private static final Duration DRAIN = Duration.ofMinutes(3);

    record Result(int sent, Duration offeredFor, long decided, Latencies.Percentiles latencies) {
        double offeredPerSecond() {
            return Figures.perSecond(sent, offeredFor);
        }
    }

    private SteadyRate() {
    }

    static Result run(LocalStack stack, PartnerIssuer.Stack partnerStack, BenchOptions options, DecisionWatch watch, Consumer<String> out) {
        int total = options.rate() * options.latencySeconds();
        out.accept(String.format("Latency: %s offers %d/s for %d s (%,d credentials), each timed from its send to its decision", Burst.ISSUER,
                options.rate(), options.latencySeconds(), total));
        try (PartnerIssuer partner = PartnerIssuer.enrol(stack.state(), partnerStack, Burst.ISSUER, Burst.HOST, Math.max(1, total / 10), 0, out)) {
            long intervalNanos = TimeUnit.SECONDS.toNanos(1) / options.rate();
            Instant start = Instant.now();
            Instant nextProgress = start.plusSeconds(5);
            long next = System.nanoTime();
            DecisionWatch.Stream stream = watch.stream(STREAM);
            for (int index = 0; index < total; index++) {
                PartnerIssuer.Outgoing credential = partner.credential(index);
                watch.sending(credential.credentialId(), STREAM);
                partner.send(credential);
                next += intervalNanos;
                LockSupport.parkNanos(Math.max(0, next - System.nanoTime()));   // pacing the offered rate
                if (Instant.now().isAfter(nextProgress)) {
                    out.accept(String.format("  sent %,d/%,d, decided %,d; so far %s", index + 1, total, stream.decided(),
                            stream.percentiles().describe()));
                    nextProgress = Instant.now().plusSeconds(5);
                }
            }
            partner.flush();
            Duration offered = Duration.between(start, Instant.now());
            Instant giveUp = Instant.now().plus(DRAIN);
            while (stream.decided() < total && Instant.now().isBefore(giveUp)) {
                watch.throwIfFailed();
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));   // the last decisions: nothing to await but time
            }
            Result result = new Result(total, offered, stream.decided(), stream.percentiles());
            out.accept(String.format("  offered %s; %s", Figures.rate(result.offeredPerSecond()), result.latencies().describe()));
            return result;
        }
    }
}
