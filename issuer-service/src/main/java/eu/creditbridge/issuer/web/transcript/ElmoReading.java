package eu.creditbridge.issuer.web.transcript;

import eu.creditbridge.issuer.domain.GradeDistribution;
import eu.creditbridge.issuer.domain.ImportKey;
import eu.creditbridge.issuer.domain.ImportedResult;
import eu.creditbridge.issuer.domain.InvalidValueException.Violation;
import eu.creditbridge.issuer.web.CredentialBody;
import eu.creditbridge.issuer.web.FieldProblem;
import eu.creditbridge.issuer.web.InvalidRequest;
import eu.creditbridge.issuer.web.transcript.ElmoDocument.Elmo;
import eu.creditbridge.issuer.web.transcript.ElmoDocument.Identifier;
import eu.creditbridge.issuer.web.transcript.ElmoDocument.Loi;
import eu.creditbridge.issuer.web.transcript.ElmoDocument.Los;
import eu.creditbridge.issuer.web.transcript.ElmoDocument.Report;
import eu.creditbridge.kernel.EuropeanStudentIdentifier;
import eu.creditbridge.kernel.InvalidValue;
import eu.creditbridge.kernel.SchacCode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An ELMO document, or an EWP Transcript of Records response wrapping several, read into one {@link ImportedResult}
 * per learning opportunity instance: the report's issuer (identifier of type {@code schac}) issues it, the learner's
 * identifier of type {@code esi} (or the request's) receives it, and every learning opportunity — nested parts
 * included — is either a credential, or skipped or refused with why.
 */
final class ElmoReading implements DocumentReading {

    static final String FORMAT = "elmo";

    /** For fields ELMO never carries: where they can come from instead. */
    private static final Map<String, String> HINTS = Map.of(
            "learningOutcomes", "the document gives no description of this learning opportunity, and ELMO has no other "
                    + "place for learning outcomes",
            "assessmentType", "ELMO does not carry it: give it for the whole document as ?assessmentType=WRITTEN_EXAM "
                    + "(or another type)",
            "participationForm", "ELMO does not carry it: give it for the whole document as ?participationForm=ON_SITE "
                    + "(or ONLINE, BLENDED)",
            "qualityAssurance", "ELMO does not carry it: give it for the whole document as "
                    + "?qualityAssurance=INTERNAL_INSTITUTIONAL (or another type)",
            "issuerCountries", "the report's issuer names no country",
            "title", "the learning opportunity has no title");

    private final String kind;
    private final List<Elmo> documents;
    private final List<ElmoDocument.IscedTable> gradeTables;

    private ElmoReading(String kind, List<Elmo> documents, List<ElmoDocument.IscedTable> gradeTables) {
        this.kind = kind;
        this.documents = documents;
        this.gradeTables = gradeTables;
    }

    static ElmoReading ofElmo(Elmo elmo) {
        return new ElmoReading("ELMO", List.of(elmo), List.of());
    }

    static ElmoReading ofTors(ElmoDocument.TorsResponse response) {
        var tors = response.tor.stream().filter(Objects::nonNull).toList();
        var documents = tors.stream().flatMap(tor -> tor.elmo.stream()).filter(Objects::nonNull).toList();
        var tables = tors.stream().map(tor -> tor.gradeConversionTable).filter(Objects::nonNull)
                .flatMap(table -> table.iscedTable.stream()).filter(Objects::nonNull).toList();
        return new ElmoReading("EWP Transcript of Records", documents, tables);
    }

    /**
     * The grade conversion tables, one distribution per ISCED code (the first where several mobilities repeat one);
     * a table with a frequency that does not read is left out, as it could not be offered whole.
     */
    private List<GradeDistribution> distributions() {
        var byCode = new java.util.LinkedHashMap<String, GradeDistribution>();
        for (var table : gradeTables) {
            if (table.iscedCode == null || table.iscedCode.isBlank() || byCode.containsKey(table.iscedCode.strip())) {
                continue;
            }
            try {
                var frequencies = table.gradeFrequency.stream().filter(Objects::nonNull)
                        .map(f -> new GradeDistribution.Frequency(f.label, new BigDecimal(f.percentage.strip()))).toList();
                byCode.put(table.iscedCode.strip(), new GradeDistribution(table.iscedCode.strip(), frequencies));
            } catch (RuntimeException e) {
                // NumberFormatException, a null percentage, or a label the domain refuses: not offered.
            }
        }
        return List.copyOf(byCode.values());
    }

    /**
     * Every institution whose report the document holds.
     *
     * @throws InvalidRequest if a report names no issuer by SCHAC code: nobody could be allowed to import it
     */
    @Override
    public Set<SchacCode> issuers(ImportSettings settings) {
        var issuers = new LinkedHashSet<SchacCode>();
        var problems = new ArrayList<FieldProblem>();
        if (documents.stream().allMatch(d -> d.report.isEmpty())) {
            throw new InvalidRequest(List.of(FieldProblem.at("report", "the document holds no report: nothing to import")));
        }
        for (int d = 0; d < documents.size(); d++) {
            var reports = documents.get(d).report;
            for (int r = 0; r < reports.size(); r++) {
                String path = (documents.size() > 1 ? "elmo[" + d + "]." : "") + "report[" + r + "].issuer";
                var issuer = reports.get(r).issuer;
                String schac = issuer == null ? null : identifier(issuer.identifier, "schac");
                if (schac == null) {
                    problems.add(FieldProblem.at(path, "has no identifier of type 'schac': the issuing institution "
                            + "cannot be named, so nobody may import its results"));
                    continue;
                }
                try {
                    issuers.add(SchacCode.lenient(schac));
                } catch (InvalidValue e) {
                    problems.add(FieldProblem.at(path, "identifier of type 'schac' " + e.rule()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
        return issuers;
    }

    /**
     * One result per learning opportunity instance, and what the request supplied.
     *
     * @throws InvalidRequest if a learner cannot be identified (no ESI in the document or the request), or the request's
     *                        ESI would stand for two learners
     */
    @Override
    public Reading read(ImportSettings settings) {
        var supplied = new LinkedHashSet<ImportSettings.Supplied>();
        var problems = new ArrayList<FieldProblem>();
        var results = new ArrayList<ImportedResult>();
        var learnersWithoutEsi = documents.stream().filter(d -> esiOf(d) == null).map(ElmoReading::whoIs)
                .collect(Collectors.toSet());
        if (learnersWithoutEsi.size() > 1 && settings.learnerId() != null) {
            throw new InvalidRequest(List.of(FieldProblem.at("learnerId", "stands for one learner, but the document "
                    + "holds " + learnersWithoutEsi.size() + " learners without a European Student Identifier: import "
                    + "their transcripts one by one")));
        }
        for (int d = 0; d < documents.size(); d++) {
            var elmo = documents.get(d);
            var learner = learner(elmo, settings, supplied, problems, documents.size() > 1 ? "elmo[" + d + "]." : "");
            if (learner == null) {
                continue;
            }
            for (var report : elmo.report) {
                var issuer = SchacCode.lenient(identifier(report.issuer.identifier, "schac"));
                for (var los : report.learningOpportunitySpecification) {
                    readOpportunity(los, report, issuer, learner, settings, null, results);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
        if (settings.homeInstitution() != null) {
            supplied.add(new ImportSettings.Supplied("learner.homeInstitution", settings.homeInstitution().value(),
                    "ELMO does not say which institution is the learner's home"));
        }
        for (var element : List.of("assessmentType", "participationForm", "qualityAssurance")) {
            Object value = switch (element) {
                case "assessmentType" -> settings.assessmentType();
                case "participationForm" -> settings.participationForm();
                default -> settings.qualityAssurance();
            };
            if (value != null) {
                supplied.add(new ImportSettings.Supplied(element, value.toString(), "ELMO does not carry it"));
            }
        }
        return new Reading(kind, List.copyOf(supplied), results, distributions());
    }

    private static CredentialBody.Learner learner(Elmo elmo, ImportSettings settings,
                                                  Set<ImportSettings.Supplied> supplied, List<FieldProblem> problems,
                                                  String path) {
        if (elmo.learner == null) {
            problems.add(FieldProblem.at(path + "learner", "is missing: the document names no learner"));
            return null;
        }
        String esi = esiOf(elmo);
        String learnerId;
        if (esi != null) {
            try {
                learnerId = EuropeanStudentIdentifier.lenient(esi).value();
            } catch (InvalidValue e) {
                problems.add(FieldProblem.at(path + "learner.identifier", "of type 'esi' " + e.rule()));
                return null;
            }
            if (settings.learnerId() != null && !settings.learnerId().value().equals(learnerId)) {
                problems.add(FieldProblem.at("learnerId", "is '" + settings.learnerId() + "', but the document "
                        + "identifies the learner as '" + learnerId + "'"));
                return null;
            }
        } else if (settings.learnerId() != null) {
            learnerId = settings.learnerId().value();
            String types = elmo.learner.identifier.stream().map(i -> i.type).filter(Objects::nonNull).distinct()
                    .collect(Collectors.joining(", "));
            supplied.add(new ImportSettings.Supplied("learner.europeanStudentIdentifier", learnerId,
                    "the document identifies the learner " + (types.isEmpty() ? "by name only" : "only by " + types)
                            + ", with no identifier of type 'esi'"));
        } else {
            String types = elmo.learner.identifier.stream().map(i -> i.type).filter(Objects::nonNull).distinct()
                    .collect(Collectors.joining(", "));
            problems.add(FieldProblem.at("learnerId", "is required: the document identifies the learner "
                    + (types.isEmpty() ? "by name only" : "only by " + types) + ", with no identifier of type 'esi'; "
                    + "give the learner's European Student Identifier as ?learnerId=urn:schac:personalUniqueCode:int:esi:..."));
            return null;
        }
        if (settings.homeInstitution() == null) {
            problems.add(FieldProblem.at("homeInstitution", "is required: ELMO does not say which institution is the "
                    + "learner's home (the one asked to recognise the results); give its SCHAC code as ?homeInstitution="));
            return null;
        }
        String fullName = Stream.of(elmo.learner.givenNames, elmo.learner.familyName).filter(Objects::nonNull)
                .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.joining(" "));
        return new CredentialBody.Learner(learnerId, settings.homeInstitution().value(), fullName.isEmpty() ? null : fullName);
    }

    private static String esiOf(Elmo elmo) {
        return elmo.learner == null ? null : identifier(elmo.learner.identifier, "esi");
    }

    /** Who a learner without an ESI is, to tell two of them apart: their other identifiers and names. */
    private static String whoIs(Elmo elmo) {
        if (elmo.learner == null) {
            return "";
        }
        return elmo.learner.identifier.stream().map(i -> i.type + "=" + i.value).sorted().collect(Collectors.joining(","))
                + "|" + elmo.learner.givenNames + "|" + elmo.learner.familyName;
    }

    /**
     * One learning opportunity and its parts.
     *
     * @param creditedAncestor the code of an enclosing opportunity issued with its own credits, whose credits already
     *                         include this one's; null at the top or under a degree
     */
    private void readOpportunity(Los los, Report report, SchacCode issuer, CredentialBody.Learner learner,
                                 ImportSettings settings, String creditedAncestor, List<ImportedResult> results) {
        if (los == null) {
            return;
        }
        String code = opportunityId(los);
        String label = code == null ? "" : code;
        String title = Candidates.preferred(los.title);
        String shownTitle = title == null ? "" : title;
        var instances = los.specifies.stream().filter(Objects::nonNull)
                .flatMap(s -> s.learningOpportunityInstance.stream()).filter(Objects::nonNull).toList();
        boolean credited = false;
        if (los.type != null && los.type.toLowerCase(Locale.ROOT).contains("degree")) {
            results.add(new ImportedResult.Skipped(label, shownTitle, "a degree programme ('" + los.type.strip()
                    + "'), not a course: its courses are imported one by one"));
        } else if (instances.isEmpty()) {
            results.add(new ImportedResult.Skipped(label, shownTitle, "no result: the learning opportunity has no instance"));
        } else {
            for (var loi : instances) {
                var result = readInstance(los, loi, report, issuer, learner, settings, creditedAncestor, label, shownTitle);
                results.add(result);
                credited |= !(result instanceof ImportedResult.Skipped);
            }
        }
        String ancestorForParts = credited ? (label.isEmpty() ? shownTitle : label) : creditedAncestor;
        for (var part : los.hasPart) {
            if (part != null) {
                for (var child : part.learningOpportunitySpecification) {
                    readOpportunity(child, report, issuer, learner, settings, ancestorForParts, results);
                }
            }
        }
    }

    private ImportedResult readInstance(Los los, Loi loi, Report report, SchacCode issuer, CredentialBody.Learner learner,
                                        ImportSettings settings, String creditedAncestor, String label, String title) {
        String status = loi.status == null ? "passed" : loi.status.strip().toLowerCase(Locale.ROOT);
        if (!status.equals("passed")) {
            return new ImportedResult.Skipped(label, title, "not passed (status '" + status + "')");
        }
        var ects = loi.credit.stream().filter(c -> c != null && c.scheme != null && c.scheme.strip().equalsIgnoreCase("ects"))
                .findFirst();
        if (ects.isEmpty()) {
            String others = loi.credit.stream().filter(c -> c != null && c.scheme != null).map(c -> c.scheme.strip())
                    .collect(Collectors.joining(", "));
            return new ImportedResult.Skipped(label, title, others.isEmpty() ? "no credits"
                    : "no ECTS credits (only " + others + ")");
        }
        var readProblems = new ArrayList<Violation>();
        BigDecimal credits = decimal(ects.get().value, "ectsCredits", readProblems);
        if (credits != null && credits.signum() == 0) {
            return new ImportedResult.Skipped(label, title, "no credits (0 ECTS)");
        }
        if (creditedAncestor != null) {
            return new ImportedResult.Skipped(label, title, "a part of " + creditedAncestor + ", whose credits include it");
        }
        var notes = new ArrayList<String>();
        if (loi.languageOfInstruction != null && !loi.languageOfInstruction.isBlank()) {
            notes.add("language of instruction '" + loi.languageOfInstruction.strip() + "' is not carried: the contract "
                    + "has no place for it");
        }
        BigDecimal hours = decimal(loi.engagementHours, "notionalHours", readProblems);
        Integer eqf = loi.level.stream().filter(l -> l != null && "eqf".equalsIgnoreCase(strip(l.type)))
                .map(l -> whole(l.value, "eqfLevel", readProblems)).filter(Objects::nonNull).findFirst().orElse(null);
        CredentialBody.Grade grade = null;
        if (loi.resultLabel != null && !loi.resultLabel.isBlank()) {
            String scheme = Candidates.gradingScheme(loi.gradingSchemeLocalId, settings, loi.resultLabel.strip(), notes);
            grade = new CredentialBody.Grade(loi.resultLabel.strip(), scheme, true);
        }
        LocalDate issuedOn = issuedOn(loi, report, readProblems);
        String issuerName = Candidates.preferred(report.issuer.title);
        var body = new CredentialBody(null, issuer.value(), learner, title.isEmpty() ? null : title,
                identifier(los.identifier, "local"),
                report.issuer.country == null ? List.of() : List.of(report.issuer.country.strip()),
                List.of(new CredentialBody.AwardingBody(issuer.value(), issuerName == null ? issuer.value() : issuerName)),
                issuedOn, outcomes(los), credits, hours == null || hours.signum() == 0 ? null
                        : hours.setScale(0, RoundingMode.HALF_UP).intValueExact(),
                eqf, null, strip(los.iscedCode), settings.assessmentType(), settings.participationForm(),
                settings.qualityAssurance(), null, null, grade, null, strip(los.url));
        String instance = instanceId(loi);
        return Candidates.of(label, title,
                () -> new ImportKey(FORMAT, issuer, EuropeanStudentIdentifier.of(learner.europeanStudentIdentifier()),
                        opportunityId(los), instance),
                body, notes, readProblems, HINTS);
    }

    private static List<CredentialBody.LearningOutcome> outcomes(Los los) {
        String description = Candidates.preferred(los.description);
        return description == null ? null : List.of(new CredentialBody.LearningOutcome(description, null));
    }

    /** The day of the result: the instance's date, else the end of its term, else the report's issue date. */
    private static LocalDate issuedOn(Loi loi, Report report, List<Violation> problems) {
        return Candidates.firstDay(Arrays.asList(loi.date, loi.academicTerm == null ? null : loi.academicTerm.end,
                report.issueDate), problems);
    }

    /** The opportunity's stable id: its local code, else its EWP or ELMO id, else any identifier it has. */
    private static String opportunityId(Los los) {
        for (String type : List.of("local", "ewp-los-id", "elmo")) {
            String id = identifier(los.identifier, type);
            if (id != null) {
                return id;
            }
        }
        return los.identifier.stream().filter(i -> i != null && i.value != null && !i.value.isBlank())
                .map(i -> i.type + ":" + i.value.strip()).findFirst().orElse(null);
    }

    /**
     * The instance's own id where it has one, else when the attempt began (its start, its term), else the day of its
     * result: two attempts at a course differ in them, while a corrected grade, often re-dated, keeps its attempt's.
     */
    private static String instanceId(Loi loi) {
        var own = loi.identifier.stream().filter(i -> i != null && i.value != null && !i.value.isBlank())
                .map(i -> (i.type == null ? "" : i.type) + ":" + i.value.strip()).sorted().findFirst();
        if (own.isPresent()) {
            return own.get();
        }
        String attempt = Stream.of(loi.start, loi.academicTerm == null ? null : loi.academicTerm.start,
                        loi.academicTerm == null ? null : loi.academicTerm.end)
                .map(ElmoReading::strip).map(s -> s == null ? "" : s).collect(Collectors.joining("/"));
        return attempt.equals("//") ? "date:" + Objects.requireNonNullElse(strip(loi.date), "") : "attempt:" + attempt;
    }

    static String identifier(List<Identifier> identifiers, String type) {
        return identifiers.stream().filter(i -> i != null && type.equalsIgnoreCase(strip(i.type)))
                .map(i -> strip(i.value)).filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static BigDecimal decimal(String text, String field, List<Violation> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            problems.add(new Violation(field, "'" + text.strip() + "' is not a number"));
            return null;
        }
    }

    private static Integer whole(String text, String field, List<Violation> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            problems.add(new Violation(field, "'" + text.strip() + "' is not a whole number"));
            return null;
        }
    }

    private static String strip(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
