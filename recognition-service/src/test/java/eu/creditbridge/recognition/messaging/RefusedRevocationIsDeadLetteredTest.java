package eu.creditbridge.recognition.messaging;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import eu.creditbridge.contract.CredentialEvent;
import eu.creditbridge.contract.CredentialRevoked;
import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.messaging.PermanentFailure;
import eu.creditbridge.recognition.application.RecognisingCredential;
import eu.creditbridge.recognition.application.ReversingRecognition;
import eu.creditbridge.recognition.application.RevocationRefused;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A refused revocation leaves the listener as a {@link PermanentFailure}: the shared error handler sends it to
 * {@code creditbridge.credentials.dlt} at once with the refusal in {@code creditbridge_dlt_reason}.
 */
class RefusedRevocationIsDeadLetteredTest {

    @Test
    void aRevocationInAnotherUniversitysNameIsAPermanentFailureNamingWhy() {
        ReversingRecognition reversing = mock(ReversingRecognition.class);
        CredentialRevoked revoked = CredentialRevoked.newBuilder().setCredentialId(UUID.randomUUID()).setIssuingInstitution("ucc.ie")
                .setLearnerId("urn:schac:personalUniqueCode:int:esi:pl:123456").setHomeInstitution("uni.lodz.pl")
                .setRevokedAt(Instant.parse("2025-03-01T09:00:00Z")).setReason("forged").build();
        when(reversing.reverse(any())).thenAnswer(call -> {
            throw new RevocationRefused(call.getArgument(0), SchacCode.of("eur.nl"));
        });
        CredentialsListener listener = new CredentialsListener(mock(RecognisingCredential.class), reversing);
        CredentialEvent event = CredentialEvent.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(Instant.now()).setPayload(revoked).build();

        assertThatThrownBy(() -> listener.on(event))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("sent in the name of ucc.ie, but the credential was issued by eur.nl")
                .hasRootCauseInstanceOf(RevocationRefused.class);
    }
}
