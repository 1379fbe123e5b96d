package eu.creditbridge.recognition.messaging;

import eu.creditbridge.contract.CredentialCanonicalForm;
import eu.creditbridge.contract.CredentialIssued;
import eu.creditbridge.contract.CredentialRevoked;
import eu.creditbridge.contract.InstitutionUpdated;
import eu.creditbridge.contract.RecognitionDecided;
import eu.creditbridge.contract.RulesetPublished;
import eu.creditbridge.kernel.EctsCredits;
import eu.creditbridge.kernel.EuropeanStudentIdentifier;
import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.recognition.domain.AllianceMembership;
import eu.creditbridge.recognition.domain.CourseEquivalence;
import eu.creditbridge.recognition.domain.Credential;
import eu.creditbridge.recognition.domain.Grade;
import eu.creditbridge.recognition.domain.Institution;
import eu.creditbridge.recognition.domain.IssuerSigningKey;
import eu.creditbridge.recognition.domain.MembershipStatus;
import eu.creditbridge.recognition.domain.MicroCredentialElements;
import eu.creditbridge.recognition.domain.RecognitionDecision;
import eu.creditbridge.recognition.domain.Revocation;
import eu.creditbridge.recognition.domain.Ruleset;
import eu.creditbridge.recognition.domain.grading.GradeBand;
import eu.creditbridge.recognition.domain.grading.GradingTable;
import eu.creditbridge.recognition.domain.review.TracedSignature;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/** Avro contract ⇄ domain. The only place generated classes and domain types meet. */
final class ContractMapping {

    private ContractMapping() {
    }

    static Credential credential(CredentialIssued issued) {
        return new Credential(
                issued.getCredentialId(),
                SchacCode.lenient(issued.getIssuingInstitution()),
                EuropeanStudentIdentifier.lenient(issued.getLearner().getEuropeanStudentIdentifier()),
                SchacCode.lenient(issued.getLearner().getHomeInstitution()),
                issued.getTitle(),
                Optional.ofNullable(issued.getSourceCourseCode()),
                issued.getIssuedOn(),
                EctsCredits.rounded(issued.getEctsCredits()),
                Optional.ofNullable(issued.getEqfLevel()),
                Optional.ofNullable(issued.getGrade()).map(ContractMapping::grade),
                Optional.ofNullable(issued.getSignature()))
                // The signature covers the contract record as received; this domain record keeps only part of it.
                .withSignedContent(CredentialCanonicalForm.json(issued))
                .withElements(elements(issued));
    }

    /** The micro-credential elements rules may test (assessedWithIdentityCheck(), credential.qualityAssurance, ...). */
    static MicroCredentialElements elements(CredentialIssued issued) {
        return new MicroCredentialElements(
                Optional.ofNullable(issued.getAssessmentType()).map(Enum::name),
                Optional.ofNullable(issued.getIdentityVerification()).map(Enum::name),
                Optional.ofNullable(issued.getQualityAssurance()).map(Enum::name),
                Optional.ofNullable(issued.getParticipationForm()).map(Enum::name),
                Optional.ofNullable(issued.getIscedFieldCode()).map(Object::toString));
    }

    static Revocation revocation(CredentialRevoked revoked) {
        return new Revocation(
                revoked.getCredentialId(),
                SchacCode.lenient(revoked.getIssuingInstitution()),
                EuropeanStudentIdentifier.lenient(revoked.getLearnerId()),
                SchacCode.lenient(revoked.getHomeInstitution()),
                revoked.getRevokedAt(),
                revoked.getReason());
    }

    static Institution institution(InstitutionUpdated updated) {
        return new Institution(
                SchacCode.lenient(updated.getSchacCode()),
                Optional.ofNullable(updated.getErasmusCode()),
                updated.getName(),
                updated.getCountry(),
                updated.getGradingScheme(),
                updated.getMemberships().stream()
                        .map(membership -> new AllianceMembership(
                                membership.getAllianceId(),
                                membership.getAllianceName(),
                                MembershipStatus.valueOf(membership.getStatus().name()),
                                membership.getMemberSince(),
                                Optional.ofNullable(membership.getSuspendedFrom())))
                        .toList(),
                Optional.ofNullable(updated.getGradingTable()).flatMap(ContractMapping::gradingTable),
                updated.getSigningKeys().stream()
                        .map(key -> new IssuerSigningKey(key.getKeyId(), key.getAlgorithm(), key.getPublicKey(), key.getValidFrom(),
                                Optional.ofNullable(key.getValidUntil()), Optional.ofNullable(key.getCompromisedFrom())))
                        .toList());
    }

    /**
     * A table the domain refuses (percentages far from 100, a grade twice) is left out rather than failing the
     * whole institution: without it grades are simply not converted by table, while its memberships still count.
     */
    static Optional<GradingTable> gradingTable(eu.creditbridge.contract.GradingTable table) {
        try {
            return Optional.of(new GradingTable(Optional.ofNullable(table.getReferencePeriod()),
                    table.getBands().stream().map(band -> new GradeBand(band.getGrade(), band.getPercentage())).toList()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static Ruleset ruleset(RulesetPublished published) {
        return new Ruleset(
                SchacCode.lenient(published.getInstitution()),
                published.getVersion(),
                published.getCourseEquivalences().stream()
                        .map(equivalence -> new CourseEquivalence(
                                SchacCode.lenient(equivalence.getPartnerInstitution()),
                                equivalence.getPartnerCourseCode(),
                                equivalence.getLocalCourseCode(),
                                Optional.ofNullable(equivalence.getLocalCourseTitle()),
                                Optional.ofNullable(equivalence.getValidFrom()),
                                Optional.ofNullable(equivalence.getValidUntil())))
                        .toList(),
                Optional.ofNullable(published.getElectiveCategory()),
                RulesetMapping.rules(published),
                RulesetMapping.gradeConversions(published));
    }

    static RecognitionDecided recognitionDecided(RecognitionDecision decision) {
        var concluded = decision.decision();
        return RecognitionDecided.newBuilder()
                .setDecisionId(decision.id().value())
                .setRevision(decision.revision())
                .setCredentialId(decision.id().credentialId())
                .setLearnerId(decision.learner().value())
                .setIssuingInstitution(decision.issuingInstitution().value())
                .setReceivingInstitution(decision.id().receivingInstitution().value())
                .setOutcome(eu.creditbridge.contract.RecognitionOutcome.valueOf(concluded.outcome().name()))
                .setOriginalCredits(decimal(decision.originalCredits()))
                .setRecognisedCredits(decimal(concluded.recognisedCredits()))
                .setTarget(concluded.target()
                        .map(target -> eu.creditbridge.contract.RecognitionTarget.newBuilder()
                                .setKind(eu.creditbridge.contract.TargetKind.valueOf(target.kind().name()))
                                .setCode(target.code())
                                .setTitle(target.title().orElse(null))
                                .build())
                        .orElse(null))
                .setOriginalGrade(concluded.grade().original().map(ContractMapping::grade).orElse(null))
                .setConvertedGrade(concluded.grade().converted().map(ContractMapping::grade).orElse(null))
                .setConversionMethod(eu.creditbridge.contract.GradeConversionMethod.valueOf(concluded.grade().method().name()))
                .setReasons(concluded.reasons().stream()
                        .map(reason -> eu.creditbridge.contract.DecisionReason.newBuilder()
                                .setStep(reason.step())
                                .setDecisive(reason.decisive())
                                .setExplanation(reason.explanation())
                                .build())
                        .toList())
                // The same verdict the reasons give in words, as a value: read back from the trace, so a revision
                // (a registrar's, a revocation's, a compromised key's) publishes the verdict its own trace holds.
                .setSignatureVerdict(eu.creditbridge.contract.SignatureVerdict.valueOf(
                        TracedSignature.of(concluded.reasons()).status().name()))
                .setRulesetVersion(concluded.rulesetVersion().orElse(null))
                .setDecidedBy(eu.creditbridge.contract.DecidedBy.valueOf(decision.decidedBy().name()))
                .setRegistrar(decision.registrar().orElse(null))
                .setDecidedAt(decision.decidedAt())
                .build();
    }

    private static Grade grade(eu.creditbridge.contract.Grade grade) {
        return new Grade(grade.getValue(), grade.getScheme(), grade.getPassed());
    }

    private static eu.creditbridge.contract.Grade grade(Grade grade) {
        return eu.creditbridge.contract.Grade.newBuilder().setValue(grade.value()).setScheme(grade.scheme()).setPassed(grade.passed()).build();
    }

    /** The contract's decimals are (5,2): the scale must match the schema's exactly or Avro refuses to write. */
    private static BigDecimal decimal(EctsCredits credits) {
        return credits.value().setScale(2, RoundingMode.UNNECESSARY);
    }
}
