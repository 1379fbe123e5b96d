package eu.creditbridge.registry.web;

import eu.creditbridge.registry.domain.Alliance;
import eu.creditbridge.registry.domain.CourseEquivalence;
import eu.creditbridge.registry.domain.GradingTable;
import eu.creditbridge.registry.domain.Institution;
import eu.creditbridge.registry.domain.KeyCompromise;
import eu.creditbridge.registry.domain.Membership;
import eu.creditbridge.registry.domain.MembershipStatus;
import eu.creditbridge.registry.domain.Ruleset;
import eu.creditbridge.registry.domain.SigningKey;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** JSON shapes the registry answers with. */
final class Views {

    private Views() {
    }

    /**
     * @param issuerPrincipals machine accounts that may register the institution's keys besides its admin
     * @param keyCompromises   the audit trail of compromised-key reports, oldest first
     */
    record InstitutionView(String schacCode, String erasmusCode, String name, String country, String gradingScheme,
            GradingTableView gradingTable, List<SigningKeyView> signingKeys, List<MembershipView> memberships,
            List<String> issuerPrincipals, List<KeyCompromiseView> keyCompromises) {

        static InstitutionView of(Institution i) {
            return new InstitutionView(i.schacCode().value(), i.erasmusCode() == null ? null : i.erasmusCode().value(),
                    i.name(), i.country().value(), i.gradingScheme(),
                    i.gradingTable() == null ? null : GradingTableView.of(i.gradingTable()),
                    i.signingKeys().stream().map(SigningKeyView::of).toList(),
                    i.memberships().stream().map(MembershipView::of).toList(),
                    i.issuerPrincipals(),
                    i.keyCompromises().stream().map(KeyCompromiseView::of).toList());
        }
    }

    record KeyCompromiseView(String keyId, LocalDate compromisedFrom, LocalDate previouslyFrom, String reason,
            String reportedBy, Instant reportedAt) {

        static KeyCompromiseView of(KeyCompromise c) {
            return new KeyCompromiseView(c.keyId(), c.compromisedFrom(), c.previouslyFrom(), c.reason(), c.reportedBy(),
                    c.reportedAt());
        }
    }

    record IssuerPrincipalsView(String schacCode, List<String> principals) {
    }

    record GradingTableView(String referencePeriod, List<GradeBandView> bands) {

        static GradingTableView of(GradingTable t) {
            return new GradingTableView(t.referencePeriod(),
                    t.bands().stream().map(b -> new GradeBandView(b.grade(), b.percentage())).toList());
        }
    }

    record GradeBandView(String grade, BigDecimal percentage) {
    }

    record SigningKeyView(String keyId, String algorithm, String publicKey, LocalDate validFrom, LocalDate validUntil,
            LocalDate compromisedFrom) {

        static SigningKeyView of(SigningKey k) {
            return new SigningKeyView(k.keyId(), k.algorithm(), k.publicKey(), k.validFrom(), k.validUntil(),
                    k.compromisedFrom());
        }
    }

    record MembershipView(String allianceId, String allianceName, MembershipStatus status, LocalDate memberSince,
            LocalDate suspendedFrom, String suspensionReason) {

        static MembershipView of(Membership m) {
            return new MembershipView(m.allianceId().value(), m.allianceName(), m.status(), m.memberSince(),
                    m.suspension() == null ? null : m.suspension().suspendedFrom(),
                    m.suspension() == null ? null : m.suspension().reason());
        }
    }

    record AllianceSummary(String allianceId, String name, String description) {

        static AllianceSummary of(Alliance a) {
            return new AllianceSummary(a.id().value(), a.name(), a.description());
        }
    }

    record AllianceView(String allianceId, String name, String description, List<MemberView> members) {

        static AllianceView of(Alliance a, List<Institution> members) {
            return new AllianceView(a.id().value(), a.name(), a.description(), members.stream()
                    .map(i -> MemberView.of(i, i.membershipOf(a.id()).orElseThrow())).toList());
        }
    }

    record MemberView(String schacCode, String name, String country, MembershipStatus status, LocalDate memberSince,
            LocalDate suspendedFrom, String suspensionReason) {

        static MemberView of(Institution i, Membership m) {
            return new MemberView(i.schacCode().value(), i.name(), i.country().value(), m.status(), m.memberSince(),
                    m.suspension() == null ? null : m.suspension().suspendedFrom(),
                    m.suspension() == null ? null : m.suspension().reason());
        }
    }

    record RulesetView(String institution, int version, Instant publishedAt, List<CourseEquivalenceView> courseEquivalences,
            String electiveCategory, List<RuleView> rules, List<GradeConversionView> gradeConversions) {

        static RulesetView of(Ruleset r) {
            return new RulesetView(r.institution().value(), r.version().value(), r.publishedAt(),
                    r.courseEquivalences().stream().map(CourseEquivalenceView::of).toList(), r.electiveCategory(),
                    r.rules().stream().map(RuleView::of).toList(), r.gradeConversions().stream().map(GradeConversionView::of).toList());
        }
    }

    /** A rule as a registrar reads it; the action has the same shape as in the request body. */
    record RuleView(String id, String description, int priority, String condition, ActionView action, LocalDate effectiveFrom,
            LocalDate effectiveUntil) {

        static RuleView of(eu.creditbridge.rules.Rule rule) {
            return new RuleView(rule.id(), rule.description().orElse(null), rule.priority(), rule.condition(), ActionView.of(rule.action()),
                    rule.effectiveFrom().orElse(null), rule.effectiveUntil().orElse(null));
        }
    }

    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record ActionView(String type, String localCourseCode, String localCourseTitle, List<String> requiredPartnerCourses, String category,
            java.math.BigDecimal capEcts, String reason) {

        static ActionView of(eu.creditbridge.rules.RuleAction action) {
            if (action instanceof eu.creditbridge.rules.RuleAction.RecogniseAsCourse c) {
                return new ActionView("RECOGNISE_AS_COURSE", c.localCourseCode(), c.localCourseTitle().orElse(null),
                        c.requiredPartnerCourses().isEmpty() ? null : c.requiredPartnerCourses(), null, null, null);
            }
            if (action instanceof eu.creditbridge.rules.RuleAction.ElectiveCredits e) {
                return new ActionView("ELECTIVE_CREDITS", null, null, null, e.category(), e.capEcts().orElse(null), null);
            }
            if (action instanceof eu.creditbridge.rules.RuleAction.RouteToRegistrar r) {
                return new ActionView("ROUTE_TO_REGISTRAR", null, null, null, null, null, r.reason());
            }
            return new ActionView("REJECT", null, null, null, null, null, ((eu.creditbridge.rules.RuleAction.Reject) action).reason());
        }
    }

    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record GradeConversionView(String partnerInstitution, String method, Double nMin, Double nMax, Double scaleBest, Double scaleWorst) {

        static GradeConversionView of(eu.creditbridge.rules.GradeConversionSetting g) {
            var linear = g.linear();
            return new GradeConversionView(g.partnerInstitution().orElse(null), g.method().name(),
                    linear.map(l -> l.nMin()).orElse(null), linear.map(l -> l.nMax()).orElse(null),
                    linear.map(l -> l.best()).orElse(null), linear.map(l -> l.worst()).orElse(null));
        }
    }

    record CourseEquivalenceView(String partnerInstitution, String partnerCourseCode, String localCourseCode,
            String localCourseTitle, LocalDate validFrom, LocalDate validUntil) {

        static CourseEquivalenceView of(CourseEquivalence e) {
            return new CourseEquivalenceView(e.partnerInstitution().value(), e.partnerCourseCode(), e.localCourseCode(),
                    e.localCourseTitle(), e.validFrom(), e.validUntil());
        }
    }

    record RulesetVersionSummary(int version, Instant publishedAt, int courseEquivalences, String electiveCategory, int rules) {

        static RulesetVersionSummary of(Ruleset r) {
            return new RulesetVersionSummary(r.version().value(), r.publishedAt(), r.courseEquivalences().size(),
                    r.electiveCategory(), r.rules().size());
        }
    }
}
