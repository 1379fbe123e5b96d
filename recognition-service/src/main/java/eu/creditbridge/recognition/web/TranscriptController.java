package eu.creditbridge.recognition.web;

import eu.creditbridge.kernel.EuropeanStudentIdentifier;
import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.recognition.application.RecognisingTranscript;
import eu.creditbridge.recognition.config.ExchangeProperties;
import eu.creditbridge.recognition.domain.RecognitionDecision;
import eu.creditbridge.recognition.domain.review.TracedSignature;
import eu.creditbridge.recognition.domain.transcript.TranscriptEntry;
import eu.creditbridge.recognition.exchange.ElmoTranscriptReader;
import eu.creditbridge.recognition.exchange.ElmoTranscriptReader.ElmoDocument;
import eu.creditbridge.recognition.exchange.UntrustedXml;
import eu.creditbridge.recognition.trust.XmlSignatureVerification;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A registrar uploads an ELMO document a learner brought (EMREX), or an EWP Transcript of Records response wrapping
 * ELMO documents: every passed result with ECTS credits is decided for the learner at this institution, with the
 * document's XML signature as the signature verdict; the answer lists each learning opportunity as decided, skipped
 * or refused, with the reason. Read bounded and hardened before parsing ({@link UntrustedXml}).
 */
@RestController
@RequestMapping("/api/institutions/{schac}/learners/{learnerId}/transcripts")
class TranscriptController {

    private final RecognisingTranscript recognising;
    private final ExchangeProperties exchange;

    TranscriptController(RecognisingTranscript recognising, ExchangeProperties exchange) {
        this.recognising = recognising;
        this.exchange = exchange;
    }

    /** @param reason why a line was skipped or refused; for a decided one, the decisive reason */
    record Line(String reference, String status, String credentialId, String title, String outcome, BigDecimal originalEcts,
                BigDecimal recognisedEcts, String recognisedAs, String signature, String reason) {
    }

    record ImportResponse(int decided, int skipped, int refused, List<Line> results) {
    }

    @PostMapping(consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
    ImportResponse upload(@PathVariable String schac, @PathVariable String learnerId, HttpServletRequest request) throws IOException {
        SchacCode home = InvalidPathValue.parse("schac", schac, SchacCode::lenient);
        EuropeanStudentIdentifier learner = InvalidPathValue.parse("learnerId", learnerId, EuropeanStudentIdentifier::lenient);
        byte[] body = UntrustedXml.readBounded(request.getInputStream(), request.getContentLengthLong(), exchange.maxDocumentBytes());
        List<ElmoDocument> documents = ElmoTranscriptReader.read(UntrustedXml.parse(body), home, learner);
        List<Line> lines = new ArrayList<>();
        for (ElmoDocument document : documents) {
            for (RecognisingTranscript.Outcome outcome : recognising.recognise(home, document.entries(),
                    XmlSignatureVerification.of(document.root()))) {
                lines.add(line(outcome));
            }
        }
        return new ImportResponse(count(lines, "DECIDED"), count(lines, "SKIPPED"), count(lines, "REFUSED"), lines);
    }

    private static Line line(RecognisingTranscript.Outcome outcome) {
        if (outcome.entry() instanceof TranscriptEntry.Result result) {
            RecognitionDecision decision = outcome.decision().orElseThrow();
            return new Line(result.reference(), "DECIDED", result.credential().credentialId().toString(), result.credential().title(),
                    decision.outcome().name(), decision.originalCredits().value(), decision.decision().recognisedCredits().value(),
                    decision.decision().target().map(target -> target.describe()).orElse(null),
                    TracedSignature.of(decision.decision().reasons()).status().name(),
                    decision.decision().decisiveReason().map(reason -> reason.explanation()).orElse(null));
        }
        if (outcome.entry() instanceof TranscriptEntry.Skipped skipped) {
            return new Line(skipped.reference(), "SKIPPED", null, null, null, null, null, null, null, skipped.reason());
        }
        TranscriptEntry.Refused refused = (TranscriptEntry.Refused) outcome.entry();
        return new Line(refused.reference(), "REFUSED", null, null, null, null, null, null, null, refused.reason());
    }

    private static int count(List<Line> lines, String status) {
        return (int) lines.stream().filter(line -> line.status().equals(status)).count();
    }

}
