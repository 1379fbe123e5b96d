package eu.creditbridge.recognition.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.recognition.domain.AllianceMembership;
import eu.creditbridge.recognition.domain.Credential;
import eu.creditbridge.recognition.domain.Institution;
import eu.creditbridge.recognition.domain.IssuerSigningKey;
import eu.creditbridge.recognition.domain.SignatureVerdict.Status;
import eu.creditbridge.recognition.domain.transcript.TranscriptEntry;
import eu.creditbridge.recognition.exchange.ElmoTranscriptReader.ElmoDocument;
import eu.creditbridge.recognition.trust.XmlSignatureVerification;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The XML signature of an ELMO document, checked by Santuario against the keys the registry lists for its issuer. */
class XmlSignatureVerificationTest {

    static final KeyPair WARSAW_KEY = ElmoSigner.ed25519();

    static Institution warsaw(IssuerSigningKey... keys) {
        return new Institution(SchacCode.of("uw.edu.pl"), Optional.of("PL WARSZAW01"), "University of Warsaw", "PL", "pl-2-5",
                List.<AllianceMembership>of(), Optional.empty(), List.of(keys));
    }

    static Status verdict(byte[] document, Optional<Institution> issuer) {
        ElmoDocument elmo = ElmoTranscriptReader.read(UntrustedXml.parse(document), ElmoTranscriptReaderTest.OSLO,
                ElmoTranscriptReaderTest.INGRID).get(0);
        Credential first = elmo.entries().stream().filter(TranscriptEntry.Result.class::isInstance)
                .map(entry -> ((TranscriptEntry.Result) entry).credential()).findFirst().orElseThrow();
        return XmlSignatureVerification.of(elmo.root()).verify(first, issuer).status();
    }

    static byte[] source() {
        return PublicSamples.own("elmo-uw-signed-source.xml");
    }

    @Test
    void signedWithTheKeyTheRegistryListsForTheIssuerIsValid() {
        byte[] signed = ElmoSigner.sign(source(), WARSAW_KEY, false);
        assertThat(verdict(signed, Optional.of(warsaw(ElmoSigner.listed("uw-2025", WARSAW_KEY, LocalDate.of(2024, 1, 1))))))
                .isEqualTo(Status.VALID);
    }

    @Test
    void aListedKeyNotYetValidOnTheIssueDateIsNotEnough() {
        byte[] signed = ElmoSigner.sign(source(), WARSAW_KEY, false);
        assertThat(verdict(signed, Optional.of(warsaw(ElmoSigner.listed("uw-2026", WARSAW_KEY, LocalDate.of(2026, 1, 1))))))
                .isEqualTo(Status.KEY_NOT_VALID_AT_ISSUE_DATE);
    }

    @Test
    void intactButSignedByAKeyTheRegistryDoesNotListIsAnUnknownSigner() {
        byte[] signed = ElmoSigner.sign(source(), ElmoSigner.rsa(), true);
        assertThat(verdict(signed, Optional.of(warsaw(ElmoSigner.listed("uw-2025", WARSAW_KEY, LocalDate.of(2024, 1, 1))))))
                .isEqualTo(Status.UNKNOWN_KEY);
        assertThat(verdict(signed, Optional.empty())).isEqualTo(Status.UNKNOWN_KEY);
    }

    @Test
    void aDocumentChangedAfterSigningIsInvalid() {
        String signed = new String(ElmoSigner.sign(source(), WARSAW_KEY, true), StandardCharsets.UTF_8);
        byte[] tampered = signed.replace("<value>7.5</value>", "<value>30</value>").getBytes(StandardCharsets.UTF_8);
        assertThat(verdict(tampered, Optional.of(warsaw(ElmoSigner.listed("uw-2025", WARSAW_KEY, LocalDate.of(2024, 1, 1))))))
                .isEqualTo(Status.INVALID_SIGNATURE);
    }

    @Test
    void anUnsignedDocumentSaysSo() {
        assertThat(verdict(source(), Optional.of(warsaw()))).isEqualTo(Status.UNSIGNED);
    }

    @Test
    void theOfficialExamplesIllustrativeSignatureIsNeverValid() {
        assertThat(verdict(PublicSamples.bytes("elmo-v2.0.0/example.xml"), Optional.of(warsaw(
                ElmoSigner.listed("uw-2025", WARSAW_KEY, LocalDate.of(2010, 1, 1))))))
                .isIn(Status.MALFORMED, Status.INVALID_SIGNATURE);
    }
}
