package eu.creditbridge.issuer.store;

import eu.creditbridge.issuer.domain.AssessmentType;
import eu.creditbridge.issuer.domain.AwardingBody;
import eu.creditbridge.issuer.domain.Credential;
import eu.creditbridge.issuer.domain.CredentialId;
import eu.creditbridge.issuer.domain.CredentialSignature;
import eu.creditbridge.issuer.domain.CredentialStatus;
import eu.creditbridge.issuer.domain.EventKind;
import eu.creditbridge.issuer.domain.Grade;
import eu.creditbridge.issuer.domain.IdentityVerification;
import eu.creditbridge.issuer.domain.IscedFieldCode;
import eu.creditbridge.issuer.domain.IssuedCredential;
import eu.creditbridge.issuer.domain.LearnerIdentification;
import eu.creditbridge.issuer.domain.LearningOutcome;
import eu.creditbridge.issuer.domain.OutboxEntry;
import eu.creditbridge.issuer.domain.ParticipationForm;
import eu.creditbridge.issuer.domain.QfEheaCycle;
import eu.creditbridge.issuer.domain.QualityAssuranceType;
import eu.creditbridge.issuer.domain.Revocation;
import eu.creditbridge.issuer.domain.Stackability;
import eu.creditbridge.kernel.CountryCode;
import eu.creditbridge.kernel.EctsCredits;
import eu.creditbridge.kernel.EqfLevel;
import eu.creditbridge.kernel.EuropeanStudentIdentifier;
import eu.creditbridge.kernel.SchacCode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.bson.Document;
import org.bson.types.Decimal128;

/**
 * Credential documents in the {@code credentials} collection. SCHAC codes and ESIs are always values,
 * never field names: they contain dots, which MongoDB reads as paths.
 */
final class CredentialDocuments {

    static final String ID = "_id";
    static final String LEARNER_ID = "learnerId";
    static final String ISSUING_INSTITUTION = "issuingInstitution";
    static final String STATUS = "status";
    static final String REVOCATION = "revocation";
    static final String EVENTS = "events";
    static final String UNPUBLISHED = "unpublishedEvents";
    static final String LEASE = "publishingLease";
    static final String RECORDED_AT = "recordedAt";
    static final String SIGNATURE = "signature";
    /** Per event: the W3C traceparent of the request that recorded it (see OutboxEntry). */
    static final String TRACE_PARENT = "traceParent";

    private CredentialDocuments() {
    }

    static Document toDocument(IssuedCredential issued) {
        var c = issued.credential();
        return new Document(ID, c.id().toString())
                .append(LEARNER_ID, c.learnerId().value())
                .append(ISSUING_INSTITUTION, c.issuingInstitution().value())
                .append("homeInstitution", c.learner().homeInstitution().value())
                .append(RECORDED_AT, Date.from(issued.recordedAt()))
                .append(STATUS, issued.status().name())
                .append(REVOCATION, issued.revocation() == null ? null : revocation(issued.revocation()))
                .append("credential", credential(c))
                .append(EVENTS, issued.events().stream().map(CredentialDocuments::event).toList())
                .append(UNPUBLISHED, (int) issued.events().stream().filter(e -> !e.published()).count())
                .append(SIGNATURE, issued.signature() == null ? null
                        : new Document("keyId", issued.signature().keyId()).append("jws", issued.signature().jws()));
    }

    static Document revocation(Revocation revocation) {
        return new Document("reason", revocation.reason()).append("revokedAt", Date.from(revocation.revokedAt()));
    }

    static Document event(OutboxEntry entry) {
        return new Document("eventId", entry.eventId().toString())
                .append("kind", entry.kind().name())
                .append("occurredAt", Date.from(entry.occurredAt()))
                .append("publishedAt", entry.publishedAt() == null ? null : Date.from(entry.publishedAt()))
                .append(TRACE_PARENT, entry.traceParent());
    }

    private static Document credential(Credential c) {
        var learner = c.learner();
        return new Document("learner", new Document("europeanStudentIdentifier", learner.europeanStudentIdentifier().value())
                        .append("homeInstitution", learner.homeInstitution().value())
                        .append("fullName", learner.fullName()))
                .append("title", c.title())
                .append("sourceCourseCode", c.sourceCourseCode())
                .append("issuerCountries", c.issuerCountries().stream().map(CountryCode::value).toList())
                .append("awardingBodies", c.awardingBodies().stream()
                        .map(b -> new Document("schacCode", b.schacCode().value()).append("name", b.name())).toList())
                .append("issuedOn", c.issuedOn().toString())
                .append("learningOutcomes", c.learningOutcomes().stream()
                        .map(o -> new Document("description", o.description()).append("escoSkill", o.escoSkill())).toList())
                .append("ectsCredits", new Decimal128(c.ectsCredits().value()))
                .append("notionalHours", c.notionalHours())
                .append("eqfLevel", c.eqfLevel() == null ? null : c.eqfLevel().value())
                .append("qfEheaCycle", name(c.qfEheaCycle()))
                .append("iscedFieldCode", c.iscedFieldCode() == null ? null : c.iscedFieldCode().value())
                .append("assessmentType", c.assessmentType().name())
                .append("participationForm", c.participationForm().name())
                .append("qualityAssurance", c.qualityAssurance().name())
                .append("prerequisites", c.prerequisites())
                .append("identityVerification", name(c.identityVerification()))
                .append("grade", c.grade() == null ? null : grade(c.grade()))
                .append("stackability", c.stackability() == null ? null
                        : new Document("standAlone", c.stackability().standAlone())
                                .append("stackableTowards", c.stackability().stackableTowards()))
                .append("furtherInformation", c.furtherInformation());
    }

    static Document grade(Grade grade) {
        return new Document("value", grade.value()).append("scheme", grade.scheme()).append("passed", grade.passed());
    }

    static IssuedCredential fromDocument(Document doc) {
        var revocation = doc.get(REVOCATION, Document.class);
        var signature = doc.get(SIGNATURE, Document.class);
        return new IssuedCredential(
                credential(doc.getString(ID), doc.getString(ISSUING_INSTITUTION), doc.get("credential", Document.class)),
                doc.getDate(RECORDED_AT).toInstant(),
                CredentialStatus.valueOf(doc.getString(STATUS)),
                revocation == null ? null
                        : new Revocation(revocation.getString("reason"), revocation.getDate("revokedAt").toInstant()),
                doc.getList(EVENTS, Document.class).stream().map(CredentialDocuments::event).toList(),
                signature == null ? null : new CredentialSignature(signature.getString("keyId"), signature.getString("jws")));
    }

    private static OutboxEntry event(Document e) {
        Date publishedAt = e.getDate("publishedAt");
        return new OutboxEntry(UUID.fromString(e.getString("eventId")), EventKind.valueOf(e.getString("kind")),
                e.getDate("occurredAt").toInstant(), publishedAt == null ? null : publishedAt.toInstant(),
                e.getString(TRACE_PARENT));
    }

    private static Credential credential(String id, String issuingInstitution, Document c) {
        var learner = c.get("learner", Document.class);
        var stackability = c.get("stackability", Document.class);
        var grade = c.get("grade", Document.class);
        Integer eqf = c.getInteger("eqfLevel");
        String isced = c.getString("iscedFieldCode");
        return new Credential(
                CredentialId.of(id),
                new SchacCode(issuingInstitution),
                new LearnerIdentification(new EuropeanStudentIdentifier(learner.getString("europeanStudentIdentifier")),
                        new SchacCode(learner.getString("homeInstitution")), learner.getString("fullName")),
                c.getString("title"),
                c.getString("sourceCourseCode"),
                c.getList("issuerCountries", String.class).stream().map(CountryCode::new).toList(),
                c.getList("awardingBodies", Document.class).stream()
                        .map(b -> new AwardingBody(new SchacCode(b.getString("schacCode")), b.getString("name"))).toList(),
                LocalDate.parse(c.getString("issuedOn")),
                c.getList("learningOutcomes", Document.class).stream()
                        .map(o -> new LearningOutcome(o.getString("description"), o.getString("escoSkill"))).toList(),
                new EctsCredits(decimal(c.get("ectsCredits"))),
                c.getInteger("notionalHours"),
                eqf == null ? null : new EqfLevel(eqf),
                enumOf(QfEheaCycle::valueOf, c.getString("qfEheaCycle")),
                isced == null ? null : new IscedFieldCode(isced),
                AssessmentType.valueOf(c.getString("assessmentType")),
                ParticipationForm.valueOf(c.getString("participationForm")),
                QualityAssuranceType.valueOf(c.getString("qualityAssurance")),
                c.getString("prerequisites"),
                enumOf(IdentityVerification::valueOf, c.getString("identityVerification")),
                grade == null ? null : grade(grade),
                stackability == null ? null
                        : new Stackability(stackability.getBoolean("standAlone"), stackability.getString("stackableTowards")),
                c.getString("furtherInformation"));
    }

    static Grade grade(Document grade) {
        return new Grade(grade.getString("value"), grade.getString("scheme"), grade.getBoolean("passed"));
    }

    static BigDecimal decimal(Object stored) {
        if (stored instanceof Decimal128 d) {
            return d.bigDecimalValue();
        }
        return new BigDecimal(stored.toString());
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static <E> E enumOf(Function<String, E> valueOf, String name) {
        return name == null ? null : valueOf.apply(name);
    }

    static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
