package eu.creditbridge.recognition.domain;

import eu.creditbridge.kernel.DecisionId;
import eu.creditbridge.kernel.EctsCredits;
import eu.creditbridge.kernel.EuropeanStudentIdentifier;
import eu.creditbridge.kernel.SchacCode;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What recognition needs to know of an issued credential. The receiving institution is the learner's
 * home institution: the one asked to recognise it.
 *
 * @param signature     the detached JWS the issuer sent, if any
 * @param signedContent the canonical form of the credential as received (the contract's {@code CredentialCanonicalForm},
 *                      JSON text): what the signature must fit. Formed where the whole contract record is at hand,
 *                      since this record keeps only part of it
 */
public record Credential(
        UUID credentialId,
        SchacCode issuingInstitution,
        EuropeanStudentIdentifier learner,
        SchacCode homeInstitution,
        String title,
        Optional<String> sourceCourseCode,
        LocalDate issuedOn,
        EctsCredits credits,
        Optional<Integer> eqfLevel,
        Optional<Grade> grade,
        Optional<String> signature,
        Optional<String> signedContent,
        MicroCredentialElements elements) {

    /** A credential without the micro-credential elements (snapshots decided before they were kept). */
    public Credential(UUID credentialId, SchacCode issuingInstitution, EuropeanStudentIdentifier learner, SchacCode homeInstitution,
                      String title, Optional<String> sourceCourseCode, LocalDate issuedOn, EctsCredits credits,
                      Optional<Integer> eqfLevel, Optional<Grade> grade, Optional<String> signature, Optional<String> signedContent) {
        this(credentialId, issuingInstitution, learner, homeInstitution, title, sourceCourseCode, issuedOn, credits, eqfLevel,
                grade, signature, signedContent, MicroCredentialElements.NONE);
    }

    /** A credential whose signed content was not formed (only a signature's absence or presence is known). */
    public Credential(UUID credentialId, SchacCode issuingInstitution, EuropeanStudentIdentifier learner, SchacCode homeInstitution,
                      String title, Optional<String> sourceCourseCode, LocalDate issuedOn, EctsCredits credits,
                      Optional<Integer> eqfLevel, Optional<Grade> grade, Optional<String> signature) {
        this(credentialId, issuingInstitution, learner, homeInstitution, title, sourceCourseCode, issuedOn, credits, eqfLevel,
                grade, signature, Optional.empty());
    }

    public Credential {
        Objects.requireNonNull(credentialId, "credential id is required");
        Objects.requireNonNull(issuingInstitution, "issuing institution is required");
        Objects.requireNonNull(learner, "learner is required");
        Objects.requireNonNull(homeInstitution, "learner's home institution is required");
        Objects.requireNonNull(title, "title is required");
        Objects.requireNonNull(issuedOn, "issue date is required");
        Objects.requireNonNull(credits, "ECTS credits are required");
        sourceCourseCode = Objects.requireNonNullElse(sourceCourseCode, Optional.<String>empty()).filter(code -> !code.isBlank());
        eqfLevel = Objects.requireNonNullElse(eqfLevel, Optional.empty());
        grade = Objects.requireNonNullElse(grade, Optional.empty());
        signature = Objects.requireNonNullElse(signature, Optional.empty());
        signedContent = Objects.requireNonNullElse(signedContent, Optional.empty());
        elements = Objects.requireNonNullElse(elements, MicroCredentialElements.NONE);
        if (title.isBlank()) {
            throw new IllegalArgumentException("title is required");
        }
        eqfLevel.ifPresent(level -> {
            if (level < 1 || level > 8) {
                throw new IllegalArgumentException("EQF level must be 1 to 8: " + level);
            }
        });
    }

    /** The same credential with the canonical form its signature is checked against. */
    public Credential withSignedContent(String canonicalForm) {
        return new Credential(credentialId, issuingInstitution, learner, homeInstitution, title, sourceCourseCode, issuedOn, credits,
                eqfLevel, grade, signature, Optional.of(canonicalForm), elements);
    }

    /** The same credential with the micro-credential elements its issuer stated. */
    public Credential withElements(MicroCredentialElements stated) {
        return new Credential(credentialId, issuingInstitution, learner, homeInstitution, title, sourceCourseCode, issuedOn, credits,
                eqfLevel, grade, signature, signedContent, stated);
    }

    public SchacCode receivingInstitution() {
        return homeInstitution;
    }

    public DecisionId decisionId() {
        return new DecisionId(credentialId, homeInstitution);
    }
}
