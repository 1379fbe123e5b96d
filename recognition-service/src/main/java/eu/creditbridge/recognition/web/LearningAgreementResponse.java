package eu.creditbridge.recognition.web;

import eu.creditbridge.recognition.domain.agreement.AgreementTables;
import eu.creditbridge.recognition.domain.agreement.LearningAgreement;
import eu.creditbridge.recognition.domain.agreement.TableComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A stored learning agreement, as the API shows it. */
record LearningAgreementResponse(
        String agreementId,
        String homeInstitution,
        String learnerId,
        String partnerInstitution,
        String status,
        LocalDate mobilityFrom,
        LocalDate mobilityUntil,
        List<Component> components,
        Tables tables) {

    record Component(String partnerCourseCode, String localCourseCode, String localCourseTitle, String targetKind, BigDecimal ects) {
    }

    /** An EWP agreement's tables after the approved changes; {@code pending}: a proposal not approved, so not applied. */
    record Tables(List<Line> studied, List<Line> recognised, BigDecimal studiedEcts, BigDecimal recognisedEcts, Pending pending) {
    }

    record Line(String code, String losId, String title, BigDecimal ects) {
        static Line of(TableComponent line) {
            return new Line(line.code().orElse(null), line.losId().orElse(null), line.title(), line.credits().value());
        }
    }

    record Pending(String proposalId, List<Change> changes) {
    }

    record Change(String change, String table, Line component) {
    }

    private static Tables tables(AgreementTables tables) {
        return new Tables(tables.studied().stream().map(Line::of).toList(), tables.recognised().stream().map(Line::of).toList(),
                tables.studiedCredits().value(), tables.recognisedCredits().value(),
                tables.pending().map(pending -> new Pending(pending.proposalId(), pending.changes().stream()
                        .map(change -> new Change(change.change().name(), change.table().name(), Line.of(change.component())))
                        .toList())).orElse(null));
    }

    static LearningAgreementResponse of(LearningAgreement agreement) {
        return new LearningAgreementResponse(agreement.agreementId(), agreement.homeInstitution().value(), agreement.learner().value(),
                agreement.partnerInstitution().value(), agreement.status().name(), agreement.mobilityFrom().orElse(null),
                agreement.mobilityUntil().orElse(null),
                agreement.components().stream()
                        .map(component -> new Component(component.partnerCourseCode(), component.localCourseCode(),
                                component.localCourseTitle().orElse(null), component.targetKind().name(), component.credits().value()))
                        .toList(),
                agreement.tables().map(LearningAgreementResponse::tables).orElse(null));
    }
}
