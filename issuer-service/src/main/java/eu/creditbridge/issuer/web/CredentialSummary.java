package eu.creditbridge.issuer.web;

import eu.creditbridge.issuer.domain.CredentialStatus;
import eu.creditbridge.issuer.domain.IssuedCredential;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One line of a learner's list of credentials. */
public record CredentialSummary(UUID credentialId, String title, String issuingInstitution, LocalDate issuedOn,
                                BigDecimal ectsCredits, CredentialStatus status) {

    static CredentialSummary from(IssuedCredential issued) {
        var c = issued.credential();
        return new CredentialSummary(c.id().value(), c.title(), c.issuingInstitution().value(), c.issuedOn(),
                c.ectsCredits().value(), issued.status());
    }

    /** A page of summaries; {@code page} counts from 0. */
    public record Page(List<CredentialSummary> items, int page, int size) {
    }
}
