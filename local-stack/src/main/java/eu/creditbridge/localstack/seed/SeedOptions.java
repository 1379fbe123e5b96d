package eu.creditbridge.localstack.seed;

import eu.creditbridge.localstack.CommandOptions;
import java.time.Duration;
import java.util.List;

/**
 * What {@code ./creditbridge seed} was asked for: how many credentials, spread over how many learners, issued by which
 * partner university to learners of which host university, and how long to wait for the pipeline at most.
 *
 * @param credentials credentials to publish (at least one)
 * @param learners    learners of the host institution they are spread over (default: one per ten credentials)
 * @param issuer      SCHAC code of the partner university whose own issuer signs and publishes them
 * @param host        SCHAC code of the learners' home university, whose ruleset decides
 * @param deadline    how long producing and deciding may take before the command gives up
 */
public record SeedOptions(int credentials, int learners, String issuer, String host, Duration deadline) {

    public static final String USAGE =
            "seed [--credentials 10000] [--learners N/10] [--issuer uni.lodz.pl] [--host eur.nl] [--timeout-minutes T]";

    static final int DEFAULT_CREDENTIALS = 10_000;
    static final String DEFAULT_ISSUER = "uni.lodz.pl";
    static final String DEFAULT_HOST = "eur.nl";

    public SeedOptions {
        if (credentials < 1) {
            throw new IllegalArgumentException("--credentials must be at least 1, was " + credentials);
        }
        if (learners < 1 || learners > credentials) {
            throw new IllegalArgumentException("--learners must be between 1 and the number of credentials (" + credentials
                    + "), was " + learners);
        }
        if (issuer.equals(host)) {
            throw new IllegalArgumentException("--issuer and --host are both " + issuer
                    + "; recognition is of a partner's credentials, so name two universities");
        }
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("--timeout-minutes must be positive");
        }
    }

    /**
     * Generous, and in proportion to the volume: two minutes for registering the key and starting up, plus 20 ms per
     * credential (50/s, a fraction of what one laptop's pipeline decides), so 100,000 credentials get 35 min 20 s.
     */
    static Duration defaultDeadline(int credentials) {
        return Duration.ofMinutes(2).plusMillis(20L * credentials);
    }

    /** Reads the options, leaving nothing behind; anything not understood is an error naming the usage. */
    public static SeedOptions parse(List<String> arguments) {
        CommandOptions args = new CommandOptions(arguments, USAGE);
        int credentials = args.number("--credentials").orElse(DEFAULT_CREDENTIALS);
        int learners = args.number("--learners").orElse(Math.max(1, credentials / 10));
        String issuer = args.value("--issuer").orElse(DEFAULT_ISSUER);
        String host = args.value("--host").orElse(DEFAULT_HOST);
        Duration deadline = args.number("--timeout-minutes").map(Duration::ofMinutes).orElse(defaultDeadline(credentials));
        args.requireAllRead();
        return new SeedOptions(credentials, learners, issuer, host, deadline);
    }
}
