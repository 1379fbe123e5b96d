package eu.creditbridge.recognition.messaging;

import eu.creditbridge.contract.ElectiveCredits;
import eu.creditbridge.contract.RecogniseAsCourse;
import eu.creditbridge.contract.RecognitionRule;
import eu.creditbridge.contract.RejectCredential;
import eu.creditbridge.contract.RouteToRegistrar;
import eu.creditbridge.contract.RulesetPublished;
import eu.creditbridge.rules.GradeConversionSetting;
import eu.creditbridge.rules.Rule;
import eu.creditbridge.rules.RuleAction;
import java.util.List;
import java.util.Optional;

/** The rules and grade-conversion settings of a RulesetPublished record, as the shared rule model. */
final class RulesetMapping {

    private RulesetMapping() {
    }

    static List<Rule> rules(RulesetPublished published) {
        return published.getRules().stream().map(RulesetMapping::rule).toList();
    }

    static List<GradeConversionSetting> gradeConversions(RulesetPublished published) {
        return published.getGradeConversions().stream().map(setting -> new GradeConversionSetting(
                Optional.ofNullable(setting.getPartnerInstitution()),
                GradeConversionSetting.Method.valueOf(setting.getMethod().name()),
                setting.getNMin() == null || setting.getNMax() == null || setting.getScaleBest() == null || setting.getScaleWorst() == null
                        ? Optional.empty()
                        : Optional.of(new GradeConversionSetting.LinearScale(setting.getNMin(), setting.getNMax(), setting.getScaleBest(),
                                setting.getScaleWorst())))).toList();
    }

    private static Rule rule(RecognitionRule rule) {
        return new Rule(rule.getId(), Optional.ofNullable(rule.getDescription()), rule.getPriority(), rule.getCondition(),
                action(rule.getAction()), Optional.ofNullable(rule.getEffectiveFrom()), Optional.ofNullable(rule.getEffectiveUntil()));
    }

    private static RuleAction action(Object action) {
        if (action instanceof RecogniseAsCourse course) {
            return new RuleAction.RecogniseAsCourse(course.getLocalCourseCode(), Optional.ofNullable(course.getLocalCourseTitle()),
                    course.getRequiredPartnerCourses());
        }
        if (action instanceof ElectiveCredits elective) {
            return new RuleAction.ElectiveCredits(elective.getCategory(), Optional.ofNullable(elective.getCapEcts()));
        }
        if (action instanceof RouteToRegistrar registrar) {
            return new RuleAction.RouteToRegistrar(registrar.getReason());
        }
        if (action instanceof RejectCredential reject) {
            return new RuleAction.Reject(reject.getReason());
        }
        // A newer action type this service does not know yet: a registrar decides rather than the rule guessing.
        return new RuleAction.RouteToRegistrar("the ruleset uses an action this recognition-service does not know");
    }
}
