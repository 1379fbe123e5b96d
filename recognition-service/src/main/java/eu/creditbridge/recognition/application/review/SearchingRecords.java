package eu.creditbridge.recognition.application.review;

import eu.creditbridge.kernel.DecisionId;
import eu.creditbridge.kernel.EuropeanStudentIdentifier;
import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.recognition.application.LearnerRecordStore;
import eu.creditbridge.recognition.application.RegistryView;
import eu.creditbridge.recognition.domain.agreement.LearningAgreements;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A registrar searches their institution by what they have at hand: a credential id (a UUID), a learner id (an
 * ESI), or a course (partner's course code, our course code, or words of the title).
 */
public class SearchingRecords {

    /** Most hits returned; a search this broad needs more words, not more rows. */
    public static final int MAXIMUM_HITS = 50;
    public static final int MAXIMUM_QUERY = 200;

    private final ReviewQueries queries;
    private final LearnerRecordStore learnerRecords;
    private final ReviewContext context;

    public SearchingRecords(ReviewQueries queries, LearnerRecordStore learnerRecords, RegistryView registry, LearningAgreements agreements) {
        this.queries = queries;
        this.learnerRecords = learnerRecords;
        this.context = new ReviewContext(registry, agreements);
    }

    /** How the query was read. */
    public enum SearchKind { CREDENTIAL_ID, LEARNER_ID, COURSE }

    /**
     * @param learners the learner searched for, when it was a learner id the institution knows
     */
    public record SearchResults(String query, SearchKind kind, List<DecisionSummary> decisions, List<EuropeanStudentIdentifier> learners) {

        public SearchResults {
            decisions = List.copyOf(decisions);
            learners = List.copyOf(learners);
        }
    }

    /** @throws IllegalArgumentException for a blank query, one longer than {@value #MAXIMUM_QUERY} characters, or control characters */
    public SearchResults search(SchacCode institution, String query) {
        String text = Objects.requireNonNullElse(query, "").strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("type a learner id, a credential id, or a course code or title");
        }
        if (text.length() > MAXIMUM_QUERY) {
            throw new IllegalArgumentException("at most " + MAXIMUM_QUERY + " characters");
        }
        // Nobody types them, and a NUL cannot travel in a MongoDB regular expression (a C string on the wire).
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("control characters are not searched for");
        }
        Optional<UUID> credentialId = uuid(text);
        if (credentialId.isPresent()) {
            return new SearchResults(text, SearchKind.CREDENTIAL_ID, queries.find(new DecisionId(credentialId.get(), institution))
                    .map(context::summary).stream().toList(), List.of());
        }
        Optional<EuropeanStudentIdentifier> learner = esi(text);
        if (learner.isPresent()) {
            List<DecisionSummary> decisions = queries.ofLearner(institution, learner.get(), MAXIMUM_HITS).stream().map(context::summary).toList();
            boolean known = !decisions.isEmpty() || learnerRecords.find(institution, learner.get()).isPresent();
            return new SearchResults(text, SearchKind.LEARNER_ID, decisions, known ? List.of(learner.get()) : List.of());
        }
        return new SearchResults(text, SearchKind.COURSE, queries.matchingCourse(institution, text, MAXIMUM_HITS).stream()
                .map(context::summary).toList(), List.of());
    }

    private static Optional<UUID> uuid(String text) {
        if (!text.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
            return Optional.empty();
        }
        return Optional.of(UUID.fromString(text));
    }

    private static Optional<EuropeanStudentIdentifier> esi(String text) {
        if (!text.regionMatches(true, 0, "urn:schac:", 0, "urn:schac:".length())) {
            return Optional.empty();
        }
        try {
            return Optional.of(EuropeanStudentIdentifier.lenient(text));
        } catch (IllegalArgumentException notAnEsi) {
            return Optional.empty();
        }
    }
}
