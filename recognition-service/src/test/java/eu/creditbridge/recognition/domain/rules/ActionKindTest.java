package eu.creditbridge.recognition.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import eu.creditbridge.rules.RuleAction;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The policy switches over ActionKind; this keeps the enum in step with the sealed family Java 17 cannot switch over. */
class ActionKindTest {

    @Test
    void everyKindOfRuleActionHasItsKind() {
        assertThat(Arrays.stream(ActionKind.values()).<Class<?>>map(ActionKind::type).toList())
                .containsExactlyInAnyOrder(RuleAction.class.getPermittedSubclasses());
    }
}
