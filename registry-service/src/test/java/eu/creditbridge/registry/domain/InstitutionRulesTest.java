package eu.creditbridge.registry.domain;

import static eu.creditbridge.registry.RegistryFixtures.lodz;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.creditbridge.kernel.CountryCode;
import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.registry.RegistryFixtures;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstitutionRulesTest {

    @Test
    void schacCodeIsALowercaseInternetDomain() {
        assertThat(new SchacCode("uni.lodz.pl").value()).isEqualTo("uni.lodz.pl");
        assertThat(new SchacCode("ruhr-uni-bochum.de").value()).isEqualTo("ruhr-uni-bochum.de");
        for (String bad : List.of("Uni.Lodz.PL", "lodz", "uni..lodz.pl", "-uni.pl", "uni lodz.pl", "")) {
            assertThatThrownBy(() -> new SchacCode(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void erasmusCodesOfTheFieldAreAccepted() {
        for (String code : List.of("PL LODZ01", "D  BOCHUM01", "IRLCORK01", "SF OULU01", "F  PARIS001")) {
            assertThat(new ErasmusCode(code).value()).isEqualTo(code);
        }
        assertThatThrownBy(() -> new ErasmusCode("pl lodz01")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void countryMustBeAnIsoAlpha2Code() {
        assertThat(new CountryCode("TR").value()).isEqualTo("TR");
        assertThatThrownBy(() -> new CountryCode("XX")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CountryCode("pl")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void gradingTableWhosePercentagesDoNotAddUpTo100IsRefusedNamingTheBands() {
        assertThatThrownBy(() -> new GradingTable("2021/22-2023/24", List.of(
                new GradeBand("5.0", new BigDecimal("50")), new GradeBand("4.0", new BigDecimal("40.5")))))
                .isInstanceOfSatisfying(InvalidRegistryEntry.class, e -> assertThat(e.violations())
                        .containsExactly(new Violation("bands", "percentages must add up to 100, they add up to 90.50")));
    }

    @Test
    void gradeListedTwiceInAGradingTableIsRefused() {
        assertThatThrownBy(() -> new GradingTable("2023", List.of(
                new GradeBand("5", new BigDecimal("50")), new GradeBand("5", new BigDecimal("50")))))
                .isInstanceOfSatisfying(InvalidRegistryEntry.class,
                        e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("bands[1].grade"));
    }

    @Test
    void signingKeyValidUntilBeforeValidFromIsRefused() {
        assertThatThrownBy(() -> new SigningKey("k1", "EdDSA", "{}", LocalDate.of(2024, 1, 1), LocalDate.of(2023, 1, 1)))
                .isInstanceOfSatisfying(InvalidRegistryEntry.class,
                        e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("validUntil"));
    }

    @Test
    void signingKeySignsOnlyWithinItsValidity() {
        SigningKey key = new SigningKey("k1", "EdDSA", "{}", LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31));
        assertThat(key.signsFor(LocalDate.of(2023, 6, 1))).isTrue();
        assertThat(key.signsFor(LocalDate.of(2024, 1, 1))).isFalse();
        assertThat(key.signsFor(LocalDate.of(2022, 12, 31))).isFalse();
    }

    @Test
    void everyBadFieldOfAnInstitutionIsReportedAtOnce() {
        assertThatThrownBy(() -> new Institution(RegistryFixtures.LODZ, null, " ", new CountryCode("PL"), "", null,
                List.of(), List.of()))
                .isInstanceOfSatisfying(InvalidRegistryEntry.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly("name", "gradingScheme"));
    }

    @Test
    void replacingDetailsKeepsTheMemberships() {
        Institution member = lodz().admittedTo(RegistryFixtures.unic(), LocalDate.of(2022, 11, 1));
        Institution renamed = member.withDetailsOf(new Institution(RegistryFixtures.LODZ, null, "Uniwersytet Łódzki",
                new CountryCode("PL"), "pl-2-5", null, List.of(), List.of()));
        assertThat(renamed.name()).isEqualTo("Uniwersytet Łódzki");
        assertThat(renamed.memberships()).isEqualTo(member.memberships());
    }

    @Test
    void replacingDetailsWithoutKeysKeepsTheListedSigningKeys() {
        Institution listed = lodz();
        Institution resent = new Institution(listed.schacCode(), listed.erasmusCode(), "Uniwersytet Łódzki",
                listed.country(), listed.gradingScheme(), listed.gradingTable(), List.of(), List.of());

        Institution replaced = listed.withDetailsOf(resent);

        assertThat(replaced.name()).isEqualTo("Uniwersytet Łódzki");
        assertThat(replaced.signingKeys()).isEqualTo(listed.signingKeys());
    }

    @Test
    void replacingDetailsAddsNewKeysAndMayCloseAListedOne() {
        Institution listed = lodz();
        SigningKey old = listed.signingKeys().get(0);
        SigningKey closed = new SigningKey(old.keyId(), old.algorithm(), old.publicKey(), old.validFrom(), LocalDate.of(2026, 6, 30));
        SigningKey next = new SigningKey("uni.lodz.pl#2026", "EdDSA",
                "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"AAqYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}",
                LocalDate.of(2026, 7, 1), null);
        Institution resent = new Institution(listed.schacCode(), listed.erasmusCode(), listed.name(), listed.country(),
                listed.gradingScheme(), listed.gradingTable(), List.of(closed, next), List.of());

        assertThat(listed.withDetailsOf(resent).signingKeys()).containsExactly(closed, next);
    }

    @Test
    void listedKeyIdWithOtherKeyMaterialIsAConflict() {
        Institution listed = lodz();
        SigningKey old = listed.signingKeys().get(0);
        SigningKey swapped = new SigningKey(old.keyId(), old.algorithm(),
                "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"BBqYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}",
                old.validFrom(), null);
        Institution resent = new Institution(listed.schacCode(), listed.erasmusCode(), listed.name(), listed.country(),
                listed.gradingScheme(), listed.gradingTable(), List.of(swapped), List.of());

        // A swap conflicts with what the registry already vouches for, as when the key is sent on its own (409).
        assertThatThrownBy(() -> listed.withDetailsOf(resent))
                .isInstanceOf(ConflictingRegistryChange.class)
                .hasMessageContaining("a new key needs a new key id");
    }
}
