package eu.creditbridge.registry.messaging;

import static eu.creditbridge.registry.RegistryFixtures.ROTTERDAM;
import static eu.creditbridge.registry.RegistryFixtures.UNIC;
import static eu.creditbridge.registry.RegistryFixtures.lodz;
import static eu.creditbridge.registry.RegistryFixtures.rotterdamRuleset;
import static eu.creditbridge.registry.RegistryFixtures.unic;
import static org.assertj.core.api.Assertions.assertThat;

import eu.creditbridge.contract.InstitutionUpdated;
import eu.creditbridge.contract.MembershipStatus;
import eu.creditbridge.contract.RulesetPublished;
import eu.creditbridge.registry.domain.Institution;
import eu.creditbridge.registry.domain.RulesetVersion;
import eu.creditbridge.registry.domain.Suspension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class RegistryRecordsTest {

    private static final Instant NOW = Instant.parse("2025-02-03T10:15:30Z");

    @Test
    void institutionUpdatedCarriesTheFullStateAndSurvivesAvroEncoding() throws IOException {
        Institution suspended = lodz().admittedTo(unic(), LocalDate.of(2022, 11, 1))
                .suspendedIn(UNIC, new Suspension(LocalDate.of(2024, 3, 4), "test"));

        InstitutionUpdated record = roundTrip(RegistryRecords.institutionUpdated(suspended, NOW), InstitutionUpdated.class);

        assertThat(record.getSchacCode()).isEqualTo("uni.lodz.pl");
        assertThat(record.getErasmusCode()).isEqualTo("PL LODZ01");
        assertThat(record.getGradingTable().getBands().get(0).getPercentage()).isEqualTo(new BigDecimal("18.00"));
        assertThat(record.getMemberships()).singleElement().satisfies(m -> {
            assertThat(m.getAllianceName()).isEqualTo("UNIC");
            assertThat(m.getStatus()).isEqualTo(MembershipStatus.SUSPENDED);
            assertThat(m.getSuspendedFrom()).isEqualTo(LocalDate.of(2024, 3, 4));
        });
        assertThat(record.getSigningKeys()).singleElement().satisfies(k -> {
            assertThat(k.getValidUntil()).isNull();
            assertThat(k.getCompromisedFrom()).isNull();
        });
        assertThat(record.getUpdatedAt()).isEqualTo(NOW);
    }

    @Test
    void aCompromisedKeyIsPublishedWithItsDayButNotWhoReportedItOrWhoMayRegisterKeys() throws IOException {
        Institution compromised = lodz().withIssuerPrincipals(java.util.List.of("issuer-service"))
                .withKeyCompromised(new eu.creditbridge.registry.domain.KeyCompromise("uni.lodz.pl#2024",
                        LocalDate.of(2026, 1, 1), null, "laptop stolen", "admin@uni.lodz.pl", NOW));

        InstitutionUpdated record = roundTrip(RegistryRecords.institutionUpdated(compromised, NOW), InstitutionUpdated.class);

        assertThat(record.getSigningKeys()).singleElement()
                .satisfies(k -> assertThat(k.getCompromisedFrom()).isEqualTo(LocalDate.of(2026, 1, 1)));
        assertThat(record.toString()).doesNotContain("issuer-service").doesNotContain("laptop stolen");
    }

    @Test
    void rulesetPublishedCarriesVersionAndEquivalences() throws IOException {
        RulesetPublished record = roundTrip(RegistryRecords.rulesetPublished(
                rotterdamRuleset().publishedAs(ROTTERDAM, new RulesetVersion(3), NOW)), RulesetPublished.class);

        assertThat(record.getInstitution()).isEqualTo("eur.nl");
        assertThat(record.getVersion()).isEqualTo(3);
        assertThat(record.getElectiveCategory()).isEqualTo("alliance-electives");
        assertThat(record.getCourseEquivalences()).singleElement()
                .satisfies(e -> assertThat(e.getLocalCourseCode()).isEqualTo("EUR-INF-101"));
    }

    @SuppressWarnings("unchecked")
    private static <T extends SpecificRecord> T roundTrip(T record, Class<T> type) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        new SpecificDatumWriter<T>(record.getSchema()).write(record, encoder);
        encoder.flush();
        return new SpecificDatumReader<T>(type).read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));
    }
}
