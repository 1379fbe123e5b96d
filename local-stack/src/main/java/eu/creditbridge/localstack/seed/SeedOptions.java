package eu.creditbridge.localstack.seed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
        List<String> args = new ArrayList<>(arguments);
        int credentials = option(args, "--credentials").map(v -> number("--credentials", v)).orElse(DEFAULT_CREDENTIALS);
        int learners = option(args, "--learners").map(v -> number("--learners", v)).orElse(Math.max(1, credentials / 10));
        String issuer = option(args, "--issuer").orElse(DEFAULT_ISSUER);
        String host = option(args, "--host").orElse(DEFAULT_HOST);
        Duration deadline = option(args, "--timeout-minutes").map(v -> Duration.ofMinutes(number("--timeout-minutes", v)))
                .orElse(defaultDeadline(credentials));
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("unknown arguments " + args + "; usage: " + USAGE);
        }
        return new SeedOptions(credentials, learners, issuer, host, deadline);
    }

    private static int number(String name, String value) {
        try {
            return Integer.parseInt(value.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a whole number, was '" + value + "'");
        }
    }

    private static Optional<String> option(List<String> args, String name) {
        int at = args.indexOf(name);
        if (at < 0) {
            return Optional.empty();
        }
        if (at + 1 >= args.size() || args.get(at + 1).startsWith("--")) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        String value = args.remove(at + 1);
        args.remove(at);
        return Optional.of(value);
    }
}
