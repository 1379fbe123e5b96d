package eu.creditbridge.recognition.web;

import eu.creditbridge.recognition.domain.DecisionId;
import eu.creditbridge.recognition.domain.EuropeanStudentIdentifier;
import eu.creditbridge.recognition.domain.SchacCode;
import eu.creditbridge.recognition.store.DecisionStore;
import eu.creditbridge.recognition.store.LearnerRecordStore;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Read side for registrars and partners: learner records and decisions, per receiving institution. */
@RestController
@RequestMapping("/api/institutions/{schac}")
class RecognitionController {

    private final LearnerRecordStore learnerRecords;
    private final DecisionStore decisions;

    RecognitionController(LearnerRecordStore learnerRecords, DecisionStore decisions) {
        this.learnerRecords = learnerRecords;
        this.decisions = decisions;
    }

    /** {@code learnerId} is an ESI URN full of colons; path patterns match it as one segment, as it is. */
    @GetMapping("/learners/{learnerId}/record")
    LearnerRecordResponse record(@PathVariable String schac, @PathVariable String learnerId) {
        SchacCode institution = parse("schac", schac, SchacCode::of);
        EuropeanStudentIdentifier learner = parse("learnerId", learnerId, EuropeanStudentIdentifier::of);
        return learnerRecords.find(institution, learner)
                .map(LearnerRecordResponse::of)
                .orElseThrow(() -> new NotFound(institution + " holds no record for learner " + learner));
    }

    @GetMapping("/decisions/{credentialId}")
    DecisionResponse decision(@PathVariable String schac, @PathVariable String credentialId) {
        SchacCode institution = parse("schac", schac, SchacCode::of);
        UUID credential = parse("credentialId", credentialId, UUID::fromString);
        return decisions.find(new DecisionId(credential, institution))
                .map(DecisionResponse::of)
                .orElseThrow(() -> new NotFound(institution + " has not decided on credential " + credential));
    }

    private static <T> T parse(String field, String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidPathValue(field, e.getMessage());
        }
    }
}
