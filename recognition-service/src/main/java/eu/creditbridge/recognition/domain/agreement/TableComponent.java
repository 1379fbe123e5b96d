package eu.creditbridge.recognition.domain.agreement;

import eu.creditbridge.kernel.EctsCredits;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of an EWP Online Learning Agreement's table: a component studied at the partner (Table A) or one
 * recognised at home (Table B), as the agreement names it. EWP components often carry no course code (the public
 * example's "Introductory calculus" has none), so the title stands in for it when matching.
 *
 * @param code  the course code ({@code los-code}), if given
 * @param losId the learning-opportunity id ({@code los-id}), if given: what ELMO documents reference
 */
public record TableComponent(Optional<String> code, Optional<String> losId, String title, EctsCredits credits) {

    public TableComponent {
        code = Objects.requireNonNullElse(code, Optional.<String>empty()).map(String::strip).filter(value -> !value.isEmpty());
        losId = Objects.requireNonNullElse(losId, Optional.<String>empty()).map(String::strip).filter(value -> !value.isEmpty());
        Objects.requireNonNull(title, "a component has a title");
        Objects.requireNonNull(credits, "a component carries ECTS credits");
        title = title.strip();
        if (title.isEmpty()) {
            throw new IllegalArgumentException("a component has a title");
        }
    }

    /** The code a credential is matched on: the course code, else the title. */
    public String matchKey() {
        return code.orElse(title);
    }

    /** How the home institution names it: its course code, else its learning-opportunity id, else its title. */
    public String localKey() {
        return code.or(() -> losId).orElse(title);
    }

    /** Whether two lines name the same component: by los-id, else by course code, else by title and credits. */
    public boolean sameAs(TableComponent other) {
        if (losId.isPresent() && other.losId.isPresent()) {
            return losId.equals(other.losId);
        }
        if (code.isPresent() && other.code.isPresent()) {
            return code.get().equalsIgnoreCase(other.code.get());
        }
        return title.toLowerCase(Locale.ROOT).equals(other.title.toLowerCase(Locale.ROOT)) && credits.equals(other.credits);
    }

    public String describe() {
        return code.map(value -> value + " ").orElse("") + title + " (" + credits.value().stripTrailingZeros().toPlainString() + " ECTS)";
    }
}
