package eu.creditbridge.localstack.chaos;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The credentials of one chaos run, each with the recognition the demo rules give it, so every learner record's
 * end state is known before the first one is sent.
 *
 * <p>Every credential is a University of Lodz course result (signed by issuer-service) for a learner of Erasmus
 * University Rotterdam, EQF 6, passed, issued three days ago: INF-101 or ECO-110, which the demo ruleset of eur.nl
 * lists as 1:1 course equivalences (EUR-INF-101, EUR-ECO-110; priority 100) with the full ECTS and no cap. Nothing
 * before them in the ruleset can decide (older than ten years, below EQF 6, micro-credentials), nothing after them is
 * reached. So each credential is RECOGNISED with exactly its own ECTS, whatever else the learner already holds.
 */
public final class Workload {

    static final String RECEIVER = "eur.nl";
    public static final String ISSUER = "uni.lodz.pl";
    private static final String[] COURSES = {"INF-101", "ECO-110"};
    private static final String LOCAL_PREFIX = "EUR-";

    private final String runId;
    private final int learners;
    private final LocalDate issuedOn;
    private final List<UUID> credentialIds;

    public Workload(ChaosPlan plan) {
        this.runId = UUID.randomUUID().toString().substring(0, 8);
        this.learners = plan.learners();
        this.issuedOn = LocalDate.now().minusDays(3);
        List<UUID> ids = new ArrayList<>(plan.credentials());
        for (int i = 0; i < plan.credentials(); i++) {
            ids.add(UUID.randomUUID());
        }
        this.credentialIds = List.copyOf(ids);
    }

    String runId() {
        return runId;
    }

    public int size() {
        return credentialIds.size();
    }

    public UUID credentialId(int index) {
        return credentialIds.get(index);
    }

    /** Round robin, so every learner's credentials are spread over the whole run and every fault. */
    int learnerOf(int index) {
        return index % learners;
    }

    String learnerId(int learner) {
        return "urn:schac:personalUniqueCode:int:esi:" + RECEIVER + ":chaos-" + runId + "-" + learner;
    }

    String course(int index) {
        return COURSES[(index / learners) % COURSES.length];
    }

    /** 2 to 8 ECTS, varied so that a credential counted twice or lost shows in the totals. */
    int ects(int index) {
        return 2 + index % 7;
    }

    /** The POST body; the same bytes on every retry, so the issuer answers a repeat with 200, not a conflict. */
    public String json(int index) {
        return """
            {
              "credentialId": "%s",
              "issuingInstitution": "uni.lodz.pl",
              "learner": {"europeanStudentIdentifier": "%s", "homeInstitution": "%s", "fullName": "Chaos Learner %d"},
              "title": "%s",
              "sourceCourseCode": "%s",
              "issuerCountries": ["PL"],
              "awardingBodies": [{"schacCode": "uni.lodz.pl", "name": "University of Lodz"}],
              "issuedOn": "%s",
              "learningOutcomes": [{"description": "Applies what the course teaches to realistic problems"}],
              "ectsCredits": %d,
              "eqfLevel": 6, "qfEheaCycle": "FIRST_CYCLE", "iscedFieldCode": "0613",
              "assessmentType": "WRITTEN_EXAM", "participationForm": "ON_SITE", "qualityAssurance": "EXTERNAL_EQAR_AGENCY",
              "identityVerification": "SUPERVISED_ON_SITE_WITH_IDENTITY_CHECK",
              "grade": {"value": "4.5", "scheme": "pl-2-5", "passed": true},
              "stackability": {"standAlone": true}
            }
            """.formatted(credentialId(index), learnerId(learnerOf(index)), RECEIVER, learnerOf(index),
                course(index).equals("INF-101") ? "Introduction to Informatics" : "Principles of Economics", course(index),
                issuedOn, ects(index));
    }

    List<ExpectedRecord> expectedRecords() {
        List<BigDecimal> totals = new ArrayList<>();
        List<Map<String, BigDecimal>> courses = new ArrayList<>();
        List<Set<String>> ids = new ArrayList<>();
        for (int learner = 0; learner < learners; learner++) {
            totals.add(BigDecimal.ZERO);
            courses.add(new TreeMap<>());
            ids.add(new HashSet<>());
        }
        for (int i = 0; i < size(); i++) {
            int learner = learnerOf(i);
            BigDecimal ects = BigDecimal.valueOf(ects(i));
            totals.set(learner, totals.get(learner).add(ects));
            courses.get(learner).merge(LOCAL_PREFIX + course(i), ects, BigDecimal::add);
            ids.get(learner).add(credentialId(i).toString());
        }
        List<ExpectedRecord> expected = new ArrayList<>();
        for (int learner = 0; learner < learners; learner++) {
            expected.add(new ExpectedRecord(learnerId(learner), totals.get(learner), Map.copyOf(courses.get(learner)),
                    Set.copyOf(ids.get(learner))));
        }
        return expected;
    }
}
