package eu.creditbridge.recognition.web;

import eu.creditbridge.kernel.EuropeanStudentIdentifier;
import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.recognition.application.RecordingLearningAgreement;
import eu.creditbridge.recognition.config.ExchangeProperties;
import eu.creditbridge.recognition.exchange.EwpLearningAgreementReader;
import eu.creditbridge.recognition.exchange.UntrustedXml;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.http.MediaType;
import eu.creditbridge.recognition.domain.agreement.LearningAgreement;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The home institution's learning agreements for a learner. PUT is idempotent: it creates the agreement (201)
 * or replaces it whole (200), so the home system can resend it after every change.
 */
@RestController
@RequestMapping("/api/institutions/{schac}/learners/{learnerId}/learning-agreements")
class LearningAgreementController {

    private final RecordingLearningAgreement recording;
    private final ExchangeProperties exchange;

    LearningAgreementController(RecordingLearningAgreement recording, ExchangeProperties exchange) {
        this.recording = recording;
        this.exchange = exchange;
    }

    @PutMapping(path = "/{agreementId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<LearningAgreementResponse> put(@PathVariable String schac, @PathVariable String learnerId, @PathVariable String agreementId,
                                                  @Valid @RequestBody LearningAgreementBody body) {
        SchacCode home = InvalidPathValue.parse("schac", schac, SchacCode::lenient);
        EuropeanStudentIdentifier learner = InvalidPathValue.parse("learnerId", learnerId, EuropeanStudentIdentifier::lenient);
        return recorded(body.toAgreement(home, learner, agreementId(agreementId)));
    }

    /**
     * The same agreement as an EWP omobility-las get-response: Table A and Table B after the approved changes, a
     * changes proposal kept as pending. Read bounded and hardened before parsing ({@link UntrustedXml}).
     */
    @PutMapping(path = "/{agreementId}", consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
    ResponseEntity<LearningAgreementResponse> putEwp(@PathVariable String schac, @PathVariable String learnerId, @PathVariable String agreementId,
                                                     HttpServletRequest request) throws IOException {
        SchacCode home = InvalidPathValue.parse("schac", schac, SchacCode::lenient);
        EuropeanStudentIdentifier learner = InvalidPathValue.parse("learnerId", learnerId, EuropeanStudentIdentifier::lenient);
        String id = agreementId(agreementId);
        byte[] document = UntrustedXml.readBounded(request.getInputStream(), request.getContentLengthLong(), exchange.maxDocumentBytes());
        return recorded(EwpLearningAgreementReader.read(document, home, learner, id));
    }

    private ResponseEntity<LearningAgreementResponse> recorded(LearningAgreement agreement) {
        boolean created = recording.record(agreement);
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(LearningAgreementResponse.of(agreement));
    }

    private static String agreementId(String agreementId) {
        if (!agreementId.matches("[A-Za-z0-9._~-]{1,100}")) {
            throw new InvalidPathValue("agreementId", "1 to 100 letters, digits, '.', '_', '~' or '-'");
        }
        return agreementId;
    }

    @GetMapping
    List<LearningAgreementResponse> list(@PathVariable String schac, @PathVariable String learnerId) {
        SchacCode home = InvalidPathValue.parse("schac", schac, SchacCode::lenient);
        EuropeanStudentIdentifier learner = InvalidPathValue.parse("learnerId", learnerId, EuropeanStudentIdentifier::lenient);
        return recording.of(home, learner).stream().map(LearningAgreementResponse::of).toList();
    }

}
