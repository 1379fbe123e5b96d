package eu.creditbridge.issuer.web.transcript;

import eu.creditbridge.issuer.domain.AssessmentType;
import eu.creditbridge.issuer.domain.ParticipationForm;
import eu.creditbridge.issuer.domain.QualityAssuranceType;
import eu.creditbridge.issuer.web.FieldProblem;
import eu.creditbridge.issuer.web.InvalidRequest;
import eu.creditbridge.kernel.EuropeanStudentIdentifier;
import eu.creditbridge.kernel.InvalidValue;
import eu.creditbridge.kernel.SchacCode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * What the import request itself says, for elements the contract needs and the documents do not carry: ELMO names a
 * learner by national identifier, never by home institution, and says nothing of assessment type, form of
 * participation or quality assurance; a Europass credential may name its awarding body without a SCHAC code. Each is
 * taken from the request only where the document has none, and the answer lists what was ({@link Supplied}).
 *
 * @param learnerId           the learner's European Student Identifier, where the document has none
 * @param homeInstitution     the learner's home institution (asked to recognise the results)
 * @param gradingSchemes      the document's grading scheme ids (ELMO {@code gradingSchemeLocalId}, a Europass grading
 *                            scheme's id or title) mapped to the registry's scheme ids, from {@code local:registry}
 * @param issuingInstitution  the SCHAC code of a Europass awarding body that has none
 */
public record ImportSettings(EuropeanStudentIdentifier learnerId,
                             SchacCode homeInstitution,
                             AssessmentType assessmentType,
                             ParticipationForm participationForm,
                             QualityAssuranceType qualityAssurance,
                             Map<String, String> gradingSchemes,
                             SchacCode issuingInstitution) {

    /** One element taken from the request, and why the document could not give it. */
    public record Supplied(String element, String value, String why) {
    }

    public ImportSettings {
        gradingSchemes = Map.copyOf(gradingSchemes);
    }

    /** @throws InvalidRequest naming every parameter that is malformed */
    public static ImportSettings of(String learnerId, String homeInstitution, String assessmentType,
                                    String participationForm, String qualityAssurance, List<String> gradingSchemes,
                                    String issuingInstitution) {
        var problems = new ArrayList<FieldProblem>();
        var schemes = new LinkedHashMap<String, String>();
        for (String mapping : gradingSchemes == null ? List.<String>of() : gradingSchemes) {
            int colon = mapping.lastIndexOf(':');
            if (colon <= 0 || colon == mapping.length() - 1) {
                problems.add(FieldProblem.at("gradingScheme", "must be '<the document's scheme>:<registry scheme>', "
                        + "e.g. '0-100:pl-0-100' (got '" + mapping + "')"));
            } else {
                schemes.put(mapping.substring(0, colon).strip(), mapping.substring(colon + 1).strip());
            }
        }
        var settings = new ImportSettings(
                parse(problems, "learnerId", learnerId, EuropeanStudentIdentifier::of),
                parse(problems, "homeInstitution", homeInstitution, SchacCode::of),
                parse(problems, "assessmentType", assessmentType, text -> named(AssessmentType.class, text)),
                parse(problems, "participationForm", participationForm, text -> named(ParticipationForm.class, text)),
                parse(problems, "qualityAssurance", qualityAssurance, text -> named(QualityAssuranceType.class, text)),
                schemes,
                parse(problems, "issuingInstitution", issuingInstitution, SchacCode::of));
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
        return settings;
    }

    private static <T> T parse(List<FieldProblem> problems, String parameter, String text, Function<String, T> build) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return build.apply(text.strip());
        } catch (InvalidValue e) {
            problems.add(FieldProblem.at(parameter, e.rule()));
        } catch (IllegalArgumentException e) {
            problems.add(FieldProblem.at(parameter, e.getMessage()));
        }
        return null;
    }

    private static <E extends Enum<E>> E named(Class<E> type, String text) {
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be one of " + Arrays.toString(type.getEnumConstants())
                    + " (got '" + text + "')");
        }
    }
}
