package eu.creditbridge.recognition;

import eu.creditbridge.kernel.EctsCredits;
import eu.creditbridge.recognition.domain.ConversionMethod;
import eu.creditbridge.recognition.domain.Credential;
import eu.creditbridge.recognition.domain.Decision;
import eu.creditbridge.recognition.domain.DecisionReason;
import eu.creditbridge.recognition.domain.Grade;
import eu.creditbridge.recognition.domain.GradeConversion;
import eu.creditbridge.recognition.domain.Outcome;
import eu.creditbridge.recognition.domain.RecognitionDecision;
import eu.creditbridge.recognition.domain.review.Registrar;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Decisions the rules left to a registrar, as the policies write them, for review tests. */
public final class ReviewFixtures {

    public static final Registrar JOANNA = Registrar.of("registrar@uni.lodz.pl");
    public static final Instant DECIDED_AT = Instant.parse("2025-02-20T10:00:00Z");
    /** The Dutch 8 converted by Lodz's grading table: what the rules suggested. */
    public static final Grade POLISH_FOUR_AND_A_HALF = new Grade("4.5", "pl-2-5", true);

    private ReviewFixtures() {
    }

    /** No rule decided: NEEDS_REVIEW under ruleset 3, signature valid, the grade converted by the grading table. */
    public static Decision needsReview(Credential credential) {
        GradeConversion grade = credential.grade()
                .map(original -> new GradeConversion(Optional.of(original), Optional.of(POLISH_FOUR_AND_A_HALF), ConversionMethod.ECTS_GRADING_TABLE))
                .orElse(GradeConversion.NO_GRADE);
        return new Decision(Outcome.NEEDS_REVIEW, EctsCredits.ZERO, Optional.empty(), grade, List.of(
                DecisionReason.considered("issuer-registered", "The issuing institution eur.nl is listed in the alliance registry."),
                DecisionReason.considered("signature", "Signature VALID: signed with key eur-2025 listed for eur.nl."),
                DecisionReason.considered("course-equivalence", "Not matched: no course equivalence lists the course."),
                DecisionReason.decisive("registrar-review", "No rule of ruleset version 3 decides on this credential automatically; a registrar decides.")),
                Optional.of(3));
    }

    public static RecognitionDecision awaitingRegistrar(Credential credential) {
        return awaitingRegistrar(credential, DECIDED_AT);
    }

    public static RecognitionDecision awaitingRegistrar(Credential credential, Instant decidedAt) {
        return RecognitionDecision.byRules(credential, needsReview(credential), decidedAt);
    }
}
