package eu.creditbridge.issuer.domain;

import static eu.creditbridge.issuer.CredentialFixtures.courseResultFromLodz;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.creditbridge.issuer.domain.IssuedCredential.RevocationDecision;
import eu.creditbridge.kernel.EqfLevel;
import eu.creditbridge.kernel.SchacCode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CredentialTest {

    private static final Instant NOW = Instant.parse("2025-07-01T10:00:00Z");

    @Test
    void aCredentialBreakingSeveralRulesNamesThemAll() {
        var valid = courseResultFromLodz();
        assertThatThrownBy(() -> new Credential(valid.id(), valid.issuingInstitution(), valid.learner(), " ", null,
                List.of(), List.of(new AwardingBody(new SchacCode("eur.nl"), "Erasmus University Rotterdam")),
                valid.issuedOn(), List.of(), valid.ectsCredits(), 0, new EqfLevel(6), QfEheaCycle.SECOND_CYCLE, null,
                valid.assessmentType(), valid.participationForm(), valid.qualityAssurance(), null, null, null, null, null))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.violations())
                        .extracting(InvalidValueException.Violation::field)
                        .containsExactlyInAnyOrder("title", "issuerCountries", "awardingBodies[0].schacCode",
                                "learningOutcomes", "notionalHours", "qfEheaCycle"));
    }

    @Test
    void theFirstAwardingBodyIsTheIssuer() {
        var valid = courseResultFromLodz();
        assertThat(valid.awardingBodies().get(0).schacCode()).isEqualTo(valid.issuingInstitution());
    }

    @Test
    void aNewlyIssuedCredentialOwesPartnersItsIssuance() {
        var issued = IssuedCredential.issue(courseResultFromLodz(), NOW);

        assertThat(issued.status()).isEqualTo(CredentialStatus.ISSUED);
        assertThat(issued.nextUnpublished()).get().extracting(OutboxEntry::kind).isEqualTo(EventKind.CREDENTIAL_ISSUED);
    }

    @Test
    void revokingAppendsTheRevocationAfterTheIssuance() {
        var issued = IssuedCredential.issue(courseResultFromLodz(), NOW);

        var decision = issued.revoke("Exam result annulled after an academic integrity review", NOW.plusSeconds(60));

        assertThat(decision).isInstanceOf(RevocationDecision.Revoked.class);
        var revoked = ((RevocationDecision.Revoked) decision).credential();
        assertThat(revoked.status()).isEqualTo(CredentialStatus.REVOKED);
        assertThat(revoked.revocation().reason()).isEqualTo("Exam result annulled after an academic integrity review");
        assertThat(revoked.events()).extracting(OutboxEntry::kind)
                .containsExactly(EventKind.CREDENTIAL_ISSUED, EventKind.CREDENTIAL_REVOKED);
        assertThat(revoked.eventFor(revoked.events().get(1))).isInstanceOf(IssuerEvent.CredentialRevoked.class);
    }

    @Test
    void aRevokedCredentialCannotBeRevokedAgain() {
        var revoked = ((RevocationDecision.Revoked) IssuedCredential.issue(courseResultFromLodz(), NOW)
                .revoke("Wrong learner", NOW)).credential();

        var second = revoked.revoke("Another reason", NOW.plusSeconds(1));

        assertThat(second).isInstanceOfSatisfying(RevocationDecision.Refused.class,
                refused -> assertThat(refused.reason()).contains("already revoked").contains("Wrong learner"));
    }

    @Test
    void aRevocationNeedsAReason() {
        var issued = IssuedCredential.issue(courseResultFromLodz(), NOW);
        assertThatThrownBy(() -> issued.revoke("  ", NOW))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.violations().get(0).field()).isEqualTo("reason"));
    }
}
