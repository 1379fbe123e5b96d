package eu.creditbridge.issuer.web.transcript;

import eu.creditbridge.issuer.domain.Credential;
import eu.creditbridge.issuer.domain.ImportKey;
import eu.creditbridge.issuer.domain.ImportedResult;
import eu.creditbridge.issuer.domain.InvalidValueException;
import eu.creditbridge.issuer.domain.InvalidValueException.Violation;
import eu.creditbridge.issuer.web.CredentialBody;
import eu.creditbridge.issuer.web.CredentialBodyMapping;
import eu.creditbridge.issuer.web.InvalidRequest;
import eu.creditbridge.kernel.InvalidValue;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A result read from a document, as a {@link CredentialBody} built from it, through the very checks a JSON credential
 * passes ({@link CredentialBodyMapping}): importable when they pass, refused with each problem otherwise — and, for a
 * field the format never carries, a word on where it can come from instead.
 */
final class Candidates {

    /** Registry scheme ids: lower-case words joined by '-' or '.', as {@code Grade} requires. */
    private static final Pattern SCHEME = Pattern.compile("[a-z0-9]+([-.][a-z0-9]+)*");

    private Candidates() {
    }

    static ImportedResult of(String opportunity, String title, Supplier<ImportKey> key, CredentialBody body,
                             List<String> notes, List<Violation> readProblems, Map<String, String> hints) {
        var problems = new ArrayList<>(readProblems);
        Credential credential = null;
        try {
            credential = CredentialBodyMapping.toCredential(body);
        } catch (InvalidRequest e) {
            for (var problem : e.problems()) {
                if (problems.stream().noneMatch(p -> p.field().equals(problem.field()))) {
                    String hint = hints.get(problem.field());
                    problems.add(new Violation(problem.field(), hint == null ? problem.message() : problem.message() + ": " + hint));
                }
            }
        } catch (InvalidValueException e) {
            problems.addAll(e.violations());
        }
        ImportKey importKey = null;
        try {
            importKey = key.get();
        } catch (InvalidValueException e) {
            problems.addAll(e.violations());
        } catch (InvalidValue e) {
            problems.add(new Violation("", e.rule()));
        }
        if (!problems.isEmpty() || credential == null || importKey == null) {
            return new ImportedResult.Refused(opportunity, title, problems, notes);
        }
        return new ImportedResult.Importable(opportunity, title, importKey, credential, notes);
    }

    /**
     * The registry scheme a document's grading scheme stands for: the request's mapping where it gives one; otherwise
     * the grade travels unconverted under the document's own id (as a scheme id, lower-cased), and a note says why.
     */
    static String gradingScheme(String documentScheme, ImportSettings settings, String grade, List<String> notes) {
        if (documentScheme == null || documentScheme.isBlank()) {
            notes.add("grade '" + grade + "' names no grading scheme in the document: it travels unconverted under "
                    + "'unspecified', so the receiving institution converts it by hand");
            return "unspecified";
        }
        String local = documentScheme.strip();
        String mapped = settings.gradingSchemes().get(local);
        if (mapped != null) {
            notes.add("grading scheme '" + local + "' mapped to the registry's '" + mapped + "' (gradingScheme in the request)");
            return mapped;
        }
        String asId = local.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]+", "-").replaceAll("^[-.]+|[-.]+$", "");
        if (asId.isEmpty() || !SCHEME.matcher(asId).matches()) {
            asId = "unspecified";
        }
        notes.add("grade '" + grade + "' travels unconverted under the document's own scheme '" + asId + "': the request "
                + "maps no registry scheme to '" + local + "' (gradingScheme=" + local + ":<registry scheme>), so the "
                + "receiving institution cannot convert it by its grading table");
        return asId;
    }

    /**
     * The day the first of {@code texts} that is given names (a date, or a date-time whose first ten characters are
     * one); null when none is given, or when that one is not a date (a problem at {@code issuedOn} then).
     */
    static LocalDate firstDay(List<String> texts, List<Violation> problems) {
        for (String text : texts) {
            if (text != null && !text.isBlank()) {
                String day = text.strip();
                try {
                    return LocalDate.parse(day.length() > 10 ? day.substring(0, 10) : day);
                } catch (DateTimeParseException e) {
                    problems.add(new Violation("issuedOn", "'" + day + "' is not a date (YYYY-MM-DD)"));
                    return null;
                }
            }
        }
        return null;
    }

    /**
     * The value whose keywords the label contains first, in the order given (so "unsupervised" is tried before
     * "supervised"); null for no label; for a label matching none, {@code otherwise} and a note saying so.
     */
    static <E> E byKeywords(String label, List<Map.Entry<List<String>, E>> table, E otherwise, String what,
                            List<String> notes) {
        if (label == null) {
            return null;
        }
        String lower = label.toLowerCase(Locale.ROOT);
        for (var row : table) {
            if (row.getKey().stream().anyMatch(lower::contains)) {
                return row.getValue();
            }
        }
        notes.add(what + " '" + label + "' matches none of the contract's values: "
                + (otherwise == null ? "not carried" : "carried as " + otherwise));
        return otherwise;
    }

    /** The text in the preferred language (English), else the first given; null when there is none. */
    static String preferred(List<ElmoDocument.Text> texts) {
        String first = null;
        for (var text : texts) {
            if (text == null || text.value == null || text.value.isBlank()) {
                continue;
            }
            if ("en".equalsIgnoreCase(text.lang)) {
                return text.value.strip();
            }
            if (first == null) {
                first = text.value.strip();
            }
        }
        return first;
    }
}
