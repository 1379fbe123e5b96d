package eu.creditbridge.issuer.web.transcript;

import eu.creditbridge.issuer.application.ImportingTranscript;
import eu.creditbridge.issuer.application.OfferingGradeDistribution;
import eu.creditbridge.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Imports the documents universities already export: ELMO transcripts, EWP Transcript of Records responses, Europass
 * credentials. Each result becomes a credential exactly as a JSON one would ({@link ImportingTranscript}). The body
 * limit of this path is its own ({@code creditbridge.web.max-import-body}): a degree's transcript is far larger than one
 * credential.
 */
@Tag(name = "Transcripts", description = "Importing ELMO, EWP Transcript of Records and Europass documents, as the issuing institution only")
@RestController
@RequestMapping(path = "/api/transcripts", produces = MediaType.APPLICATION_JSON_VALUE)
public class TranscriptController {

    private final TranscriptDocuments documents;
    private final ImportingTranscript importing;
    private final OfferingGradeDistribution offering;

    public TranscriptController(TranscriptDocuments documents, ImportingTranscript importing,
                                OfferingGradeDistribution offering) {
        this.documents = documents;
        this.importing = importing;
        this.offering = offering;
    }

    @Operation(summary = "Import a transcript or a Europass credential",
            description = "application/xml: an ELMO document or an EWP imobility-tors get-response; application/ld+json: "
                    + "an ELM 3 Europass credential. Each passed learning opportunity with ECTS credits becomes a "
                    + "credential; the answer lists per learning opportunity ISSUED, UNCHANGED (imported before), "
                    + "CORRECTED (changed result: old credential revoked, new one issued), SKIPPED (why) or REFUSED "
                    + "(problems). Parameters supply what the document does not carry: learnerId (ESI), "
                    + "homeInstitution, assessmentType, participationForm, qualityAssurance, gradingScheme "
                    + "(document scheme:registry scheme, repeatable), issuingInstitution (a Europass awarding body's "
                    + "SCHAC code), gradeTableIsced (which field's grade distribution of an EWP ToR to offer to the "
                    + "institution's admin as its grading table at the registry; offered, never published). Issuing officers and the student-information system of the document's issuer only.")
    @PostMapping(consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE, "application/ld+json"})
    public TranscriptAnswer importDocument(@RequestBody(required = false) byte[] body,
                                           @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType contentType,
                                           @RequestParam(required = false) String learnerId,
                                           @RequestParam(required = false) String homeInstitution,
                                           @RequestParam(required = false) String assessmentType,
                                           @RequestParam(required = false) String participationForm,
                                           @RequestParam(required = false) String qualityAssurance,
                                           @RequestParam(required = false) List<String> gradingScheme,
                                           @RequestParam(required = false) String issuingInstitution,
                                           @RequestParam(required = false) String gradeTableIsced,
                                           Authentication caller) {
        var settings = ImportSettings.of(learnerId, homeInstitution, assessmentType, participationForm, qualityAssurance,
                gradingScheme, issuingInstitution);
        var document = documents.read(body, contentType);
        var issuers = document.issuers(settings);
        var who = Caller.of(caller);
        // Who may import is settled before the document's content is judged: a stranger learns nothing from the answer.
        importing.mayImport(issuers, who);
        var reading = document.read(settings);
        var answer = TranscriptAnswer.of(reading.kind(), reading.supplied(), importing.importResults(issuers, reading.results(), who));
        if (reading.distributions().isEmpty()) {
            return answer;
        }
        if (issuers.size() != 1) {
            // Whose distribution a table is cannot be told when the document holds several issuers' reports.
            return answer.withDistributions(reading.distributions().stream().map(d -> new OfferingGradeDistribution.Offer(
                    d, List.of(), false, "not offered: the document holds reports of " + issuers.size() + " issuers")).toList());
        }
        return answer.withDistributions(offering.offer(issuers.iterator().next(), reading.distributions(), gradeTableIsced, who));
    }
}
