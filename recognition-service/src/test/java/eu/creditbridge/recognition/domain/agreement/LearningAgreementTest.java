package eu.creditbridge.recognition.domain.agreement;

import static eu.creditbridge.recognition.Fixtures.ANNA;
import static eu.creditbridge.recognition.Fixtures.LODZ;
import static eu.creditbridge.recognition.Fixtures.ROTTERDAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.creditbridge.kernel.EctsCredits;
import eu.creditbridge.kernel.EuropeanStudentIdentifier;
import eu.creditbridge.kernel.SchacCode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LearningAgreementTest {

    static AgreementComponent dataScience() {
        return new AgreementComponent("FEB22012", "INF-2041", Optional.of("Data Science"), EctsCredits.of("5"));
    }

    static LearningAgreement annasWinterAtRotterdam(String id, AgreementStatus status) {
        return new LearningAgreement(id, LODZ, ANNA, ROTTERDAM, status, Optional.of(LocalDate.of(2024, 9, 1)),
                Optional.of(LocalDate.of(2025, 3, 31)), List.of(dataScience()));
    }

    /** The agreements of one learner, in memory: the port's default lookup is domain logic. */
    record InMemory(List<LearningAgreement> agreements) implements LearningAgreements {
        @Override
        public List<LearningAgreement> of(SchacCode homeInstitution, EuropeanStudentIdentifier learner) {
            return agreements.stream().filter(a -> a.homeInstitution().equals(homeInstitution) && a.learner().equals(learner)).toList();
        }
    }

    @Test
    void anAgreedPartnerCourseIssuedDuringTheMobilityIsFoundWhateverTheCaseOfItsCode() {
        LearningAgreements agreements = new InMemory(List.of(annasWinterAtRotterdam("ola-2024-17", AgreementStatus.APPROVED)));

        Optional<AgreedComponent> agreed = agreements.componentFor(LODZ, ANNA, ROTTERDAM, " feb22012 ", LocalDate.of(2025, 2, 14));

        assertThat(agreed).hasValueSatisfying(component -> {
            assertThat(component.agreementId()).isEqualTo("ola-2024-17");
            assertThat(component.target().code()).isEqualTo("INF-2041");
            assertThat(component.agreedCredits()).isEqualTo(EctsCredits.of("5"));
            assertThat(component.describe()).contains("learning agreement ola-2024-17").contains("eur.nl FEB22012");
        });
    }

    @Test
    void nothingIsAgreedOutsideTheMobilityFromAnotherPartnerForAnotherCourseOrWhenCancelled() {
        LearningAgreements approved = new InMemory(List.of(annasWinterAtRotterdam("ola-1", AgreementStatus.APPROVED)));
        LearningAgreements cancelled = new InMemory(List.of(annasWinterAtRotterdam("ola-1", AgreementStatus.CANCELLED)));
        LocalDate during = LocalDate.of(2025, 2, 14);

        assertThat(approved.componentFor(LODZ, ANNA, ROTTERDAM, "FEB22012", LocalDate.of(2025, 4, 1))).isEmpty();
        assertThat(approved.componentFor(LODZ, ANNA, SchacCode.of("deusto.es"), "FEB22012", during)).isEmpty();
        assertThat(approved.componentFor(LODZ, ANNA, ROTTERDAM, "FEB11111", during)).isEmpty();
        assertThat(approved.componentFor(LODZ, EuropeanStudentIdentifier.of("urn:schac:personalUniqueCode:int:esi:pl:999"), ROTTERDAM,
                "FEB22012", during)).isEmpty();
        assertThat(cancelled.componentFor(LODZ, ANNA, ROTTERDAM, "FEB22012", during)).isEmpty();
    }

    @Test
    void theMobilityDatesAreInclusive() {
        LearningAgreement agreement = annasWinterAtRotterdam("ola-1", AgreementStatus.APPROVED);

        assertThat(agreement.covers(LocalDate.of(2024, 9, 1))).isTrue();
        assertThat(agreement.covers(LocalDate.of(2025, 3, 31))).isTrue();
        assertThat(agreement.covers(LocalDate.of(2024, 8, 31))).isFalse();
    }

    @Test
    void anAgreementIsWithAPartnerListsEachCourseOnceAndDoesNotEndBeforeItStarts() {
        assertThatThrownBy(() -> new LearningAgreement("ola-1", LODZ, ANNA, LODZ, AgreementStatus.APPROVED, Optional.empty(), Optional.empty(),
                List.of(dataScience()))).hasMessageContaining("with a partner");
        assertThatThrownBy(() -> new LearningAgreement("ola-1", LODZ, ANNA, ROTTERDAM, AgreementStatus.APPROVED, Optional.empty(),
                Optional.empty(), List.of(dataScience(), dataScience()))).hasMessageContaining("listed twice");
        assertThatThrownBy(() -> new LearningAgreement("ola-1", LODZ, ANNA, ROTTERDAM, AgreementStatus.APPROVED,
                Optional.of(LocalDate.of(2025, 3, 1)), Optional.of(LocalDate.of(2025, 2, 1)), List.of(dataScience())))
                .hasMessageContaining("ends before it starts");
        assertThatThrownBy(() -> new LearningAgreement("ola 1/x", LODZ, ANNA, ROTTERDAM, AgreementStatus.APPROVED, Optional.empty(),
                Optional.empty(), List.of(dataScience()))).hasMessageContaining("agreement id");
        assertThatThrownBy(() -> new AgreementComponent("FEB22012", "INF-2041", Optional.empty(), EctsCredits.ZERO))
                .hasMessageContaining("carries credits");
    }
}
