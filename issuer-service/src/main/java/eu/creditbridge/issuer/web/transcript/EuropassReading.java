package eu.creditbridge.issuer.web.transcript;

import eu.creditbridge.issuer.domain.AssessmentType;
import eu.creditbridge.issuer.domain.IdentityVerification;
import eu.creditbridge.issuer.domain.ImportKey;
import eu.creditbridge.issuer.domain.ImportedResult;
import eu.creditbridge.issuer.domain.InvalidValueException.Violation;
import eu.creditbridge.issuer.domain.ParticipationForm;
import eu.creditbridge.issuer.domain.QualityAssuranceType;
import eu.creditbridge.issuer.web.CredentialBody;
import eu.creditbridge.issuer.web.FieldProblem;
import eu.creditbridge.issuer.web.InvalidRequest;
import eu.creditbridge.kernel.EuropeanStudentIdentifier;
import eu.creditbridge.kernel.InvalidValue;
import eu.creditbridge.kernel.SchacCode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * A Europass Digital Credential (ELM 3, JSON-LD) read as plain JSON with the terms of the ELM 3 context
 * ({@code http://data.europa.eu/snb/model/context/edc-ap}): no JSON-LD expansion, so a document that renames the
 * context's terms is not understood. Each learning achievement claimed for the subject becomes one result; every
 * Annex I element it carries goes to its place in the contract, and what the contract has no place for is named in
 * the result's notes. An element the contract requires and the document lacks is refused by name, unless the request
 * supplies it ({@link ImportSettings}); nothing is guessed.
 */
final class EuropassReading implements DocumentReading {

    static final String FORMAT = "europass";

    /** The ECTS concept of the EU's education-credit vocabulary. */
    private static final String ECTS_CONCEPT = "http://data.europa.eu/snb/education-credit/6fcec5c5af";
    private static final Pattern ESI_SCHEME = Pattern.compile("(?i).*(european student identifier|\\besi\\b).*");
    private static final Pattern SCHAC_SCHEME = Pattern.compile("(?i).*schac.*");

    private static final Map<String, String> HINTS = Map.of(
            "qualityAssurance", "the credential carries no accreditation; give the quality assurance behind it as "
                    + "?qualityAssurance=INTERNAL_INSTITUTIONAL (or another type)",
            "assessmentType", "the credential names no assessment type; give it as ?assessmentType=",
            "participationForm", "the credential names no mode of learning; give it as ?participationForm=",
            "ectsCredits", "the credential gives no credit points in ECTS",
            "learningOutcomes", "the credential states no learning outcomes",
            "issuerCountries", "the awarding body's address names no country",
            "issuedOn", "the credential has no awarding date nor validFrom");

    private final JsonNode document;

    EuropassReading(JsonNode document) {
        if (document == null || !document.isObject()) {
            throw refused("", "is not a JSON object: an ELM 3 credential is expected");
        }
        String types = document.path("type").toString();
        if (!types.contains("EuropeanDigitalCredential") && !types.contains("VerifiableCredential")) {
            throw refused("type", "names neither EuropeanDigitalCredential nor VerifiableCredential: this is not an "
                    + "ELM 3 credential");
        }
        if (claims(document).isEmpty()) {
            throw refused("credentialSubject.hasClaim", "is missing: the credential claims no learning achievement");
        }
        this.document = document;
    }

    private static List<JsonNode> claims(JsonNode document) {
        return all(document.path("credentialSubject").path("hasClaim"));
    }

    /**
     * The awarding body of each claim, by SCHAC code: the document's own identifier in a SCHAC scheme, else the
     * request's {@code issuingInstitution}.
     *
     * @throws InvalidRequest naming the awarding body that has neither
     */
    @Override
    public Set<SchacCode> issuers(ImportSettings settings) {
        var issuers = new LinkedHashSet<SchacCode>();
        for (var claim : claims(document)) {
            issuers.add(issuer(claim, settings, null));
        }
        return issuers;
    }

    private static SchacCode issuer(JsonNode claim, ImportSettings settings, Set<ImportSettings.Supplied> supplied) {
        var body = awardingBody(claim);
        for (var identifier : all(body.path("identifier"))) {
            if (SCHAC_SCHEME.matcher(identifier.path("schemeName").asString("")).matches()) {
                try {
                    return SchacCode.lenient(identifier.path("notation").asString(""));
                } catch (InvalidValue e) {
                    throw refused("awardingBody.identifier", "in a SCHAC scheme " + e.rule());
                }
            }
        }
        String name = text(body.path("legalName"));
        if (settings.issuingInstitution() != null) {
            if (supplied != null) {
                supplied.add(new ImportSettings.Supplied("issuingInstitution", settings.issuingInstitution().value(),
                        "the awarding body" + (name == null ? "" : " '" + name + "'") + " has no identifier in a SCHAC scheme"));
            }
            return settings.issuingInstitution();
        }
        var others = new ArrayList<String>();
        for (var identifier : all(body.path("identifier"))) {
            others.add("'" + identifier.path("notation").asString("") + "' in scheme '"
                    + identifier.path("schemeName").asString("") + "'");
        }
        throw refused("issuingInstitution", "is required: the awarding body" + (name == null ? "" : " '" + name + "'")
                + " has no SCHAC code" + (others.isEmpty() ? "" : " (only " + String.join(", ", others) + ")")
                + "; give the SCHAC code it is known by as ?issuingInstitution=");
    }

    /** One result per claimed learning achievement, and what the request supplied. */
    @Override
    public Reading read(ImportSettings settings) {
        var supplied = new LinkedHashSet<ImportSettings.Supplied>();
        var subject = document.path("credentialSubject");
        var problems = new ArrayList<FieldProblem>();
        String esi = null;
        for (var identifier : all(subject.path("identifier"))) {
            if (ESI_SCHEME.matcher(identifier.path("schemeName").asString("")).matches()) {
                esi = identifier.path("notation").asString(null);
            }
        }
        String learnerId = null;
        if (esi != null) {
            try {
                learnerId = EuropeanStudentIdentifier.lenient(esi).value();
            } catch (InvalidValue e) {
                problems.add(FieldProblem.at("credentialSubject.identifier", "in the ESI scheme " + e.rule()));
            }
            if (learnerId != null && settings.learnerId() != null && !settings.learnerId().value().equals(learnerId)) {
                problems.add(FieldProblem.at("learnerId", "is '" + settings.learnerId() + "', but the credential "
                        + "identifies the learner as '" + learnerId + "'"));
            }
        } else if (settings.learnerId() != null) {
            learnerId = settings.learnerId().value();
            supplied.add(new ImportSettings.Supplied("learner.europeanStudentIdentifier", learnerId,
                    "the credential identifies the learner " + (subject.has("nationalID") ? "only by a national ID" : "by name only")
                            + ", with no European Student Identifier"));
        } else {
            problems.add(FieldProblem.at("learnerId", "is required: the credential identifies the learner "
                    + (subject.has("nationalID") ? "only by a national ID" : "by name only") + ", with no European Student "
                    + "Identifier; give it as ?learnerId=urn:schac:personalUniqueCode:int:esi:..."));
        }
        if (settings.homeInstitution() == null) {
            problems.add(FieldProblem.at("homeInstitution", "is required: a Europass credential does not say which "
                    + "institution is the learner's home (the one asked to recognise it); give its SCHAC code as ?homeInstitution="));
        } else {
            supplied.add(new ImportSettings.Supplied("learner.homeInstitution", settings.homeInstitution().value(),
                    "a Europass credential does not say which institution is the learner's home"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
        String fullName = text(subject.path("fullName"));
        if (fullName == null) {
            String given = text(subject.path("givenName"));
            String family = text(subject.path("familyName"));
            fullName = given == null && family == null ? null : ((given == null ? "" : given + " ") + (family == null ? "" : family)).strip();
        }
        var learner = new CredentialBody.Learner(learnerId, settings.homeInstitution().value(), fullName);
        var results = new ArrayList<ImportedResult>();
        for (var claim : claims(document)) {
            results.add(readClaim(claim, settings, learner, supplied));
        }
        return new Reading("Europass (ELM 3)", List.copyOf(supplied), results, List.of());
    }

    private ImportedResult readClaim(JsonNode claim, ImportSettings settings, CredentialBody.Learner learner,
                                     Set<ImportSettings.Supplied> supplied) {
        var spec = first(claim.path("specifiedBy"));
        var assessment = first(claim.path("provenBy"));
        var awardingBody = awardingBody(claim);
        var issuer = issuer(claim, settings, supplied);
        String title = text(claim.path("title"));
        if (title == null) {
            title = text(spec.path("title"));
        }
        var notes = new ArrayList<String>();
        var problems = new ArrayList<Violation>();

        BigDecimal ects = null;
        for (var credit : all(spec.path("creditPoint"))) {
            var framework = credit.path("framework");
            String label = text(framework.path("prefLabel"));
            if (ECTS_CONCEPT.equals(framework.path("id").asString("")) || (label != null && label.contains("European Credit Transfer"))) {
                try {
                    ects = new BigDecimal(credit.path("point").asString("").strip().replace(',', '.'));
                } catch (NumberFormatException e) {
                    problems.add(new Violation("ectsCredits", "'" + credit.path("point").asString("") + "' is not a number"));
                }
            } else {
                notes.add("credit points in '" + label + "' are not carried: the contract counts ECTS only");
            }
        }
        Integer eqf = lastSegmentNumber(spec.path("eqfLevel").path("id").asString(null), "/eqf/");
        String isced = null;
        for (var area : all(spec.path("thematicArea"))) {
            String id = area.path("id").asString("");
            int at = id.indexOf("/isced-f/");
            if (at >= 0) {
                String code = id.substring(at + "/isced-f/".length());
                if (isced == null) {
                    isced = code;
                } else {
                    notes.add("ISCED-F field " + code + " is not carried: the contract has one field of study, " + isced);
                }
            }
        }
        if (spec.has("nqfLevel")) {
            notes.add("NQF level '" + text(spec.path("nqfLevel").path("prefLabel")) + "' is not carried: the contract has EQF only");
        }
        var outcomes = new ArrayList<CredentialBody.LearningOutcome>();
        for (var outcome : all(spec.path("learningOutcome"))) {
            String description = text(outcome.path("title"));
            var skills = all(outcome.path("relatedESCOSkill"));
            if (skills.isEmpty()) {
                outcomes.add(new CredentialBody.LearningOutcome(description, null));
            }
            for (var skill : skills) {
                outcomes.add(new CredentialBody.LearningOutcome(description, skill.path("id").asString(null)));
            }
        }
        Integer hours = null;
        String volume = spec.path("volumeOfLearning").asString(null);
        if (volume != null) {
            try {
                long minutes = Duration.parse(volume).toMinutes();
                hours = (int) Math.max(1, Math.round(minutes / 60.0));
            } catch (DateTimeParseException e) {
                notes.add("volume of learning '" + volume + "' is not carried: only hours and days (e.g. PT60H) are understood");
            }
        }
        var participation = Candidates.byKeywords(text(spec.path("mode").path("prefLabel")), MODES, null, "mode", notes);
        if (participation == null && settings.participationForm() != null) {
            participation = settings.participationForm();
            supplied.add(new ImportSettings.Supplied("participationForm", participation.name(), "the credential names no mode of learning"));
        }
        if (spec.has("learningSetting")) {
            notes.add("learning setting '" + text(spec.path("learningSetting").path("prefLabel")) + "' is not carried: "
                    + "the contract has no place for it");
        }
        var assessmentType = Candidates.byKeywords(text(first(assessment.path("specifiedBy")).path("dcType").path("prefLabel")),
                ASSESSMENTS, AssessmentType.OTHER, "assessment", notes);
        if (assessmentType == null && settings.assessmentType() != null) {
            assessmentType = settings.assessmentType();
            supplied.add(new ImportSettings.Supplied("assessmentType", assessmentType.name(), "the credential names no assessment type"));
        }
        var quality = qualityOf(claim, spec, awardingBody, notes);
        if (quality == null && settings.qualityAssurance() != null) {
            quality = settings.qualityAssurance();
            supplied.add(new ImportSettings.Supplied("qualityAssurance", quality.name(), "the credential carries no accreditation"));
        }
        var verification = Candidates.byKeywords(text(assessment.path("idVerification").path("prefLabel")), VERIFICATIONS,
                null, "identity verification", notes);
        CredentialBody.Grade grade = null;
        String gradeValue = text(assessment.path("grade").path("noteLiteral"));
        if (gradeValue == null) {
            gradeValue = text(assessment.path("grade"));
        }
        if (gradeValue != null) {
            var scheme = first(assessment.path("specifiedBy")).path("gradingScheme");
            String schemeId = scheme.path("id").asString(null);
            String schemeTitle = text(scheme.path("title"));
            String local = schemeId != null && settings.gradingSchemes().containsKey(schemeId) ? schemeId : schemeTitle;
            grade = new CredentialBody.Grade(gradeValue, Candidates.gradingScheme(local, settings, gradeValue, notes), true);
            notes.add("grade '" + gradeValue + "' counts as passed: a Europass learning achievement is awarded only when achieved");
        }
        String country = countryOf(awardingBody);
        String bodyName = text(awardingBody.path("legalName"));
        var body = new CredentialBody(null, issuer.value(), learner, title,
                first(spec.path("identifier")).path("notation").asString(null),
                country == null ? List.of() : List.of(country),
                List.of(new CredentialBody.AwardingBody(issuer.value(), bodyName == null ? issuer.value() : bodyName)),
                dateOf(claim, problems), outcomes.isEmpty() ? null : outcomes, ects, hours, eqf, null, isced,
                assessmentType, participation, quality, text(first(spec.path("entryRequirement")).path("noteLiteral")),
                verification, grade, null, spec.path("homepage").path("contentURL").asString(null));
        String credentialId = document.path("id").asString("");
        String claimId = claim.path("id").asString("");
        return Candidates.of(credentialId, title == null ? "" : title,
                () -> new ImportKey(FORMAT, issuer, EuropeanStudentIdentifier.of(learner.europeanStudentIdentifier()),
                        credentialId, claimId),
                body, notes, problems, HINTS);
    }

    private LocalDate dateOf(JsonNode claim, List<Violation> problems) {
        return Candidates.firstDay(Arrays.asList(first(claim.path("awardedBy")).path("awardingDate").asString(null),
                document.path("validFrom").asString(null), document.path("issuanceDate").asString(null)), problems);
    }

    /** ELM 3's learning modes by their English labels. */
    private static final List<Map.Entry<List<String>, ParticipationForm>> MODES = List.of(
            Map.entry(List.of("blended", "hybrid"), ParticipationForm.BLENDED),
            Map.entry(List.of("online", "distance"), ParticipationForm.ONLINE),
            Map.entry(List.of("site", "face", "person", "presence"), ParticipationForm.ON_SITE));

    private static final List<Map.Entry<List<String>, AssessmentType>> ASSESSMENTS = List.of(
            Map.entry(List.of("oral"), AssessmentType.ORAL_EXAM),
            Map.entry(List.of("exam", "written", "test"), AssessmentType.WRITTEN_EXAM),
            Map.entry(List.of("practical", "demonstration"), AssessmentType.PRACTICAL_DEMONSTRATION),
            Map.entry(List.of("project"), AssessmentType.PROJECT),
            Map.entry(List.of("portfolio"), AssessmentType.PORTFOLIO),
            Map.entry(List.of("continuous"), AssessmentType.CONTINUOUS_ASSESSMENT));

    /** The EU's supervision-verification vocabulary; "unsupervised" first, as it contains "supervised". */
    private static final List<Map.Entry<List<String>, IdentityVerification>> VERIFICATIONS = List.of(
            Map.entry(List.of("unsupervised"), IdentityVerification.UNSUPERVISED_NO_IDENTITY_CHECK),
            Map.entry(List.of("without"), IdentityVerification.SUPERVISED_NO_IDENTITY_CHECK),
            Map.entry(List.of("online"), IdentityVerification.SUPERVISED_ONLINE_WITH_IDENTITY_CHECK),
            Map.entry(List.of("site", "person"), IdentityVerification.SUPERVISED_ON_SITE_WITH_IDENTITY_CHECK));

    private static final List<Map.Entry<List<String>, QualityAssuranceType>> ACCREDITATIONS = List.of(
            Map.entry(List.of("eqar", "external"), QualityAssuranceType.EXTERNAL_EQAR_AGENCY),
            Map.entry(List.of("programme", "program"), QualityAssuranceType.PROGRAMME_ACCREDITATION),
            Map.entry(List.of("institution"), QualityAssuranceType.INTERNAL_INSTITUTIONAL));

    private static QualityAssuranceType qualityOf(JsonNode claim, JsonNode spec, JsonNode awardingBody, List<String> notes) {
        for (var holder : List.of(spec, claim, awardingBody)) {
            for (var accreditation : all(holder.path("accreditation"))) {
                String type = text(accreditation.path("dcType").path("prefLabel"));
                return Candidates.byKeywords(type == null ? "" : type, ACCREDITATIONS, QualityAssuranceType.OTHER,
                        "accreditation", notes);
            }
        }
        return null;
    }

    /** The awarding body's country, from the EU country authority's alpha-3 code to ISO 3166-1 alpha-2. */
    private static String countryOf(JsonNode awardingBody) {
        for (var location : all(awardingBody.path("location"))) {
            for (var address : all(location.path("address"))) {
                String id = address.path("countryCode").path("id").asString("");
                String alpha3 = id.substring(id.lastIndexOf('/') + 1);
                if (alpha3.length() == 2) {
                    return alpha3.toUpperCase(Locale.ROOT);
                }
                for (String alpha2 : Locale.getISOCountries()) {
                    try {
                        if (new Locale("", alpha2).getISO3Country().equalsIgnoreCase(alpha3)) {
                            return alpha2;
                        }
                    } catch (MissingResourceException e) {
                        // a region without an alpha-3 code: not this one
                    }
                }
            }
        }
        return null;
    }

    private static JsonNode awardingBody(JsonNode claim) {
        return first(first(claim.path("awardedBy")).path("awardingBody"));
    }

    private static Integer lastSegmentNumber(String id, String marker) {
        if (id == null || !id.contains(marker)) {
            return null;
        }
        try {
            return Integer.valueOf(id.substring(id.lastIndexOf('/') + 1));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A language map ({"en": "..."}), a plain string or an array of either: English first, else the first text. */
    static String text(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (node.isString()) {
            return node.asString().isBlank() ? null : node.asString().strip();
        }
        if (node.isArray()) {
            for (var element : node.values()) {
                String text = text(element);
                if (text != null) {
                    return text;
                }
            }
            return null;
        }
        if (node.isObject()) {
            String english = text(node.path("en"));
            if (english != null) {
                return english;
            }
            for (var entry : node.properties()) {
                if (entry.getValue().isString() || entry.getValue().isArray()) {
                    String text = text(entry.getValue());
                    if (text != null) {
                        return text;
                    }
                }
            }
        }
        return null;
    }

    /** JSON-LD writes one value or an array of them alike. */
    private static List<JsonNode> all(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        return node.isArray() ? List.copyOf(node.values()) : List.of(node);
    }

    private static JsonNode first(JsonNode node) {
        return node.isArray() ? node.path(0) : node;
    }

    private static InvalidRequest refused(String field, String message) {
        return new InvalidRequest(List.of(FieldProblem.at(field, message)));
    }
}
