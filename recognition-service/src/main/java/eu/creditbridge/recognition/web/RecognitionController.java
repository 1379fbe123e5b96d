package eu.creditbridge.recognition.web;

import eu.creditbridge.kernel.EuropeanStudentIdentifier;
import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.recognition.application.LearnerRecordStore;
import java.util.function.Function;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Read side for registrars and partners: learner records, per receiving institution (decisions: ReviewController). */
@RestController
@RequestMapping("/api/institutions/{schac}")
class RecognitionController {

    private final LearnerRecordStore learnerRecords;

    RecognitionController(LearnerRecordStore learnerRecords) {
        this.learnerRecords = learnerRecords;
    }

    /** {@code learnerId} is an ESI URN full of colons; path patterns match it as one segment, as it is. */
    @GetMapping("/learners/{learnerId}/record")
    LearnerRecordResponse record(@PathVariable String schac, @PathVariable String learnerId) {
        SchacCode institution = parse("schac", schac, SchacCode::lenient);
        EuropeanStudentIdentifier learner = parse("learnerId", learnerId, EuropeanStudentIdentifier::lenient);
        return learnerRecords.find(institution, learner)
                .map(LearnerRecordResponse::of)
                .orElseThrow(() -> new NotFound(institution + " holds no record for learner " + learner));
    }

    private static <T> T parse(String field, String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidPathValue(field, e.getMessage());
        }
    }
}
