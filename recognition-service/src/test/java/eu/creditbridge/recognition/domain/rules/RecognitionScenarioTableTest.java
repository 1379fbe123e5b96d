package eu.creditbridge.recognition.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import eu.creditbridge.kernel.EctsCredits;
import eu.creditbridge.kernel.EuropeanStudentIdentifier;
import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.recognition.domain.AllianceMembership;
import eu.creditbridge.recognition.domain.CourseEquivalence;
import eu.creditbridge.recognition.domain.Credential;
import eu.creditbridge.recognition.domain.CreditTotals;
import eu.creditbridge.recognition.domain.Decision;
import eu.creditbridge.recognition.domain.DecisionReason;
import eu.creditbridge.recognition.domain.Grade;
import eu.creditbridge.recognition.domain.Institution;
import eu.creditbridge.recognition.domain.LearnerContext;
import eu.creditbridge.recognition.domain.LearnerRecord;
import eu.creditbridge.recognition.domain.MembershipStatus;
import eu.creditbridge.recognition.domain.MicroCredentialElements;
import eu.creditbridge.recognition.domain.RecognitionCase;
import eu.creditbridge.recognition.domain.Ruleset;
import eu.creditbridge.recognition.domain.SignatureVerdict;
import eu.creditbridge.recognition.domain.agreement.AgreedComponent;
import eu.creditbridge.recognition.domain.agreement.AgreementComponent;
import eu.creditbridge.recognition.domain.agreement.AgreementStatus;
import eu.creditbridge.recognition.domain.agreement.LearningAgreement;
import eu.creditbridge.recognition.domain.agreement.LearningAgreements;
import eu.creditbridge.recognition.domain.grading.GradeBand;
import eu.creditbridge.recognition.domain.grading.GradeConverter;
import eu.creditbridge.recognition.domain.grading.GradingTable;
import eu.creditbridge.rules.GradeConversionSetting;
import eu.creditbridge.rules.Rule;
import eu.creditbridge.rules.RuleAction;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The recognition scenario table: {@code recognition-scenarios.yaml} holds the registry (institutions, alliances,
 * grading tables) once and, per scenario, the credential, what differs in the registry, the ruleset, the
 * learner's record and agreements and the signature verdict, with the decision a registrar expects. This class
 * only turns the rows into domain objects and asks {@link RulesetPolicy}; the scenarios are the rows.
 */
class RecognitionScenarioTableTest {

    private static final String TABLE = "/recognition-scenarios.yaml";
    private static final EuropeanStudentIdentifier LEARNER = EuropeanStudentIdentifier.of("urn:schac:personalUniqueCode:int:esi:nl:572091");

    @SuppressWarnings("unchecked")
    static Stream<Scenario> scenarios() throws Exception {
        try (InputStream in = RecognitionScenarioTableTest.class.getResourceAsStream(TABLE)) {
            Map<String, Object> table = new Yaml().load(in);
            Map<String, Object> world = (Map<String, Object>) table.get("registry");
            List<Map<String, Object>> rows = (List<Map<String, Object>>) table.get("scenarios");
            return rows.stream().map(row -> new Scenario((String) row.get("scenario"), world, row));
        }
    }

    /** One row, named after its scenario so a failing row reads as what a registrar expected. */
    record Scenario(String name, Map<String, Object> world, Map<String, Object> row) {
        @Override
        public String toString() {
            return name;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void decidesAsTheRegistrarExpects(Scenario scenario) {
        Map<String, Object> row = scenario.row();
        LocalDate today = date(row.getOrDefault("today", scenario.world().get("today")));
        Map<String, Institution> institutions = institutions(scenario.world(), map(row.get("registry")));
        Map<String, Object> credentialRow = map(row.get("credential"));
        Credential credential = credential(credentialRow, institutions);
        Institution receiver = institutions.get(credential.receivingInstitution().value());
        Optional<Institution> issuer = Optional.ofNullable(institutions.get(credential.issuingInstitution().value()));
        Optional<Ruleset> ruleset = ruleset(credential.receivingInstitution(), row.get("ruleset"));
        Map<String, Object> learnerRow = map(row.get("learner"));
        LearnerContext learner = learner(credential, learnerRow);
        List<LearningAgreement> agreements = agreements(credential, row.get("agreements"));
        SignatureVerdict signature = SignatureVerdict.of(SignatureVerdict.Status.valueOf(text(row.getOrDefault("signature", "VALID"))),
                "as stated in the scenario table.");

        RulesetPolicy policy = new RulesetPolicy(GradeConverter.european(), Clock.fixed(today.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
        LearningAgreements held = (home, esi) -> agreements;
        Optional<AgreedComponent> agreed = credential.sourceCourseCode().flatMap(code -> held.componentFor(credential.receivingInstitution(),
                credential.learner(), credential.issuingInstitution(), code, credential.issuedOn()));
        Decision decision = policy.decide(new RecognitionCase(credential, receiver, issuer, ruleset, signature, learner, agreed, Optional.empty()));

        Map<String, Object> expect = map(row.get("expect"));
        String trace = decision.reasons().stream().map(r -> (r.decisive() ? "* " : "  ") + r.step() + ": " + r.explanation())
                .collect(Collectors.joining("\n"));
        assertThat(decision.outcome().name()).as("outcome; trace:\n%s", trace).isEqualTo(text(expect.get("outcome")));
        assertThat(decision.recognisedCredits()).as("recognised credits; trace:\n%s", trace)
                .isEqualTo(EctsCredits.of(new BigDecimal(text(expect.getOrDefault("credits", "0")))));
        String target = decision.target().map(t -> t.kind() + " " + t.code()).orElse("none");
        assertThat(target).as("target; trace:\n%s", trace).isEqualTo(text(expect.getOrDefault("target", "none")));
        assertThat(decision.grade().method().name()).as("conversion method; trace:\n%s", trace)
                .isEqualTo(text(expect.getOrDefault("method", "NONE")));
        assertThat(decision.grade().converted().map(Grade::value).orElse("none")).as("converted grade; trace:\n%s", trace)
                .isEqualTo(text(expect.getOrDefault("converted", "none")));
        assertThat(decision.grade().original()).as("the original grade is always kept")
                .isEqualTo(credential.grade());
        DecisionReason decisive = decision.decisiveReason().orElseThrow();
        if (expect.containsKey("decidedBy")) {
            assertThat(decisive.step()).as("decisive step; trace:\n%s", trace).isEqualTo(text(expect.get("decidedBy")));
        }
        if (expect.containsKey("reason")) {
            assertThat(decisive.explanation()).as("decisive reason; trace:\n%s", trace).contains(text(expect.get("reason")));
        }
        for (Object fragment : list(expect.get("trace"))) {
            assertThat(trace).as("trace mentions it").contains(text(fragment));
        }
        assertThat(decision.reasons().stream().filter(DecisionReason::decisive)).as("exactly one reason decides; trace:\n%s", trace).hasSize(1);
        if (ruleset.isPresent() && decision.decisiveReason().map(r -> !r.step().equals("issuer-registered")).orElse(true)) {
            assertThat(decision.rulesetVersion()).as("the decision names the ruleset version").isEqualTo(Optional.of(ruleset.get().version()));
        }
    }

    // --- rows to domain objects -------------------------------------------------------------------------------

    private static Map<String, Institution> institutions(Map<String, Object> world, Map<String, Object> changes) {
        Map<String, Object> tables = map(world.get("gradingTables"));
        Map<String, Object> rows = new LinkedHashMap<>(map(world.get("institutions")));
        Map<String, Institution> institutions = new TreeMap<>();
        for (Map.Entry<String, Object> entry : rows.entrySet()) {
            Map<String, Object> row = new LinkedHashMap<>(map(entry.getValue()));
            row.putAll(map(changes.get(entry.getKey())));
            if (Boolean.TRUE.equals(row.get("unlisted"))) {
                continue;
            }
            List<AllianceMembership> memberships = new ArrayList<>();
            for (Object m : list(row.get("alliances"))) {
                Map<String, Object> membership = map(m);
                Optional<LocalDate> suspendedFrom = Optional.ofNullable(membership.get("suspendedFrom")).map(RecognitionScenarioTableTest::date);
                memberships.add(new AllianceMembership(text(membership.get("id")), text(membership.getOrDefault("name", membership.get("id"))),
                        suspendedFrom.isPresent() ? MembershipStatus.SUSPENDED : MembershipStatus.ACTIVE, date(membership.get("since")), suspendedFrom));
            }
            Optional<GradingTable> table = Optional.ofNullable(row.get("gradingTable")).filter(name -> !"none".equals(name))
                    .map(name -> gradingTable(map(tables.get(text(name)))));
            institutions.put(entry.getKey(), new Institution(SchacCode.of(entry.getKey()), Optional.empty(), text(row.get("name")),
                    text(row.get("country")), text(row.get("scheme")), memberships, table));
        }
        return institutions;
    }

    private static GradingTable gradingTable(Map<String, Object> percentages) {
        return GradingTable.of("2021-2024", percentages.entrySet().stream()
                .map(e -> new GradeBand(e.getKey(), new BigDecimal(text(e.getValue())))).toList());
    }

    private static Credential credential(Map<String, Object> row, Map<String, Institution> institutions) {
        String issuer = text(row.get("issuer"));
        Optional<Grade> grade = Optional.ofNullable(row.get("grade")).map(value -> new Grade(text(value),
                text(row.getOrDefault("scheme", Optional.ofNullable(institutions.get(issuer)).map(Institution::gradingScheme).orElse("unknown"))),
                !Boolean.FALSE.equals(row.get("passed"))));
        return new Credential(UUID.nameUUIDFromBytes((issuer + row).getBytes()), SchacCode.of(issuer), LEARNER,
                SchacCode.of(text(row.getOrDefault("receiver", "eur.nl"))), text(row.getOrDefault("title", "Course at " + issuer)),
                Optional.ofNullable((String) row.get("course")), date(row.getOrDefault("issuedOn", "2024-06-28")),
                EctsCredits.of(new BigDecimal(text(row.getOrDefault("ects", "5")))),
                Optional.ofNullable(row.get("eqf")).map(level -> ((Number) level).intValue()), grade, Optional.empty())
                .withElements(new MicroCredentialElements(optional(row.get("assessment")), optional(row.get("identityCheck")),
                        optional(row.get("qualityAssurance")), optional(row.get("participation")), optional(row.get("isced"))));
    }

    private static Optional<Ruleset> ruleset(SchacCode receiver, Object value) {
        if (value == null || "none".equals(value)) {
            return Optional.empty();
        }
        Map<String, Object> row = map(value);
        List<CourseEquivalence> equivalences = list(row.get("equivalences")).stream().map(e -> {
            Map<String, Object> eq = map(e);
            return new CourseEquivalence(SchacCode.of(text(eq.get("partner"))), text(eq.get("course")), text(eq.get("local")),
                    optional(eq.get("title")), Optional.ofNullable(eq.get("from")).map(RecognitionScenarioTableTest::date),
                    Optional.ofNullable(eq.get("until")).map(RecognitionScenarioTableTest::date));
        }).toList();
        List<Rule> rules = list(row.get("rules")).stream().map(r -> {
            Map<String, Object> rule = map(r);
            return new Rule(text(rule.get("id")), optional(rule.get("description")), ((Number) rule.get("priority")).intValue(),
                    text(rule.get("when")), action(map(rule.get("then"))), Optional.ofNullable(rule.get("from")).map(RecognitionScenarioTableTest::date),
                    Optional.ofNullable(rule.get("until")).map(RecognitionScenarioTableTest::date));
        }).toList();
        List<GradeConversionSetting> conversions = list(row.get("conversion")).stream().map(c -> {
            Map<String, Object> conversion = map(c);
            Optional<GradeConversionSetting.LinearScale> linear = Optional.ofNullable(conversion.get("nMin")).map(n -> new GradeConversionSetting.LinearScale(
                    number(conversion.get("nMin")), number(conversion.get("nMax")), number(conversion.get("best")), number(conversion.get("worst"))));
            return new GradeConversionSetting(optional(conversion.get("partner")),
                    GradeConversionSetting.Method.valueOf(text(conversion.get("method"))), linear);
        }).toList();
        return Optional.of(new Ruleset(receiver, ((Number) row.getOrDefault("version", 1)).intValue(), equivalences,
                optional(row.get("electives")), rules, conversions));
    }

    private static RuleAction action(Map<String, Object> then) {
        if (then.containsKey("course")) {
            return new RuleAction.RecogniseAsCourse(text(then.get("course")), optional(then.get("title")),
                    list(then.get("parts")).stream().map(RecognitionScenarioTableTest::text).toList());
        }
        if (then.containsKey("elective")) {
            return new RuleAction.ElectiveCredits(text(then.get("elective")),
                    Optional.ofNullable(then.get("cap")).map(cap -> new BigDecimal(text(cap))));
        }
        if (then.containsKey("registrar")) {
            return new RuleAction.RouteToRegistrar(text(then.get("registrar")));
        }
        return new RuleAction.Reject(text(then.get("reject")));
    }

    private static LearnerContext learner(Credential credential, Map<String, Object> row) {
        if (row.isEmpty()) {
            return LearnerContext.NONE;
        }
        Map<String, EctsCredits> categories = new TreeMap<>();
        map(row.get("categoryEcts")).forEach((category, ects) -> categories.put(category, EctsCredits.of(new BigDecimal(text(ects)))));
        Map<String, EctsCredits> courses = new TreeMap<>();
        list(row.get("localCourses")).forEach(course -> courses.put(text(course), EctsCredits.of("5")));
        BigDecimal total = new BigDecimal(text(row.getOrDefault("totalEcts", "0")));
        LearnerRecord record = new LearnerRecord(credential.receivingInstitution(), credential.learner(), List.of(),
                new CreditTotals(EctsCredits.of(total), categories, courses));
        Set<String> held = list(row.get("partnerCoursesHeld")).stream().map(RecognitionScenarioTableTest::text).collect(Collectors.toSet());
        return new LearnerContext(Optional.of(record), held);
    }

    private static List<LearningAgreement> agreements(Credential credential, Object value) {
        return list(value).stream().map(a -> {
            Map<String, Object> row = map(a);
            List<AgreementComponent> components = list(row.get("components")).stream().map(c -> {
                Map<String, Object> component = map(c);
                return new AgreementComponent(text(component.get("partnerCourse")), text(component.get("local")), optional(component.get("title")),
                        EctsCredits.of(new BigDecimal(text(component.get("ects")))));
            }).toList();
            return new LearningAgreement(text(row.get("id")), credential.receivingInstitution(), credential.learner(),
                    SchacCode.of(text(row.get("partner"))), AgreementStatus.valueOf(text(row.getOrDefault("status", "APPROVED"))),
                    Optional.ofNullable(row.get("from")).map(RecognitionScenarioTableTest::date),
                    Optional.ofNullable(row.get("until")).map(RecognitionScenarioTableTest::date), components);
        }).toList();
    }

    // --- YAML values ------------------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }

    private static String text(Object value) {
        return value instanceof Double d ? BigDecimal.valueOf(d).toPlainString() : String.valueOf(value);
    }

    private static Optional<String> optional(Object value) {
        return Optional.ofNullable(value).map(RecognitionScenarioTableTest::text);
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }

    private static LocalDate date(Object value) {
        return value instanceof java.util.Date d ? d.toInstant().atZone(ZoneOffset.UTC).toLocalDate() : LocalDate.parse(text(value));
    }
}
