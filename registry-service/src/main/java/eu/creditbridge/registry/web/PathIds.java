package eu.creditbridge.registry.web;

import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.registry.domain.AllianceId;
import eu.creditbridge.registry.domain.RulesetVersion;
import eu.creditbridge.registry.domain.Violations;

/** Ids taken from the URL path, refused with a problem naming the path variable when malformed. */
final class PathIds {

    private PathIds() {
    }

    static SchacCode schac(String raw) {
        return parsed("schac", () -> new SchacCode(raw));
    }

    static AllianceId alliance(String raw) {
        return parsed("allianceId", () -> new AllianceId(raw));
    }

    static RulesetVersion version(String raw) {
        return parsed("version", () -> {
            try {
                return new RulesetVersion(Integer.parseInt(raw));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("must be a version number (1, 2, ...) or 'latest', was '" + raw + "'");
            }
        });
    }

    private static <T> T parsed(String field, java.util.function.Supplier<T> parse) {
        Violations violations = new Violations();
        T value = violations.attempt(field, parse);
        violations.throwIfAny();
        return value;
    }
}
