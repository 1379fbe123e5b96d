package eu.creditbridge.registry.messaging;

import eu.creditbridge.contract.AllianceMembership;
import eu.creditbridge.contract.CourseEquivalence;
import eu.creditbridge.contract.GradeBand;
import eu.creditbridge.contract.GradingTable;
import eu.creditbridge.contract.InstitutionUpdated;
import eu.creditbridge.contract.MembershipStatus;
import eu.creditbridge.contract.RulesetPublished;
import eu.creditbridge.contract.SigningKey;
import eu.creditbridge.registry.domain.Institution;
import eu.creditbridge.registry.domain.Membership;
import eu.creditbridge.registry.domain.Ruleset;
import java.time.Instant;

/** Domain -> contract records of the two registry topics. */
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
                .build();
    }
}
