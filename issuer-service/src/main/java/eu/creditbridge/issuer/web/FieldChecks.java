package eu.creditbridge.issuer.web;

import eu.creditbridge.issuer.domain.InvalidValueException;
import eu.creditbridge.kernel.InvalidValue;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Builds domain values from request fields while collecting every failure with the path of the
 * field it came from, so one answer names all bad fields instead of the first.
 */
final class FieldChecks {

    private final List<FieldProblem> problems = new ArrayList<>();

    /** A mandatory field: "is required" when absent, the value type's own message when invalid. */
    <R, T> T required(String path, R raw, Function<R, T> build) {
        if (raw == null) {
            problems.add(FieldProblem.at(path, "is required"));
            return null;
        }
        return optional(path, raw, build);
    }

    /** An optional field: null when absent, the value type's own message when invalid. */
    <R, T> T optional(String path, R raw, Function<R, T> build) {
        if (raw == null) {
            return null;
        }
        try {
            return build.apply(raw);
        } catch (InvalidValueException e) {
            add(path, e);
            return null;
        } catch (InvalidValue e) {
            add(path, e);
            return null;
        }
    }

    void missing(String path) {
        problems.add(FieldProblem.at(path, "is required"));
    }

    /** Adds the violations of a rule that spans fields, unless a field they name is already reported. */
    void add(String path, InvalidValueException e) {
        for (var violation : e.violations()) {
            String field = join(path, violation.field());
            if (!alreadyReported(field)) {
                problems.add(FieldProblem.at(field, violation.message()));
            }
        }
    }

    /** A kernel value (SCHAC code, ESI, credits...) refused at this field, unless the field is already reported. */
    void add(String path, InvalidValue e) {
        if (!alreadyReported(path)) {
            problems.add(FieldProblem.at(path, e.rule()));
        }
    }

    boolean clean() {
        return problems.isEmpty();
    }

    List<FieldProblem> problems() {
        return List.copyOf(problems);
    }

    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
    }

    static String join(String path, String field) {
        if (field == null || field.isEmpty()) {
            return path;
        }
        if (path == null || path.isEmpty()) {
            return field;
        }
        return field.startsWith("[") ? path + field : path + "." + field;
    }

    /** A problem already reported at this field, inside it, or around it makes a second one noise. */
    private boolean alreadyReported(String field) {
        return problems.stream().map(FieldProblem::field).anyMatch(reported -> reported.equals(field)
                || reported.startsWith(field + ".") || reported.startsWith(field + "[")
                || field.startsWith(reported + ".") || field.startsWith(reported + "["));
    }
}
