package eu.creditbridge.recognition.web.console;

import eu.creditbridge.recognition.application.review.DecisionSummary;
import eu.creditbridge.recognition.domain.Outcome;
import java.time.Duration;
import java.time.Instant;

/** Decisions as the console's tables show them: plain strings, so templates only place them. */
final class ConsoleRows {

    private ConsoleRows() {
    }

    /** One decision in a table (queue, learner history, search results). */
    record DecisionRow(String credentialId, String title, String sourceCourse, String learnerId, String partner, String partnerName,
                       String outcome, String outcomeLabel, String status, boolean awaitsRegistrar, String originalEcts,
                       String recognisedEcts, String countsAs, String suggestion, String decidedBy, String decidedOn, String age,
                       String question, boolean signatureFlagged, String signatureStatus) {
    }

    static DecisionRow of(DecisionSummary summary, Instant now) {
        String status = summary.status().name();
        return new DecisionRow(summary.credentialId().toString(), summary.credentialTitle(), summary.sourceCourseCode().orElse(""),
                summary.learner().value(), summary.partner().value(), summary.partnerName().orElse(summary.partner().value()),
                summary.outcome().name(), label(summary), status, summary.status().awaitsRegistrar(),
                ConsoleText.ects(summary.originalCredits()), ConsoleText.ects(summary.recognisedCredits()),
                summary.target().map(target -> target.describe()).orElse("—"),
                summary.suggestion().map(s -> ConsoleText.ects(s.credits()) + " ECTS as " + s.target().describe()).orElse(""),
                summary.decidedBy().name().equals("RULES") ? "Rules" : summary.registrar().orElse("Registrar"),
                ConsoleText.moment(summary.decidedAt()), age(summary.decidedAt(), now),
                summary.openQuestion().map(q -> q.question()).orElse(""), summary.signatureFlagged(), summary.signature().status().name());
    }

    /** The outcome in words; a decision with a question out says so. */
    static String label(DecisionSummary summary) {
        if (summary.openQuestion().isPresent() && summary.status().awaitsRegistrar()) {
            return "Question asked";
        }
        return outcome(summary.outcome());
    }

    static String outcome(Outcome outcome) {
        return switch (outcome) {
            case RECOGNISED -> "Recognised";
            case PARTIALLY_RECOGNISED -> "Partially recognised";
            case NEEDS_REVIEW -> "Needs review";
            case REJECTED -> "Rejected";
            case WITHDRAWN -> "Withdrawn";
            default -> outcome.name();
        };
    }

    static String age(Instant at, Instant now) {
        long days = Duration.between(at, now).toDays();
        if (days <= 0) {
            return "today";
        }
        return days == 1 ? "1 day" : days + " days";
    }
}
