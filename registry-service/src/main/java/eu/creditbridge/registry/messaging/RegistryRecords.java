package eu.creditbridge.registry.messaging;

import eu.creditbridge.contract.AllianceMembership;
import eu.creditbridge.contract.CourseEquivalence;
import eu.creditbridge.contract.GradeBand;
import eu.creditbridge.contract.GradingTable;
import eu.creditbridge.contract.InstitutionUpdated;
import eu.creditbridge.contract.MembershipStatus;
import eu.creditbridge.contract.ElectiveCredits;
import eu.creditbridge.contract.GradeConversionChoice;
import eu.creditbridge.contract.GradeConversionSetting;
import eu.creditbridge.contract.RecogniseAsCourse;
import eu.creditbridge.contract.RecognitionRule;
import eu.creditbridge.contract.RejectCredential;
import eu.creditbridge.contract.RouteToRegistrar;
import eu.creditbridge.contract.RulesetPublished;
import eu.creditbridge.contract.SigningKey;
import eu.creditbridge.registry.domain.Institution;
import eu.creditbridge.registry.domain.Membership;
import eu.creditbridge.registry.domain.Ruleset;
import eu.creditbridge.rules.Rule;
import eu.creditbridge.rules.RuleAction;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * Domain -> contract records of the two registry topics. An institution's issuer principals and its compromise trail
 * stay in the registry: recognition needs each key's {@code compromisedFrom}, not who registered or reported it.
 */
final class RegistryRecords {

    private RegistryRecords() {
    }

    static InstitutionUpdated institutionUpdated(Institution institution, Instant updatedAt) {
        return InstitutionUpdated.newBuilder()
                .setSchacCode(institution.schacCode().value())
                .setErasmusCode(institution.erasmusCode() == null ? null : institution.erasmusCode().value())
                .setName(institution.name())
                .setCountry(institution.country().value())
                .setGradingScheme(institution.gradingScheme())
                .setGradingTable(institution.gradingTable() == null ? null : GradingTable.newBuilder()
                        .setReferencePeriod(institution.gradingTable().referencePeriod())
                        .setBands(institution.gradingTable().bands().stream()
                                .map(b -> GradeBand.newBuilder().setGrade(b.grade()).setPercentage(b.percentage()).build())
                                .toList())
                        .build())
                .setMemberships(institution.memberships().stream().map(RegistryRecords::membership).toList())
                .setSigningKeys(institution.signingKeys().stream().map(k -> SigningKey.newBuilder()
                        .setKeyId(k.keyId())
                        .setAlgorithm(k.algorithm())
                        .setPublicKey(k.publicKey())
                        .setValidFrom(k.validFrom())
                        .setValidUntil(k.validUntil())
                        .setCompromisedFrom(k.compromisedFrom())
                        .build()).toList())
                .setUpdatedAt(updatedAt)
                .build();
    }

    private static AllianceMembership membership(Membership m) {
        return AllianceMembership.newBuilder()
                .setAllianceId(m.allianceId().value())
                .setAllianceName(m.allianceName())
                .setStatus(MembershipStatus.valueOf(m.status().name()))
                .setMemberSince(m.memberSince())
                .setSuspendedFrom(m.suspension() == null ? null : m.suspension().suspendedFrom())
                .build();
    }

    static RulesetPublished rulesetPublished(Ruleset ruleset) {
        return RulesetPublished.newBuilder()
                .setInstitution(ruleset.institution().value())
                .setVersion(ruleset.version().value())
                .setPublishedAt(ruleset.publishedAt())
                .setCourseEquivalences(ruleset.courseEquivalences().stream().map(e -> CourseEquivalence.newBuilder()
                        .setPartnerInstitution(e.partnerInstitution().value())
                        .setPartnerCourseCode(e.partnerCourseCode())
                        .setLocalCourseCode(e.localCourseCode())
                        .setLocalCourseTitle(e.localCourseTitle())
                        .setValidFrom(e.validFrom())
                        .setValidUntil(e.validUntil())
                        .build()).toList())
                .setElectiveCategory(ruleset.electiveCategory())
                .setRules(ruleset.rules().stream().map(RegistryRecords::rule).toList())
                .setGradeConversions(ruleset.gradeConversions().stream().map(RegistryRecords::conversion).toList())
                .build();
    }

    private static RecognitionRule rule(Rule rule) {
        return RecognitionRule.newBuilder()
                .setId(rule.id())
                .setDescription(rule.description().orElse(null))
                .setPriority(rule.priority())
                .setCondition(rule.condition())
                .setAction(action(rule.action()))
                .setEffectiveFrom(rule.effectiveFrom().orElse(null))
                .setEffectiveUntil(rule.effectiveUntil().orElse(null))
                .build();
    }

    private static Object action(RuleAction action) {
        if (action instanceof RuleAction.RecogniseAsCourse course) {
            return RecogniseAsCourse.newBuilder().setLocalCourseCode(course.localCourseCode())
                    .setLocalCourseTitle(course.localCourseTitle().orElse(null))
                    .setRequiredPartnerCourses(course.requiredPartnerCourses()).build();
        }
        if (action instanceof RuleAction.ElectiveCredits elective) {
            return ElectiveCredits.newBuilder().setCategory(elective.category())
                    .setCapEcts(elective.capEcts().map(cap -> cap.setScale(2, RoundingMode.HALF_UP)).orElse(null)).build();
        }
        if (action instanceof RuleAction.RouteToRegistrar registrar) {
            return RouteToRegistrar.newBuilder().setReason(registrar.reason()).build();
        }
        return RejectCredential.newBuilder().setReason(((RuleAction.Reject) action).reason()).build();
    }

    private static GradeConversionSetting conversion(eu.creditbridge.rules.GradeConversionSetting setting) {
        var linear = setting.linear();
        return GradeConversionSetting.newBuilder()
                .setPartnerInstitution(setting.partnerInstitution().orElse(null))
                .setMethod(GradeConversionChoice.valueOf(setting.method().name()))
                .setNMin(linear.map(l -> l.nMin()).orElse(null))
                .setNMax(linear.map(l -> l.nMax()).orElse(null))
                .setScaleBest(linear.map(l -> l.best()).orElse(null))
                .setScaleWorst(linear.map(l -> l.worst()).orElse(null))
                .build();
    }
}
