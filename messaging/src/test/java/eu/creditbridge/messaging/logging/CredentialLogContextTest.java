package eu.creditbridge.messaging.logging;

import static org.assertj.core.api.Assertions.assertThat;

import eu.creditbridge.contract.CredentialEvent;
import eu.creditbridge.contract.CredentialRevoked;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class CredentialLogContextTest {

    private static final String ANNA = "urn:schac:personalUniqueCode:int:esi:pl:123456";

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void aCredentialEventPutsItsCredentialAndLearnerIntoTheLogContextUntilClosed() {
        UUID credentialId = UUID.randomUUID();
        var event = CredentialEvent.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.parse("2025-02-20T10:00:00Z"))
                .setPayload(CredentialRevoked.newBuilder()
                        .setCredentialId(credentialId)
                        .setIssuingInstitution("eur.nl")
                        .setLearnerId(ANNA)
                        .setHomeInstitution("uni.lodz.pl")
                        .setRevokedAt(Instant.parse("2025-02-20T10:00:00Z"))
                        .setReason("issued to the wrong learner")
                        .build())
                .build();

        try (var logContext = CredentialLogContext.of(event)) {
            assertThat(MDC.get(CredentialLogContext.CREDENTIAL_ID)).isEqualTo(credentialId.toString());
            assertThat(MDC.get(CredentialLogContext.LEARNER_ID)).isEqualTo(ANNA);
        }

        assertThat(MDC.get(CredentialLogContext.CREDENTIAL_ID)).isNull();
        assertThat(MDC.get(CredentialLogContext.LEARNER_ID)).isNull();
    }

    @Test
    void anInnerScopeRestoresTheOuterOnesIdsAndAnUnknownIdLeavesTheOuterOne() {
        try (var outer = CredentialLogContext.of("c-1", ANNA)) {
            try (var inner = CredentialLogContext.of("c-2", null)) {
                assertThat(MDC.get(CredentialLogContext.CREDENTIAL_ID)).isEqualTo("c-2");
                assertThat(MDC.get(CredentialLogContext.LEARNER_ID)).isEqualTo(ANNA);
            }
            assertThat(MDC.get(CredentialLogContext.CREDENTIAL_ID)).isEqualTo("c-1");
        }
        assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
    }
}
