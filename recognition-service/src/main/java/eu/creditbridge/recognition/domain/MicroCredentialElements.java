package eu.creditbridge.recognition.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * The elements of a micro-credential (EU Council Recommendation 2022/C 243/02, Annex I) that rules look at beyond
 * title, workload, level and grade. Kept as the contract names them (enum symbols, ISCED-F codes) so a rule
 * condition compares with the same words the issuer used.
 *
 * @param assessmentType       WRITTEN_EXAM, ORAL_EXAM, PROJECT, ... (mandatory element; absent only for old snapshots)
 * @param identityVerification supervision and identity check during assessment (optional element)
 * @param qualityAssurance     INTERNAL_INSTITUTIONAL, EXTERNAL_EQAR_AGENCY, ... (mandatory element)
 * @param participationForm    ONLINE, ON_SITE, BLENDED (mandatory element)
 * @param iscedField           field of study as an ISCED-F 2013 code, e.g. "0613"
 */
public record MicroCredentialElements(Optional<String> assessmentType, Optional<String> identityVerification,
                                      Optional<String> qualityAssurance, Optional<String> participationForm,
                                      Optional<String> iscedField) {

    /** Nothing stated: what a credential decided before these elements were kept reads as. */
    public static final MicroCredentialElements NONE = new MicroCredentialElements(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    public MicroCredentialElements {
        assessmentType = present(assessmentType);
        identityVerification = present(identityVerification);
        qualityAssurance = present(qualityAssurance);
        participationForm = present(participationForm);
        iscedField = present(iscedField);
    }

    private static Optional<String> present(Optional<String> value) {
        return Objects.requireNonNullElse(value, Optional.<String>empty()).map(String::trim).filter(text -> !text.isEmpty());
    }
}
