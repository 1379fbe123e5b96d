package eu.creditbridge.recognition.web;

import eu.creditbridge.recognition.domain.GradeConversion;
import eu.creditbridge.recognition.domain.LearnerRecord;
import eu.creditbridge.recognition.domain.RecognisedComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A learner's record at one institution: credit totals and every component, withdrawn ones included. */
record LearnerRecordResponse(String institution, String learnerId, Totals totals, List<Component> components) {

    record Totals(BigDecimal ects, Map<String, BigDecimal> perCategory, Map<String, BigDecimal> perLocalCourse) {
    }

    record Component(String credentialId, String title, String issuingInstitution, BigDecimal credits, String targetKind,
                     String targetCode, String targetTitle, GradeResponse originalGrade, GradeResponse convertedGrade,
                     String conversionMethod, String decisionId, String status, Instant recognisedAt, Instant withdrawnAt,
                     String withdrawalReason) {
    }

    static LearnerRecordResponse of(LearnerRecord record) {
        var totals = record.totals();
        Map<String, BigDecimal> categories = new TreeMap<>();
        totals.perCategory().forEach((category, credits) -> categories.put(category, credits.value()));
        Map<String, BigDecimal> courses = new TreeMap<>();
        totals.perLocalCourse().forEach((course, credits) -> courses.put(course, credits.value()));
        return new LearnerRecordResponse(record.institution().value(), record.learner().value(),
                new Totals(totals.total().value(), categories, courses),
                record.components().stream().map(LearnerRecordResponse::component).toList());
    }

    private static Component component(RecognisedComponent component) {
        GradeConversion grade = component.grade();
        return new Component(component.credentialId().toString(), component.title(), component.issuingInstitution().value(),
                component.credits().value(), component.target().kind().name(), component.target().code(),
                component.target().title().orElse(null), grade.original().map(GradeResponse::of).orElse(null),
                grade.converted().map(GradeResponse::of).orElse(null), grade.method().name(), component.decisionId().value(),
                component.status().name(), component.recognisedAt(), component.withdrawnAt().orElse(null),
                component.withdrawalReason().orElse(null));
    }
}
