package eu.creditbridge.recognition.domain.grading;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The grading schemes this service knows the shape of, by registry identifier. The registry names a scheme
 * but does not describe it, so its range and direction live here; a scheme not listed can still be converted
 * by grading tables, but not by the linear formula, and a minimum grade in it cannot be checked.
 */
public final class GradingSchemes {

    public static final String PASS_FAIL = "pass-fail";

    private final Map<String, GradingScheme> byId;

    public GradingSchemes(List<GradingScheme> schemes) {
        this.byId = schemes.stream().collect(Collectors.toUnmodifiableMap(scheme -> key(scheme.id()), Function.identity()));
    }

    /** The schemes of the alliance registry's members (national scales as their universities award them). */
    public static GradingSchemes european() {
        return new GradingSchemes(List.of(
                GradingScheme.Numeric.stepped("de-1-5", "1.0", "4.0", "1.0", "1.3", "1.7", "2.0", "2.3", "2.7", "3.0", "3.3", "3.7", "4.0"),
                GradingScheme.Numeric.stepped("at-1-5", "1", "4", "1", "2", "3", "4"),
                GradingScheme.Numeric.stepped("pl-2-5", "5.0", "3.0", "5.0", "4.5", "4.0", "3.5", "3.0"),
                GradingScheme.Numeric.stepped("hr-1-5", "5", "2", "5", "4", "3", "2"),
                GradingScheme.Numeric.stepped("fi-0-5", "5", "1", "5", "4", "3", "2", "1"),
                GradingScheme.Numeric.stepped("ch-1-6", "6.0", "4.0", "6.0", "5.5", "5.0", "4.5", "4.0"),
                GradingScheme.Numeric.continuous("nl-1-10", "10", "6", 1),
                GradingScheme.Numeric.continuous("es-0-10", "10", "5", 1),
                GradingScheme.Numeric.continuous("be-0-20", "20", "10", 0),
                GradingScheme.Numeric.continuous("fr-0-20", "20", "10", 1),
                // "30 e lode" (with honours) is written 31: a grade of the scale, counted as its best.
                GradingScheme.Numeric.continuous("it-18-30", "30", "18", 0).withHonours("31"),
                new GradingScheme.Ordered("ects-a-f", List.of("A", "B", "C", "D", "E")),
                new GradingScheme.Ordered("no-a-f", List.of("A", "B", "C", "D", "E")),
                new GradingScheme.Ordered("se-u-g-vg", List.of("VG", "G")),
                new GradingScheme.PassFail(PASS_FAIL)));
    }

    public Optional<GradingScheme> find(String id) {
        return Optional.ofNullable(byId.get(key(id)));
    }

    private static String key(String id) {
        return id.trim().toLowerCase(Locale.ROOT);
    }
}
