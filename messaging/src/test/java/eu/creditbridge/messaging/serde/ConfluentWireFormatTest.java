package eu.creditbridge.messaging.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.creditbridge.contract.CredentialEvent;
import eu.creditbridge.contract.CredentialRevoked;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class ConfluentWireFormatTest {

    @Test
    void framedValueStartsWithMagicByteAndBigEndianSchemaId() {
        byte[] framed = ConfluentWireFormat.frame(258, new byte[] {42});

        assertThat(framed).containsExactly(0, 0, 0, 1, 2, 42);
        assertThat(ConfluentWireFormat.schemaId(framed)).isEqualTo(258);
    }

    @Test
    void bytesWithAnotherMagicByteAreRefusedWithTheReason() {
        assertThatThrownBy(() -> ConfluentWireFormat.schemaId("{\"json\":true}".getBytes()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("magic byte");
    }

    @Test
    void bytesShorterThanTheHeaderAreRefused() {
        assertThatThrownBy(() -> ConfluentWireFormat.schemaId(new byte[] {0, 1}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("shorter than the 5-byte header");
    }

    @Test
    void deadLetterTopicSharesTheSubjectOfItsSourceTopic() {
        assertThat(SerdeConfig.valueSubject("creditbridge.credentials")).isEqualTo("creditbridge.credentials-value");
        assertThat(SerdeConfig.valueSubject("creditbridge.credentials.dlt")).isEqualTo("creditbridge.credentials-value");
    }

    @Test
    void cloudEventTypeOfAnEnvelopeIsItsPayloadTypeAndIdIsTheEventId() {
        UUID eventId = UUID.randomUUID();
        var revoked = CredentialRevoked.newBuilder()
                .setCredentialId(UUID.randomUUID())
                .setIssuingInstitution("uni.lodz.pl")
                .setLearnerId("urn:schac:personalUniqueCode:int:esi:nl:5551234")
                .setHomeInstitution("eur.nl")
                .setRevokedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setReason("Issued in error")
                .build();
        var envelope = CredentialEvent.newBuilder()
                .setEventId(eventId)
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setPayload(revoked)
                .build();
        var headers = new RecordHeaders();

        CloudEventHeaders.addMissing(headers, envelope, "/issuer-service");

        assertThat(CloudEventHeaders.read(headers, CloudEventHeaders.TYPE)).isEqualTo("eu.creditbridge.contract.CredentialRevoked");
        assertThat(CloudEventHeaders.read(headers, CloudEventHeaders.ID)).isEqualTo(eventId.toString());
        assertThat(CloudEventHeaders.read(headers, CloudEventHeaders.SOURCE)).isEqualTo("/issuer-service");
        assertThat(CloudEventHeaders.read(headers, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
    }
}
