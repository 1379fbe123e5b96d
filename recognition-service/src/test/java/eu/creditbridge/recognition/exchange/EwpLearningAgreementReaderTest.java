package eu.creditbridge.recognition.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.creditbridge.kernel.EctsCredits;
import eu.creditbridge.kernel.EuropeanStudentIdentifier;
import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.recognition.domain.TargetKind;
import eu.creditbridge.recognition.domain.agreement.AgreedComponent;
import eu.creditbridge.recognition.domain.agreement.AgreementTables;
import eu.creditbridge.recognition.domain.agreement.AgreementTables.Change;
import eu.creditbridge.recognition.domain.agreement.LearningAgreement;
import eu.creditbridge.recognition.domain.agreement.TableComponent;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The public EWP omobility-las example and awkward agreements of our own, read without Spring. */
class EwpLearningAgreementReaderTest {

    static final SchacCode OSLO = SchacCode.of("uio.no");
    static final SchacCode WARSAW = SchacCode.of("uw.edu.pl");
    static final EuropeanStudentIdentifier IVAN = EuropeanStudentIdentifier.of("urn:schac:personalUniqueCode:int:esi:uio.no:1234567890");
    static final String MOBILITY = "c442c289-5541-4cae-9edb-8ad83e133613";
    static final LocalDate DURING = LocalDate.of(2019, 7, 1);

    static LearningAgreement sample() {
        return EwpLearningAgreementReader.read(PublicSamples.bytes("ewp/omobility-las-get-response-example.xml"), OSLO, IVAN, MOBILITY);
    }

    @Test
    void thePublicExampleBecomesTheAgreementWithItsApprovedChangeAndItsProposalPending() {
        LearningAgreement agreement = sample();

        assertThat(agreement.partnerInstitution()).isEqualTo(WARSAW);
        assertThat(agreement.mobilityFrom()).contains(LocalDate.of(2019, 2, 1));
        AgreementTables tables = agreement.tables().orElseThrow();
        assertThat(tables.studied()).extracting(TableComponent::title).containsExactly("Introductory calculus", "Algebra");
        assertThat(tables.studiedCredits()).isEqualTo(EctsCredits.of("15"));
        assertThat(tables.recognised()).extracting(TableComponent::title).containsExactly("Calculus", "Algebra with Geometry");
        assertThat(tables.recognisedCredits()).isEqualTo(EctsCredits.of("9"));
        assertThat(tables.pending()).get().satisfies(pending -> {
            assertThat(pending.proposalId()).isEqualTo("59B15BAF222F868493C167125FA32452E946");
            assertThat(pending.changes()).extracting(change -> change.change() + " " + change.component().title())
                    .containsExactly("INSERTED Elementary Set Theory", "DELETED Introductory calculus");
        });
    }

    @Test
    void tableAOfTheExampleCountsTowardsTableBAsAWholeMatchedByCodeOrByTitle() {
        LearningAgreement agreement = sample();

        Optional<AgreedComponent> algebra = agreement.componentFor(WARSAW, Optional.of("kr502b"), "Algebra I", DURING);
        assertThat(algebra).get().satisfies(agreed -> {
            assertThat(agreed.target().kind()).isEqualTo(TargetKind.CREDIT_CATEGORY);
            assertThat(agreed.target().code()).isEqualTo("learning-agreement-" + MOBILITY);
            assertThat(agreed.target().title()).get().asString().contains("Calculus (5 ECTS)", "Algebra with Geometry (4 ECTS)");
            assertThat(agreed.agreedCredits()).isEqualTo(EctsCredits.of("6"));
        });
        // The example's first component has no course code: its title is what a credential is matched on.
        assertThat(agreement.componentFor(WARSAW, Optional.empty(), "Introductory Calculus", DURING)).isPresent();
    }

    @Test
    void aProposedButUnapprovedComponentIsNotAgreed() {
        assertThat(sample().componentFor(WARSAW, Optional.of("KR630"), "Elementary Set Theory", DURING)).isEmpty();
    }

    @Test
    void oneHomeCourseInTableBIsRecognisedAsThatCourse() {
        String one = new String(PublicSamples.bytes("ewp/omobility-las-get-response-example.xml"), StandardCharsets.UTF_8)
                .replaceFirst("(?s)<component>\\s*<los-id>CR/7fdg.*?</component>", "");
        LearningAgreement agreement = EwpLearningAgreementReader.read(one.getBytes(StandardCharsets.UTF_8), OSLO, IVAN, MOBILITY);

        AgreedComponent agreed = agreement.componentFor(WARSAW, Optional.of("KR502B"), "Algebra", DURING).orElseThrow();
        assertThat(agreed.target().kind()).isEqualTo(TargetKind.LOCAL_COURSE);
        assertThat(agreed.target().code()).isEqualTo("CR/8f0d7dad-2bb6-d401-48c3-c7e0baf03efb");
        assertThat(agreed.target().title()).contains("Calculus");
    }

    @Test
    void anApprovedDeletionTakesTheComponentOut() {
        LearningAgreement agreement = EwpLearningAgreementReader.read(PublicSamples.own("ola-approved-deletion.xml"), OSLO, IVAN, "ola-7");

        assertThat(agreement.tables().orElseThrow().studied()).extracting(TableComponent::title).containsExactly("Numerical methods");
        assertThat(agreement.componentFor(WARSAW, Optional.empty(), "Introductory calculus", DURING)).isEmpty();
        assertThat(agreement.componentFor(WARSAW, Optional.of("NM-7.5"), "x", DURING)).get()
                .extracting(AgreedComponent::agreedCredits).isEqualTo(EctsCredits.of("7.5"));
        assertThat(agreement.tables().orElseThrow().pending()).isEmpty();
    }

    @Test
    void anotherHomeInstitutionsAgreementIsRefusedNamingTheSendingInstitution() {
        assertThatThrownBy(() -> EwpLearningAgreementReader.read(PublicSamples.bytes("ewp/omobility-las-get-response-example.xml"),
                SchacCode.of("eur.nl"), IVAN, MOBILITY))
                .isInstanceOf(UnreadableDocument.class).hasMessageContaining("sending (home) institution is uio.no");
    }

    @Test
    void anotherLearnersAgreementIsRefused() {
        assertThatThrownBy(() -> EwpLearningAgreementReader.read(PublicSamples.bytes("ewp/omobility-las-get-response-example.xml"), OSLO,
                EuropeanStudentIdentifier.of("urn:schac:personalUniqueCode:int:esi:uio.no:42"), MOBILITY))
                .isInstanceOf(UnreadableDocument.class).hasMessageContaining("student is urn:schac:personalUniqueCode:int:esi:uio.no:1234567890");
    }

    @Test
    void anAgreementWithOnlyAProposalIsRefusedBecauseNothingIsApproved() {
        assertThatThrownBy(() -> EwpLearningAgreementReader.read(PublicSamples.own("ola-proposal-only.xml"), OSLO, IVAN, "ola-8"))
                .isInstanceOf(UnreadableDocument.class).hasMessageContaining("no first-version");
    }

    @Test
    void aComponentWithoutEctsIsRefusedByName() {
        assertThatThrownBy(() -> EwpLearningAgreementReader.read(PublicSamples.own("ola-no-credits.xml"), OSLO, IVAN, "ola-9"))
                .isInstanceOf(UnreadableDocument.class).hasMessageContaining("'Topology' carries no ECTS credits");
    }

    @Test
    void aDoctypeIsRefusedBeforeAnyEntityIsExpanded() {
        assertThatThrownBy(() -> EwpLearningAgreementReader.read(PublicSamples.own("ola-external-entity.xml"), OSLO, IVAN, "ola-10"))
                .isInstanceOf(UnreadableDocument.class).hasMessageContaining("DOCTYPE");
        assertThatThrownBy(() -> EwpLearningAgreementReader.read(PublicSamples.own("billion-laughs.xml"), OSLO, IVAN, "ola-10"))
                .isInstanceOf(UnreadableDocument.class).hasMessageContaining("DOCTYPE");
    }

    @Test
    void aBodyOverTheLimitIsRefusedWhetherOrNotItsLengthWasDeclared() {
        byte[] big = new byte[2048];
        assertThatThrownBy(() -> UntrustedXml.readBounded(new ByteArrayInputStream(big), 2048, 1024))
                .isInstanceOf(UnreadableDocument.class).matches(e -> ((UnreadableDocument) e).tooLarge());
        assertThatThrownBy(() -> UntrustedXml.readBounded(new ByteArrayInputStream(big), -1, 1024))
                .isInstanceOf(UnreadableDocument.class).matches(e -> ((UnreadableDocument) e).tooLarge());
        assertThat(UntrustedXml.readBounded(new ByteArrayInputStream(big), -1, 4096)).hasSize(2048);
    }

    @Test
    void somethingElseThanAnAgreementIsRefusedNamingWhatItIs() {
        assertThatThrownBy(() -> EwpLearningAgreementReader.read(PublicSamples.bytes("elmo-v2.0.0/example.xml"), OSLO, IVAN, "ola-11"))
                .isInstanceOf(UnreadableDocument.class).hasMessageContaining("found <elmo>");
        assertThatThrownBy(() -> EwpLearningAgreementReader.read("<la>".getBytes(StandardCharsets.UTF_8), OSLO, IVAN, "ola-11"))
                .isInstanceOf(UnreadableDocument.class).hasMessageContaining("not well-formed");
    }

    @Test
    void anUnapprovedProposalNeverChangesTheTables() {
        AgreementTables tables = sample().tables().orElseThrow();
        assertThat(tables.pending().orElseThrow().changes()).anyMatch(change -> change.change() == Change.DELETED);
        assertThat(tables.studied()).extracting(TableComponent::title).contains("Introductory calculus");
    }
}
