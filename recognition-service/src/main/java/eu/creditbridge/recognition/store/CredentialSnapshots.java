package eu.creditbridge.recognition.store;

import eu.creditbridge.kernel.EuropeanStudentIdentifier;
import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.recognition.domain.Credential;
import eu.creditbridge.recognition.domain.MicroCredentialElements;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;

/**
 * The credential as it was decided on, kept in the decision's document (field {@code credential}): a new ruleset
 * version re-decides what still waits for a registrar, and the issuer does not resend credentials for that.
 */
final class CredentialSnapshots {

    static final String FIELD = "credential";

    private CredentialSnapshots() {
    }

    static Document document(Credential credential) {
        return new Document("credentialId", credential.credentialId().toString())
                .append("issuingInstitution", credential.issuingInstitution().value())
                .append("learnerId", credential.learner().value())
                .append("homeInstitution", credential.homeInstitution().value())
                .append("title", credential.title())
                .append("sourceCourseCode", credential.sourceCourseCode().orElse(null))
                .append("issuedOn", credential.issuedOn().toString())
                .append("credits", Documents.credits(credential.credits()))
                .append("eqfLevel", credential.eqfLevel().orElse(null))
                .append("grade", credential.grade().map(Documents::grade).orElse(null))
                .append("signature", credential.signature().orElse(null))
                .append("signedContent", credential.signedContent().orElse(null))
                .append("elements", elements(credential.elements()));
    }

    private static Document elements(MicroCredentialElements elements) {
        return new Document("assessmentType", elements.assessmentType().orElse(null))
                .append("identityVerification", elements.identityVerification().orElse(null))
                .append("qualityAssurance", elements.qualityAssurance().orElse(null))
                .append("participationForm", elements.participationForm().orElse(null))
                .append("iscedField", elements.iscedField().orElse(null));
    }

    /** Snapshots stored before the elements were kept read as stating none. */
    private static MicroCredentialElements elements(Document stored) {
        if (stored == null) {
            return MicroCredentialElements.NONE;
        }
        return new MicroCredentialElements(Optional.ofNullable(stored.getString("assessmentType")),
                Optional.ofNullable(stored.getString("identityVerification")),
                Optional.ofNullable(stored.getString("qualityAssurance")),
                Optional.ofNullable(stored.getString("participationForm")),
                Optional.ofNullable(stored.getString("iscedField")));
    }

    /** The key id the credential's signature names (ISO dates and key ids are what the by-signing-key index holds). */
    static Optional<String> signingKeyId(Credential credential) {
        return credential.signature().flatMap(eu.creditbridge.recognition.trust.JwsSignatureVerification::keyIdOf);
    }

    /** Empty for decisions stored before snapshots were kept. */
    static Optional<Credential> credential(Document decision) {
        return Optional.ofNullable(decision.get(FIELD, Document.class)).map(stored -> new Credential(
                UUID.fromString(stored.getString("credentialId")),
                SchacCode.of(stored.getString("issuingInstitution")),
                EuropeanStudentIdentifier.of(stored.getString("learnerId")),
                SchacCode.of(stored.getString("homeInstitution")),
                stored.getString("title"),
                Optional.ofNullable(stored.getString("sourceCourseCode")),
                LocalDate.parse(stored.getString("issuedOn")),
                Documents.credits(stored.get("credits")),
                Optional.ofNullable(stored.getInteger("eqfLevel")),
                Documents.grade(stored.get("grade", Document.class)),
                Optional.ofNullable(stored.getString("signature")),
                Optional.ofNullable(stored.getString("signedContent")))
                .withElements(elements(stored.get("elements", Document.class))));
    }
}
