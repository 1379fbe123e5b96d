package eu.creditbridge.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** The one shape of a refusal the tables check: the kernel's exception, naming the kind of value and the rule. */
final class Refusals {

    private Refusals() {
    }

    static void assertRefused(ThrowingCallable reading, String valueType, String rule) {
        assertThatThrownBy(reading).isInstanceOfSatisfying(InvalidValue.class, e -> {
            assertThat(e.valueType()).isEqualTo(valueType);
            assertThat(e.rule()).contains(rule);
            assertThat(e).hasMessage(e.rule());
        });
    }
}
