package eu.creditbridge.recognition.domain.agreement;

import eu.creditbridge.kernel.EctsCredits;
import eu.creditbridge.recognition.domain.TargetKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An EWP Online Learning Agreement's tables as they stand: Table A (components studied at the partner) and Table B
 * (components recognised at home), after every approved change, and the changes proposed but not approved yet,
 * kept apart so they are shown and never applied. The mapping is table to table, as the Erasmus+ agreement is:
 * the credits of Table A count towards Table B as a whole, not course to course.
 */
public record AgreementTables(List<TableComponent> studied, List<TableComponent> recognised, Optional<PendingChanges> pending) {

    /** Whether a proposed line adds a component or takes one away. */
    public enum Change { INSERTED, DELETED }

    /** Which table a line belongs to. */
    public enum Table { STUDIED, RECOGNISED }

    public record ProposedChange(Change change, Table table, TableComponent component) {
        public ProposedChange {
            Objects.requireNonNull(change, "change is required");
            Objects.requireNonNull(table, "table is required");
            Objects.requireNonNull(component, "component is required");
        }
    }

    /** Changes signed by some parties but not approved by all: shown as pending, never applied. */
    public record PendingChanges(String proposalId, List<ProposedChange> changes) {
        public PendingChanges {
            Objects.requireNonNull(proposalId, "proposal id is required");
            changes = List.copyOf(changes);
        }
    }

    public AgreementTables {
        studied = List.copyOf(studied);
        recognised = List.copyOf(recognised);
        pending = Objects.requireNonNullElse(pending, Optional.empty());
        if (studied.isEmpty()) {
            throw new IllegalArgumentException("the approved agreement lists no component studied at the partner (Table A)");
        }
        if (recognised.isEmpty()) {
            throw new IllegalArgumentException("the approved agreement lists no component recognised at home (Table B)");
        }
    }

    /** A table after a list of approved changes: deleted lines leave, inserted lines join, in the order given. */
    public static List<TableComponent> applied(List<TableComponent> table, List<ProposedChange> changes, Table which) {
        List<TableComponent> result = new ArrayList<>(table);
        for (ProposedChange change : changes) {
            if (change.table() != which) {
                continue;
            }
            if (change.change() == Change.DELETED) {
                result.removeIf(line -> line.sameAs(change.component()));
            } else if (result.stream().noneMatch(line -> line.sameAs(change.component()))) {
                result.add(change.component());
            }
        }
        return result;
    }

    /**
     * Table A as agreement components: each partner course counts towards Table B. One Table B component is a local
     * course; several are the agreement's Table B as a credit category, named by the agreement and listing them.
     */
    public List<AgreementComponent> components(String agreementId) {
        boolean oneCourse = recognised.size() == 1;
        String target = oneCourse ? recognised.get(0).localKey() : "learning-agreement-" + agreementId;
        String title = oneCourse ? recognised.get(0).title()
                : "Table B: " + recognised.stream().map(TableComponent::describe).collect(Collectors.joining(" + "));
        TargetKind kind = oneCourse ? TargetKind.LOCAL_COURSE : TargetKind.CREDIT_CATEGORY;
        List<AgreementComponent> components = new ArrayList<>();
        for (TableComponent line : studied) {
            if (components.stream().noneMatch(each -> each.isFor(line.matchKey()))) {
                components.add(new AgreementComponent(line.matchKey(), target, Optional.of(title), line.credits(), kind));
            }
        }
        return components;
    }

    public EctsCredits studiedCredits() {
        return EctsCredits.ofHundredths(studied.stream().mapToLong(line -> line.credits().hundredths()).sum());
    }

    public EctsCredits recognisedCredits() {
        return EctsCredits.ofHundredths(recognised.stream().mapToLong(line -> line.credits().hundredths()).sum());
    }
}
