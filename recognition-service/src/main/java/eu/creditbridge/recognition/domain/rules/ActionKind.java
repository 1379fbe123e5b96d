package eu.creditbridge.recognition.domain.rules;

import eu.creditbridge.rules.RuleAction;

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

    /** Asked once per decision: a loop over one copy of the kinds (values() copies its array on every call). */
    private static final ActionKind[] KINDS = values();

    static ActionKind of(RuleAction action) {
        for (ActionKind kind : KINDS) {
            if (kind.type.isInstance(action)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("no kind for rule action " + action.getClass().getName());
    }
}
