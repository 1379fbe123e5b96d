package eu.creditbridge.recognition.domain.rules;

import eu.creditbridge.rules.RuleAction;
import java.util.Arrays;

/**
 * The kinds of the sealed {@link RuleAction}, so the policy can {@code switch} over them. Java 17 has no pattern
 * matching in {@code switch} (a preview there), and an {@code instanceof} chain is checked by nobody; a switch
 * expression over this enum is checked by the compiler for every kind, and {@code ActionKindTest} checks that every
 * permitted subclass of the sealed family has its kind here.
 */
enum ActionKind {

    RECOGNISE_AS_COURSE(RuleAction.RecogniseAsCourse.class),
    ELECTIVE_CREDITS(RuleAction.ElectiveCredits.class),
    ROUTE_TO_REGISTRAR(RuleAction.RouteToRegistrar.class),
    REJECT(RuleAction.Reject.class);

    private final Class<? extends RuleAction> type;

    ActionKind(Class<? extends RuleAction> type) {
        this.type = type;
    }

    Class<? extends RuleAction> type() {
        return type;
    }

    static ActionKind of(RuleAction action) {
        return Arrays.stream(values()).filter(kind -> kind.type.isInstance(action)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no kind for rule action " + action.getClass().getName()));
    }
}
