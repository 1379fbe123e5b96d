package eu.creditbridge.localstack.seed;

import eu.creditbridge.contract.AssessmentType;
import eu.creditbridge.contract.AwardingBody;
import eu.creditbridge.contract.CredentialCanonicalForm;
import eu.creditbridge.contract.CredentialEvent;
import eu.creditbridge.contract.CredentialIssued;
import eu.creditbridge.contract.Grade;
import eu.creditbridge.contract.IdentityVerification;
import eu.creditbridge.contract.LearnerIdentification;
import eu.creditbridge.contract.LearningOutcome;
import eu.creditbridge.contract.ParticipationForm;
import eu.creditbridge.contract.QfEheaCycle;
import eu.creditbridge.contract.QualityAssuranceType;
import eu.creditbridge.contract.Stackability;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * One semester of a partner university's course results for learners of a host university, as its own issuer would
 * publish them: credential {@code index} is built on demand (a run of 100,000 holds no list of them), with a fresh
 * credential id per run, so seeding twice adds another semester rather than repeating one.
 *
 * <p>The courses are chosen so that the host's demo ruleset (registry-service's {@code demo/registry-demo.json})
 * decides a realistic mix, in every ten credentials: six course equivalences (INF-101, ECO-110: priority 100,
 * RECOGNISED as the host's own course), one data-science course (DS-201, the host's rule for UNIC partners when the
 * converted grade is 7 or better, else an elective), two courses without equivalence (SUS-201: alliance electives
 * between alliance partners) and one course below bachelor level (EQF 5: routed to a registrar, NEEDS_REVIEW). Learners
 * receive their results round robin, so each learner's record grows over the whole run.
 */
final class SemesterOfResults {

    /** A course of the partner's catalogue, with what the host's demo ruleset does with it. */
    record Course(String code, String title, int ects, int eqfLevel, String outcome, String decidedAs) {
    }

    private static final Course PROGRAMMING = new Course("INF-101", "Introduction to Programming", 6, 6,
            "Designs, writes and tests small programs in a general-purpose language", "course equivalence");
    private static final Course ECONOMICS = new Course("ECO-110", "Principles of Economics", 5, 6,
            "Explains markets, prices and public policy with basic economic models", "course equivalence");
    private static final Course DATA_SCIENCE = new Course("DS-201", "Data Science", 6, 6,
            "Cleans, explores and models real data sets and reports on them", "data-science rule or elective");
    private static final Course SUSTAINABILITY = new Course("SUS-201", "Sustainability in Practice", 4, 6,
            "Assesses the environmental impact of an organisation's choices", "alliance electives");
    private static final Course LABORATORY = new Course("LAB-150", "Laboratory Skills", 3, 5,
            "Works safely and accurately in a teaching laboratory", "registrar review (EQF 5)");

    /** Ten results in the mix of a semester: six equivalences, one data science, two electives, one for a registrar. */
    static final List<Course> CATALOGUE = List.of(PROGRAMMING, PROGRAMMING, PROGRAMMING, ECONOMICS, ECONOMICS, ECONOMICS,
            DATA_SCIENCE, SUSTAINABILITY, SUSTAINABILITY, LABORATORY);

    private static final String[] GIVEN_NAMES = {"Sanne", "Daan", "Emma", "Lucas", "Julia", "Milan", "Noor", "Sem", "Tess", "Finn",
        "Zofia", "Jakub", "Aoife", "Cian", "Lea", "Matteo"};
    private static final String[] FAMILY_NAMES = {"de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "Nowak", "Kowalska",
        "Murphy", "Walsh", "Keller", "Rossi", "Mulder", "de Boer", "Dekker", "Peters"};
    /** A semester: results dated over the last four months, the newest three days ago. */
    private static final int SEMESTER_DAYS = 120;

    private final PartnerUniversity issuer;
    private final String host;
    private final int learners;
    private final String runId;
    private final LocalDate lastDay;

    SemesterOfResults(PartnerUniversity issuer, String host, int learners, LocalDate today) {
        this.issuer = issuer;
        this.host = host;
        this.learners = learners;
        this.runId = UUID.randomUUID().toString().substring(0, 8);
        this.lastDay = today.minusDays(3);
    }

    String runId() {
        return runId;
    }

    int learnerOf(int index) {
        return index % learners;
    }

    /** A European Student Identifier of the host, unique to this run. */
    String learnerId(int learner) {
        return "urn:schac:personalUniqueCode:int:esi:" + host + ":seed-" + runId + "-" + learner;
    }

    /**
     * The learner's {@code k}-th result (credentials go to learners round robin, so {@code k = index / learners}) is
     * the catalogue's course {@code k + learner}: each learner takes the whole catalogue in a different order, whatever
     * the number of learners, instead of one course over and over.
     */
    Course courseOf(int index) {
        return CATALOGUE.get((index / learners + learnerOf(index)) % CATALOGUE.size());
    }

    /** The credential, unsigned: what the signature's canonical form is computed over. */
    CredentialIssued unsigned(int index) {
        int learner = learnerOf(index);
        Course course = courseOf(index);
        // Grades and days vary over a learner's results and between learners taking the same course.
        int variation = 3 * (index / learners) + 7 * learner;
        List<String> grades = issuer.passingGrades();
        return CredentialIssued.newBuilder()
                .setCredentialId(UUID.randomUUID())
                .setIssuingInstitution(issuer.schacCode())
                .setLearner(LearnerIdentification.newBuilder()
                        .setEuropeanStudentIdentifier(learnerId(learner))
                        .setHomeInstitution(host)
                        .setFullName(GIVEN_NAMES[learner % GIVEN_NAMES.length] + " "
                                + FAMILY_NAMES[(learner / GIVEN_NAMES.length) % FAMILY_NAMES.length])
                        .build())
                .setTitle(course.title())
                .setSourceCourseCode(course.code())
                .setIssuerCountries(List.of(issuer.country()))
                .setAwardingBodies(List.of(new AwardingBody(issuer.schacCode(), issuer.name())))
                .setIssuedOn(lastDay.minusDays(variation % SEMESTER_DAYS))
                .setLearningOutcomes(List.of(new LearningOutcome(course.outcome(), null)))
                .setEctsCredits(BigDecimal.valueOf(course.ects()).setScale(2))
                .setNotionalHours(course.ects() * 28)
                .setEqfLevel(course.eqfLevel())
                .setQfEheaCycle(course.eqfLevel() >= 6 ? QfEheaCycle.FIRST_CYCLE : QfEheaCycle.SHORT_CYCLE)
                .setIscedFieldCode(course.code().startsWith("ECO") ? "0311" : course.code().startsWith("SUS") ? "0521" : "0613")
                .setAssessmentType(AssessmentType.WRITTEN_EXAM)
                .setParticipationForm(ParticipationForm.ON_SITE)
                .setQualityAssurance(QualityAssuranceType.EXTERNAL_EQAR_AGENCY)
                .setIdentityVerification(IdentityVerification.SUPERVISED_ON_SITE_WITH_IDENTITY_CHECK)
                .setGrade(new Grade(grades.get(variation % grades.size()), issuer.gradingScheme(), true))
                .setStackability(new Stackability(true, null))
                .build();
    }

    /** Credential {@code index} signed by the partner's key and wrapped as the issuer's event, ready for the topic. */
    CredentialEvent event(int index, PartnerSigningKey key) {
        return event(signed(unsigned(index), key));
    }

    static CredentialIssued signed(CredentialIssued credential, PartnerSigningKey key) {
        return CredentialIssued.newBuilder(credential)
                .setSignature(key.signDetached(CredentialCanonicalForm.bytes(credential)))
                .build();
    }

    static CredentialEvent event(CredentialIssued issued) {
        return CredentialEvent.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setPayload(issued)
                .build();
    }
}
