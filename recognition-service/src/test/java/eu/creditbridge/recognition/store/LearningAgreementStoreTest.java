package eu.creditbridge.recognition.store;

import eu.creditbridge.recognition.application.LearningAgreementStore;
import static eu.creditbridge.recognition.Fixtures.ANNA;
import static eu.creditbridge.recognition.Fixtures.LODZ;
import static eu.creditbridge.recognition.Fixtures.ROTTERDAM;
import static org.assertj.core.api.Assertions.assertThat;

import eu.creditbridge.kernel.EctsCredits;
import eu.creditbridge.recognition.domain.agreement.AgreementComponent;
import eu.creditbridge.recognition.domain.agreement.AgreementStatus;
import eu.creditbridge.recognition.domain.agreement.LearningAgreement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LearningAgreementStoreTest {

    private static final InProcessMongo MONGO = InProcessMongo.shared();
    private LearningAgreementStore store;

    @BeforeEach
    void freshStore() {
        store = new MongoLearningAgreementStore(MONGO.freshDatabase());
    }

    private static LearningAgreement agreement(String id, AgreementStatus status, AgreementComponent... components) {
        return new LearningAgreement(id, LODZ, ANNA, ROTTERDAM, status, Optional.of(LocalDate.of(2024, 9, 1)), Optional.empty(),
                List.of(components));
    }

    private static AgreementComponent component(String partnerCode, String localCode, String ects) {
        return new AgreementComponent(partnerCode, localCode, Optional.of("Course " + localCode), EctsCredits.of(ects));
    }

    @Test
    void anAgreementIsStoredWholeAndReadBackEqual() {
        LearningAgreement agreement = agreement("ola-2024-17", AgreementStatus.APPROVED, component("FEB22012", "INF-2041", "5"),
                component("FEB13011", "ECO-1100", "7.5"));

        assertThat(store.save(agreement, Instant.parse("2024-09-10T08:00:00Z"))).isTrue();

        assertThat(store.find(LODZ, ANNA, "ola-2024-17")).contains(agreement);
        assertThat(store.of(LODZ, ANNA)).containsExactly(agreement);
    }

    @Test
    void sendingItAgainReplacesItAndAnAmendmentDropsAComponent() {
        store.save(agreement("ola-1", AgreementStatus.APPROVED, component("FEB22012", "INF-2041", "5"), component("FEB13011", "ECO-1100", "7.5")),
                Instant.parse("2024-09-10T08:00:00Z"));

        boolean created = store.save(agreement("ola-1", AgreementStatus.APPROVED, component("FEB22012", "INF-2041", "5")),
                Instant.parse("2024-10-01T08:00:00Z"));

        assertThat(created).isFalse();
        assertThat(store.of(LODZ, ANNA)).singleElement().satisfies(stored -> assertThat(stored.components()).hasSize(1));
        assertThat(store.componentFor(LODZ, ANNA, ROTTERDAM, "FEB13011", LocalDate.of(2025, 2, 1))).isEmpty();
        assertThat(store.componentFor(LODZ, ANNA, ROTTERDAM, "FEB22012", LocalDate.of(2025, 2, 1)))
                .map(agreed -> agreed.component().localCourseCode()).contains("INF-2041");
    }

    @Test
    void aCancelledAgreementIsKeptButAgreesNothing() {
        store.save(agreement("ola-1", AgreementStatus.CANCELLED, component("FEB22012", "INF-2041", "5")), Instant.parse("2024-09-10T08:00:00Z"));

        assertThat(store.of(LODZ, ANNA)).hasSize(1);
        assertThat(store.componentFor(LODZ, ANNA, ROTTERDAM, "FEB22012", LocalDate.of(2025, 2, 1))).isEmpty();
    }

    @Test
    void whenTwoApprovedAgreementsListTheCourseTheGreatestIdAnswers() {
        store.save(agreement("ola-2024-a", AgreementStatus.APPROVED, component("FEB22012", "INF-2041", "5")), Instant.parse("2024-09-10T08:00:00Z"));
        store.save(agreement("ola-2024-b", AgreementStatus.APPROVED, component("FEB22012", "INF-2042", "5")), Instant.parse("2024-10-10T08:00:00Z"));

        assertThat(store.componentFor(LODZ, ANNA, ROTTERDAM, "FEB22012", LocalDate.of(2025, 2, 1)))
                .map(agreed -> agreed.agreementId()).contains("ola-2024-b");
    }
}
