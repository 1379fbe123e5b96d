package eu.creditbridge.registry.store;

import eu.creditbridge.rules.GradeConversionSetting;
import eu.creditbridge.rules.Rule;
import eu.creditbridge.rules.RuleAction;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.Decimal128;

/** Rules and grade-conversion settings of a ruleset document; the action is a sub-document with a {@code type}. */
final class RuleDocuments {

    private RuleDocuments() {
    }

    static Document rule(Rule rule) {
        return new Document("id", rule.id())
                .append("description", rule.description().orElse(null))
                .append("priority", rule.priority())
                .append("condition", rule.condition())
                .append("action", action(rule.action()))
                .append("effectiveFrom", Dates.write(rule.effectiveFrom().orElse(null)))
                .append("effectiveUntil", Dates.write(rule.effectiveUntil().orElse(null)));
    }

    static Rule rule(Document d) {
        return new Rule(d.getString("id"), Optional.ofNullable(d.getString("description")), d.getInteger("priority"),
                d.getString("condition"), action(d.get("action", Document.class)),
                Optional.ofNullable(Dates.read(d.getString("effectiveFrom"))), Optional.ofNullable(Dates.read(d.getString("effectiveUntil"))));
    }

    private static Document action(RuleAction action) {
        if (action instanceof RuleAction.RecogniseAsCourse course) {
            return new Document("type", "RECOGNISE_AS_COURSE").append("localCourseCode", course.localCourseCode())
                    .append("localCourseTitle", course.localCourseTitle().orElse(null))
                    .append("requiredPartnerCourses", course.requiredPartnerCourses());
        }
        if (action instanceof RuleAction.ElectiveCredits elective) {
            return new Document("type", "ELECTIVE_CREDITS").append("category", elective.category())
                    .append("capEcts", elective.capEcts().map(Decimal128::new).orElse(null));
        }
        if (action instanceof RuleAction.RouteToRegistrar registrar) {
            return new Document("type", "ROUTE_TO_REGISTRAR").append("reason", registrar.reason());
        }
        return new Document("type", "REJECT").append("reason", ((RuleAction.Reject) action).reason());
    }

    private static RuleAction action(Document d) {
        return switch (d.getString("type")) {
            case "RECOGNISE_AS_COURSE" -> new RuleAction.RecogniseAsCourse(d.getString("localCourseCode"),
                    Optional.ofNullable(d.getString("localCourseTitle")), d.getList("requiredPartnerCourses", String.class, List.of()));
            case "ELECTIVE_CREDITS" -> new RuleAction.ElectiveCredits(d.getString("category"),
                    Optional.ofNullable(d.get("capEcts", Decimal128.class)).map(Decimal128::bigDecimalValue).map(BigDecimal::stripTrailingZeros));
            case "ROUTE_TO_REGISTRAR" -> new RuleAction.RouteToRegistrar(d.getString("reason"));
            default -> new RuleAction.Reject(d.getString("reason"));
        };
    }

    static Document conversion(GradeConversionSetting setting) {
        Document d = new Document("partnerInstitution", setting.partnerInstitution().orElse(null)).append("method", setting.method().name());
        setting.linear().ifPresent(l -> d.append("nMin", l.nMin()).append("nMax", l.nMax()).append("scaleBest", l.best()).append("scaleWorst", l.worst()));
        return d;
    }

    static GradeConversionSetting conversion(Document d) {
        Optional<GradeConversionSetting.LinearScale> linear = d.getDouble("nMin") == null ? Optional.empty()
                : Optional.of(new GradeConversionSetting.LinearScale(d.getDouble("nMin"), d.getDouble("nMax"), d.getDouble("scaleBest"),
                        d.getDouble("scaleWorst")));
        return new GradeConversionSetting(Optional.ofNullable(d.getString("partnerInstitution")),
                GradeConversionSetting.Method.valueOf(d.getString("method")), linear);
    }
}
