package eu.creditbridge.recognition.web;

import eu.creditbridge.kernel.EuropeanStudentIdentifier;
import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.recognition.application.RegistryView;
import eu.creditbridge.recognition.application.review.LearnerView;
import eu.creditbridge.recognition.application.review.ViewingLearner;
import eu.creditbridge.recognition.exchange.ElmoRecordWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.http.ResponseEntity;
import eu.creditbridge.recognition.application.LearnerRecordStore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Read side for registrars and partners: learner records, per receiving institution (decisions: ReviewController). */
@RestController
@RequestMapping("/api/institutions/{schac}")
class RecognitionController {

    private final LearnerRecordStore learnerRecords;
    private final ViewingLearner viewing;
    private final RegistryView registry;
    private final Clock clock;

    RecognitionController(LearnerRecordStore learnerRecords, ViewingLearner viewing, RegistryView registry, Clock clock) {
        this.learnerRecords = learnerRecords;
        this.viewing = viewing;
        this.registry = registry;
        this.clock = clock;
    }

    /**
     * The learner's record: JSON by default; ELMO 2.0.0 with a {@code resultOfRecognition} per decided credential when
     * the caller asks for XML first ({@code Accept: application/xml}), for the next system (EMREX, a national agency)
     * to read. One handler rather than two {@code produces} variants, so a client that accepts anything keeps JSON.
     * {@code learnerId} is an ESI URN full of colons; path patterns match it as one segment, as it is.
     */
    @GetMapping("/learners/{learnerId}/record")
    ResponseEntity<?> record(@PathVariable String schac, @PathVariable String learnerId,
                             @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        SchacCode institution = InvalidPathValue.parse("schac", schac, SchacCode::lenient);
        EuropeanStudentIdentifier learner = InvalidPathValue.parse("learnerId", learnerId, EuropeanStudentIdentifier::lenient);
        if (wantsXml(accept)) {
            LearnerView view = viewing.learner(institution, learner)
                    .orElseThrow(() -> new NotFound(institution + " holds no record for learner " + learner));
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
                    .body(ElmoRecordWriter.write(view, registry::institution, clock.instant()));
        }
        return ResponseEntity.ok(learnerRecords.find(institution, learner)
                .map(LearnerRecordResponse::of)
                .orElseThrow(() -> new NotFound(institution + " holds no record for learner " + learner)));
    }

    /** XML when the caller's most preferred type it names is an XML one. */
    static boolean wantsXml(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        try {
            List<MediaType> types = new ArrayList<>(MediaType.parseMediaTypes(accept));
            MimeTypeUtils.sortBySpecificity(types);
            types.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
            return types.stream()
                    .filter(type -> !type.isWildcardType())
                    .findFirst()
                    .map(type -> type.isCompatibleWith(MediaType.APPLICATION_XML) || type.isCompatibleWith(MediaType.TEXT_XML))
                    .orElse(false);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

}
